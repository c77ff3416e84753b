import { bi } from '../../core/i18n';
import type { ThresholdCheck } from '../../pack/types';
import type { Submission } from '../../submission/types';
import { compared } from '../conditions';
import type { Observation } from '../observation';
import { measuredValue, yearEnd } from './context';
import { comparisonExpected, type CheckKind } from './kind';
import { checkSchema, FIELD_PATH_SCHEMA, NOTE_SCHEMA, OPERATOR_SCHEMA, submissionField, thresholdSchema, WORDING_SCHEMA } from './schema';

/** A count the year accumulates is not yet short before the year is over. */
function notYetDue(check: ThresholdCheck, { year, asOf }: Submission): Observation['notYetDue'] {
  if (check.annual && asOf < yearEnd(year)) return bi(`本年度尚未结束(数据截至 ${asOf}),年底前达到即可`, `the year is not over (the data runs to ${asOf}); it may still be reached by the end of ${year}`);
  return undefined;
}

/** A value compared with a threshold. */
export function measureThreshold(check: ThresholdCheck, submission: Submission): Observation {
  return measuredValue(check.field, submission, notYetDue(check, submission));
}

export const thresholdKind: CheckKind<ThresholdCheck> = {
  kind: 'threshold',
  meta: {
    perRecord: false,
    description: bi('一个数值与目标值精确比较;按年累计的数量在年底前未达到的,结果为“待到期”', 'A value compared exactly with a target; a yearly count short of it before the year is over is pending'),
    statuses: ['pass', 'fail', 'pending', 'missing_data', 'not_applicable'],
    schema: checkSchema('threshold', ['field', 'operator', 'wording', 'threshold'], {
      note: NOTE_SCHEMA,
      // A rate where the target is a ratio, else a count.
      field: submissionField(FIELD_PATH_SCHEMA, { scope: 'top', shapes: ['count'], shapesWhen: { path: 'threshold.unit', is: { ratio: ['rate'] } } }),
      operator: OPERATOR_SCHEMA,
      wording: WORDING_SCHEMA,
      threshold: thresholdSchema(['ratio', 'count', 'days']),
      annual: { type: 'boolean', description: 'a count the year accumulates (每年…): short of it before the year is over is pending' },
    }),
  },
  condition: (check, fact) => compared(fact, check.operator),
  expected: comparisonExpected,
  measure: measureThreshold,
  words: {
    due: ({ annual }) => (annual ? bi('按年累计:截至 12 月 31 日前未达到的,记为待到期', 'a yearly count: short of it before 31 December is pending') : undefined),
  },
};
