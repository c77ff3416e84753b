import type { Status } from './findings/types';

/** Compares by code point, so the order is the same on every machine and locale. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order a person reads findings in, what needs action first; also which of two statuses is the worse. */
export const ATTENTION_ORDER: readonly Status[] = ['fail', 'missing_data', 'warn', 'pending', 'waived', 'pass', 'not_applicable'];
