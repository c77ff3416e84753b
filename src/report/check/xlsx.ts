import type { CheckResult, Finding, SubmissionResult } from '../../findings/types';
import type { Lang } from '../../core/i18n';
import { LEVEL_LABELS, UNREADABLE } from '../kit/labels';
import { clauseText, evidenceWhere, foundText, problemText, provenanceRows, requiredText, restatesText, severityText, statusText, waiverText } from '../kit/view';
import { addTable, newWorkbook, paintStatus, workbookBytes, type CellValue, type Column } from '../kit/xlsx';
import { noticeLines } from './view';
import { COMPLETENESS_WORDS, completenessView, STATE_STATUS } from '../kit/completeness';
import { statedFraction } from '../../findings/completeness';

const TEXT = {
  zh: {
    findings: '检查结果',
    provenance: '来源',
    columns: ['单位', '行政区划代码', '层级', '年度', '文件', '规则包', '指标编号', '指标名称', '严重程度', '状态', '实际', '要求', '条目', '原文', '上位规定', '说明', '证据', '豁免', '提示'],
    item: '项目',
    value: '内容',
    source: '出处',
  },
  en: {
    findings: 'Findings',
    provenance: 'Provenance',
    columns: ['Bureau', 'Region code', 'Level', 'Year', 'File', 'Rule pack', 'Rule', 'Title', 'Severity', 'Status', 'Found', 'Required', 'Clause', 'Quote', 'Restates', 'Message', 'Evidence', 'Waiver', 'Notice'],
    item: 'Item',
    value: 'Value',
    source: 'source',
  },
} as const;

/** The column the status is in (from 0), painted in the status's colour. */
const STATUS_COLUMN = TEXT.zh.columns.indexOf('状态');

/** Each evidence entry on a line of its own: where it stands (the record and its place), what it says, its source. */
function evidenceCell(finding: Finding, lang: Lang): string {
  return finding.evidence
    .map((e) => {
      const where = evidenceWhere(e, lang);
      const source = e.source ? (lang === 'zh' ? `(${TEXT.zh.source}:${e.source})` : ` (${TEXT.en.source}: ${e.source})`) : '';
      return `${where ? `${where}: ` : ''}${e.detail[lang]}${source}`;
    })
    .join('\n');
}

function who(submission: SubmissionResult, lang: Lang): CellValue[] {
  const { bureau } = submission;
  return [bureau?.name ?? '', bureau?.region_code ?? '', bureau ? LEVEL_LABELS[bureau.level][lang] : '', submission.year, submission.file];
}

interface Line {
  cells: CellValue[];
  finding?: Finding;
}

/** One line per (submission, rule); a file that could not be read has one line with its problems as the message. */
function lines(submission: SubmissionResult, lang: Lang): Line[] {
  if (submission.error) {
    const problems = submission.error.problems.map((p) => problemText(p, lang)).join('\n');
    return [{ cells: [...who(submission, lang), '', '', '', '', UNREADABLE[lang], '', '', '', '', '', problems, '', '', ''] }];
  }
  const notices = noticeLines(submission, lang).join('\n');
  return submission.findings.map((f) => ({
    finding: f,
    cells: [
      ...who(submission, lang),
      f.pack,
      f.rule,
      f.title[lang],
      severityText(f, lang),
      statusText(f, lang),
      foundText(f, lang),
      requiredText(f, lang),
      clauseText(f.citation),
      f.citation.quote,
      restatesText(f.citation, lang) ?? '',
      f.message[lang],
      evidenceCell(f, lang),
      waiverText(f, lang) ?? '',
      notices,
    ],
  }));
}

const COMPLETENESS_COLUMNS = {
  zh: ['单位', '年度', '文件', '指标编号', '指标名称', '条目', '载明情况', '已载明'],
  en: ['Bureau', 'Year', 'File', 'Rule', 'Title', 'Clause', 'Stated', 'Stated of applicable'],
} as const;
const STATE_COLUMN = COMPLETENESS_COLUMNS.zh.indexOf('载明情况');

/**
 * The sheet 报告载明情况 when a submission comes from a prose report: one row per (report, target), its state in its
 * colour, and on each row the report's targets stated of those that apply (`12/30`), so that a filtered row says it.
 */
function addCompleteness(workbook: Parameters<typeof addTable>[0], result: CheckResult, lang: Lang): void {
  const rows = result.submissions.flatMap((submission) => {
    const view = completenessView(submission, lang);
    if (!view) return [];
    const fraction = statedFraction(view.completeness);
    return view.rows.map((row) => ({ state: row.state, cells: [submission.bureau?.name ?? '', submission.year, submission.file, row.finding.rule, row.finding.title[lang], row.cells[1], row.cells[0], fraction] as CellValue[] }));
  });
  if (rows.length === 0) return;
  const sheet = addTable(workbook, COMPLETENESS_WORDS.heading[lang], COMPLETENESS_COLUMNS[lang].map((header) => ({ header })), rows.map((row) => row.cells));
  rows.forEach((row, index) => paintStatus(sheet.getRow(index + 2).getCell(STATE_COLUMN + 1), STATE_STATUS[row.state]));
}

/**
 * The check as a workbook: `检查结果`, one row per (submission, rule) in the words of the other reports, the status
 * in its colour, filterable, its header frozen; `报告载明情况` when a submission comes from a prose report; and `来源`,
 * what the results were made from, with every sha256.
 */
export async function renderXlsx(result: CheckResult, lang: Lang): Promise<Uint8Array> {
  const t = TEXT[lang];
  const workbook = newWorkbook();
  const all = result.submissions.flatMap((s) => lines(s, lang));
  const columns: Column[] = t.columns.map((header) => ({ header }));
  const sheet = addTable(workbook, t.findings, columns, all.map((l) => l.cells));
  all.forEach((line, index) => {
    if (line.finding) paintStatus(sheet.getRow(index + 2).getCell(STATUS_COLUMN + 1), line.finding.status);
  });
  addCompleteness(workbook, result, lang);
  addTable(workbook, t.provenance, [{ header: t.item }, { header: t.value }], provenanceRows(result, lang), { filter: false });
  return workbookBytes(workbook, 'report');
}
