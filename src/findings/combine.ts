import type { KindStatus } from '../engine/kinds';

/**
 * How a composite check's status is made from its checks' (docs/composite-checks.md). Missing data is neither true
 * nor false: it never makes a pass, and a `not` keeps it missing. The other statuses follow what they stand for:
 *   - `all`: any fail → fail; else any missing_data → missing_data; else any pending → pending; else any warn → warn;
 *     else pass. A check that does not apply (not_applicable: nothing of the kind this year) binds nothing and is
 *     left out; when none applies, not_applicable.
 *   - `any`: any pass → pass; else any warn → warn; else any missing_data → missing_data (the missing value might
 *     already meet it); else any pending → pending; else fail. not_applicable checks are left out as for `all`.
 *   - `not`: pass ↔ fail; missing_data, pending and not_applicable stay as they are; warn (the letter missed, an
 *     exception stated, so read as met) becomes fail: a negation never turns an excused shortfall into a pass.
 */
export type LeafStatus = KindStatus;

/** Worst first, for `all`. */
const ALL_ORDER: readonly LeafStatus[] = ['fail', 'missing_data', 'pending', 'warn', 'pass'];
/** Best first, for `any`. */
const ANY_ORDER: readonly LeafStatus[] = ['pass', 'warn', 'missing_data', 'pending', 'fail'];

function first(order: readonly LeafStatus[], statuses: readonly LeafStatus[]): LeafStatus {
  const bound: readonly LeafStatus[] = statuses.filter((status) => status !== 'not_applicable');
  if (bound.length === 0) return 'not_applicable';
  return order.find((status) => bound.includes(status)) ?? 'missing_data';
}

export function allOf(statuses: readonly LeafStatus[]): LeafStatus {
  return first(ALL_ORDER, statuses);
}

export function anyOf(statuses: readonly LeafStatus[]): LeafStatus {
  return first(ANY_ORDER, statuses);
}

const NEGATION: Readonly<Record<LeafStatus, LeafStatus>> = {
  pass: 'fail',
  fail: 'pass',
  warn: 'fail',
  missing_data: 'missing_data',
  pending: 'pending',
  not_applicable: 'not_applicable',
};

export function notOf(status: LeafStatus): LeafStatus {
  return NEGATION[status];
}
