import { divided, exactOf, type Exact } from '../../core/exact-number';
import { bi } from '../../core/i18n';
import type { RateCheck } from '../../pack/types';
import type { Submission } from '../../submission/types';
import { compared } from '../conditions';
import { undecided, type Observation } from '../observation';
import { labels, missingFields, toPath, valueAt } from './context';
import { comparisonExpected, type CheckKind } from './kind';
import { checkSchema, NOTE_SCHEMA, OPERATOR_SCHEMA, thresholdSchema, topField, WORDING_SCHEMA } from './schema';

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

export const rateKind: CheckKind<RateCheck> = {
  kind: 'rate',
  meta: {
    perRecord: false,
    description: bi('由两个数量(分子、分母)算出的比率与目标值精确比较;分母为 0 时不适用', 'A rate computed exactly from two counts, compared with a target; with a zero denominator the rule does not apply'),
    statuses: ['pass', 'fail', 'missing_data', 'not_applicable'],
    schema: checkSchema('rate', ['numerator', 'denominator', 'operator', 'wording', 'threshold'], {
      note: NOTE_SCHEMA,
      numerator: topField(['count']),
      denominator: topField(['count']),
      operator: OPERATOR_SCHEMA,
      wording: WORDING_SCHEMA,
      threshold: thresholdSchema(['ratio']),
    }),
    fieldUnit: 'count',
  },
  condition: (check, fact) => compared(fact, check.operator),
  expected: comparisonExpected,
  measure: measureRate,
};
