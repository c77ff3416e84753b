import { stringify } from 'csv-stringify/sync';
import { csvCell } from '../../core/text-safety';

/** A number the tool itself writes (a raw value): written as the number it is, a negative one too, never prefixed. */
export interface CsvNumber {
  readonly number: number;
}

export function csvNumber(number: number): CsvNumber {
  return { number };
}

/** A cell: text (from a user or the tool) or a number the tool computed. */
export type CsvValue = string | CsvNumber;

/**
 * Text goes through `csvCell`: a cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR first)
 * gets a leading `'`. Only a finite number the tool wrote as `csvNumber` is left as it is, so that `-3` stays a number.
 */
function cellText(value: CsvValue): string {
  if (typeof value === 'string') return csvCell(value);
  return Number.isFinite(value.number) ? String(value.number) : csvCell(String(value.number));
}

/**
 * Records as CSV the way Excel reads it: CRLF between records, every cell that holds a line break quoted, and no
 * cell that starts a formula. csv-stringify quotes a cell holding its record delimiter (CRLF) but not a bare LF,
 * which would split the row.
 */
export function csvText(records: readonly (readonly CsvValue[])[]): string {
  return stringify(
    records.map((record) => record.map(cellText)),
    { record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
}

/** The byte-order mark that makes Excel on Windows read UTF-8 (and so the Chinese). */
export const BOM = '\uFEFF';
