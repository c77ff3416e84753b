/**
 * The layout of a plancheck workbook (cli-contract.md, "Excel workbooks"): the one description that the template's
 * writer (report/template/xlsx.ts) and the submission's reader (./xlsx.ts) both follow, so that they cannot drift.
 * Pure data and small functions: no workbook library is loaded here.
 *
 *   基本数据: one row per scalar field from row 2: A its dotted path, B its label, C the clause and requirement,
 *             D the value (填报值), E the source (出处). Row 1 is the header.
 *   one sheet per record list: row 1 the record's field names (`decided_on`, `public_consultation.from`), row 2 their
 *             Chinese headers, records from row 3; `无` in the first cell of row 3 is "none this year" (`[]`).
 */

/** The sheet of scalar fields. */
export const BASIC_SHEET = '基本数据';
/** The sheet that says how to fill the workbook in. */
export const GUIDE_SHEET = '说明';

/** The columns of the basic sheet, by what they hold (1-based, as exceljs counts). */
export const BASIC_COLUMNS = { path: 1, label: 2, requirement: 3, value: 4, source: 5 } as const;
export const BASIC_HEADERS: readonly string[] = ['字段路径', '指标(字段)', '条款与要求', '填报值', '出处(选填)'];
/** The basic sheet's header row; fields from the next. */
export const BASIC_HEADER_ROW = 1;
export const BASIC_FIRST_ROW = 2;

/** A record sheet's rows: field names, Chinese headers, then the records. */
export const RECORD_NAMES_ROW = 1;
export const RECORD_HEADERS_ROW = 2;
export const RECORD_FIRST_ROW = 3;

/** Written in the first cell of the first record row: the list is empty this year, not unfilled. */
export const NONE_THIS_YEAR = '无';

/** Each record list of the submission and its sheet's name, in the schema's order. */
export const RECORD_SHEETS: readonly { list: string; sheet: string }[] = [
  { list: 'functions.new_certification_items', sheet: '新设证明事项' },
  { list: 'normative_documents.items', sheet: '规范性文件' },
  { list: 'major_decisions.items', sheet: '重大行政决策' },
  { list: 'enforcement.decisions', sheet: '执法决定' },
  { list: 'transparency.proactive_disclosures', sheet: '主动公开信息' },
  { list: 'transparency.disclosure_requests', sheet: '信息公开申请' },
];

/** The sheet of a record list (`enforcement.decisions` → 执法决定), or undefined for a list the layout has none for. */
export function sheetOfList(list: string): string | undefined {
  return RECORD_SHEETS.find((entry) => entry.list === list)?.sheet;
}

/** The record list a sheet holds (执法决定 → `enforcement.decisions`). */
export function listOfSheet(sheet: string): string | undefined {
  return RECORD_SHEETS.find((entry) => entry.sheet === sheet)?.list;
}

/** The words of a yes/no drop-down, and what each means. */
export const YES = '是';
export const NO = '否';

/** A column's letters, as Excel names it (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A cell's address (`D12`). */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/**
 * Whether a field holds a date, by its kind or, for a field the schema types as a plain date string (`as_of`), by
 * its example: such a field gets a date cell in the template and reads a date cell or serial number back.
 */
export function isDateField(kind: string | undefined, example: unknown): boolean {
  return kind === 'date' || (typeof example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(example));
}

/**
 * How a cell says that a procedure was not required by law (YAML's `{ not_required: 理由 }`): `不需要:理由`. Only
 * a conditional procedure takes it; the schema says so in its description, the one place that tells it apart from a
 * plain yes/no (its `x-kind` is `flag` all the same).
 */
export const NOT_REQUIRED_WORD = '不需要';
export const NOT_REQUIRED = /^(?:依法)?不需要[::]\s*(\S[\s\S]*)$/;

export function takesNotRequired(description: string | undefined): boolean {
  return description?.includes('not_required') ?? false;
}

/**
 * A ratio as the percentage a cell shows, by moving its written decimal point: 0.935 → 93.5%, never
 * 93.50000000000001%. Padded with zeros to the decimals the cell's format shows (0.935 in a `0.00%` cell is 93.50%),
 * never cut: 0.93456 in a `0.0%` cell is 93.456%, not the 93.5% it shows.
 */
export function percentText(ratio: number, decimals = 0): string {
  const written = String(ratio);
  if (/e/i.test(written)) return `${Number((ratio * 100).toPrecision(12))}%`;
  const [whole, fraction = ''] = written.split('.');
  const padded = fraction.padEnd(2 + decimals, '0');
  const digits = `${whole}${padded.slice(0, 2)}`.replace(/^(-?)0+(?=\d)/, '$1');
  const rest = padded.slice(2);
  return `${digits}${rest ? `.${rest}` : ''}%`;
}

/** How many decimals a percent format shows (`0.0%` → 1, `0%` → 0). */
export function percentDecimals(numFmt: string): number {
  return /0\.(0+)%/.exec(numFmt)?.[1].length ?? 0;
}

/** A percent format that shows a percentage written with so many decimals as written (`93.50%` → `0.00%`). */
export function percentFormat(decimals: number): string {
  return decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%';
}

/** A cell's note that gives the source of a record's value (`出处:2024年度报告 二、(一)`): how a record field keeps its source. */
export const SOURCE_NOTE = /^出处[::]\s*(\S[\s\S]*)$/;
export const SOURCE_NOTE_WORD = '出处:';

/**
 * The comment a plancheck report workbook carries in its zip's last bytes (`check`/`review --format xlsx`): a folder
 * walk reads the end of an .xlsx to skip a report put beside the submissions, without opening the workbook.
 */
export const REPORT_MARK = 'plancheck report';
