import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { bi, type Lang } from '../core/i18n';
import { PACKAGE_ROOT } from '../core/paths';
import { TOOL } from '../core/version';
import type { InputProblem } from '../intake/problem';
import { schemaText } from '../intake/schema-files';
import type { PageData, PageDocument } from './page-data';
import { scopeOf } from './catalogue';
import { EXIT } from './exit';
import { loadRuleInputs, packFiles } from './inputs';

/** The page's script as `npm run build` bundles it (build-page.ts): `plancheck page` reads it, and bundles nothing. */
export const PAGE_BUNDLE = join(PACKAGE_ROOT, 'dist', 'page', 'app.js');

/** The schemas the page's script reads: the submission's (its validator, its labels), the pack's (the fields a rule reads, for the template). */
const PAGE_SCHEMAS = ['submission.schema.json', 'rule-pack.schema.json'];

export interface PageRequest {
  packs?: readonly string[];
  level?: string;
  year?: string;
  lang: Lang;
  /** The `$schema` path of a YAML written beside the page: the command computes it for the page's folder. */
  schemaPath: string;
}

export interface PageOutcome {
  /** What the page is made of, when the packs loaded and the request is right: its data, and its script. */
  made?: PageDocument;
  /** Every file the page is made from: it may not be written over one. */
  inputs: string[];
  exitStatus: number;
  problems: InputProblem[];
}

/**
 * `plancheck page` as a library function: the packs loaded and proved as `check` loads them (a pack that fails its
 * proof is refused here, not in a clerk's browser), and what the page is made of: them, the schemas and the bundled script (report/page/html.ts writes it).
 * Nothing of the run (no clock, no path of this machine) goes into the page, but the `$schema` path a downloaded YAML names (as `convert` beside the page writes it).
 */
export function page(request: PageRequest): PageOutcome {
  const problems: InputProblem[] = [];
  const scope = scopeOf({ level: request.level, year: request.year }, problems);
  const { packs } = loadRuleInputs(request.packs ?? [], [], problems);
  const inputs = [...packFiles(packs), PAGE_BUNDLE];
  if (!existsSync(PAGE_BUNDLE)) {
    problems.push({ file: PAGE_BUNDLE, message: bi('自查页面的脚本尚未生成', "The page's script has not been built"), expected: bi('先运行 npm run build(安装包中已含此脚本)', 'run npm run build first (an installed package has it)') });
  }
  if (problems.length > 0 || packs.length === 0) return { inputs, exitStatus: EXIT.invalidInput, problems };
  const data: PageData = {
    tool: { name: TOOL.name, version: TOOL.version },
    lang: request.lang,
    schemaPath: request.schemaPath,
    // A pack by its folder and file name, not where it lies on the machine that built the page.
    packs: packs.map((pack) => ({ ...pack, file: `${basename(dirname(pack.file))}/${basename(pack.file)}` })),
    schemas: Object.fromEntries(PAGE_SCHEMAS.map((name) => [name, schemaText(name)])),
    ...(scope.level ? { level: scope.level } : {}),
    ...(scope.year ? { year: scope.year } : {}),
  };
  return { made: { data, script: readFileSync(PAGE_BUNDLE, 'utf8') }, inputs, exitStatus: EXIT.ok, problems };
}
