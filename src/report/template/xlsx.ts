import { baseName } from '../../core/file-name';
import type { DataValidation, Workbook, Worksheet } from 'exceljs';
import type { Lang } from '../../core/i18n';
import {
  BASIC_COLUMNS,
  BASIC_FIRST_ROW,
  BASIC_HEADER_ROW,
  BASIC_HEADERS,
  BASIC_SHEET,
  GUIDE_SHEET,
  NO,
  NONE_THIS_YEAR,
  NOT_REQUIRED_WORD,
  RECORD_FIRST_ROW,
  SOURCE_NOTE_WORD,
  RECORD_HEADERS_ROW,
  RECORD_NAMES_ROW,
  isDateField,
  sheetOfList,
  takesNotRequired,
  YES,
} from '../../intake/xlsx-layout';
import type { CatalogueField } from '../../run/catalogue';
import { getAt } from '../../intake/field-path';
import type { Template, TemplateNode } from '../../run/template';
import { LEVEL_LABELS } from '../kit/labels';
import { newWorkbook, printSetup, workbookBytes } from '../kit/xlsx';
import { writtenCell } from './xlsx-cells';

/**
 * The template as a workbook a clerk fills in Excel or WPS (cli-contract.md, "Excel workbooks"; the layout is
 * intake/xlsx-layout.ts, which the reader follows too): 基本数据 with one row per scalar field, one sheet per record
 * list, and 说明. Each value cell checks what is typed as Excel can (a drop-down of the template's Chinese words, a
 * date, a whole number, a rate as a percentage) and says what to type when it is selected. The labels are locked,
 * the value cells open. The workbook is in Chinese whatever `--lang`: it is what a bureau fills in and sends back.
 */

/** The basic fields come first in 基本数据, whatever the schema's order: who reports, for which year, when. */
const BASIC_FIRST = ['bureau.name', 'bureau.level', 'bureau.region_code', 'year', 'as_of'];

/** How many record rows of a sheet carry the checks of their column (Excel needs a range; a clerk rarely needs more). */
const RECORD_ROWS = 500;

/** Excel's serial numbers of 2000-01-01 and 2099-12-31: the dates a date cell accepts. */
const FIRST_DATE = 36526;
const LAST_DATE = 73050;

const DATE_FORMAT = 'yyyy-mm-dd';
const RATE_FORMAT = '0.0%';

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;
const VALUE_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;

/** A scalar of the template with where it stands: its dotted path (relative to its record for a record's field). */
interface Leaf {
  name: string;
  node: TemplateNode;
}

/** The scalar fields under some nodes, depth first, named by their path below `prefix`. */
function leaves(nodes: readonly TemplateNode[], prefix: string): Leaf[] {
  return nodes.flatMap((node) => {
    const name = prefix ? `${prefix}.${node.key}` : node.key;
    if (node.field.shape === 'list') return [];
    if (node.field.shape === 'group') return leaves(node.children, name);
    return [{ name, node }];
  });
}

/** Every list of records in the template, in its order. */
function lists(nodes: readonly TemplateNode[]): TemplateNode[] {
  return nodes.flatMap((node) => (node.field.shape === 'list' ? [node] : node.field.shape === 'group' ? lists(node.children) : []));
}

/** The words a clerk picks from for a field, or undefined when it is typed: 是/否, or the Chinese of each choice. */
function dropDown(field: CatalogueField): string[] | undefined {
  if (field.shape === 'flag') return [YES, NO];
  return field.choices?.map((choice) => choice.zh);
}

/** The check of a value cell, with its prompt and its error in Chinese. */
function validationOf(field: CatalogueField): DataValidation | undefined {
  const common = { allowBlank: true, showInputMessage: true, showErrorMessage: true, errorStyle: 'error' as const };
  const words = dropDown(field);
  if (words && field.shape === 'flag' && takesNotRequired(field.description)) {
    // A procedure the law may not require: 是/否 from the list, or `不需要:理由` typed, which the list lets in after a warning.
    return { ...common, errorStyle: 'warning', type: 'list', formulae: [`"${words.join(',')}"`], promptTitle: '请选择', prompt: `从下拉列表中选择:${words.join('、')};依法不需要的,填写“${NOT_REQUIRED_WORD}:理由”`, errorTitle: '请确认', error: `可选:${words.join('、')};依法不需要的,填写“${NOT_REQUIRED_WORD}:理由”` };
  }
  if (words) return { ...common, type: 'list', formulae: [`"${words.join(',')}"`], promptTitle: '请选择', prompt: `从下拉列表中选择:${words.join('、')}`, errorTitle: '不在可选范围内', error: `只能填写:${words.join('、')}` };
  switch (isDateField(field.shape, field.example) ? 'date' : field.shape) {
    case 'date':
      return { ...common, type: 'date', operator: 'between', formulae: [FIRST_DATE, LAST_DATE], promptTitle: '日期', prompt: '填写日期,如 2024-03-01', errorTitle: '不是日期', error: '请填写 2000 年至 2099 年之间的日期,如 2024-03-01' };
    case 'count':
      return { ...common, type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], promptTitle: '个数', prompt: '填写 0 或正整数,不带单位', errorTitle: '不是整数', error: '请填写 0 或正整数,不带单位' };
    case 'rate':
      return { ...common, type: 'decimal', operator: 'between', formulae: [0, 1], promptTitle: '比率', prompt: '填写百分比,如 93.5%', errorTitle: '不是比率', error: '请填写 0% 到 100% 之间的百分比,如 93.5%' };
    default:
      return undefined;
  }
}

/** The number format of a value cell: dates as dates, rates as percentages, the rest as typed. */
function numberFormatOf(field: CatalogueField): string | undefined {
  if (isDateField(field.shape, field.example)) return DATE_FORMAT;
  if (field.shape === 'rate') return RATE_FORMAT;
  // A text field (a region code, a document number) stays text: 439921 is not a number to Excel's eyes.
  if (field.shape === 'text' && !field.choices) return '@';
  return undefined;
}

/** The clause and requirement of every rule that reads a field, one per line. */
function requirementText(node: TemplateNode): string {
  return node.rules.map((rule) => `${rule.clause} ${rule.title.zh}:要求 ${rule.requirement.zh}`).join('\n');
}

/** A value written for the clerk (the level and year asked for), as the cell shows it. */
function prefilled(node: TemplateNode): string | number | undefined {
  if (node.value === undefined) return undefined;
  if (node.field.shape === 'count' || node.path === 'year') return Number(node.value);
  return node.field.choices?.find((choice) => choice.value === node.value)?.zh ?? node.value;
}

function styleHeader(sheet: Worksheet, row: number): void {
  const cells = sheet.getRow(row);
  cells.font = { bold: true };
  cells.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
}

/** The width of a column that shows a text: Chinese characters count twice, as Excel draws them. */
function widthOf(texts: readonly string[], least: number, most: number): number {
  const longest = Math.max(0, ...texts.flatMap((text) => text.split('\n')).map((line) => [...line].reduce((n, char) => n + (char.charCodeAt(0) > 0x2e7f ? 2 : 1), 0)));
  return Math.min(most, Math.max(least, longest + 2));
}

/** Locks the labels and leaves the cells to fill in open: the sheet is protected without a password. */
async function protect(sheet: Worksheet): Promise<void> {
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, insertRows: true, deleteRows: true, sort: true, autoFilter: true });
}

async function basicSheet(workbook: Workbook, template: Template): Promise<void> {
  const sheet = workbook.addWorksheet(BASIC_SHEET, { views: [{ state: 'frozen', ySplit: BASIC_HEADER_ROW, xSplit: 0 }] });
  const all = leaves(template.nodes, '');
  const ordered = [...BASIC_FIRST.flatMap((path) => all.filter((leaf) => leaf.name === path)), ...all.filter((leaf) => !BASIC_FIRST.includes(leaf.name))];
  sheet.getRow(BASIC_HEADER_ROW).values = [...BASIC_HEADERS];
  styleHeader(sheet, BASIC_HEADER_ROW);
  ordered.forEach((leaf, i) => {
    const row = sheet.getRow(BASIC_FIRST_ROW + i);
    row.getCell(BASIC_COLUMNS.path).value = leaf.name;
    row.getCell(BASIC_COLUMNS.label).value = leaf.node.field.label.zh;
    row.getCell(BASIC_COLUMNS.requirement).value = requirementText(leaf.node);
    row.getCell(BASIC_COLUMNS.requirement).alignment = { wrapText: true, vertical: 'top' };
    const value = row.getCell(BASIC_COLUMNS.value);
    const written = prefilled(leaf.node);
    if (written !== undefined) value.value = written;
    const format = numberFormatOf(leaf.node.field);
    if (format) value.numFmt = format;
    const filled = template.filled ? getAt(template.filled.data, leaf.name) : undefined;
    if (filled !== undefined) {
      const cell = writtenCell(leaf.node.field, filled);
      value.value = cell.value;
      if (cell.numFmt) value.numFmt = cell.numFmt;
      if (cell.source !== undefined) row.getCell(BASIC_COLUMNS.source).value = cell.source;
    }
    const validation = validationOf(leaf.node.field);
    if (validation) value.dataValidation = validation;
    for (const cell of [value, row.getCell(BASIC_COLUMNS.source)]) {
      cell.protection = { locked: false };
      cell.fill = VALUE_FILL;
    }
  });
  const column = (n: number, texts: string[], least: number, most: number): void => {
    sheet.getColumn(n).width = widthOf(texts, least, most);
  };
  column(BASIC_COLUMNS.path, ordered.map((leaf) => leaf.name), 12, 48);
  // The field paths are for the reader, not the clerk: hidden (the contract allows it), shown again with 取消隐藏.
  sheet.getColumn(BASIC_COLUMNS.path).hidden = true;
  column(BASIC_COLUMNS.label, ordered.map((leaf) => leaf.node.field.label.zh), 12, 40);
  column(BASIC_COLUMNS.requirement, ordered.map((leaf) => requirementText(leaf.node)), 20, 70);
  column(BASIC_COLUMNS.value, [BASIC_HEADERS[BASIC_COLUMNS.value - 1], '示例县人力资源和社会保障局'], 16, 40);
  column(BASIC_COLUMNS.source, [BASIC_HEADERS[BASIC_COLUMNS.source - 1], '2024年度报告 一、(三)'], 16, 40);
  printSetup(sheet, BASIC_HEADER_ROW);
  await protect(sheet);
}

async function recordSheet(workbook: Workbook, template: Template, list: TemplateNode, sheetName: string): Promise<void> {
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: RECORD_HEADERS_ROW, xSplit: 0 }] });
  const fields = leaves(list.children, '');
  const records = template.filled ? getAt(template.filled.data, list.path) : undefined;
  // Rows open to fill in: the template's, or more where a converted list already holds nearly as many.
  const rows = Math.max(RECORD_ROWS, (Array.isArray(records) ? records.length : 0) + 100);
  sheet.getRow(RECORD_NAMES_ROW).values = fields.map((leaf) => leaf.name);
  sheet.getRow(RECORD_HEADERS_ROW).values = fields.map((leaf) => `${leaf.node.field.label.zh.split(' › ').pop() ?? ''}${leaf.node.required ? '(必填)' : ''}`);
  styleHeader(sheet, RECORD_NAMES_ROW);
  styleHeader(sheet, RECORD_HEADERS_ROW);
  sheet.getRow(RECORD_NAMES_ROW).font = { color: { argb: 'FF808080' }, size: 9 };
  // The field names are for the reader: hidden as column A of 基本数据 is, the Chinese headers below them shown.
  sheet.getRow(RECORD_NAMES_ROW).hidden = true;
  fields.forEach((leaf, i) => {
    const column = sheet.getColumn(i + 1);
    const header = String(sheet.getRow(RECORD_HEADERS_ROW).getCell(i + 1).value ?? '');
    column.width = widthOf([header, leaf.name], 12, 40);
    const format = numberFormatOf(leaf.node.field);
    const validation = validationOf(leaf.node.field);
    for (let row = RECORD_FIRST_ROW; row < RECORD_FIRST_ROW + rows; row++) {
      const cell = sheet.getRow(row).getCell(i + 1);
      cell.protection = { locked: false };
      if (format) cell.numFmt = format;
      // The first cell of the first record row may also say 无 (none this year), which its check must let in.
      if (validation && !(row === RECORD_FIRST_ROW && i === 0)) cell.dataValidation = validation;
    }
  });
  // The first record cell says how to write "none this year", unless a filled record stands there.
  if (!(Array.isArray(records) && records.length > 0)) sheet.getRow(RECORD_FIRST_ROW).getCell(1).note = `本年度没有此类记录时,在此格填写“${NONE_THIS_YEAR}”;整张表留空表示尚未填写。`;
  if (Array.isArray(records)) writeRecords(sheet, fields, records);
  printSetup(sheet, RECORD_HEADERS_ROW);
  await protect(sheet);
}

/**
 * A filled list's records, one row each from row 3, or `无` when it was empty this year. A value's source is the
 * note of its cell (`出处:…`), as a clerk would add a comment in Excel.
 */
function writeRecords(sheet: Worksheet, fields: readonly Leaf[], records: readonly unknown[]): void {
  if (records.length === 0) {
    sheet.getRow(RECORD_FIRST_ROW).getCell(1).value = NONE_THIS_YEAR;
    return;
  }
  fields.forEach((leaf, i) => {
    const texts: string[] = [];
    records.forEach((record, r) => {
      const written = getAt(record, leaf.name);
      if (written === undefined) return;
      const cell = sheet.getRow(RECORD_FIRST_ROW + r).getCell(i + 1);
      const value = writtenCell(leaf.node.field, written);
      cell.value = value.value;
      if (value.numFmt) cell.numFmt = value.numFmt;
      if (value.source !== undefined) cell.note = `${SOURCE_NOTE_WORD}${value.source}`;
      if (typeof value.value === 'string') texts.push(value.value);
    });
    // A column as wide as its longest written text, within the template's bounds (a date or a number needs no more).
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(column.width ?? 0, widthOf(texts, 12, 40));
  });
}

function guideSheet(workbook: Workbook, template: Template, sheets: readonly string[]): void {
  const sheet = workbook.addWorksheet(GUIDE_SHEET);
  const level = LEVEL_LABELS[template.level].zh;
  const lines = [
    `法治人社建设年度数据报送表:${level} · ${template.year} 年度`,
    ...(template.filled ? [filledFrom(template.filled)] : []),
    ...template.packs.map((p) => `规则包:${p.id} ${p.version}《${p.title.zh}》(${p.document_number})`),
    `本表只列出适用于${level}单位 ${template.year} 年度的 ${template.ruleCount} 项指标所需填写的字段。`,
    '',
    '填写方法:',
    `1. 在“${BASIC_SHEET}”表的“${BASIC_HEADERS[BASIC_COLUMNS.value - 1]}”列(D 列)逐行填写;“${BASIC_HEADERS[BASIC_COLUMNS.source - 1]}”列可写该数值在年度报告或台账中的出处,检查结果会把它列为依据。`,
    '2. 留空表示“尚未填写”,检查时记为缺数据,不视为通过。',
    `3. 是否类指标从下拉列表选择“${YES}”或“${NO}”;比率填百分比,如 93.5%;日期填成日期,如 2024-03-01;个数填整数。`,
    ...(sheets.length > 0 ? [`4. 记录表(${sheets.join('、')}):第 3 行起每行一条记录;第 1 行是字段名(已隐藏),第 2 行是表头,请勿修改。本年度没有此类记录时,在第 3 行第一格填写“${NONE_THIS_YEAR}”;整张表留空表示尚未填写。记录中某个数值的出处,可在该单元格插入批注,写“${SOURCE_NOTE_WORD}……”。`] : []),
    '5. 请勿改动工作表名称、“基本数据”表隐藏的 A 列(字段路径)和记录表隐藏的第 1 行(字段名):检查按它们找到每个字段。',
    '',
    '填好后运行:plancheck check 本文件名.xlsx',
    `${template.tool.name} ${template.tool.version}`,
  ];
  lines.forEach((line, i) => {
    sheet.getRow(i + 1).getCell(1).value = line;
  });
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getColumn(1).width = 110;
  sheet.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
  printSetup(sheet, 0);
}

/** The template, as a workbook. */
export async function renderTemplateXlsx(template: Template, _lang: Lang): Promise<Uint8Array> {
  const workbook = newWorkbook();
  const records = lists(template.nodes).flatMap((list) => {
    const sheet = sheetOfList(list.path);
    return sheet ? [{ list, sheet }] : [];
  });
  guideSheet(workbook, template, records.map((r) => r.sheet));
  await basicSheet(workbook, template);
  for (const { list, sheet } of records) await recordSheet(workbook, template, list, sheet);
  // 基本数据 is what a clerk fills first: it opens on it, with 说明 one tab to its left.
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return workbookBytes(workbook, 'submission');
}

/** Where a filled workbook's data came from; a draft says how many fields the report does not state (left empty). */
function filledFrom(filled: NonNullable<Template['filled']>): string {
  const file = baseName(filled.from);
  if (!filled.draft) return `由 plancheck convert 从 ${file} 转换而来。`;
  const n = filled.draft.notStated.length;
  return `由 plancheck extract 从 ${file} 摘录的草稿:出处列是报告原句;${n > 0 ? `报告未载明的 ${n} 个字段留空,检查时记为缺数据,请核对后补填` : '指标所需的字段报告均已载明,请逐项核对'}。`;
}
