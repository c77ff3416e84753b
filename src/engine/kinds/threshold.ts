import type { MilestoneCheck, ThresholdCheck } from '../../pack/types';
import type { Submission } from '../../submission/types';
import type { Observation } from '../observation';
import { missingFields, toPath, valueAt } from './context';

/** A value compared with a threshold; a milestone is the same comparison, read against its due year later. */
export function measureThreshold(check: ThresholdCheck | MilestoneCheck, submission: Submission): Observation {
  const value = valueAt(submission, check.field);
  if (value === undefined) return missingFields([check.field]);
  return { actual: value as number, problems: [], checked: 0, fields: [toPath(check.field)] };
}
