/**
 * report/kit/zip-defaults.ts in the page: exceljs's browser build keeps its zip library inside, out of reach, so a
 * workbook downloaded from the page has its zip entries dated when it is made. Its cells, its sheets and its own
 * dates are those `plancheck convert` writes (tests/page-browser.test.ts reads it back with the CLI).
 */
export function zipDefaults(): { date: Date | null } {
  return { date: null };
}
