import { bi, type Bilingual } from '../core/i18n';
import { LEVEL_LABELS } from '../pack/levels';
import type { Level, Rule, RulePack } from '../pack/types';
import type { Submission } from '../submission/types';
import { valueAt } from './kinds/context';
import { undecided, type Observation } from './observation';


/** A bureau's level and a reporting year; either may be left open (a catalogue of one level for every year). */
export interface Scope {
  level?: Level;
  year?: number;
}

/**
 * Whether a rule applies to a bureau of a level in a reporting year, decided from the rule and its pack alone: the
 * reason it does not, or undefined when it does. The catalogue and the template ask this without a submission.
 */
export function outOfScope(rule: Rule, pack: RulePack, { level, year }: Scope): Bilingual | undefined {
  if (level !== undefined && !rule.levels.includes(level)) {
    const zh = rule.levels.map((l) => LEVEL_LABELS[l].zh).join('、');
    const en = rule.levels.map((l) => LEVEL_LABELS[l].en).join(' and ');
    return bi(`本条适用于${zh}单位,不适用于${LEVEL_LABELS[level].zh}单位`, `Applies to ${en} bureaus, not to a ${LEVEL_LABELS[level].en} bureau`);
  }
  const { from, to } = pack.years;
  if (year !== undefined && (year < from || year > to)) return bi(`本方案适用于 ${from}—${to} 年度,不适用于 ${year} 年度`, `The plan covers the years ${from}–${to}, not ${year}`);
  return undefined;
}

/** A rule for another level or a year outside the plan's period does not apply: decided before any comparison. */
export function inapplicable(rule: Rule, pack: RulePack, submission: Submission): Observation | undefined {
  const scope = outOfScope(rule, pack, { level: submission.bureau.level, year: submission.year });
  if (scope) return undecided('not_applicable', scope);
  const when = rule.not_applicable_when;
  if (when && valueAt(submission, when.field) === when.equals) return undecided('not_applicable', when.reason);
  return undefined;
}

/**
 * A bureau whose region code lies outside the pack's jurisdiction is still checked (a reviewer may want the
 * comparison), but every report says that the plan does not bind it.
 */
export function outsideJurisdiction(pack: RulePack, submission: Submission): Bilingual | undefined {
  const { jurisdiction } = pack;
  const code = submission.bureau.region_code;
  if (!jurisdiction || code === undefined || code.startsWith(jurisdiction.region_prefix)) return undefined;
  return bi(
    `注意:行政区划代码 ${code} 不属于${jurisdiction.name.zh}(代码以 ${jurisdiction.region_prefix} 开头),《${pack.title.zh}》对该单位没有约束力;以下结果仅供参考`,
    `Note: region code ${code} is outside ${jurisdiction.name.en} (codes starting ${jurisdiction.region_prefix}); the plan "${pack.title.en}" does not bind this bureau, and the findings below are for reference only`,
  );
}
