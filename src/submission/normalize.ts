import { exact, exactFromDecimal, exactOf, type Exact } from '../core/exact-number';
import type { FieldPath } from '../intake/field-path';
import { formatFieldPath } from '../intake/field-path';
import { SUBMISSION_FIELDS, type FieldNode } from './value-kinds';
import type { SubmissionData } from './types';

/** "93.5%" → 0.935, parsed as the decimal it is written as (no 93.5 / 100 rounding). */
export function percentToRatio(text: string): number {
  return Number(`${text.slice(0, -1)}e-2`);
}

/** A rate exactly as written: "89.995%" or the source text of a ratio, never the nearest binary fraction. */
function exactRate(written: unknown, source: string | undefined): Exact {
  if (typeof written === 'string') {
    const percent = exactFromDecimal(written.slice(0, -1)) as Exact;
    return exact(percent.num, percent.den * 100n);
  }
  return (source !== undefined ? exactFromDecimal(source) : undefined) ?? exactOf(written as number);
}

interface Normalised {
  data: SubmissionData;
  sources: Map<string, string>;
  /** Every rate and count as the exact rational the bureau wrote, by concrete field path. */
  exacts: Map<string, Exact>;
}

/**
 * Unwraps `{value, source}` scalars (keeping the source as evidence) and turns percentages into ratios.
 * Runs on data the schema has accepted, so every typed field has one of its allowed shapes.
 */
export function normalizeSubmission(raw: SubmissionData, scalarSource: (path: FieldPath) => string | undefined = () => undefined): Normalised {
  const sources = new Map<string, string>();
  const exacts = new Map<string, Exact>();
  // `parts` is the path of the node being walked, one stack for the whole walk: a path is copied only where it is kept.
  const parts: (string | number)[] = [];
  const walk = (value: unknown, field: FieldNode): unknown => {
    const { kind } = field;
    if (kind) {
      let scalar = value;
      // `{ value, source }` is unwrapped; `{ not_required: reason }` (a conditional procedure) is kept as it is.
      if (scalar !== null && typeof scalar === 'object' && 'value' in scalar) {
        const sourced = scalar as { value: unknown; source?: string };
        if (sourced.source) sources.set(formatFieldPath(parts), sourced.source);
        scalar = sourced.value;
      }
      if (kind !== 'rate' && kind !== 'count') return scalar;
      const concrete = formatFieldPath(parts);
      const scalarPath = scalar === value ? [...parts] : [...parts, 'value'];
      const source = typeof scalar === 'number' ? scalarSource(scalarPath) : undefined;
      // A count past 2^53 is no longer the number written; its source text still is.
      exacts.set(concrete, kind === 'rate' ? exactRate(scalar, source) : ((source !== undefined ? exactFromDecimal(source) : undefined) ?? exactOf(scalar as number)));
      return kind === 'rate' && typeof scalar === 'string' ? percentToRatio(scalar) : scalar;
    }
    if (Array.isArray(value)) {
      const records = field.items();
      return value.map((item, i) => {
        parts.push(i);
        const walked = walk(item, records);
        parts.pop();
        return walked;
      });
    }
    if (value !== null && typeof value === 'object') {
      const walked: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        parts.push(key);
        const child = walk((value as Record<string, unknown>)[key], field.child(key));
        // A key `__proto__` stays a key, as Object.fromEntries keeps it, rather than setting the prototype.
        if (key === '__proto__') Object.defineProperty(walked, key, { value: child, enumerable: true, writable: true, configurable: true });
        else walked[key] = child;
        parts.pop();
      }
      return walked;
    }
    return value;
  };
  return { data: walk(raw, SUBMISSION_FIELDS) as SubmissionData, sources, exacts };
}
