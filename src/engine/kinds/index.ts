import type { Check, CommentPeriodCheck, DisclosureDeadlineCheck, EveryRecordCheck } from '../../pack/types';
import type { Submission } from '../../submission/types';
import type { Observation } from '../observation';
import { measureBoolean } from './boolean';
import { measureCommentPeriod } from './comment-period';
import type { MeasureContext } from './context';
import { measureDisclosureDeadline } from './disclosure-deadline';
import { measureEveryRecord } from './every-record';
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
    case 'comment_period':
      return measureCommentPeriod(check, submission);
    case 'disclosure_deadline':
      return measureDisclosureDeadline(check, submission, context);
  }
}

/** Kinds whose finding is about records of a list: evidence names each record that falls short. */
export function isPerRecord(check: Check): check is EveryRecordCheck | CommentPeriodCheck | DisclosureDeadlineCheck {
  return check.kind === 'every_record' || check.kind === 'comment_period' || check.kind === 'disclosure_deadline';
}
