import { dayNumber } from '../../core/dates';
import { isDateField, NO, NOT_REQUIRED_WORD, percentFormat, percentText, YES } from '../../intake/xlsx-layout';
import type { CatalogueField } from '../../run/catalogue';
import { percentToRatio } from '../../submission/normalize';

/**
 * A submission's value as a cell of the template holds it (`plancheck convert … --to xlsx`): the inverse of what the
 * reader (intake/xlsx.ts) takes from a cell, so that a value written and read back is the value written. Dates become
 * date cells, percentages percent-formatted numbers showing the decimals written, yes/no and choices the drop-downs'
 * Chinese words; a value kept as text wherever its number would not read back as written.
 */

export interface WrittenCell {
  value: string | number | boolean | Date;
  /** A number format of its own, where the column's would not read it back as written. */
  numFmt?: string;
  /** The value's `source`, for the 出处 column (基本数据) or the cell's note (a record). */
  source?: string;
}

const GENERAL = 'General';
const DAY_MS = 86_400_000;

/** `{ value, source }` as its parts; any other value has no source. */
function sourced(written: unknown): { value: unknown; source?: string } {
  if (written !== null && typeof written === 'object' && !Array.isArray(written) && 'value' in written) {
    const { value, source } = written as { value: unknown; source?: unknown };
    return typeof source === 'string' ? { value, source } : { value };
  }
  return { value: written };
}

/** A date as the date cell of its day (midnight UTC, as the reader takes it back), years below 100 included. */
function dateCell(text: string): Date {
  return new Date(dayNumber(text) * DAY_MS);
}

/** A percentage as the number its cell holds, when that number reads back as the same text; else undefined. */
function percentCell(text: string): { value: number; numFmt: string } | undefined {
  const decimals = /\.(\d+)%$/.exec(text)?.[1].length ?? 0;
  const ratio = percentToRatio(text);
  return Number.isFinite(ratio) && percentText(ratio, decimals) === text ? { value: ratio, numFmt: percentFormat(decimals) } : undefined;
}

function scalarCell(field: CatalogueField, value: unknown): Omit<WrittenCell, 'source'> {
  if (typeof value === 'boolean') return { value: value ? YES : NO };
  if (value !== null && typeof value === 'object' && 'not_required' in value) return { value: `${NOT_REQUIRED_WORD}:${String((value as { not_required: unknown }).not_required)}` };
  if (typeof value === 'string') {
    if (isDateField(field.shape, field.example) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return { value: dateCell(value) };
    if (field.shape === 'rate' && value.endsWith('%')) return percentCell(value) ?? { value, numFmt: '@' };
    const choice = field.choices?.find((entry) => entry.value === value);
    return { value: choice?.zh ?? value };
  }
  // A rate written as a ratio (0.935) stays a ratio: a percent format would read it back as the text 93.5%.
  if (typeof value === 'number') return field.shape === 'rate' ? { value, numFmt: GENERAL } : { value };
  return { value: String(value) };
}

/** The cell that holds a written value of a field. */
export function writtenCell(field: CatalogueField, written: unknown): WrittenCell {
  const { value, source } = sourced(written);
  return { ...scalarCell(field, value), ...(source !== undefined ? { source } : {}) };
}
