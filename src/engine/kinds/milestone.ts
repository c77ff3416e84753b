import { divided, exactOf } from '../../core/exact-number';
import { bi } from '../../core/i18n';
import type { MilestoneCheck } from '../../pack/types';
import { formatQuantity, formatRequirement, percent } from '../../pack/units';
import type { Submission } from '../../submission/types';
import { compared } from '../conditions';
import type { Observation } from '../observation';
import { measuredValue, yearEnd } from './context';
import { comparisonExpected, type CheckKind } from './kind';
import { checkSchema, FIELD_PATH_SCHEMA, NOTE_SCHEMA, OPERATOR_SCHEMA, submissionField, thresholdSchema, WORDING_SCHEMA } from './schema';

/** Before the end of its due year, a milestone not reached is progress, not failure. */
function notYetDue(check: MilestoneCheck, { year, asOf }: Submission): Observation['notYetDue'] {
  if (year < check.due_year) return bi(`须于 ${check.due_year} 年底前达到`, `due by the end of ${check.due_year}`);
  if (year === check.due_year && asOf < yearEnd(year)) return bi(`须于 ${year} 年底前达到,数据截至 ${asOf}`, `due by the end of ${year}; the data runs to ${asOf}`);
  return undefined;
}

/** The comparison of a threshold, read against the milestone's due year. */
export function measureMilestone(check: MilestoneCheck, submission: Submission): Observation {
  return measuredValue(check.field, submission, notYetDue(check, submission));
}

export const milestoneKind: CheckKind<MilestoneCheck> = {
  kind: 'milestone',
  meta: {
    perRecord: false,
    description: bi('一个数值须于某一年底前达到目标;此前各年度显示进度', 'A value to reach by the end of a given year; earlier years show the progress made'),
    statuses: ['pass', 'fail', 'pending', 'missing_data', 'not_applicable'],
    schema: checkSchema('milestone', ['field', 'operator', 'wording', 'threshold', 'due_year'], {
      note: NOTE_SCHEMA,
      // A rate where the target is a ratio, else a count.
      field: submissionField(FIELD_PATH_SCHEMA, { scope: 'top', shapes: ['count'], shapesWhen: { path: 'threshold.unit', is: { ratio: ['rate'] } } }),
      operator: OPERATOR_SCHEMA,
      wording: WORDING_SCHEMA,
      threshold: thresholdSchema(['count', 'ratio']),
      due_year: { type: 'integer' },
    }),
  },
  condition: (check, fact) => compared(fact, check.operator),
  expected: comparisonExpected,
  measure: measureMilestone,
  words: {
    due: ({ due_year }) => bi(`须于 ${due_year} 年底前达到;此前各年度显示进度(待到期)`, `due by the end of ${due_year}; earlier years show the progress (pending)`),
    /** Progress towards the target, as a share of it. */
    pending({ threshold }, observation, expected, found, due) {
      if (typeof observation.actual !== 'number' || typeof expected.value !== 'number') return undefined;
      const progress = percent(divided(observation.exact ?? exactOf(observation.actual), exactOf(expected.value)), 1);
      const required = (lang: 'zh' | 'en'): string => formatRequirement(expected.operator, expected.value, expected.unit, lang);
      return bi(
        `进度 ${found.zh}/${formatQuantity(expected.value, threshold.unit, 'zh')}(${progress});要求 ${required('zh')},${due.zh}`,
        `progress ${found.en} of ${formatQuantity(expected.value, threshold.unit, 'en')} (${progress}); ${required('en')} is ${due.en}`,
      );
    },
  },
};
