import type { CheckResult, Finding, SubmissionResult } from '../../findings/types';
import type { Lang } from '../../core/i18n';
import { formatQuantity } from '../../pack/units';
import { BOM, csvNumber, csvText, type CsvValue } from '../kit/csv';
import { LEVEL_LABELS, STATUS_LABELS, UNREADABLE } from '../kit/labels';
import { calendarsText, clauseText, evidenceWhere, foundText, problemText, requiredText, severityText, waiverText } from '../kit/view';
import { noticeLines } from './view';

const HEADERS: Readonly<Record<Lang, readonly string[]>> = {
  zh: ['文件', 'sha256', '单位', '行政区划代码', '层级', '年度', '规则包', '指标编号', '指标名称', '严重程度', '状态', '状态代码', '实际', '实际(原值)', '要求', '条目', '原文', '说明', '证据', '豁免', '提示', '工具', '规则包版本', '规则包sha256', '节假日安排', '生成时间'],
  en: ['file', 'sha256', 'bureau', 'region_code', 'level', 'year', 'pack', 'rule', 'title', 'severity', 'status', 'status_code', 'actual', 'actual_raw', 'expected', 'clause', 'quote', 'message', 'evidence', 'waiver', 'notice', 'tool', 'pack_version', 'pack_sha256', 'calendars', 'generated_at'],
};

/**
 * The raw value, as the JSON has it: a spreadsheet can sort and sum a number, not "93.5%". A number is written as a
 * number (a negative one would stay one; no rule gives a negative value today), the rest as text.
 */
function rawActual(finding: Finding): CsvValue {
  const { actual } = finding;
  if (actual === null) return '';
  if (typeof actual === 'number') return csvNumber(actual);
  return typeof actual === 'object' ? JSON.stringify(actual) : String(actual);
}

const EQUAL_TO: Readonly<Record<Lang, string>> = { zh: '等于', en: 'equal to' };

/** The requirement as text a spreadsheet keeps as text: `= 100%` is a formula to Excel, so it reads 等于 100%. */
function requiredCell(finding: Finding, lang: Lang): string {
  const { operator, value, unit } = finding.expected;
  return operator === '=' && unit !== 'boolean' ? `${EQUAL_TO[lang]} ${formatQuantity(value, unit, lang)}` : requiredText(finding, lang);
}

/** Evidence with its record; from a prose report with its place too (第 4 段第 2 句), which the report's reader looks up. */
function evidenceCell(finding: Finding, lang: Lang, fromReport: boolean): string {
  return finding.evidence
    .map((e) => {
      const where = fromReport ? evidenceWhere(e, lang) : e.record;
      return `${where ? `${where}: ` : ''}${e.detail[lang]}${e.source ? ` [${e.source}]` : ''}`;
    })
    .join('\n');
}

/** Provenance on every row, so that any row cut out of the sheet still says what produced it. */
function provenance(result: CheckResult, packId: string, lang: Lang): string[] {
  const pack = result.packs.find((p) => p.id === packId);
  return [`${result.tool.name} ${result.tool.version}`, pack?.version ?? '', pack?.sha256 ?? '', calendarsText(result.calendars, lang), result.generatedAt ?? ''];
}

function rows(result: CheckResult, submission: SubmissionResult, lang: Lang): CsvValue[][] {
  const { bureau } = submission;
  const who = [submission.file, submission.sha256 ?? '', bureau?.name ?? '', bureau?.region_code ?? '', bureau ? LEVEL_LABELS[bureau.level][lang] : '', submission.year === null ? '' : String(submission.year)];
  if (submission.error) {
    const packId = result.packs[0]?.id ?? '';
    const problems = submission.error.problems.map((p) => problemText(p, lang)).join('\n');
    return [[...who, packId, '', '', '', UNREADABLE[lang], 'error', '', '', '', '', '', problems, '', '', '', ...provenance(result, packId, lang)]];
  }
  return submission.findings.map((f) => [
    ...who,
    f.pack,
    f.rule,
    f.title[lang],
    severityText(f, lang),
    STATUS_LABELS[f.status][lang],
    f.status,
    // A composite has no one figure, but says how many of its conditions pass.
    f.actual === null && !f.leaves ? '' : foundText(f, lang),
    rawActual(f),
    requiredCell(f, lang),
    clauseText(f.citation),
    f.citation.quote,
    f.message[lang],
    evidenceCell(f, lang, submission.origin === 'report'),
    waiverText(f, lang) ?? '',
    noticeLines(submission, lang).join('\n'),
    ...provenance(result, f.pack, lang),
  ]);
}

/**
 * One row per (submission, rule), in the chosen language, with the status code and the raw value beside the words;
 * UTF-8 with a byte-order mark so that Excel on Windows reads the Chinese.
 */
export function renderCsv(result: CheckResult, lang: Lang): string {
  return `${BOM}${csvText([HEADERS[lang], ...result.submissions.flatMap((s) => rows(result, s, lang))])}`;
}
