import { STATUSES, type CheckResult, type Finding, type SubmissionResult } from '../findings/types';
import type { Lang } from '../i18n';
import { STATUS_LABELS, STATUS_SYMBOLS, UNREADABLE } from './labels';
import { chapterHeading, foundText, groupByChapter, noticeLines, problemsByFile, problemText, provenanceRows, requiredText, severityText, statusText, submissionHeading, submissionSubline, waiverText } from './view';

const T = {
  zh: { heading: '法治建设指标检查报告', provenance: '来源与校验', columns: ['状态', '条目', '指标', '名称', '严重程度', '实际', '要求', '原文', '说明', '证据'], item: '项目', value: '内容', unused: '未使用的豁免', errors: '无法读取的文件' },
  en: { heading: 'Rule-of-law targets: findings', provenance: 'Provenance', columns: ['Status', 'Item', 'Target', 'Title', 'Severity', 'Found', 'Required', 'Quote', 'Message', 'Evidence'], item: 'Item', value: 'Value', unused: 'Unused waivers', errors: 'Files that could not be read' },
} as const;

/** A table cell that renders on GitHub: HTML escaped, pipes escaped, line breaks as <br>. */
export function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** A GitHub table: header, separator, rows. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [row(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(row)];
}

function evidenceText(finding: Finding, lang: Lang): string {
  const lines = finding.evidence.map((e) => `${e.record ? `${e.record}: ` : ''}${e.detail[lang]}${e.source ? ` (${lang === 'zh' ? '出处' : 'source'}: ${e.source})` : ''}`);
  const waiver = waiverText(finding, lang);
  return [...lines, ...(waiver ? [waiver] : [])].join('\n');
}

function findingRow(finding: Finding, lang: Lang): string[] {
  return [`${STATUS_SYMBOLS[finding.status]} ${statusText(finding, lang)}`, finding.citation.clause, finding.rule, finding.title[lang], severityText(finding, lang), foundText(finding, lang), requiredText(finding, lang), finding.citation.quote, finding.message[lang], evidenceText(finding, lang)];
}

function submissionSection(result: CheckResult, submission: SubmissionResult, lang: Lang): string[] {
  const t = T[lang];
  const lines = [`## ${submissionHeading(submission, lang)}`, '', submissionSubline(submission, lang), ''];
  if (submission.error) {
    lines.push(`**${UNREADABLE[lang]}**`, '');
    for (const p of submission.error.problems) lines.push(`- ${problemText(p, lang)}`);
    return [...lines, ''];
  }
  for (const notice of noticeLines(submission, lang)) lines.push(`> ⚠ ${notice}`, '');
  lines.push(...table(STATUSES.map((s) => STATUS_LABELS[s][lang]), [STATUSES.map((s) => String(submission.summary[s]))]), '');
  for (const group of groupByChapter(submission.findings, result.packs)) {
    lines.push(`### ${chapterHeading(group, lang)}`, '', ...table(t.columns, group.findings.map((f) => findingRow(f, lang))), '');
  }
  return lines;
}

/** The same content as the HTML report, for pasting into documents and repositories (GitHub tables). */
export function renderMarkdown(result: CheckResult, lang: Lang): string {
  const t = T[lang];
  const lines = [`# ${t.heading}`, ''];
  for (const submission of result.submissions) lines.push(...submissionSection(result, submission, lang));
  if (result.errors.length > 0) {
    lines.push(`## ${t.errors}`, '');
    for (const [file, problems] of problemsByFile(result.errors)) lines.push(`- ${file}`, ...problems.map((p) => `  - ${problemText(p, lang)}`));
    lines.push('');
  }
  if (result.waivers && result.waivers.unused.length > 0) {
    lines.push(`## ${t.unused}`, '', ...result.waivers.unused.map((w) => `- ${w.id}: ${w.rule} · ${w.bureau}${w.year !== undefined ? ` · ${w.year}` : ''}`), '');
  }
  lines.push(`## ${t.provenance}`, '', ...table([t.item, t.value], provenanceRows(result, lang)), '');
  return lines.join('\n');
}
