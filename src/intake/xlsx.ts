import type * as Excel from 'exceljs';
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { bi } from '../core/i18n';
import type { CellPosition } from '../core/place';
import type { FieldPath } from './field-path';
import { sha256Hex, type IntakeFormat, type ParsedDocument } from './format';
import { InputError, type InputProblem } from './problem';
import { readTail } from './read-file';
import { schemaFieldsOf, type FieldSchema } from './schema-labels';
import {
  BASIC_COLUMNS,
  BASIC_FIRST_ROW,
  BASIC_SHEET,
  cellAddress,
  GUIDE_SHEET,
  isDateField,
  listOfSheet,
  NO,
  NONE_THIS_YEAR,
  NOT_REQUIRED,
  percentText,
  percentDecimals,
  RECORD_FIRST_ROW,
  RECORD_NAMES_ROW,
  RECORD_SHEETS,
  REPORT_MARK,
  SOURCE_NOTE,
  takesNotRequired,
  YES,
} from './xlsx-layout';

/**
 * A filled-in template workbook (cli-contract.md, "Excel workbooks"; the layout is ./xlsx-layout.ts) read into the
 * same data a YAML submission gives, so that the same validation, normalisation and findings apply; every field is
 * placed at its cell (`基本数据!D12`, `执法决定!C7`). Values are read as Excel holds them: a date cell, a date's serial
 * number, a percent-formatted ratio (0.935 shown as 93.5% is "93.5%"), 是/否 and TRUE/FALSE, the drop-downs' Chinese
 * words. An empty value cell is not filled in: the field is absent, and a check reports it as missing data.
 * exceljs is loaded only when a workbook is read.
 */

const FIELDS = schemaFieldsOf('submission.schema.json');

/** Excel's day 0 of the 1900 date system (its serial 1 is 1900-01-01, counting the leap day 1900 never had). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const TRUE_WORDS = new Set([YES, 'TRUE', 'true']);
const FALSE_WORDS = new Set([NO, 'FALSE', 'false']);

/** A cell's value, its number format, and where it stands. */
interface Cell {
  value: CellValue;
  numFmt?: string;
  /** The cell's note (comment), as text: a record's value gives its source so (`出处:…`). */
  note?: string;
  at: CellPosition;
}

/** A value as the template's fields take it, or undefined for an empty cell. */
type Scalar = string | number | boolean | { not_required: string };

function isoDate(date: Date): string {
  // exceljs gives a date cell as midnight UTC of its day: read in UTC, so no time zone moves it a day.
  return date.toISOString().slice(0, 10);
}

/** What a cell holds, as plain data: a formula by its result, rich text and links by their text; empty text is empty. */
function plain(value: CellValue): Scalar | Date | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if ('richText' in value) return plain(value.richText.map((part) => part.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return plain((value as { result?: CellValue }).result ?? null);
  if ('text' in value) return plain(String(value.text));
  return undefined;
}

/** The enum value a Chinese word of the drop-down stands for (县级 → county), or the word itself. */
function enumValue(field: FieldSchema, word: string): string {
  for (const [code, words] of Object.entries(field.enumZh ?? {})) if (words.includes(word)) return code;
  return word;
}

/**
 * A cell's value as the field's kind takes it. What cannot be read so is passed on as written, and the schema's
 * check then says what is wrong with it at its cell (a text in a date field, a rate above 100%).
 */
function fieldValue(field: FieldSchema | undefined, cell: Cell): Scalar | undefined {
  const value = plain(cell.value);
  if (value === undefined) return undefined;
  const kind = isDateField(field?.kind, field?.examples?.[0]) ? 'date' : field?.kind;
  if (value instanceof Date) return isoDate(value);
  if (kind === 'date' && typeof value === 'number') return isoDate(new Date(EXCEL_EPOCH_MS + Math.round(value) * DAY_MS));
  if (kind === 'flag' && typeof value === 'string') {
    if (TRUE_WORDS.has(value)) return true;
    if (FALSE_WORDS.has(value)) return false;
    const reason = takesNotRequired(field?.description) ? NOT_REQUIRED.exec(value)?.[1] : undefined;
    if (reason !== undefined) return { not_required: reason.trim() };
  }
  if (kind === 'rate' && typeof value === 'number' && cell.numFmt?.includes('%')) return percentText(value, percentDecimals(cell.numFmt));
  if (typeof value === 'string') return field?.enumZh ? enumValue(field, value) : value;
  // A number in a field of text (a region code typed as 439921) is that text.
  if (typeof value === 'number' && (kind === 'text' || (kind === undefined && typeof field?.examples?.[0] === 'string'))) return String(value);
  return value;
}

/** Sets a value at a path of objects, making the objects on the way. */
function setAt(data: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = data;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
}

/** A scalar field of the submission that 基本数据 may hold: a typed value not inside a list of records. */
function isBasicField(path: string): boolean {
  const field = FIELDS.get(path);
  return field !== undefined && !path.includes('[]') && (field.kind !== undefined || field.properties.length === 0) && FIELDS.get(`${path}[]`) === undefined;
}

function noteText(note: Excel.Cell['note'] | undefined): string | undefined {
  if (note === undefined || note === null) return undefined;
  return typeof note === 'string' ? note : (note.texts ?? []).map((part) => part.text).join('');
}

function cellOf(sheet: Worksheet, row: number, column: number): Cell {
  const cell = sheet.getRow(row).getCell(column);
  return { value: cell.value, numFmt: cell.numFmt, note: noteText(cell.note), at: { sheet: sheet.name, cell: cellAddress(row, column) } };
}

/** The source a record's cell gives in its note (`出处:2024年度报告`), or undefined. */
function noteSource(cell: Cell): string | undefined {
  return cell.note === undefined ? undefined : SOURCE_NOTE.exec(cell.note.trim())?.[1].trim();
}

function textOf(cell: Cell): string | undefined {
  const value = plain(cell.value);
  return value === undefined ? undefined : value instanceof Date ? isoDate(value) : String(value);
}

/** Builds the data and the places of one workbook, collecting what is wrong with its layout. */
class WorkbookReader {
  readonly data: Record<string, unknown> = {};
  readonly problems: InputProblem[] = [];
  /** Each path written (JSON of its parts) and its cell; a group or list by its first cell. */
  private readonly places = new Map<string, CellPosition>();

  constructor(private readonly file: string) {}

  private place(path: FieldPath, at: CellPosition): void {
    for (let n = 1; n <= path.length; n++) {
      const key = JSON.stringify(path.slice(0, n));
      if (n === path.length || !this.places.has(key)) this.places.set(key, at);
    }
  }

  locate(path: FieldPath): CellPosition {
    for (let n = path.length; n > 0; n--) {
      const at = this.places.get(JSON.stringify(path.slice(0, n)));
      if (at) return at;
    }
    return { sheet: BASIC_SHEET, cell: 'A1' };
  }

  private problem(at: CellPosition, zh: string, en: string, expected?: [string, string]): void {
    this.problems.push({ file: this.file, at, message: bi(zh, en), ...(expected ? { expected: bi(...expected) } : {}) });
  }

  readBasic(sheet: Worksheet): void {
    for (let row = BASIC_FIRST_ROW; row <= sheet.rowCount; row++) {
      const pathCell = cellOf(sheet, row, BASIC_COLUMNS.path);
      const path = textOf(pathCell);
      const valueCell = cellOf(sheet, row, BASIC_COLUMNS.value);
      const sourceCell = cellOf(sheet, row, BASIC_COLUMNS.source);
      if (path === undefined) {
        if (plain(valueCell.value) !== undefined) this.problem(pathCell.at, `这一行填了数值,但 A 列(隐藏的字段路径列)没有字段路径:请勿删改 A 列`, 'This row has a value but no field path in column A: do not change column A', ['模板原有的字段路径,如 services.online_handling_rate', "the template's field path, such as services.online_handling_rate"]);
        continue;
      }
      if (!isBasicField(path)) {
        this.problem(pathCell.at, `A 列(隐藏的字段路径列)的“${path}”不是报送格式中的字段:请勿修改 A 列`, `Column A names “${path}”, which is no field of a submission: do not change column A`, ['模板原有的字段路径,如 services.online_handling_rate', "the template's field path, such as services.online_handling_rate"]);
        continue;
      }
      const parts = path.split('.');
      const value = fieldValue(FIELDS.get(path), valueCell);
      this.place(parts, valueCell.at);
      const source = textOf(sourceCell);
      // An empty value cell is a blank, as `key:` with nothing after it in YAML: not filled in, missing data.
      if (value === undefined) {
        setAt(this.data, parts, null);
      } else if (source === undefined) {
        setAt(this.data, parts, value);
      } else {
        setAt(this.data, parts, { value, source });
        this.place([...parts, 'value'], valueCell.at);
        this.place([...parts, 'source'], sourceCell.at);
      }
    }
  }

  readRecords(sheet: Worksheet, list: string): void {
    const listPath = list.split('.');
    const columns: { column: number; name: string[] }[] = [];
    const width = sheet.getRow(RECORD_NAMES_ROW).cellCount;
    for (let column = 1; column <= width; column++) {
      const cell = cellOf(sheet, RECORD_NAMES_ROW, column);
      const name = textOf(cell);
      if (name === undefined) continue;
      if (!FIELDS.get(`${list}[].${name}`)) {
        this.problem(cell.at, `工作表“${sheet.name}”第 1 行(隐藏的字段名行)的“${name}”不是这类记录的字段:请勿修改第 1 行`, `Row 1 of sheet “${sheet.name}” names “${name}”, which is no field of these records: do not change row 1`, ['模板原有的字段名,如 decided_on', "the template's field name, such as decided_on"]);
        continue;
      }
      columns.push({ column, name: name.split('.') });
    }
    const first = cellOf(sheet, RECORD_FIRST_ROW, 1);
    this.place(listPath, first.at);
    const records: Record<string, unknown>[] = [];
    let none = false;
    for (let row = RECORD_FIRST_ROW; row <= sheet.rowCount; row++) {
      if (row === RECORD_FIRST_ROW && textOf(first) === NONE_THIS_YEAR) {
        none = true;
        continue;
      }
      const record: Record<string, unknown> = {};
      const index = records.length;
      let filled = false;
      for (const { column, name } of columns) {
        const cell = cellOf(sheet, row, column);
        const value = fieldValue(FIELDS.get(`${list}[].${name.join('.')}`), cell);
        if (value === undefined) continue;
        if (none) {
          this.problem(cell.at, `第 3 行第一格写了“${NONE_THIS_YEAR}”(本年度没有此类记录),下面却又填了记录:请删去“${NONE_THIS_YEAR}”或删去这些记录`, `The first record cell says “${NONE_THIS_YEAR}” (none this year) but records follow: delete one or the other`);
          return;
        }
        filled = true;
        const source = noteSource(cell);
        setAt(record, name, source === undefined ? value : { value, source });
        this.place([...listPath, index, ...name], cell.at);
        if (source !== undefined) for (const part of ['value', 'source']) this.place([...listPath, index, ...name, part], cell.at);
      }
      if (!filled) continue;
      this.place([...listPath, index], cellOf(sheet, row, 1).at);
      records.push(record);
    }
    // No record row filled in: the list is a blank, not filled in (missing data); 无 says there was none this year.
    setAt(this.data, listPath, none ? [] : records.length > 0 ? records : null);
  }

  read(workbook: Workbook): void {
    const basic = workbook.getWorksheet(BASIC_SHEET);
    if (!basic) {
      const names = workbook.worksheets.map((sheet) => `“${sheet.name}”`).join('、');
      this.problem(
        { sheet: workbook.worksheets[0]?.name ?? BASIC_SHEET, cell: 'A1' },
        `这不是 plancheck 的报送表:没有“${BASIC_SHEET}”工作表(本文件的工作表:${names || '无'})。请用 plancheck template --format xlsx 生成的模板填写,且不要改工作表名称`,
        `This is not a plancheck workbook: it has no sheet “${BASIC_SHEET}” (its sheets: ${names || 'none'}). Fill in a template made by plancheck template --format xlsx, keeping its sheet names`,
        ['由 plancheck template --format xlsx 生成的报送表', 'a workbook made by plancheck template --format xlsx'],
      );
      return;
    }
    this.readBasic(basic);
    for (const sheet of workbook.worksheets) {
      if (sheet.name === BASIC_SHEET || sheet.name === GUIDE_SHEET) continue;
      const list = listOfSheet(sheet.name);
      if (list) this.readRecords(sheet, list);
      else {
        const known = RECORD_SHEETS.map((entry) => `“${entry.sheet}”`).join('、');
        this.problem({ sheet: sheet.name, cell: 'A1' }, `工作表“${sheet.name}”不是报送表中的工作表(是否改过名称?):记录表的名称应为 ${known} 之一`, `Sheet “${sheet.name}” is no sheet of the template (was it renamed?): a record sheet is named ${RECORD_SHEETS.map((entry) => entry.sheet).join(', ')}`, [`模板原有的工作表名称:${known}`, `the template's sheet names: ${RECORD_SHEETS.map((entry) => entry.sheet).join(', ')}`]);
      }
    }
  }
}

async function loadWorkbook(file: string, bytes: Buffer): Promise<Workbook> {
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; the bytes' own slice of memory is one.
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new InputError([{ file, message: bi('无法打开这个 .xlsx 文件:它不是有效的 Excel 工作簿(可能已损坏,或是改了扩展名的其他文件)', 'Cannot open this .xlsx file: it is not a valid Excel workbook (damaged, or another file renamed)'), expected: bi('Excel 或 WPS 保存的 .xlsx 工作簿', 'an .xlsx workbook saved by Excel or WPS') }]);
  }
  return workbook;
}

async function parseWorkbook(file: string, bytes: Buffer): Promise<ParsedDocument> {
  const workbook = await loadWorkbook(file, bytes);
  const reader = new WorkbookReader(file);
  reader.read(workbook);
  if (reader.problems.length > 0) throw new InputError(reader.problems);
  return {
    file,
    sha256: sha256Hex(bytes),
    data: reader.data,
    locate: (path) => reader.locate(path),
    // Numbers come from cells as doubles, and rates as the text of their percentage: none needs its written digits.
    scalarSource: () => undefined,
    bareKeys: [],
    plainNumbers: true,
    cells: true,
  };
}

/** Whether a file ends with the mark of a plancheck report workbook (its zip's comment): then it is no submission. */
function isPlancheckReport(file: string): boolean {
  return readTail(file, REPORT_MARK.length)?.toString('latin1') === REPORT_MARK;
}

/** Excel workbooks filled in from `plancheck template --format xlsx`. */
export const xlsxFormat: IntakeFormat = {
  id: 'xlsx',
  title: bi('Excel 报送表', 'Excel workbook'),
  extensions: ['.xlsx'],
  isSubmission: (file) => !isPlancheckReport(file),
  reportName: bi('Excel 报告', 'Excel report'),
  parse: (file, bytes) => parseWorkbook(file, bytes),
};
