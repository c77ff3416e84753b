import { stringify } from 'csv-stringify/sync';
import type { CheckResult, Finding, SubmissionResult } from '../findings/types';
import type { Lang } from '../i18n';
import { requiredText, waiverText } from './view';

const HEADERS: Readonly<Record<Lang, readonly string[]>> = {
  zh: ['文件', 'sha256', '单位', '行政区划代码', '层级', '年度', '规则包', '规则', '名称', '严重程度', '状态', '实际', '要求', '条目', '原文', '说明', '证据', '豁免', '工具', '规则包版本', '规则包sha256', '节假日安排', '生成时间'],
  en: ['file', 'sha256', 'bureau', 'region_code', 'level', 'year', 'pack', 'rule', 'title', 'severity', 'status', 'actual', 'expected', 'clause', 'quote', 'message', 'evidence', 'waiver', 'tool', 'pack_version', 'pack_sha256', 'calendars', 'generated_at'],
};

/** The raw value, as the JSON has it: a spreadsheet can sort and sum a number, not "93.5%". */
function actualCell(finding: Finding): string {
  const { actual } = finding;
  if (actual === null) return '';
  return typeof actual === 'object' ? JSON.stringify(actual) : String(actual);
}

function evidenceCell(finding: Finding, lang: Lang): string {
  return finding.evidence.map((e) => `${e.record ? `${e.record}: ` : ''}${e.detail[lang]}${e.source ? ` [${e.source}]` : ''}`).join('\n');
}

/** Provenance on every row, so that any row cut out of the sheet still says what produced it. */
function provenance(result: CheckResult, packId: string): string[] {
  const pack = result.packs.find((p) => p.id === packId);
  return [`${result.tool.name} ${result.tool.version}`, pack?.version ?? '', pack?.sha256 ?? '', result.calendars.map((c) => c.year).join(';'), result.generatedAt ?? ''];
}

function rows(result: CheckResult, submission: SubmissionResult, lang: Lang): string[][] {
  const { bureau } = submission;
  const who = [submission.file, submission.sha256 ?? '', bureau?.name ?? '', bureau?.region_code ?? '', bureau?.level ?? '', submission.year === null ? '' : String(submission.year)];
  if (submission.error) {
    const first = submission.error.problems[0];
    const place = first.line !== undefined ? `${first.line}:${first.column} ` : '';
    const packId = result.packs[0]?.id ?? '';
    return [[...who, packId, '', '', '', 'error', '', '', '', '', `${place}${first.field ? `${first.field}: ` : ''}${submission.error.message[lang]}`, '', '', ...provenance(result, packId)]];
  }
  return submission.findings.map((f) => [
    ...who,
    f.pack,
    f.rule,
    f.title[lang],
    f.severity,
    f.status,
    actualCell(f),
    requiredText(f, lang),
    f.citation.clause,
    f.citation.quote,
    f.message[lang],
    evidenceCell(f, lang),
    waiverText(f, lang) ?? '',
    ...provenance(result, f.pack),
  ]);
}

/** One row per (submission, rule); UTF-8 with a byte-order mark so that Excel on Windows reads the Chinese. */
export function renderCsv(result: CheckResult, lang: Lang): string {
  const records = [HEADERS[lang] as string[], ...result.submissions.flatMap((s) => rows(result, s, lang))];
  return `\uFEFF${stringify(records, { record_delimiter: 'windows' })}`;
}
