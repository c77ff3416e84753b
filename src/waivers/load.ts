import { isExistingDate } from '../core/dates';
import { bi } from '../core/i18n';
import { InputError, type InputProblem } from '../intake/problem';
import { validateAgainst } from '../intake/schema-validator';
import { readYamlFile } from '../intake/yaml';
import type { Waiver, WaiverSet } from '../findings/waiver-types';

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
      semantic.push({ file, at: parsed.locate(['waivers', index, 'rule']), field: `waivers[${index}].rule`, message: bi(`豁免 ${waiver.id} 针对的规则 ${waiver.rule} 不在所用规则包中`, `Waiver ${waiver.id} names the rule ${waiver.rule}, which no loaded pack has`) });
    }
    if (seen.has(waiver.id)) {
      semantic.push({ file, at: parsed.locate(['waivers', index, 'id']), field: `waivers[${index}].id`, message: bi(`豁免编号 ${waiver.id} 重复`, `The waiver id ${waiver.id} is used twice`) });
    }
    seen.add(waiver.id);
  });
  if (semantic.length > 0) throw new InputError(semantic);
  return { file, sha256: parsed.sha256, waivers };
}

/** `--waiver-date` must be a date that exists, YYYY-MM-DD (2025-02-30 is not one); a mistake there is a command-line error. */
export function waiverDateProblems(date: string | undefined): InputProblem[] {
  if (date === undefined || isExistingDate(date)) return [];
  const expected = bi('存在的日期,写成年-月-日,如 2025-01-15', 'a date that exists, written YYYY-MM-DD, such as 2025-01-15');
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    return [{ file: '--waiver-date', message: bi(`--waiver-date 的日期 ${date} 不存在`, `--waiver-date: the date ${date} does not exist`), expected }];
  }
  return [{ file: '--waiver-date', message: bi(`--waiver-date 应为 YYYY-MM-DD 格式的日期(年-月-日),收到“${date}”`, `--waiver-date takes a date, YYYY-MM-DD; got "${date}"`), expected }];
}
