import type { Cell, Workbook, Worksheet } from 'exceljs';
import type { Status } from '../../findings/types';
import { workbookText } from '../../core/text-safety';
import { COLORS } from './labels';
import { REPORT_MARK } from '../../intake/xlsx-layout';
import { zipDefaults } from './zip-defaults';

/**
 * What the workbooks of every subject share (`check --format xlsx`, `review --format xlsx`): exceljs, loaded only
 * here and only when a workbook is asked for; a sheet as a table (bold header row, frozen, with an autofilter, widths
 * that fit the Chinese); the colours of the statuses; and the bytes, the same for the same inputs.
 */

type ExcelJs = typeof import('exceljs');

/** exceljs, required when a workbook is made: a check that writes no workbook never loads it (tests/lazy-loading). */
function excel(): ExcelJs {
  return require('exceljs') as ExcelJs;
}

/**
 * The one date a workbook states about itself, in its properties and on every entry of its zip: the earliest a zip
 * can hold. A workbook made from the same inputs is the same bytes; `--timestamp` puts the run's time in the
 * provenance sheet, never here.
 */
export const WORKBOOK_DATE = new Date(Date.UTC(1980, 0, 1));

/** A new workbook whose own properties are fixed: the tool as its author, `WORKBOOK_DATE` as its dates. */
export function newWorkbook(): Workbook {
  const workbook = new (excel().Workbook)();
  workbook.creator = 'plancheck';
  workbook.lastModifiedBy = 'plancheck';
  workbook.created = WORKBOOK_DATE;
  workbook.modified = WORKBOOK_DATE;
  return workbook;
}

/** A cell's value as the tool writes it: text (shown safe), a number, or nothing. */
export type CellValue = string | number | null;

/** How wide a text shows, in Excel's columns: a Chinese (full-width) character takes two, and the widest line counts. */
export function displayWidth(text: string): number {
  return Math.max(0, ...text.split('\n').map((line) => [...line].reduce((n, char) => n + (isWide(char) ? 2 : 1), 0)));
}

function isWide(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000;
}

/** The narrowest and the widest a column is made; a longer text wraps in its cell. */
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** A column of a table sheet: its header and, when it is always narrow (a status symbol), a width of its own. */
export interface Column {
  header: string;
  width?: number;
}

export interface TableOptions {
  /** Columns kept in view when scrolling right (the bureau, its code, level and year in the matrix). */
  frozenColumns?: number;
  /** An autofilter on the header row (default true). */
  filter?: boolean;
}

const HEADER_FILL = 'FFF5F5F5';

/** ARGB as exceljs takes it, from the `#rrggbb` of the HTML reports. */
function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/**
 * A sheet as one table: a bold header row, frozen, with an autofilter over it; one row per record; every column as
 * wide as its widest line (Chinese counted double), within bounds, and text that is longer wrapped.
 */
export function addTable(workbook: Workbook, name: string, columns: readonly Column[], rows: readonly (readonly CellValue[])[], options: TableOptions = {}): Worksheet {
  const frozen = options.frozenColumns ?? 0;
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: frozen, ySplit: 1, topLeftCell: cellAddress(2, frozen + 1), activeCell: 'A2' }] });
  sheet.addRow(columns.map((c) => workbookText(c.header)));
  for (const row of rows) sheet.addRow(row.map((value) => (typeof value === 'string' ? workbookText(value) : value)));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  });
  columns.forEach((column, index) => {
    const widest = Math.max(displayWidth(column.header), ...rows.map((row) => (row[index] === null || row[index] === undefined ? 0 : displayWidth(String(row[index])))));
    const width = column.width ?? Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = width;
    if (widest + 2 > width) sheetColumn.alignment = { vertical: 'top', wrapText: true };
  });
  printSetup(sheet, 1, frozen);
  if (options.filter !== false && columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
  return sheet;
}

/** About how many columns of width (Excel's unit, a narrow character) a landscape A4 page shows at full size. */
const PAGE_WIDTH = 150;

/**
 * How a sheet prints: landscape A4, its header rows on every page (and its first columns, where they stay in view on
 * screen), so that no column is cut off on paper. A sheet not much wider than a page is shrunk to its width; a wider
 * one (the matrix, 70 rules across) is printed at three quarters of its size across pages, its bureau columns
 * repeated on each.
 */
export function printSetup(sheet: Worksheet, headerRows: number, frozenColumns = 0): void {
  const width = (sheet.columns ?? []).reduce((sum, column) => sum + (column.hidden ? 0 : (column.width ?? 9)), 0);
  const fit = width <= PAGE_WIDTH * 1.6;
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: fit,
    ...(fit ? { fitToWidth: 1, fitToHeight: 0 } : { scale: 75, pageOrder: 'overThenDown' as const }),
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    ...(headerRows > 0 ? { printTitlesRow: `1:${headerRows}` } : {}),
    ...(frozenColumns > 0 ? { printTitlesColumn: `A:${cellAddress(1, frozenColumns).replace(/\d+$/, '')}` } : {}),
  };
}

/** `A1`-style address of a row and column (both from 1). */
export function cellAddress(row: number, column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/**
 * A status's cell as the HTML matrix shows it: the colour of the status as its fill, white bold text on the strong
 * colours; a pass and not applicable on a pale fill in their own colour, so that what needs no action stays quiet.
 */
const PALE: Partial<Record<Status, string>> = { pass: '#c8e6c9', not_applicable: '#eeeeee' };

export function statusFill(status: Status): string {
  return argb(PALE[status] ?? COLORS[status]);
}

export function paintStatus(cell: Cell, status: Status): void {
  const pale = PALE[status] !== undefined;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: statusFill(status) } };
  cell.font = { bold: status === 'fail', color: { argb: pale ? argb(COLORS[status]) : 'FFFFFFFF' } };
}


/**
 * The workbook's bytes, the same for the same inputs: its own dates fixed (`newWorkbook`, again here for a workbook
 * made elsewhere), and every entry of its zip dated `WORKBOOK_DATE`, by setting the zip library's default date while
 * exceljs writes (its zip writer takes no date of its own): no zip or XML of ours.
 */
export async function workbookBytes(workbook: Workbook, kind: 'report' | 'submission'): Promise<Uint8Array> {
  workbook.created = WORKBOOK_DATE;
  workbook.modified = WORKBOOK_DATE;
  const defaults = zipDefaults();
  const before = defaults.date;
  defaults.date = WORKBOOK_DATE;
  try {
    // A report says so in the zip's own comment, at the end of the file, where a folder walk can see it without
    // opening the workbook (intake/xlsx.ts): a report put beside the submissions is skipped, not refused.
    const zip = kind === 'report' ? { comment: REPORT_MARK } : {};
    return new Uint8Array(await workbook.xlsx.writeBuffer({ zip } as Parameters<Workbook['xlsx']['writeBuffer']>[0]));
  } finally {
    defaults.date = before;
  }
}
