import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The layer list, shared with .dependency-cruiser.cjs and the README (npm run docs:layers).
const layers: {
  LAYERS: { name: string; paths: string[]; role: string }[];
  layerOf(modulePath: string): number;
  readmeSection(): string;
  readmeSectionInFile(): string | undefined;
} = require('../docs/layers.cjs');

const ROOT = path.join(__dirname, '..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  rule: { name: string; severity: string };
  from: string;
  to: string;
  cycle?: { name: string }[];
}
interface CruiseResult {
  modules: { source: string }[];
  summary: { violations: Violation[]; error: number };
}

/** dependency-cruiser's JSON for `src/` under `cwd`, whatever its exit status (the number of errors). */
function cruise(cwd: string): Promise<CruiseResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', 'json'], { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      try {
        resolve(JSON.parse(stdout) as CruiseResult);
      } catch {
        reject(new Error(`dependency-cruiser gave no JSON (${error?.message ?? 'no error'}):\n${stderr}`));
      }
    });
  });
}

function describeViolation(violation: Violation): string {
  const layer = (module: string): string => layers.LAYERS[layers.layerOf(module)]?.name ?? 'no layer';
  const cycle = violation.cycle?.length ? `, cycle ${[violation.from, ...violation.cycle.map((step) => step.name)].join(' → ')}` : '';
  return `${violation.rule.name}: ${violation.from} (${layer(violation.from)}) → ${violation.to} (${layer(violation.to)})${cycle}`;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|js|cjs|mjs|json)$/.test(entry.name) ? [path.relative(ROOT, full).split(path.sep).join('/')] : [];
  });
}

/** A tree with one upward import and one cycle: the rules must catch both. */
function brokenTree(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plancheck-layers-'));
  const write = (file: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  write('tsconfig.build.json', JSON.stringify({ compilerOptions: { module: 'commonjs', moduleResolution: 'node', strict: true }, include: ['src'] }));
  write('src/core/i18n.ts', "import type { Program } from '../cli/program';\nexport type Lang = Program;\n");
  write('src/cli/program.ts', 'export type Program = string;\n');
  write('src/pack/a.ts', "import { b } from './b';\nexport const a = (): number => b() + 1;\n");
  write('src/pack/b.ts', "import { a } from './a';\nexport const b = (): number => (a ? 1 : 0);\n");
  return dir;
}

let actual: CruiseResult;
let broken: CruiseResult;
let brokenDir: string;

beforeAll(async () => {
  brokenDir = brokenTree();
  [actual, broken] = await Promise.all([cruise(ROOT), cruise(brokenDir)]);
});

afterAll(() => {
  if (brokenDir) fs.rmSync(brokenDir, { recursive: true, force: true });
});

describe('layers of src/ (docs/layers.cjs, .dependency-cruiser.cjs)', () => {
  test('no module imports from a layer above its own, and no import makes a cycle', () => {
    expect(actual.modules.length).toBeGreaterThan(50);
    expect(actual.summary.violations.map(describeViolation)).toEqual([]);
  });

  test('every module of src/ is in a layer', () => {
    const files = sourceFiles(path.join(ROOT, 'src'));
    const cruised = actual.modules.map((module) => module.source);
    expect(files.filter((file) => layers.layerOf(file) < 0)).toEqual([]);
    expect(cruised.filter((file) => layers.layerOf(file) < 0)).toEqual([]);
    expect(cruised.filter((file) => file.endsWith('.ts')).sort()).toEqual(files.filter((file) => file.endsWith('.ts')).sort());
  });

  test('every entry of the layer list names something in src/, once', () => {
    const entries = layers.LAYERS.flatMap((layer) => layer.paths);
    expect(entries.filter((entry, index) => entries.indexOf(entry) !== index)).toEqual([]);
    expect(entries.filter((entry) => !fs.existsSync(path.join(ROOT, 'src', entry)))).toEqual([]);
  });

  test('the rules catch an upward import and a cycle', () => {
    const found = broken.summary.violations.map(describeViolation);
    expect(found).toContain('upward-core-to-entry: src/core/i18n.ts (core) → src/cli/program.ts (entry)');
    expect(found.some((line) => line.startsWith('no-circular: src/pack/a.ts (pack) → src/pack/b.ts (pack)'))).toBe(true);
  });

  test("the README's layout section is drawn from the layer list (npm run docs:layers rewrites it)", () => {
    expect(layers.readmeSectionInFile()).toBe(layers.readmeSection());
  });
});
