import type { BooleanCheck } from '../../pack/types';
import type { Submission } from '../../submission/types';
import type { Observation } from '../observation';
import { missingFields, toPath, valueAt } from './context';

/** One or more fields that must be true; a false one decides even when another is missing. */
export function measureBoolean(check: BooleanCheck, submission: Submission): Observation {
  const values = check.fields.map((field) => [field, valueAt(submission, field)] as const);
  const missing = values.filter(([, value]) => value === undefined).map(([field]) => field);
  const anyFalse = values.some(([, value]) => value === false);
  if (missing.length > 0 && !anyFalse) return missingFields(missing);
  const known = values.filter(([, value]) => value !== undefined) as (readonly [string, boolean])[];
  const actual = check.fields.length === 1 ? known[0][1] : Object.fromEntries(known.map(([field, value]) => [field.split('.').pop() as string, value]));
  return { actual, problems: [], notes: [], checked: 0, fields: check.fields.map(toPath) };
}
