import { exact, exactFromDecimal, exactOf, type Exact } from '../core/exact-number';
import type { FieldPath } from '../intake/field-path';
import { VALUE_KINDS } from './value-kinds';
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
  const walk = (value: unknown, concrete: string, general: string, parts: FieldPath): unknown => {
    const kind = VALUE_KINDS.get(general);
    if (kind) {
      let scalar = value;
      // `{ value, source }` is unwrapped; `{ not_required: reason }` (a conditional procedure) is kept as it is.
      if (scalar !== null && typeof scalar === 'object' && 'value' in scalar) {
        const sourced = scalar as { value: unknown; source?: string };
        if (sourced.source) sources.set(concrete, sourced.source);
        scalar = sourced.value;
      }
      if (kind !== 'rate' && kind !== 'count') return scalar;
      const scalarPath = scalar === value ? parts : [...parts, 'value'];
      const source = typeof scalar === 'number' ? scalarSource(scalarPath) : undefined;
      // A count past 2^53 is no longer the number written; its source text still is.
      exacts.set(concrete, kind === 'rate' ? exactRate(scalar, source) : ((source !== undefined ? exactFromDecimal(source) : undefined) ?? exactOf(scalar as number)));
      return kind === 'rate' && typeof scalar === 'string' ? percentToRatio(scalar) : scalar;
    }
    if (Array.isArray(value)) return value.map((item, i) => walk(item, `${concrete}[${i}]`, `${general}[]`, [...parts, i]));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, child]) => [key, walk(child, concrete ? `${concrete}.${key}` : key, general ? `${general}.${key}` : key, [...parts, key])]),
      );
    }
    return value;
  };
  return { data: walk(raw, '', '', []) as SubmissionData, sources, exacts };
}
