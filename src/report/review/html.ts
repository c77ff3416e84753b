import { STATUSES, type Status } from '../../findings/types';
import { COMPLETENESS_WORDS, hasReports, rowCompleteness, statedCell } from '../kit/completeness';
import type { Lang } from '../../core/i18n';
import { shownSummary } from '../../run/review/aggregate';
import type { ReviewResult, ReviewRow, YearChange } from '../../run/review/types';
import { COLORS, escapeHtml, findingHtml, inputProblemsHtml, STYLE, summaryBar } from '../kit/html';
import { ATTENTION_ORDER, STATUS_LABELS, STATUS_SYMBOLS } from '../kit/labels';
import { byAttention, clauseText, problemText, provenanceRows, submissionHeading, submissionSubline } from '../kit/view';
import { changeLine, columnOf, countedOnceLine, duplicateFiles, duplicateNote, levelName, packLine, REVIEW_TEXT, reviewVerdict, rowProblems, ruleNumber, noticeItems, shortName } from './view';
import { cityHtml, overviewHtml, OVERVIEW_STYLE, trendHtml } from './overview-html';

const REVIEW_STYLE = `
body { max-width: none; padding: 12px; }
table.matrix { border-collapse: collapse; font-size: 11px; line-height: 1.3; }
table.matrix th, table.matrix td { border: 1px solid #e0e0e0; padding: 1px 2px; text-align: center; white-space: nowrap; }
table.matrix th { background: #f5f5f5; cursor: pointer; position: sticky; top: 0; vertical-align: bottom; }
table.matrix th.rule, table.matrix th.count { padding: 1px 0; min-width: 12px; }
table.matrix th.count span { writing-mode: vertical-rl; display: inline-block; } table.matrix th.rule span { writing-mode: vertical-rl; display: inline-block; max-height: 12em; overflow: hidden; text-overflow: ellipsis; font-weight: normal; letter-spacing: -0.05em; line-height: 1.1; }
table.matrix th.rule small { display: block; color: #757575; font-weight: normal; }
table.matrix th[aria-sort="ascending"]::after { content: " ▲"; } table.matrix th[aria-sort="descending"]::after { content: " ▼"; }
table.matrix td.name { text-align: left; max-width: 8em; overflow: hidden; text-overflow: ellipsis; } table.matrix td.name small { display: block; color: #757575; }
ul.chart-legend { list-style: none; padding: 0; display: flex; gap: 16px; } ul.chart-legend .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: middle; }
table.year-counts { border-collapse: collapse; font-size: 0.9em; } table.year-counts td, table.year-counts th { border: 1px solid #e0e0e0; padding: 2px 8px; } table.year-counts td.n { text-align: right; }
table.matrix td.cell { padding: 1px 0; } table.matrix td.cell a { color: #fff; text-decoration: none; display: block; min-width: 12px; }
table.matrix td.s-pass { background: #c8e6c9; } table.matrix td.s-pass a { color: #2e7d32; }
table.matrix td.s-fail { background: #c62828; font-weight: bold; }
table.matrix td.s-warn { background: #ef6c00; } table.matrix td.s-pending { background: #1565c0; }
table.matrix td.s-not_applicable { background: #eeeeee; } table.matrix td.s-not_applicable a { color: #9e9e9e; }
table.matrix td.s-missing_data { background: #6a1b9a; } table.matrix td.s-waived { background: #00838f; }
.scroll { overflow-x: auto; }
.print-matrix { display: none; }
section.bureau { break-before: page; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  .scroll, nav.filter, .matrix-filter { display: none; }
  .print-matrix { display: block; }
  table.paper { break-after: page; font-size: 13px; }
  table.paper th.rule span { max-height: 15em; }
  table.paper td { min-width: 18px; }
  table.paper thead { display: table-header-group; }
  table.paper tr { break-inside: avoid; }
  table.paper td.s-fail, table.paper td.s-missing_data, table.paper td.s-warn, table.paper td.s-pending, table.paper td.s-waived { color: #fff; }
  td, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

/** The printed parts look as the matrix on screen does. */
const STYLE_OF_PAGE = REVIEW_STYLE.replace(/table\.matrix/g, ':is(table.matrix, table.paper)');

/** On paper a page holds the bureau's columns and this many targets; the matrix is printed in parts of it. */
const PRINTED_COLUMNS = 24;

/** Click a header to sort the matrix by that column; statuses sort worst first. Plain script, no network. */
const SORT_SCRIPT = `
(function () {
  var table = document.querySelector('table.matrix');
  var body = table.tBodies[0];
  table.querySelectorAll('th').forEach(function (th, column) {
    th.addEventListener('click', function () {
      var descending = th.getAttribute('aria-sort') === 'ascending';
      table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      var numeric = th.hasAttribute('data-numeric');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column].getAttribute('data-sort'), y = b.cells[column].getAttribute('data-sort');
        var order = numeric ? Number(x) - Number(y) : (x < y ? -1 : x > y ? 1 : 0);
        return descending ? -order : order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  var search = document.querySelector('.matrix-filter input[type=search]');
  var attention = document.querySelector('.matrix-filter input[name=attention]');
  var shown = document.querySelector('.matrix-filter output');
  function filter() {
    var words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var n = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var text = row.getAttribute('data-search').toLowerCase();
      var show = words.every(function (w) { return text.indexOf(w) >= 0; }) && (!attention.checked || row.hasAttribute('data-attention'));
      row.hidden = !show;
      if (show) n++;
    });
    shown.textContent = n + ' / ' + body.rows.length;
  }
  search.addEventListener('input', filter);
  attention.addEventListener('change', filter);
})();`;

/** The anchor of one bureau-year's finding for one rule: where a matrix cell links to. */
export function reviewAnchor(rowIndex: number, rule: string): string {
  return `b${rowIndex + 1}-${rule}`;
}

/** Statuses sort by how much they need attention, so "ascending" puts failures first. */
function statusSortKey(status: Status): string {
  return String(ATTENTION_ORDER.indexOf(status));
}

/** Sorting by 不通过 puts a bureau lacking data after the clean ones, not among them: fails first, then missing data. */
function sortKey(first: number, second: number): number {
  return first * 10000 + second;
}

/** A target's column head: its Chinese title written downwards, its number below; the id and clause on hover. */
function ruleHead(result: ReviewResult, column: number, lang: Lang): string {
  const rule = result.rules[column];
  return `<th class="rule" data-key="${escapeHtml(rule.id)}" data-numeric title="${escapeHtml(`${ruleNumber(column)} ${rule.id} ${clauseText(rule)} ${rule.title[lang]}`)}"><span>${escapeHtml(rule.title[lang])}</span><small>${ruleNumber(column)}</small></th>`;
}

/** A bureau's name cell: the common suffix left out, the full name on hover, a duplicate's file named below it. */
function nameCell(row: ReviewRow, index: number, note: string | undefined): string {
  const name = row.bureau?.name ?? '';
  return `<td class="name" data-sort="${escapeHtml(name)}" title="${escapeHtml(name)}"><a href="#b${index + 1}">${escapeHtml(shortName(name))}</a>${note ? `<small class="file" title="${escapeHtml(row.file)}">${escapeHtml(note)}</small>` : ''}</td>`;
}

function statusCell(result: ReviewResult, row: ReviewRow, index: number, column: number, lang: Lang): string {
  const status = row.statuses[column];
  const rule = result.rules[column].id;
  return `<td class="cell s-${status}" data-status="${status}" data-rule="${escapeHtml(rule)}" data-sort="${statusSortKey(status)}"><a href="#${escapeHtml(reviewAnchor(index, rule))}" title="${escapeHtml(`${row.bureau?.name ?? row.file} ${row.year} · ${rule} · ${STATUS_LABELS[status][lang]}`)}">${STATUS_SYMBOLS[status]}</a></td>`;
}

/**
 * The matrix for paper: landscape pages, each with the bureau and year columns and up to PRINTED_COLUMNS targets,
 * so that no column is cut off; the header row repeats on every page a part runs over.
 */
function printedMatrixHtml(result: ReviewResult, lang: Lang): string {
  const t = REVIEW_TEXT[lang];
  const duplicates = duplicateFiles(result);
  const parts: number[][] = [];
  for (let i = 0; i < result.columns.length; i += PRINTED_COLUMNS) parts.push(result.columns.slice(i, i + PRINTED_COLUMNS));
  const tables = parts.map((columns, p) => {
    // The page's own cells, without the links and data a script or test reads off the matrix on screen.
    const cell = (row: ReviewRow, c: number): string => `<td class="s-${row.statuses[c]}">${STATUS_SYMBOLS[row.statuses[c]]}</td>`;
    const rows = result.rows.map((row) => `<tr><td class="name">${escapeHtml(shortName(row.bureau?.name ?? ''))}${duplicateNote(row, duplicates, lang) ? `<small>${escapeHtml(duplicateNote(row, duplicates, lang) ?? '')}</small>` : ''}</td><td>${row.year}</td>${columns.map((c) => cell(row, c)).join('')}</tr>`);
    const heads = columns.map((c) => `<th class="rule"><span>${escapeHtml(result.rules[c].title[lang])}</span><small>${ruleNumber(c)}</small></th>`);
    const head = [`<th>${t.bureau}</th>`, `<th>${t.year}</th>`, ...heads].join('');
    return `<table class="paper" data-part="${p + 1}"><caption>${escapeHtml(t.printedPart(p + 1, parts.length, ruleNumber(columns[0]), ruleNumber(columns[columns.length - 1])))}</caption><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  });
  return `<div class="print-matrix">${tables.join('\n')}</div>`;
}

/** A row's 已载明 cell, sorted by the share stated; empty for a submission written as data. */
function statedHtml(row: ReviewRow, columns: readonly number[]): string {
  const completeness = rowCompleteness(row, columns);
  const share = completeness ? (completeness.applicable > 0 ? completeness.stated / completeness.applicable : 0) : -1;
  return `<td data-sort="${share.toFixed(6)}">${escapeHtml(statedCell(row, columns))}</td>`;
}

function matrixHtml(result: ReviewResult, lang: Lang): string {
  const t = REVIEW_TEXT[lang];
  const head = [`<th data-key="bureau">${t.bureau}</th>`, `<th data-key="code">${t.code}</th>`, `<th data-key="level">${t.level}</th>`, `<th data-key="year" data-numeric>${t.year}</th>`, `<th class="count" data-key="fails" data-numeric><span>${t.fails}</span></th>`, `<th class="count" data-key="missing" data-numeric><span>${t.missing}</span></th>`];
  // Rows from prose reports add 已载明 (`12/30`) after the counts; a review of submissions written as data has none.
  const stated = hasReports(result.rows);
  if (stated) head.push(`<th data-key="stated" data-numeric>${escapeHtml(COMPLETENESS_WORDS.column[lang])}</th>`);
  for (const c of result.columns) head.push(ruleHead(result, c, lang));
  const duplicates = duplicateFiles(result);
  const rows = result.rows.map((row, r) => {
    const counts = shownSummary(row, result.columns);
    const note = duplicateNote(row, duplicates, lang);
    const cells = [
      nameCell(row, r, note),
      `<td data-sort="${escapeHtml(row.bureau?.region_code ?? '')}">${escapeHtml(row.bureau?.region_code ?? '')}</td>`,
      `<td data-sort="${escapeHtml(row.bureau?.level ?? '')}">${escapeHtml(levelName(row, lang))}</td>`,
      `<td data-sort="${row.year}">${row.year}</td>`,
      `<td data-sort="${sortKey(counts.fail, counts.missing_data)}">${counts.fail}</td>`,
      `<td data-sort="${sortKey(counts.missing_data, counts.fail)}">${counts.missing_data}</td>`,
      ...(stated ? [statedHtml(row, result.columns)] : []),
      ...result.columns.map((c) => statusCell(result, row, r, c, lang)),
    ];
    const attention = counts.fail > 0 || counts.missing_data > 0 ? ' data-attention' : '';
    return `<tr data-file="${escapeHtml(row.file)}" data-search="${escapeHtml(`${row.bureau?.name ?? ''} ${row.bureau?.region_code ?? ''} ${row.year ?? ''}`)}"${attention}>${cells.join('')}</tr>`;
  });
  const filter = `<p class="matrix-filter"><input type="search" aria-label="${escapeHtml(t.filterLabel)}" placeholder="${escapeHtml(t.filterLabel)}"> <label><input type="checkbox" name="attention"> ${escapeHtml(t.attentionOnly)}</label> <output></output></p>`;
  return `${filter}\n<div class="scroll"><table class="matrix"><thead><tr>${head.join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>\n${printedMatrixHtml(result, lang)}`;
}

/** The statuses the chart draws, in the order of its segments. */
const CHARTED: readonly Status[] = ['fail', 'warn', 'missing_data'];

/**
 * Per target, how many bureaus fail, warn and lack data: a stacked bar each, labelled with the target's number and
 * Chinese title (the id in its tooltip), the figures of its segments at its end, and a legend of the colours below.
 */
function ruleChart(result: ReviewResult, lang: Lang): string {
  const t = REVIEW_TEXT[lang];
  const charted = result.ruleCounts.filter((rc) => CHARTED.some((s) => rc.counts[s] > 0));
  const max = Math.max(1, ...charted.map((rc) => CHARTED.reduce((n, s) => n + rc.counts[s], 0)));
  const rowHeight = 18;
  const label = 300;
  const width = 360;
  const bars = charted.map((rc, i) => {
    const y = i * rowHeight;
    const column = columnOf(result, rc.rule);
    const info = result.rules[column];
    let x = label;
    const segments = CHARTED.map((s) => {
      const w = (rc.counts[s] / max) * width;
      const rect = rc.counts[s] > 0 ? `<rect x="${x.toFixed(2)}" y="${y + 2}" width="${w.toFixed(2)}" height="${rowHeight - 4}" fill="${COLORS[s]}" data-status="${s}"><title>${escapeHtml(`${info.title[lang]} · ${STATUS_LABELS[s][lang]} ${rc.counts[s]}`)}</title></rect>` : '';
      x += w;
      return rect;
    });
    const figures = CHARTED.filter((s) => rc.counts[s] > 0).map((s) => `${STATUS_LABELS[s][lang]} ${rc.counts[s]}`).join(' · ');
    const data = CHARTED.map((s) => `data-${s.replace('_', '-')}="${rc.counts[s]}"`).join(' ');
    return `<g class="rule-bar" data-rule="${escapeHtml(rc.rule)}" ${data}><text class="label" x="0" y="${y + 13}" font-size="11"><title>${escapeHtml(`${rc.rule} ${clauseText(info)}`)}</title>${escapeHtml(`${ruleNumber(column)} ${info.title[lang]}`)}</text>${segments.join('')}<text class="figures" x="${(x + 4).toFixed(2)}" y="${y + 13}" font-size="11">${escapeHtml(figures)}</text></g>`;
  });
  if (bars.length === 0) return `<p>${t.none}</p>`;
  const height = charted.length * rowHeight;
  const total = label + width + 200;
  const legend = CHARTED.map((s) => `<li data-status="${s}"><span class="swatch" style="background:${COLORS[s]}"></span>${escapeHtml(STATUS_LABELS[s][lang])}</li>`).join('');
  return `<svg class="rule-chart" role="img" aria-label="${escapeHtml(t.chart)}" width="${total}" height="${height}" viewBox="0 0 ${total} ${height}" xmlns="http://www.w3.org/2000/svg">${bars.join('')}</svg>\n<ul class="chart-legend">${legend}</ul>`;
}

/** With several reporting years: how many bureaus fail each target in each year. */
function yearCountsHtml(result: ReviewResult, lang: Lang): string {
  const t = REVIEW_TEXT[lang];
  const failing = result.ruleCounts.filter((rc) => rc.counts.fail > 0);
  if (result.years.length < 2 || failing.length === 0) return '';
  const head = [t.rule, ...result.years.map((y) => t.yearHead(y)), t.total].map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const rows = failing.map((rc) => {
    const column = columnOf(result, rc.rule);
    const figures = [...rc.years.map((y) => y.counts.fail), rc.counts.fail].map((n) => `<td class="n">${n}</td>`).join('');
    return `<tr data-rule="${escapeHtml(rc.rule)}"><td title="${escapeHtml(rc.rule)}">${escapeHtml(`${ruleNumber(column)} ${result.rules[column].title[lang]}`)}</td>${figures}</tr>`;
  });
  return `<h3>${escapeHtml(t.ruleCounts)}</h3><table class="year-counts"><tr>${head}</tr>${rows.join('')}</table>`;
}

function changesHtml(changes: readonly YearChange[], heading: string, cls: string, lang: Lang): string {
  const items = changes.map((c) => `<li><a href="#${escapeHtml(reviewAnchor(c.toRow, c.rule))}">${escapeHtml(changeLine(c, lang))}</a></li>`);
  return `<section class="${cls}"><h2>${escapeHtml(heading)} (${changes.length})</h2><ul>${items.join('') || `<li>${REVIEW_TEXT[lang].none}</li>`}</ul></section>`;
}

function bureauHtml(row: ReviewRow, index: number, lang: Lang): string {
  const findings = [...(row.findings ?? [])].sort(byAttention).map((f) => findingHtml(f, reviewAnchor(index, f.rule), lang));
  return `<section class="bureau" id="b${index + 1}" data-file="${escapeHtml(row.file)}"><h3>${escapeHtml(submissionHeading(row, lang))}</h3><p class="sub">${escapeHtml(submissionSubline(row, lang))}</p>${summaryBar(row.summary, lang)}\n${findings.join('\n')}</section>`;
}

/** The provincial review as one self-contained page: sortable matrix, per-rule chart, changes, each bureau's findings. */
export function renderReviewHtml(result: ReviewResult, lang: Lang): string {
  const t = REVIEW_TEXT[lang];
  const rejected = result.rejected.map((row) => `<li>${escapeHtml(row.file)}<ul>${rowProblems(row, lang).map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul></li>`);
  const once = countedOnceLine(result, lang);
  const unused = result.waivers?.unused ?? [];
  const duplicates = result.duplicates.map((d) => `<li>${escapeHtml(`${d.bureau} ${d.year}: ${d.files.join(', ')}`)}</li>`);
  const provenance = provenanceRows({ ...result, submissions: [...result.rows, ...result.rejected] }, lang).map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`);
  const legend = STATUSES.map((s) => `<span style="color:${COLORS[s]}">${STATUS_SYMBOLS[s]} ${escapeHtml(STATUS_LABELS[s][lang])}</span>`).join(' ');
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.heading)}</title>
<style>${STYLE}${STYLE_OF_PAGE}${OVERVIEW_STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(t.heading)}</h1><p class="sub">${escapeHtml(result.packs.map((p) => p.title[lang]).join(' · '))} · ${escapeHtml(packLine(result, lang))}</p><p class="totals">${escapeHtml(t.totals(result))}</p><p class="verdict">${escapeHtml(reviewVerdict(result, lang))}</p></header>
${result.by !== undefined ? `${result.by === 'city' ? cityHtml(result, lang) : trendHtml(result, lang)}\n</body>\n</html>\n` : `${result.errors.length > 0 ? `<section class="inputs"><h2>${escapeHtml(t.inputs)}</h2>${inputProblemsHtml(result.errors, lang)}</section>\n` : ''}<section class="matrix"><h2>${t.matrix}</h2><p class="sub">${escapeHtml(t.shown(result.rows.length, result.columns.length))} · ${legend}</p>
${matrixHtml(result, lang)}
<ol class="rules">${result.columns.map((c) => `<li value="${ruleNumber(c)}"><code>${escapeHtml(result.rules[c].id)}</code> ${escapeHtml(clauseText(result.rules[c]))} ${escapeHtml(result.rules[c].title[lang])}</li>`).join('')}</ol></section>
<section class="rule-counts"><h2>${escapeHtml(t.chart)}</h2>${ruleChart(result, lang)}${once ? `\n<p class="counted-once">${escapeHtml(once)}</p>` : ''}${yearCountsHtml(result, lang)}</section>
${overviewHtml(result, lang)}
${changesHtml(result.regressions, t.regressions, 'regressions', lang)}
${changesHtml(result.improvements, t.improvements, 'improvements', lang)}
${noticeItems(result, lang).length ? `<section class="notices"><h2>${escapeHtml(t.notices)}</h2><ul>${noticeItems(result, lang).map((n) => `<li class="notice">⚠ ${escapeHtml(n)}</li>`).join('')}</ul></section>` : ''}
${duplicates.length ? `<section class="duplicates"><h2>${escapeHtml(t.duplicates)}</h2><ul>${duplicates.join('')}</ul></section>` : ''}
${unused.length ? `<section class="unused-waivers"><h2>${escapeHtml(t.unused)}</h2><ul>${unused.map((w) => `<li><code>${escapeHtml(w.id)}</code> ${escapeHtml(w.rule)} · ${escapeHtml(w.bureau)}</li>`).join('')}</ul></section>` : ''}
<section class="rejected"><h2>${escapeHtml(t.rejected)} (${rejected.length})</h2><ul class="error">${rejected.join('') || `<li>${t.none}</li>`}</ul></section>
${result.paths.length ? `<section class="paths"><h2>${escapeHtml(t.paths)}</h2><ul>${result.paths.map((p) => `<li>${escapeHtml(`${p.file}: ${problemText(p, lang)}`)}</li>`).join('')}</ul></section>` : ''}
<section class="findings"><h2>${escapeHtml(t.findings)}</h2>
${result.rows.map((row, i) => bureauHtml(row, i, lang)).join('\n')}
</section>
<section class="provenance"><h2>${t.provenance}</h2><table class="provenance">${provenance.join('')}</table></section>
<script>${SORT_SCRIPT}</script>
</body>
</html>
`}`;
}
