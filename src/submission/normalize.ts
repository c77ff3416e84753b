import { VALUE_KINDS } from './value-kinds';
import type { SubmissionData } from './types';

/** "93.5%" → 0.935, parsed as the decimal it is written as (no 93.5 / 100 rounding). */
export function percentToRatio(text: string): number {
  return Number(`${text.slice(0, -1)}e-2`);
}

interface Normalised {
  data: SubmissionData;
  sources: Map<string, string>;
}

/**
 * Unwraps `{value, source}` scalars (keeping the source as evidence) and turns percentages into ratios.
 * Runs on data the schema has accepted, so every typed field has one of its allowed shapes.
 */
export function normalizeSubmission(raw: SubmissionData): Normalised {
  const sources = new Map<string, string>();
  const walk = (value: unknown, concrete: string, general: string): unknown => {
    const kind = VALUE_KINDS.get(general);
    if (kind) {
      let scalar = value;
      if (scalar !== null && typeof scalar === 'object') {
        const sourced = scalar as { value: unknown; source?: string };
        if (sourced.source) sources.set(concrete, sourced.source);
        scalar = sourced.value;
      }
      return kind === 'rate' && typeof scalar === 'string' ? percentToRatio(scalar) : scalar;
    }
    if (Array.isArray(value)) return value.map((item, i) => walk(item, `${concrete}[${i}]`, `${general}[]`));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, child]) => [key, walk(child, concrete ? `${concrete}.${key}` : key, general ? `${general}.${key}` : key)]),
      );
    }
    return value;
  };
  return { data: walk(raw, '', '') as SubmissionData, sources };
}
