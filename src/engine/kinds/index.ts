import type { Check, CommentPeriodCheck, DisclosureDeadlineCheck, EveryRecordCheck, LegalBasisCheck } from '../../pack/types';
import type { Submission } from '../../submission/types';
import type { Observation } from '../observation';
import { measureBoolean } from './boolean';
import { measureCommentPeriod } from './comment-period';
import type { MeasureContext } from './context';
import { measureDisclosureDeadline } from './disclosure-deadline';
import { measureDueDate } from './due-date';
import { measureEveryRecord } from './every-record';
import { measureLegalBasis } from './legal-basis';
import { measureRate } from './rate';
import { measureThreshold } from './threshold';

export type { MeasureContext } from './context';

/** Prepares the fact a rule compares, by the kind of its check. */
export function measure(check: Check, submission: Submission, context: MeasureContext): Observation {
  switch (check.kind) {
    case 'boolean':
      return measureBoolean(check, submission);
    case 'threshold':
    case 'milestone':
      return measureThreshold(check, submission);
    case 'rate':
      return measureRate(check, submission);
    case 'every_record':
      return measureEveryRecord(check, submission);
    case 'legal_basis':
      return measureLegalBasis(check, submission);
    case 'due_date':
      return measureDueDate(check, submission);
    case 'comment_period':
      return measureCommentPeriod(check, submission);
    case 'disclosure_deadline':
      return measureDisclosureDeadline(check, submission, context);
  }
}

/** Kinds whose finding is about records of a list: evidence names each record that falls short. */
export function isPerRecord(check: Check): check is EveryRecordCheck | LegalBasisCheck | CommentPeriodCheck | DisclosureDeadlineCheck {
  return check.kind === 'every_record' || check.kind === 'legal_basis' || check.kind === 'comment_period' || check.kind === 'disclosure_deadline';
}
