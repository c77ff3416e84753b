import { COMPLETENESS_WORDS, hasReports, statedCell } from '../kit/completeness';
import type { Workbook, Worksheet } from 'exceljs';
import { STATUSES, type Status } from '../../findings/types';
import type { Lang } from '../../core/i18n';
import { shownSummary } from '../../run/review/aggregate';
import type { ReviewResult, YearChange } from '../../run/review/types';
import { STATUS_LABELS, STATUS_SYMBOLS } from '../kit/labels';
import { clauseText, noticeText, problemsByFile, problemText, provenanceRows } from '../kit/view';
import { addTable, displayWidth, newWorkbook, paintStatus, workbookBytes, type CellValue, type Column } from '../kit/xlsx';
import { addCitySheet, addOverviewSheets, addTrendSheets } from './overview-xlsx';
import { columnOf, countedOnceLine, duplicateFiles, duplicateNote, levelName, packLine, REVIEW_TEXT, reviewVerdict, rowProblems, ruleNumber, noticeItems } from './view';

/** The sheets' own words; what the other review formats also say comes from REVIEW_TEXT. */
const TEXT = {
  zh: {
    sheets: { matrix: '矩阵', counts: '各指标计数', changes: '逐年变化', rejected: '无法读取的文件', notes: '说明', provenance: '来源' },
    file: '文件',
    notice: '提示',
    number: '序号',
    ruleId: '指标编号',
    clause: '条目',
    title: '指标名称',
    change: '变化',
    regression: '退步',
    improvement: '进步',
    fromYear: '上年',
    toYear: '本年',
    from: '上年状态',
    to: '本年状态',
    problem: '问题',
    item: '项目',
    value: '内容',
    legend: '图例',
    verdict: '结论',
    failsIn: (year: number) => `${year} 年不通过`,
  },
  en: {
    sheets: { matrix: 'Matrix', counts: 'Rule counts', changes: 'Changes', rejected: 'Rejected files', notes: 'Notes', provenance: 'Provenance' },
    file: 'File',
    notice: 'Notice',
    number: 'No.',
    ruleId: 'Rule',
    clause: 'Clause',
    title: 'Title',
    change: 'Change',
    regression: 'regression',
    improvement: 'improvement',
    fromYear: 'From year',
    toYear: 'To year',
    from: 'From',
    to: 'To',
    problem: 'Problem',
    item: 'Item',
    value: 'Value',
    legend: 'Legend',
    verdict: 'Verdict',
    failsIn: (year: number) => `Fails ${year}`,
  },
} as const;

/** The columns that stay in view when the matrix scrolls right: the bureau, its code, its level, the year. */
const FROZEN = 4;
/**
 * A rule's column: its symbol is one character, and its header (number and short title, then the id) is turned to
 * read upwards, as a matrix's headers are, so that some twenty-five rules fit across a printed page.
 */
const RULE_WIDTH = 6;
/** The points a text takes along its line per unit of display width (a Chinese character counts two). */
const POINTS_PER_WIDTH = 6;
/** Excel's tallest row, in points. */
const MAX_ROW_HEIGHT = 409;

/** The colour of a status on the cells of a sheet that hold it, by their column (from 1) and the row's status. */
function paintColumn(sheet: Worksheet, column: number, statuses: readonly Status[]): void {
  statuses.forEach((status, index) => paintStatus(sheet.getRow(index + 2).getCell(column), status));
}

/** A rule's header in the matrix: its number and short title, then its id, as the HTML's header and its list name it. */
function ruleHeader(result: ReviewResult, column: number, lang: Lang): string {
  const rule = result.rules[column];
  return `${ruleNumber(column)} ${rule.title[lang]}\n${rule.id}`;
}

function addMatrix(result: ReviewResult, name: string, lang: Lang, workbook: Workbook): void {
  const t = REVIEW_TEXT[lang];
  const own = TEXT[lang];
  const duplicates = duplicateFiles(result);
  // Rows from prose reports add 已载明 (`12/30`, text) after the counts; a review of submissions written as data has none.
  const stated = hasReports(result.rows) ? [COMPLETENESS_WORDS.column[lang]] : [];
  const lead = 6 + stated.length;
  const columns: Column[] = [
    ...[t.bureau, t.code, t.level, t.year, t.fails, t.missing, ...stated].map((header) => ({ header })),
    ...result.columns.map((c) => ({ header: ruleHeader(result, c, lang), width: RULE_WIDTH })),
    { header: own.file },
    { header: own.notice },
  ];
  const rows = result.rows.map((row): CellValue[] => {
    const counts = shownSummary(row, result.columns);
    const note = duplicateNote(row, duplicates, lang);
    const notices = row.notices.map((n) => noticeText(n, lang));
    return [
      row.bureau?.name ?? '',
      row.bureau?.region_code ?? '',
      levelName(row, lang),
      row.year,
      counts.fail,
      counts.missing_data,
      ...(stated.length > 0 ? [statedCell(row, result.columns)] : []),
      ...result.columns.map((c) => STATUS_SYMBOLS[row.statuses[c]]),
      row.file,
      [note, ...notices].filter(Boolean).join('\n'),
    ];
  });
  const sheet = addTable(workbook, name, columns, rows, { frozenColumns: FROZEN });
  result.columns.forEach((c, i) => {
    const column = lead + i + 1;
    paintColumn(sheet, column, result.rows.map((row) => row.statuses[c]));
    sheet.getColumn(column).alignment = { horizontal: 'center', vertical: 'middle' };
    sheet.getRow(1).getCell(column).alignment = { textRotation: 90, vertical: 'bottom', horizontal: 'center', wrapText: true };
  });
  const longest = Math.max(1, ...result.columns.flatMap((c) => ruleHeader(result, c, lang).split('\n').map((line) => displayWidth(line))));
  sheet.getRow(1).height = Math.min(MAX_ROW_HEIGHT, POINTS_PER_WIDTH * longest + 12);
}

/** Per rule, how many bureau-years have each status, and with several years how many fail in each. */
function addCounts(result: ReviewResult, name: string, lang: Lang, workbook: Workbook): void {
  const own = TEXT[lang];
  const byYear = result.years.length > 1;
  const columns: Column[] = [own.number, own.ruleId, own.clause, own.title, ...STATUSES.map((s) => STATUS_LABELS[s][lang]), ...(byYear ? result.years.map((y) => own.failsIn(y)) : [])].map((header) => ({ header }));
  const rows = result.ruleCounts.map(({ rule, counts, years }): CellValue[] => {
    const column = columnOf(result, rule);
    const info = result.rules[column];
    return [Number(ruleNumber(column)), rule, clauseText(info), info.title[lang], ...STATUSES.map((s) => counts[s]), ...(byYear ? years.map((y) => y.counts.fail) : [])];
  });
  addTable(workbook, name, columns, rows);
}

/** The year-over-year changes: the regressions (退步) first, then the improvements (进步), each status in its colour. */
function addChanges(result: ReviewResult, name: string, lang: Lang, workbook: Workbook): void {
  const t = REVIEW_TEXT[lang];
  const own = TEXT[lang];
  const changes: [string, YearChange][] = [...result.regressions.map((c): [string, YearChange] => [own.regression, c]), ...result.improvements.map((c): [string, YearChange] => [own.improvement, c])];
  const columns: Column[] = [own.change, t.bureau, t.code, own.ruleId, own.title, own.fromYear, own.toYear, own.from, own.to].map((header) => ({ header }));
  const rows = changes.map(([kind, c]): CellValue[] => {
    const info = result.rules[columnOf(result, c.rule)];
    return [kind, c.bureau, c.region_code ?? '', c.rule, info?.title[lang] ?? '', c.from_year, c.to_year, STATUS_LABELS[c.from][lang], STATUS_LABELS[c.to][lang]];
  });
  const sheet = addTable(workbook, name, columns, rows);
  paintColumn(sheet, 8, changes.map(([, c]) => c.from));
  paintColumn(sheet, 9, changes.map(([, c]) => c.to));
}

/** Every file that could not be read, one row per problem, so that a reviewer can filter by file or by problem. */
function addRejected(result: ReviewResult, name: string, lang: Lang, workbook: Workbook): void {
  const own = TEXT[lang];
  const rows = result.rejected.flatMap((row): CellValue[][] => {
    const problems = rowProblems(row, lang);
    const said = problems.length > 0 ? problems : [row.error?.message[lang] ?? ''];
    return said.map((problem) => [row.file, row.sha256 ?? '', problem]);
  });
  addTable(workbook, name, [{ header: own.file }, { header: 'sha256' }, { header: own.problem }], rows);
}

/** What the other formats say above and below their tables: the verdict, the totals, the legend, what was counted once. */
function addNotes(result: ReviewResult, name: string, lang: Lang, workbook: Workbook): void {
  const t = REVIEW_TEXT[lang];
  const own = TEXT[lang];
  const rows: CellValue[][] = [
    [t.heading, `${result.packs.map((p) => p.title[lang]).join(' · ')} · ${packLine(result, lang)}`],
    [t.matrix, t.shown(result.rows.length, result.columns.length)],
    [t.total, t.totals(result)],
    [own.verdict, reviewVerdict(result, lang)],
  ];
  const once = countedOnceLine(result, lang);
  if (once) rows.push([own.sheets.counts, once]);
  for (const notice of noticeItems(result, lang)) rows.push([t.notices, notice]);
  for (const d of result.duplicates) rows.push([t.duplicates, `${d.bureau} ${d.year}: ${d.files.join(', ')}`]);
  for (const w of result.waivers?.unused ?? []) rows.push([t.unused, `${w.id}: ${w.rule} · ${w.bureau}`]);
  for (const [file, problems] of problemsByFile(result.errors)) for (const p of problems) rows.push([t.inputs, `${file}: ${problemText(p, lang)}`]);
  for (const p of result.paths) rows.push([t.paths, `${p.file}: ${problemText(p, lang)}`]);
  const legendStart = rows.length + 2;
  for (const s of STATUSES) rows.push([own.legend, `${STATUS_SYMBOLS[s]} ${STATUS_LABELS[s][lang]}`]);
  const sheet = addTable(workbook, name, [{ header: own.item }, { header: own.value }], rows, { filter: false });
  STATUSES.forEach((s, i) => paintStatus(sheet.getRow(legendStart + i).getCell(2), s));
}

/**
 * The provincial review as a workbook: the matrix of bureau-years × rules (the status symbol in its colour, the
 * bureau, code, level and year frozen), the counts per rule, the year-over-year changes, the files that could not be
 * read, the notes the other formats print around their tables, and the provenance with every sha256.
 */
export async function renderReviewXlsx(result: ReviewResult, lang: Lang): Promise<Uint8Array> {
  const { sheets } = TEXT[lang];
  const workbook = newWorkbook();
  if (result.by !== undefined) {
    if (result.by === 'city') addCitySheet(result, lang, workbook);
    else addTrendSheets(result, lang, workbook, true);
    return workbookBytes(workbook, 'report');
  }
  addMatrix(result, sheets.matrix, lang, workbook);
  addCounts(result, sheets.counts, lang, workbook);
  addChanges(result, sheets.changes, lang, workbook);
  addOverviewSheets(result, lang, workbook);
  addRejected(result, sheets.rejected, lang, workbook);
  addNotes(result, sheets.notes, lang, workbook);
  addTable(workbook, sheets.provenance, [{ header: TEXT[lang].item }, { header: TEXT[lang].value }], provenanceRows({ ...result, submissions: [...result.rows, ...result.rejected] }, lang), { filter: false });
  return workbookBytes(workbook, 'report');
}
