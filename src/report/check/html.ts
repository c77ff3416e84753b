import { STATUSES, type CheckResult, type SubmissionResult, type Summary } from '../../findings/types';
import type { Lang } from '../../core/i18n';
import { COLORS, escapeHtml, findingHtml, inputProblemsHtml, pageHead, STYLE, summaryBar } from '../kit/html';
import { STATUS_LABELS, UNREADABLE } from '../kit/labels';
import { problemText, provenanceRows, submissionHeading, submissionSubline, unreadableInputsLine } from '../kit/view';
import { chapterHeading, groupByChapter, noticeLines } from './view';
import { COMPLETENESS_WORDS, completenessView, STATE_STATUS } from '../kit/completeness';

const T = {
  zh: { heading: '法治建设指标检查报告', filter: '按状态筛选', provenance: '来源与校验', unused: '未使用的豁免', errors: '无法读取的文件' },
  en: { heading: 'Rule-of-law targets: findings', filter: 'Filter by status', provenance: 'Provenance', unused: 'Unused waivers', errors: 'Files that could not be read' },
} as const;

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

export function summaryTable(summary: Summary, lang: Lang): string {
  const head = STATUSES.map((s) => `<th style="color:${COLORS[s]}">${escapeHtml(STATUS_LABELS[s][lang])}</th>`).join('');
  const body = STATUSES.map((s) => `<td data-count="${s}">${summary[s]}</td>`).join('');
  return `<table><tr>${head}</tr><tr>${body}</tr></table>`;
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
    (group) => `<section class="chapter">\n<h3>${escapeHtml(chapterHeading(group, lang))}</h3>\n${group.findings.map((f) => findingHtml(f, findingAnchor(index, f.rule), lang, result.packs.length)).join('\n')}\n</section>`,
  );
  const notices = noticeLines(submission, lang).map((notice) => `\n<p class="notice" role="note">⚠ ${escapeHtml(notice)}</p>`).join('');
  return `${head}${notices}\n<div class="summary">${summaryBar(submission.summary, lang)}${summaryTable(submission.summary, lang)}</div>\n${chapters.join('\n')}${completenessHtml(submission, index, lang)}\n</section>`;
}

/** A report's section 报告载明情况: the counts, and a table of the targets in the pack's order, each linked to its finding. */
function completenessHtml(submission: SubmissionResult, index: number, lang: Lang): string {
  const view = completenessView(submission, lang);
  if (!view) return '';
  const head = COMPLETENESS_WORDS.columns[lang].map((name) => `<th>${escapeHtml(name)}</th>`).join('');
  const rows = view.rows.map(({ state, finding, cells: [label, clause, rule, title] }) => {
    const status = STATE_STATUS[state];
    return `<tr data-stated="${state}"><td style="color:${COLORS[status]}">${escapeHtml(label)}</td><td>${escapeHtml(clause)}</td><td><a href="#${findingAnchor(index, finding.rule)}"><code>${escapeHtml(rule)}</code></a></td><td>${escapeHtml(title)}</td></tr>`;
  });
  return `\n<section class="completeness">\n<h3>${escapeHtml(COMPLETENESS_WORDS.heading[lang])}</h3>\n<p class="completeness-line">${escapeHtml(view.line)}</p>\n<table class="provenance completeness"><tr>${head}</tr>${rows.join('')}</table>\n</section>`;
}

function filterHtml(result: CheckResult, lang: Lang): string {
  const totals = Object.fromEntries(STATUSES.map((s) => [s, result.submissions.reduce((n, sub) => n + sub.summary[s], 0)])) as Summary;
  const boxes = STATUSES.map((s) => `<label style="color:${COLORS[s]}"><input type="checkbox" data-status="${s}" checked> ${escapeHtml(STATUS_LABELS[s][lang])} (${totals[s]})</label>`);
  return `<nav class="filter" aria-label="${T[lang].filter}">${T[lang].filter}: ${boxes.join('')}</nav>`;
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
  return `${pageHead(lang, `${result.tool.name} ${result.tool.version}`, t.heading, STYLE)}
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
