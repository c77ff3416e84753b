import { STATUSES, type CheckResult, type Finding, type SubmissionResult } from '../../findings/types';
import type { Lang } from '../../core/i18n';
import { md, table } from '../kit/markdown';
import { STATUS_LABELS, STATUS_SYMBOLS, UNREADABLE } from '../kit/labels';
import { clauseText, evidenceWhere, foundText, packTag, problemsByFile, problemText, provenanceRows, requiredText, restatesText, severityText, statusText, submissionHeading, submissionSubline, waiverText } from '../kit/view';
import { chapterHeading, groupByChapter, noticeLines } from './view';
import { COMPLETENESS_WORDS, completenessView } from '../kit/completeness';

const T = {
  zh: { heading: '法治建设指标检查报告', provenance: '来源与校验', columns: ['状态', '条目', '指标', '名称', '严重程度', '实际', '要求', '原文', '说明', '证据'], item: '项目', value: '内容', unused: '未使用的豁免', errors: '无法读取的文件' },
  en: { heading: 'Rule-of-law targets: findings', provenance: 'Provenance', columns: ['Status', 'Item', 'Target', 'Title', 'Severity', 'Found', 'Required', 'Quote', 'Message', 'Evidence'], item: 'Item', value: 'Value', unused: 'Unused waivers', errors: 'Files that could not be read' },
} as const;

/** Evidence with its record; from a prose report with its place too (第 4 段第 2 句), which the report's reader looks up. */
function evidenceText(finding: Finding, lang: Lang, fromReport: boolean): string {
  const lines = finding.evidence.map((e) => {
    const where = fromReport ? evidenceWhere(e, lang) : e.record;
    return `${where ? `${where}: ` : ''}${e.detail[lang]}${e.source ? ` (${lang === 'zh' ? '出处' : 'source'}: ${e.source})` : ''}`;
  });
  const waiver = waiverText(finding, lang);
  return [...lines, ...(waiver ? [waiver] : [])].join('\n');
}

function findingRow(finding: Finding, lang: Lang, packCount: number, fromReport: boolean): string[] {
  const restates = restatesText(finding.citation, lang);
  const quote = restates ? `${finding.citation.quote}\n${restates}` : finding.citation.quote;
  return [`${STATUS_SYMBOLS[finding.status]} ${statusText(finding, lang)}`, clauseText(finding.citation), `${finding.rule}${packTag(finding, packCount)}`, finding.title[lang], severityText(finding, lang), foundText(finding, lang), requiredText(finding, lang), quote, finding.message[lang], evidenceText(finding, lang, fromReport)];
}

function submissionSection(result: CheckResult, submission: SubmissionResult, lang: Lang): string[] {
  const t = T[lang];
  const lines = [md.heading(2, submissionHeading(submission, lang)), '', md.paragraph(submissionSubline(submission, lang)), ''];
  if (submission.error) {
    lines.push(md.strong(UNREADABLE[lang]), '');
    for (const p of submission.error.problems) lines.push(md.item(problemText(p, lang)));
    return [...lines, ''];
  }
  for (const notice of noticeLines(submission, lang)) lines.push(md.quote(`⚠ ${notice}`), '');
  lines.push(...table(STATUSES.map((s) => STATUS_LABELS[s][lang]), [STATUSES.map((s) => String(submission.summary[s]))]), '');
  for (const group of groupByChapter(submission.findings, result.packs)) {
    lines.push(md.heading(3, chapterHeading(group, lang)), '', ...table(t.columns, group.findings.map((f) => findingRow(f, lang, result.packs.length, submission.origin === 'report'))), '');
  }
  const view = completenessView(submission, lang);
  if (view) lines.push(md.heading(3, COMPLETENESS_WORDS.heading[lang]), '', md.paragraph(view.line), '', ...table(COMPLETENESS_WORDS.columns[lang], view.rows.map((row) => row.cells)), '');
  return lines;
}

/** The same content as the HTML report, for pasting into documents and repositories (GitHub tables). */
export function renderMarkdown(result: CheckResult, lang: Lang): string {
  const t = T[lang];
  const lines = [md.heading(1, t.heading), ''];
  for (const submission of result.submissions) lines.push(...submissionSection(result, submission, lang));
  if (result.errors.length > 0) {
    lines.push(md.heading(2, t.errors), '');
    for (const [file, problems] of problemsByFile(result.errors)) lines.push(md.item(file), ...problems.map((p) => md.item(problemText(p, lang), 1)));
    lines.push('');
  }
  if (result.waivers && result.waivers.unused.length > 0) {
    lines.push(md.heading(2, t.unused), '', ...result.waivers.unused.map((w) => md.item(`${w.id}: ${w.rule} · ${w.bureau}${w.year !== undefined ? ` · ${w.year}` : ''}`)), '');
  }
  lines.push(md.heading(2, t.provenance), '', ...table([t.item, t.value], provenanceRows(result, lang)), '');
  return lines.join('\n');
}
