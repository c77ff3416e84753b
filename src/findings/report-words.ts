import { topFieldsOf } from '../engine/kinds';
import { labels, valueAt } from '../engine/kinds/context';
import type { Observation } from '../engine/observation';
import { bi, type Bilingual } from '../core/i18n';
import type { Check } from '../pack/types';
import { fieldLabel } from '../submission/field-labels';
import type { Submission } from '../submission/types';

/**
 * The words of a finding on a submission drafted from a prose report. A field a report leaves out is not a blank in
 * a form (未填写): the bureau wrote a report that does not say it, so the finding says 报告未载明 and names what.
 */

/** Whether a submission's findings are worded for a report. */
export function fromReport(submission: Pick<Submission, 'origin'>): boolean {
  return submission.origin === 'report';
}

/** A value a report leaves out, in evidence beside the values it states. */
export const UNSTATED_VALUE = bi('报告未载明', 'not stated in the report');

function unstated(what: Bilingual, also: Bilingual = bi('', '')): Bilingual {
  return bi(`报告未载明${what.zh}${also.zh};缺少数据不视为通过`, `the report does not state ${what.en}${also.en}; missing data never counts as a pass`);
}

/** The fields a decision before comparing found absent: those the check reads that the data lacks (all, if none is absent). */
function absentFields(check: Check, submission: Submission): string[] {
  const fields = topFieldsOf(check);
  const absent = fields.filter((field) => valueAt(submission, field) === undefined);
  return absent.length > 0 ? absent : fields;
}

/**
 * A missing-data message for a report, or undefined where the data is not what is missing (a holiday calendar the
 * tool lacks), and the check's own words stand.
 */
export function unstatedMessage(check: Check, observation: Observation, submission: Submission): Bilingual | undefined {
  if (observation.undecided) return observation.undecided.status === 'missing_data' ? unstated(labels(absentFields(check, submission))) : undefined;
  const missing = observation.problems.filter((problem) => problem.verdict === 'missing');
  if (missing.length === 0) return undefined;
  // A record's field (执法决定第 4 条的公开日期), or the record itself where the check names no one field of it.
  const named = (lang: 'zh' | 'en'): string[] =>
    [...new Set(missing.map((problem) => {
      const label = fieldLabel(problem.path, lang);
      const whole = typeof problem.path[problem.path.length - 1] === 'number';
      return whole ? (lang === 'zh' ? `${label}的相关内容` : `what is needed of ${label}`) : label;
    }))];
  const n = observation.checked;
  return unstated(bi(named('zh').join('、'), named('en').join(', ')), bi(`(${missing.length}/${n} 条记录无法判断)`, ` (${missing.length} of ${n} records cannot be judged)`));
}

/** A `first_given` rule none of whose alternatives a report states (neither the records nor the rate): each named. */
export function noneStatedMessage(alternatives: readonly { subject: Bilingual }[]): Bilingual {
  return unstated(bi(alternatives.map((leaf) => leaf.subject.zh).join(',也未载明'), alternatives.map((leaf) => leaf.subject.en).join(', nor ')));
}
