/**
 * The defaults of the zip library exceljs writes with (its own copy, wherever npm put it), whose entry dates default
 * to the clock: workbookBytes (xlsx.ts) dates every entry by them. The self-check page's exceljs is its browser
 * build, whose zip library is inside it: there (page/host/zip-defaults.ts) the entries keep the clock's dates.
 */
export function zipDefaults(): { date: Date | null } {
  const exceljs = require.resolve('exceljs');
  return (require(require.resolve('jszip', { paths: [exceljs] })) as { defaults: { date: Date | null } }).defaults;
}
