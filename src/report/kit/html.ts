import { STATUSES, type Finding, type Summary } from '../../findings/types';
import type { Lang } from '../../core/i18n';
import type { InputProblem } from '../../intake/problem';
import { htmlText } from '../../core/text-safety';
import { COLORS, STATUS_LABELS, STATUS_SYMBOLS } from './labels';
import { clauseText, evidenceWhere, foundText, problemsByFile, problemText, requiredText, restatesText, severityText, waiverText } from './view';

/**
 * What the HTML reports of every subject share: the escaping, the colours of the statuses, the page's style, a
 * finding as an article, a submission's summary bar, the inputs that could not be read. A subject adds its own style
 * after `STYLE` and its own script.
 */

/** The colours of the statuses, shared with the workbooks (./labels). */
export { COLORS } from './labels';

/** The words of the pieces below. */
const T = {
  zh: { found: '实际', required: '要求', quote: '原文', source: '出处', severity: '严重程度', summary: '结果汇总' },
  en: { found: 'Found', required: 'Required', quote: 'Quote', source: 'source', severity: 'Severity', summary: 'Summary' },
} as const;

/** Text for element content and quoted attributes: `& < > " '` as entities, controls shown (`htmlText`). */
export function escapeHtml(text: string): string {
  return htmlText(text);
}

/** The page's style, for every subject: one prints to A4; a subject appends its own rules after it. */
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
.pack { color: #616161; font-size: 0.85em; } blockquote.restates { border-left-style: dashed; }
.notice { border: 1px solid #ef6c00; background: #fff3e0; padding: 6px 12px; margin: 8px 0; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav.filter { display: none; }
  section.submission + section.submission, section.provenance { break-before: page; }
  article.finding { box-shadow: none; border: 1px solid #ccc; border-left: 6px solid var(--c); }
}`;

/** A page's opening up to its body: language, the tool that made it, the title, and its style inline. */
export function pageHead(lang: Lang, generator: string, title: string, style: string): string {
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(generator)}">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>`;
}

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

/** A finding as an article; `packCount` above 1 names its pack beside its rule (a run with several packs). */
export function findingHtml(finding: Finding, anchor: string, lang: Lang, packCount = 1): string {
  const t = T[lang];
  const restates = restatesText(finding.citation, lang);
  const pack = packCount > 1 ? `<span class="pack">${escapeHtml(finding.pack)}</span>` : '';
  const evidence = finding.evidence.map((e) => {
    const where = evidenceWhere(e, lang);
    const source = e.source ? ` <span class="source">(${t.source}: ${escapeHtml(e.source)})</span>` : '';
    return `<li>${where ? `<strong>${escapeHtml(where)}</strong>: ` : ''}${escapeHtml(e.detail[lang])}${source}</li>`;
  });
  const waiver = waiverText(finding, lang);
  // What needs no action is shown in one line; its found and required stay in the page for search and print.
  const compact = finding.status === 'pass' || finding.status === 'not_applicable';
  return `<article class="finding${compact ? ' compact' : ''}" id="${escapeHtml(anchor)}" data-status="${finding.status}" data-rule="${escapeHtml(finding.rule)}" style="--c:${COLORS[finding.status]}">
<header><span class="badge">${STATUS_SYMBOLS[finding.status]} ${escapeHtml(STATUS_LABELS[finding.status][lang])}</span><span class="clause">${escapeHtml(clauseText(finding.citation))}</span><code>${escapeHtml(finding.rule)}</code>${pack}<strong>${escapeHtml(finding.title[lang])}</strong><span class="severity ${finding.severity}" title="${T[lang].severity}">${escapeHtml(severityText(finding, lang))}</span></header>
<blockquote lang="zh-CN">${escapeHtml(t.quote)}:“<span class="quote">${escapeHtml(finding.citation.quote)}</span>”</blockquote>${restates ? `\n<blockquote class="restates" lang="zh-CN">${escapeHtml(restates)}</blockquote>` : ''}
<dl><dt>${t.found}</dt><dd class="found">${escapeHtml(foundText(finding, lang))}</dd><dt>${t.required}</dt><dd class="required">${escapeHtml(requiredText(finding, lang))}</dd></dl>
<p class="message">${escapeHtml(finding.message[lang])}</p>${evidence.length > 0 ? `\n<ul class="evidence">${evidence.join('')}</ul>` : ''}${waiver ? `\n<p class="waiver">${escapeHtml(waiver)}</p>` : ''}
</article>`;
}

/** Inputs that could not be read, each file named once with its problems below it. */
export function inputProblemsHtml(problems: readonly InputProblem[], lang: Lang): string {
  const files = problemsByFile(problems).map(([file, list]) => `<li>${escapeHtml(file)}<ul>${list.map((p) => `<li>${escapeHtml(problemText(p, lang))}</li>`).join('')}</ul></li>`);
  return `<ul class="error">${files.join('')}</ul>`;
}
