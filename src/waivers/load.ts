import { bi } from '../i18n';
import { InputError, type InputProblem } from '../input/problem';
import { validateAgainst } from '../input/schema-validator';
import { readYamlFile } from '../input/yaml-file';
import type { Waiver, WaiverSet } from './types';

/**
 * Reads a waiver file. Every field but the year is required, and a waiver must name a rule that exists:
 * a misspelt rule id would otherwise never apply, silently.
 */
export function loadWaivers(file: string, ruleIds: ReadonlySet<string>): WaiverSet {
  const parsed = readYamlFile(file);
  const problems = validateAgainst('waivers.schema.json', parsed);
  if (problems.length > 0) throw new InputError(problems);
  const { waivers } = parsed.data as { waivers: Waiver[] };
  const seen = new Set<string>();
  const semantic: InputProblem[] = [];
  waivers.forEach((waiver, index) => {
    if (!ruleIds.has(waiver.rule)) {
      semantic.push({ file, ...parsed.locate(['waivers', index, 'rule']), field: `waivers[${index}].rule`, message: bi(`豁免 ${waiver.id} 针对的规则 ${waiver.rule} 不在所用规则包中`, `Waiver ${waiver.id} names the rule ${waiver.rule}, which no loaded pack has`) });
    }
    if (seen.has(waiver.id)) {
      semantic.push({ file, ...parsed.locate(['waivers', index, 'id']), field: `waivers[${index}].id`, message: bi(`豁免编号 ${waiver.id} 重复`, `The waiver id ${waiver.id} is used twice`) });
    }
    seen.add(waiver.id);
  });
  if (semantic.length > 0) throw new InputError(semantic);
  return { file, sha256: parsed.sha256, waivers };
}

/** `--waiver-date` must be a date, YYYY-MM-DD; a mistake there is a command-line error. */
export function waiverDateProblems(date: string | undefined): InputProblem[] {
  if (date === undefined || /^\d{4}-\d{2}-\d{2}$/.test(date)) return [];
  return [{ file: '--waiver-date', message: bi(`--waiver-date 应为 YYYY-MM-DD 格式的日期,收到 "${date}"`, `--waiver-date takes a date, YYYY-MM-DD; got "${date}"`) }];
}
