import { stringify } from 'csv-stringify/sync';

/**
 * Records as CSV the way Excel reads it: CRLF between records, and every cell that holds a line break quoted.
 * csv-stringify quotes a cell holding its record delimiter (CRLF) but not a bare LF, which would split the row.
 */
export function csvText(records: readonly (readonly string[])[]): string {
  return stringify(records as string[][], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/** The byte-order mark that makes Excel on Windows read UTF-8 (and so the Chinese). */
export const BOM = '\uFEFF';
