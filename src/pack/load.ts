import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bi } from '../i18n';
import { InputError, type InputProblem } from '../input/problem';
import { validateAgainst } from '../input/schema-validator';
import { readYamlFile, sha256Hex } from '../input/yaml-file';
import { itemSections, nfkc, packStructureProblems, ruleFidelityProblems } from './fidelity';
import type { PackDefinition, RulePack } from './types';

const PACK_FILE = 'pack.yaml';

/** A pack is a folder holding pack.yaml and its source text, or the pack.yaml itself. */
function packFile(path: string): string {
  try {
    return statSync(path).isDirectory() ? join(path, PACK_FILE) : path;
  } catch {
    return path;
  }
}

/**
 * Loads a rule pack and proves it against its source: schema, the source's hash, and every quote,
 * clause and wording. A pack that does not hold is refused whole, with each problem placed.
 */
export function loadPack(path: string): RulePack {
  const file = packFile(path);
  const parsed = readYamlFile(file);
  const schemaProblems = validateAgainst('rule-pack.schema.json', parsed);
  if (schemaProblems.length > 0) throw new InputError(schemaProblems);
  const definition = parsed.data as PackDefinition;

  const sourcePath = join(dirname(file), definition.source.file);
  let sourceBytes: Buffer;
  try {
    sourceBytes = readFileSync(sourcePath);
  } catch {
    const at = parsed.locate(['source', 'file']);
    throw new InputError([{ file, ...at, field: 'source.file', message: bi(`找不到规则包的原文文件 ${sourcePath}`, `The pack's source text ${sourcePath} cannot be read`) }]);
  }
  const problems: InputProblem[] = [];
  if (sha256Hex(sourceBytes) !== definition.source.sha256) {
    problems.push({
      file,
      ...parsed.locate(['source', 'sha256']),
      field: 'source.sha256',
      message: bi('原文文件的 sha256 与规则包记载的不一致:原文被改动过,请核对后更新', 'The source text does not hash to the sha256 the pack records: it was changed; check it, then update the hash'),
      expected: bi(sha256Hex(sourceBytes), sha256Hex(sourceBytes)),
    });
  }
  const sourceText = sourceBytes.toString('utf8');
  const normalized = nfkc(sourceText);
  const sections = itemSections(normalized);
  for (const message of packStructureProblems(definition, sections)) problems.push({ file, line: 1, column: 1, message });
  definition.rules.forEach((rule, index) => {
    for (const message of ruleFidelityProblems(rule, sections, normalized)) {
      problems.push({ file, ...parsed.locate(['rules', index, 'citation', 'quote']), field: `rules[${index}]`, message });
    }
  });
  if (problems.length > 0) throw new InputError(problems);
  return { ...definition, file, sha256: parsed.sha256, sourceText };
}
