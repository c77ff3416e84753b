import { STATUSES, type CheckResult, type Finding, type Status, type SubmissionResult, type Summary } from '../../findings/types';
import type { Lang } from '../../core/i18n';
import { htmlText } from '../../core/text-safety';
import { STATUS_LABELS, STATUS_SYMBOLS, UNREADABLE } from '../kit/labels';
import { chapterHeading, evidenceWhere, foundText, groupByChapter, noticeLines, problemsByFile, problemText, provenanceRows, requiredText, severityText, submissionHeading, submissionSubline, unreadableInputsLine, waiverText } from './view';

export const COLORS: Readonly<Record<Status, string>> = {
  pass: '#2e7d32',
  fail: '#c62828',
  warn: '#ef6c00',
  pending: '#1565c0',
  not_applicable: '#9e9e9e',
  missing_data: '#6a1b9a',
  waived: '#00838f',
};

const T = {
  zh: { heading: '法治建设指标检查报告', filter: '按状态筛选', found: '实际', required: '要求', quote: '原文', evidence: '证据', source: '出处', severity: '严重程度', provenance: '来源与校验', unused: '未使用的豁免', errors: '无法读取的文件', summary: '结果汇总' },
  en: { heading: 'Rule-of-law targets: findings', filter: 'Filter by status', found: 'Found', required: 'Required', quote: 'Quote', evidence: 'Evidence', source: 'source', severity: 'Severity', provenance: 'Provenance', unused: 'Unused waivers', errors: 'Files that could not be read', summary: 'Summary' },
} as const;

/** Text for element content and quoted attributes: `& < > " '` as entities, controls shown (`htmlText`). */
export function escapeHtml(text: string): string {
  return htmlText(text);
}

export const STYLE = `
:root { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei", sans-serif; color: #212121; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.5; }
h1 { font-size: 1.6em; margin: 0 0 4px; } h2 { font-size: 1.3em; margin: 32px 0 4px; border-bottom: 2px solid #ddd; }
h3 { font-size: 1.05em; margin: 20px 0 8px; color: #424242; }
.sub { color: #616161; margin: 0 0 12px; }
nav.filter { position: sticky; top: 0; background: #fafafa; border: 1px solid #e0e0e0; padding: 8px 12px; margin: 16px 0; z-index: 1; }
nav.filter label { margin-right: 14px; white-space: nowrap; cursor: pointer; }
.summary { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
.summary table { border-collapse: collapse; } .summary td, .summary th { padding: 2px 8px; border: 1px solid #e0e0e0; text-align: center; }
article.finding:target { outline: 3px solid #ffb300; }
article.finding { border-left: 6px solid var(--c); padding: 6px 12px; margin: 8px 0; background: #fff; box-shadow: 0 0 0 1px #eee; break-inside: avoid; }
article.finding header { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.badge { background: var(--c); color: #fff; border-radius: 3px; padding: 0 6px; font-size: 0.9em; }
.severity { border: 1px solid #9e9e9e; border-radius: 3px; padding: 0 4px; font-size: 0.85em; color: #424242; } .severity.critical { border-color: #c62828; color: #c62828; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.88em; }
blockquote { margin: 6px 0; padding: 2px 10px; border-left: 3px solid #bdbdbd; color: #424242; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 12px; margin: 4px 0; } dt { color: #757575; } dd { margin: 0; }
article.finding.compact { padding: 2px 12px; } article.finding.compact dl { display: none; }
article.finding.compact blockquote, article.finding.compact .message { display: inline; border: 0; margin: 0 0 0 8px; padding: 0; font-size: 0.9em; color: #616161; }
ul.evidence { margin: 4px 0; padding-left: 20px; } .waiver { color: #00695c; margin: 4px 0; }
table.provenance { border-collapse: collapse; width: 100%; font-size: 0.9em; } table.provenance td { border: 1px solid #e0e0e0; padding: 4px 8px; word-break: break-all; }
.error { color: #b71c1c; }
.notice { border: 1px solid #ef6c00; background: #fff3e0; padding: 6px 12px; margin: 8px 0; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav.filter { display: none; }
  section.submission + section.submission, section.provenance { break-before: page; }
  article.finding { box-shadow: none; border: 1px solid #ccc; border-left: 6px solid var(--c); }
}`;

/** Plain script, no network: checkboxes hide and show findings by status, and chapters left empty. */
const SCRIPT = `
(function () {
  var boxes = document.querySelectorAll('nav.filter input[data-status]');
  function apply() {
    var shown = {};
    boxes.forEach(function (box) { shown[box.getAttribute('data-status')] = box.checked; });
    document.querySelectorAll('article.finding').forEach(function (a) { a.hidden = !shown[a.getAttribute('data-status')]; });
    document.querySelectorAll('section.chapter').forEach(function (c) { c.hidden = !c.querySelector('article.finding:not([hidden])'); });
  }
  boxes.forEach(function (box) { box.addEventListener('change', apply); });
  apply();
})();`;

/** The counts of a submission as a stacked bar in inline SVG, with each segment titled. */
export function summaryBar(summary: Summary, lang: Lang): string {
  const total = STATUSES.reduce((n, s) => n + summary[s], 0) || 1;
  const width = 420;
  let x = 0;
  const segments = STATUSES.filter((s) => summary[s] > 0).map((s) => {
    const w = (summary[s] / total) * width;
    const rect = `<rect x="${x.toFixed(2)}" y="0" width="${w.toFixed(2)}" height="22" fill="${COLORS[s]}"><title>${escapeHtml(STATUS_LABELS[s][lang])} ${summary[s]}</title></rect>`;
    x += w;
    return rect;
  });
  return `<svg class="bar" role="img" aria-label="${escapeHtml(T[lang].summary)}" width="${width}" height="22" viewBox="0 0 ${width} 22" xmlns="http://www.w3.org/2000/svg">${segments.join('')}</svg>`;
}

export function summaryTable(summary: Summary, lang: Lang): string {
  const head = STATUSES.map((s) => `<th style="color:${COLORS[s]}">${escapeHtml(STATUS_LABELS[s][lang])}</th>`).join('');
  const body = STATUSES.map((s) => `<td data-count="${s}">${summary[s]}</td>`).join('');
  return `<table><tr>${head}</tr><tr>${body}</tr></table>`;
}

export function findingHtml(finding: Finding, anchor: string, lang: Lang): string {
  const t = T[lang];
  const evidence = finding.evidence.map((e) => {
    const where = evidenceWhere(e, lang);
    const source = e.source ? ` <span class="source">(${t.source}: ${escapeHtml(e.source)})</span>` : '';
    return `<li>${where ? `<strong>${escapeHtml(where)}</strong>: ` : ''}${escapeHtml(e.detail[lang])}${source}</li>`;
  });
  const waiver = waiverText(finding, lang);
  // What needs no action is shown in one line; its found and required stay in the page for search and print.
  const compact = finding.status === 'pass' || finding.status === 'not_applicable';
  return `<article class="finding${compact ? ' compact' : ''}" id="${escapeHtml(anchor)}" data-status="${finding.status}" data-rule="${escapeHtml(finding.rule)}" style="--c:${COLORS[finding.status]}">
<header><span class="badge">${STATUS_SYMBOLS[finding.status]} ${escapeHtml(STATUS_LABELS[finding.status][lang])}</span><span class="clause">${escapeHtml(finding.citation.clause)}</span><code>${escapeHtml(finding.rule)}</code><strong>${escapeHtml(finding.title[lang])}</strong><span class="severity ${finding.severity}" title="${T[lang].severity}">${escapeHtml(severityText(finding, lang))}</span></header>
<blockquote lang="zh-CN">${escapeHtml(t.quote)}:“<span class="quote">${escapeHtml(finding.citation.quote)}</span>”</blockquote>
<dl><dt>${t.found}</dt><dd class="found">${escapeHtml(foundText(finding, lang))}</dd><dt>${t.required}</dt><dd class="required">${escapeHtml(requiredText(finding, lang))}</dd></dl>
<p class="message">${escapeHtml(finding.message[lang])}</p>${evidence.length > 0 ? `\n<ul class="evidence">${evidence.join('')}</ul>` : ''}${waiver ? `\n<p class="waiver">${escapeHtml(waiver)}</p>` : ''}
</article>`;
}

function findingAnchor(submissionIndex: number, rule: string): string {
  return `s${submissionIndex + 1}-${rule}`;
}

function submissionHtml(result: CheckResult, submission: SubmissionResult, index: number, lang: Lang): string {
  const head = `<section class="submission" id="s${index + 1}" data-file="${escapeHtml(submission.file)}">\n<h2>${escapeHtml(submissionHeading(submission, lang))}</h2>\n<p class="sub file">${escapeHtml(submissionSubline(submission, lang))}</p>`;
  if (submission.error) {
    const problems = submission.error.problems.map((p) => `<li>${escapeHtml(problemText(p, lang))}</li>`);
    return `${head}\n<p class="error"><strong>${UNREADABLE[lang]}</strong></p><ul class="error">${problems.join('')}</ul>\n</section>`;
  }
  const chapters = groupByChapter(submission.findings, result.packs).map(
    (group) => `<section class="chapter">\n<h3>${escapeHtml(chapterHeading(group, lang))}</h3>\n${group.findings.map((f) => findingHtml(f, findingAnchor(index, f.rule), lang)).join('\n')}\n</section>`,
  );
  const notices = noticeLines(submission, lang).map((notice) => `\n<p class="notice" role="note">⚠ ${escapeHtml(notice)}</p>`).join('');
  return `${head}${notices}\n<div class="summary">${summaryBar(submission.summary, lang)}${summaryTable(submission.summary, lang)}</div>\n${chapters.join('\n')}\n</section>`;
}

function filterHtml(result: CheckResult, lang: Lang): string {
  const totals = Object.fromEntries(STATUSES.map((s) => [s, result.submissions.reduce((n, sub) => n + sub.summary[s], 0)])) as Summary;
  const boxes = STATUSES.map((s) => `<label style="color:${COLORS[s]}"><input type="checkbox" data-status="${s}" checked> ${escapeHtml(STATUS_LABELS[s][lang])} (${totals[s]})</label>`);
  return `<nav class="filter" aria-label="${T[lang].filter}">${T[lang].filter}: ${boxes.join('')}</nav>`;
}

/** Inputs that could not be read, each file named once with its problems below it. */
export function inputProblemsHtml(problems: CheckResult['errors'], lang: Lang): string {
  const files = problemsByFile(problems).map(([file, list]) => `<li>${escapeHtml(file)}<ul>${list.map((p) => `<li>${escapeHtml(problemText(p, lang))}</li>`).join('')}</ul></li>`);
  return `<ul class="error">${files.join('')}</ul>`;
}

function extrasHtml(result: CheckResult, lang: Lang): string {
  const t = T[lang];
  const parts: string[] = [];
  if (result.errors.length > 0) {
    parts.push(`<section class="errors"><h2>${t.errors}</h2>${inputProblemsHtml(result.errors, lang)}</section>`);
  }
  if (result.waivers && result.waivers.unused.length > 0) {
    parts.push(`<section class="unused-waivers"><h2>${t.unused}</h2><ul>${result.waivers.unused.map((w) => `<li><code>${escapeHtml(w.id)}</code> ${escapeHtml(w.rule)} · ${escapeHtml(w.bureau)}${w.year !== undefined ? ` · ${w.year}` : ''}</li>`).join('')}</ul></section>`);
  }
  const rows = provenanceRows(result, lang).map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`);
  parts.push(`<section class="provenance"><h2>${t.provenance}</h2><table class="provenance">${rows.join('')}</table></section>`);
  return parts.join('\n');
}

/** One self-contained page: styles and script inline, nothing fetched; prints to A4 with a page per submission. */
export function renderHtml(result: CheckResult, lang: Lang): string {
  const t = T[lang];
  const title = result.packs.map((p) => p.title[lang]).join(' · ');
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(`${result.tool.name} ${result.tool.version}`)}">
<title>${escapeHtml(t.heading)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(t.heading)}</h1><p class="sub">${escapeHtml(title)}</p></header>
${filterHtml(result, lang)}
${result.errors.length > 0 ? `<p class="error unreadable">${escapeHtml(unreadableInputsLine(result.errors, lang) ?? '')}</p>\n` : ''}${result.submissions.map((s, i) => submissionHtml(result, s, i, lang)).join('\n')}
${extrasHtml(result, lang)}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
