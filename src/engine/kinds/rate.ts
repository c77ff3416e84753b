import { divided, exactOf, type Exact } from '../../core/exact-number';
import { bi } from '../../core/i18n';
import type { RateCheck } from '../../pack/types';
import type { Submission } from '../../submission/types';
import { undecided, type Observation } from '../observation';
import { labels, missingFields, toPath, valueAt } from './context';

/** A rate from two counts, as the exact fraction they make; with nothing to count (a zero denominator) there is nothing to check. */
export function measureRate(check: RateCheck, submission: Submission): Observation {
  const numerator = valueAt(submission, check.numerator);
  const denominator = valueAt(submission, check.denominator);
  const missing = [check.numerator, check.denominator].filter((_, i) => [numerator, denominator][i] === undefined);
  if (missing.length > 0) return missingFields(missing);
  if (denominator === 0) {
    const named = labels([check.denominator]);
    return undecided('not_applicable', bi(`${named.zh}为 0,无需计算比率`, `${named.en} is 0: there is no rate to check`));
  }
  const written = (field: string, value: unknown): Exact => submission.exacts.get(field) ?? exactOf(value as number);
  const exact = divided(written(check.numerator, numerator), written(check.denominator, denominator));
  return { actual: (numerator as number) / (denominator as number), exact, problems: [], notes: [], checked: 0, fields: [toPath(check.numerator), toPath(check.denominator)] };
}
