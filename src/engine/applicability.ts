import { bi, type Bilingual } from '../i18n';
import type { Level, Rule, RulePack } from '../pack/types';
import type { Submission } from '../submission/types';
import { undecided, type Observation } from './observation';

export const LEVEL_NAMES: Readonly<Record<Level, Bilingual>> = {
  province: bi('省级', 'province'),
  city: bi('市州', 'city'),
  county: bi('县市区', 'county'),
};

/** A rule for another level or a year outside the plan's period does not apply: decided before any comparison. */
export function inapplicable(rule: Rule, pack: RulePack, submission: Submission): Observation | undefined {
  const { level } = submission.bureau;
  if (!rule.levels.includes(level)) {
    const zh = rule.levels.map((l) => LEVEL_NAMES[l].zh).join('、');
    const en = rule.levels.map((l) => LEVEL_NAMES[l].en).join(' and ');
    return undecided('not_applicable', bi(`本条适用于${zh}单位,不适用于${LEVEL_NAMES[level].zh}单位`, `Applies to ${en} bureaus, not to a ${LEVEL_NAMES[level].en} bureau`));
  }
  const { from, to } = pack.years;
  if (submission.year < from || submission.year > to) {
    return undecided('not_applicable', bi(`本方案适用于 ${from}—${to} 年度,不适用于 ${submission.year} 年度`, `The plan covers the years ${from}–${to}, not ${submission.year}`));
  }
  return undefined;
}
