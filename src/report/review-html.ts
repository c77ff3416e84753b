import { STATUSES, type Status } from '../findings/types';
import type { Lang } from '../i18n';
import type { ReviewResult, ReviewRow, YearChange } from '../review/types';
import { COLORS, escapeHtml, findingHtml, STYLE, summaryBar } from './html';
import { ATTENTION_ORDER, STATUS_LABELS, STATUS_SYMBOLS } from './labels';
import { changeLine, firstProblem, levelName, REVIEW_TEXT } from './review-view';
import { byAttention, provenanceRows } from './view';

const REVIEW_STYLE = `
body { max-width: none; }
table.matrix { border-collapse: collapse; font-size: 0.85em; }
table.matrix th, table.matrix td { border: 1px solid #e0e0e0; padding: 2px 4px; text-align: center; white-space: nowrap; }
table.matrix th { background: #f5f5f5; cursor: pointer; position: sticky; top: 0; }
table.matrix th[aria-sort="ascending"]::after { content: " ▲"; } table.matrix th[aria-sort="descending"]::after { content: " ▼"; }
table.matrix td.name { text-align: left; }
table.matrix td.cell a { color: #fff; text-decoration: none; display: block; min-width: 1.2em; }
table.matrix td.s-pass { background: #c8e6c9; } table.matrix td.s-pass a { color: #2e7d32; }
table.matrix td.s-fail { background: #c62828; font-weight: bold; }
table.matrix td.s-warn { background: #ef6c00; } table.matrix td.s-pending { background: #1565c0; }
table.matrix td.s-not_applicable { background: #eeeeee; } table.matrix td.s-not_applicable a { color: #9e9e9e; }
table.matrix td.s-missing_data { background: #6a1b9a; } table.matrix td.s-waived { background: #00838f; }
.scroll { overflow-x: auto; }
section.bureau { break-before: page; }`;

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
})();`;

/** The anchor of one bureau-year's finding for one rule: where a matrix cell links to. */
export function reviewAnchor(rowIndex: number, rule: string): string {
  return `b${rowIndex + 1}-${rule}`;
}

/** Statuses sort by how much they need attention, so "ascending" puts failures first. */
function statusSortKey(status: Status): string {
  return String(ATTENTION_ORDER.indexOf(status));
}

function matrixHtml(result: ReviewResult, lang: Lang): string {
  const t = REVIEW_TEXT[lang];
  const head = [`<th data-key="bureau">${t.bureau}</th>`, `<th data-key="code">${t.code}</th>`, `<th data-key="level">${t.level}</th>`, `<th data-key="year" data-numeric>${t.year}</th>`, `<th data-key="fails" data-numeric>${t.fails}</th>`];
  result.columns.forEach((c, i) => {
    const rule = result.rules[c];
    head.push(`<th data-key="${escapeHtml(rule.id)}" data-numeric title="${escapeHtml(`${rule.id} ${rule.clause} ${rule.title[lang]}`)}">${i + 1}</th>`);
  });
  const rows = result.rows.map((row, r) => {
    const cells = [
      `<td class="name" data-sort="${escapeHtml(row.bureau?.name ?? '')}"><a href="#b${r + 1}">${escapeHtml(row.bureau?.name ?? '')}</a></td>`,
      `<td data-sort="${escapeHtml(row.bureau?.region_code ?? '')}">${escapeHtml(row.bureau?.region_code ?? '')}</td>`,
      `<td data-sort="${escapeHtml(row.bureau?.level ?? '')}">${escapeHtml(levelName(row, lang))}</td>`,
      `<td data-sort="${row.year}">${row.year}</td>`,
      `<td data-sort="${row.summary.fail}">${row.summary.fail}</td>`,
      ...result.columns.map((c) => {
        const status = row.statuses[c];
        const rule = result.rules[c].id;
        return `<td class="cell s-${status}" data-status="${status}" data-rule="${escapeHtml(rule)}" data-sort="${statusSortKey(status)}"><a href="#${escapeHtml(reviewAnchor(r, rule))}" title="${escapeHtml(`${row.bureau?.name} ${row.year} · ${rule} · ${STATUS_LABELS[status][lang]}`)}">${STATUS_SYMBOLS[status]}</a></td>`;
      }),
    ];
    return `<tr data-file="${escapeHtml(row.file)}">${cells.join('')}</tr>`;
  });
  return `<div class="scroll"><table class="matrix"><thead><tr>${head.join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}

/** Per rule, how many bureaus fail (and warn, lack data): a horizontal stacked bar each, most-failed first. */
function ruleChart(result: ReviewResult, lang: Lang): string {
  const shown: Status[] = ['fail', 'warn', 'missing_data'];
  const max = Math.max(1, ...result.ruleCounts.map((rc) => shown.reduce((n, s) => n + rc.counts[s], 0)));
  const rowHeight = 18;
  const label = 260;
  const width = 420;
  const bars = result.ruleCounts.map((rc, i) => {
    const y = i * rowHeight;
    let x = label;
    const segments = shown.map((s) => {
      const w = (rc.counts[s] / max) * width;
      const rect = rc.counts[s] > 0 ? `<rect x="${x.toFixed(2)}" y="${y + 2}" width="${w.toFixed(2)}" height="${rowHeight - 4}" fill="${COLORS[s]}"><title>${escapeHtml(`${rc.rule} · ${STATUS_LABELS[s][lang]} ${rc.counts[s]}`)}</title></rect>` : '';
      x += w;
      return rect;
    });
    return `<g class="rule-bar" data-rule="${escapeHtml(rc.rule)}" data-fail="${rc.counts.fail}"><text x="0" y="${y + 13}" font-size="11">${escapeHtml(rc.rule)}</text>${segments.join('')}<text x="${(x + 4).toFixed(2)}" y="${y + 13}" font-size="11">${rc.counts.fail}</text></g>`;
  });
  const height = Math.max(rowHeight, result.ruleCounts.length * rowHeight);
  return `<svg class="rule-chart" role="img" aria-label="${escapeHtml(REVIEW_TEXT[lang].ruleCounts)}" width="${label + width + 40}" height="${height}" viewBox="0 0 ${label + width + 40} ${height}" xmlns="http://www.w3.org/2000/svg">${bars.join('')}</svg>`;
}

function changesHtml(changes: readonly YearChange[], heading: string, cls: string, lang: Lang): string {
  const items = changes.map((c) => `<li><a href="#${escapeHtml(reviewAnchor(c.toRow, c.rule))}">${escapeHtml(changeLine(c, lang))}</a></li>`);
  return `<section class="${cls}"><h2>${escapeHtml(heading)} (${changes.length})</h2><ul>${items.join('') || `<li>${REVIEW_TEXT[lang].none}</li>`}</ul></section>`;
}

function bureauHtml(row: ReviewRow, index: number, lang: Lang): string {
  const findings = [...(row.findings ?? [])].sort(byAttention).map((f) => findingHtml(f, reviewAnchor(index, f.rule), lang));
  return `<section class="bureau" id="b${index + 1}" data-file="${escapeHtml(row.file)}"><h3>${escapeHtml(`${row.bureau?.name ?? ''} · ${levelName(row, lang)} · ${row.year}`)}</h3><p class="sub">${escapeHtml(row.file)}</p>${summaryBar(row.summary, lang)}\n${findings.join('\n')}</section>`;
}

/** The provincial review as one self-contained page: sortable matrix, per-rule chart, changes, each bureau's findings. */
export function renderReviewHtml(result: ReviewResult, lang: Lang): string {
  const t = REVIEW_TEXT[lang];
  const rejected = [...result.rejected.map((row) => `<li>${escapeHtml(row.file)}: ${escapeHtml(firstProblem(row, lang))}</li>`), ...result.errors.map((p) => `<li>${escapeHtml(p.file)}: ${escapeHtml(p.message[lang])}</li>`)];
  const duplicates = result.duplicates.map((d) => `<li>${escapeHtml(`${d.bureau} ${d.year}: ${d.files.join(', ')}`)}</li>`);
  const provenance = provenanceRows({ ...result, submissions: [...result.rows, ...result.rejected] }, lang).map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`);
  const legend = STATUSES.map((s) => `<span style="color:${COLORS[s]}">${STATUS_SYMBOLS[s]} ${escapeHtml(STATUS_LABELS[s][lang])}</span>`).join(' ');
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.heading)}</title>
<style>${STYLE}${REVIEW_STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(t.heading)}</h1><p class="sub">${escapeHtml(result.packs.map((p) => p.title[lang]).join(' · '))}</p><p class="totals">${escapeHtml(t.totals(result))}</p></header>
<section class="matrix"><h2>${t.matrix}</h2><p class="sub">${escapeHtml(t.shown(result.rows.length, result.columns.length))} · ${legend}</p>
${matrixHtml(result, lang)}
<ol class="rules">${result.columns.map((c) => `<li><code>${escapeHtml(result.rules[c].id)}</code> ${escapeHtml(result.rules[c].clause)} ${escapeHtml(result.rules[c].title[lang])}</li>`).join('')}</ol></section>
<section class="rule-counts"><h2>${escapeHtml(t.ruleCounts)}</h2>${ruleChart(result, lang)}</section>
${changesHtml(result.regressions, t.regressions, 'regressions', lang)}
${changesHtml(result.improvements, t.improvements, 'improvements', lang)}
${duplicates.length ? `<section class="duplicates"><h2>${escapeHtml(t.duplicates)}</h2><ul>${duplicates.join('')}</ul></section>` : ''}
<section class="rejected"><h2>${escapeHtml(t.rejected)} (${rejected.length})</h2><ul class="error">${rejected.join('') || `<li>${t.none}</li>`}</ul></section>
<section class="findings"><h2>${escapeHtml(t.findings)}</h2>
${result.rows.map((row, i) => bureauHtml(row, i, lang)).join('\n')}
</section>
<section class="provenance"><h2>${lang === 'zh' ? '来源与校验' : 'Provenance'}</h2><table class="provenance">${provenance.join('')}</table></section>
<script>${SORT_SCRIPT}</script>
</body>
</html>
`;
}
