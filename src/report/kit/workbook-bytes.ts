import type { Workbook } from 'exceljs';

/**
 * A workbook's bytes, the same for the same content: exceljs stamps the workbook's created and modified dates with
 * the clock, and the zip library under it stamps every entry of the archive with the clock too. Both are fixed here
 * to one moment, so that a rerun gives the same bytes (cli-contract.md: same inputs, same bytes).
 */

/** The moment every plancheck workbook says it was made: no date of a run, so none that differs between runs. */
export const WORKBOOK_EPOCH = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/** The zip library exceljs writes with (its own copy, wherever npm put it), whose entry dates default to the clock. */
function zipDefaults(): { date: Date | null } {
  const exceljs = require.resolve('exceljs');
  return (require(require.resolve('jszip', { paths: [exceljs] })) as { defaults: { date: Date | null } }).defaults;
}

export async function workbookBytes(workbook: Workbook): Promise<Uint8Array> {
  workbook.created = WORKBOOK_EPOCH;
  workbook.modified = WORKBOOK_EPOCH;
  workbook.creator = 'plancheck';
  workbook.lastModifiedBy = 'plancheck';
  const defaults = zipDefaults();
  const before = defaults.date;
  defaults.date = WORKBOOK_EPOCH;
  try {
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  } finally {
    defaults.date = before;
  }
}
