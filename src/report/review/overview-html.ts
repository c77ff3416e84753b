import type { Lang } from '../../core/i18n';
import type { Status } from '../../findings/types';
import type { ReviewResult, TargetTrend } from '../../run/review/types';
import { COLORS, escapeHtml } from '../kit/html';
import { REVIEW_TEXT } from './view';
import { bureauTrendItems, filedLabel, filedSymbol, hasTrend, missedText, needsAttention, notFiledLine, offRosterLine, OVERVIEW_TEXT, shareText, targetName } from './overview';

export const OVERVIEW_STYLE = `
table.rollup, table.trend { border-collapse: collapse; font-size: 0.9em; margin-bottom: 12px; }
table.rollup td, table.rollup th, table.trend td, table.trend th { border: 1px solid #e0e0e0; padding: 2px 8px; vertical-align: top; }
table.trend td.n { text-align: right; white-space: nowrap; }
li.not-filed { color: #6a1b9a; } li.off-roster { color: #ef6c00; }
svg.spark { vertical-align: middle; }`;

const SPARK_WIDTH = 120;
const SPARK_HEIGHT = 28;

/**
 * One target's share met per year as a small inline SVG: a line through each year's share (0 at the bottom, 100% at the
 * top), a dot per year with its figures in a tooltip, no dot where the target applied to no one. Deterministic, no script.
 */
export function sparkline(trend: TargetTrend, lang: Lang): string {
  const n = trend.years.length;
  const step = n > 1 ? (SPARK_WIDTH - 8) / (n - 1) : 0;
  const points = trend.years.flatMap((y, i) => (y.of > 0 ? [{ x: 4 + i * step, y: 4 + (1 - y.met / y.of) * (SPARK_HEIGHT - 8), year: y }] : []));
  const line = points.length > 1 ? `<polyline fill="none" stroke="#1565c0" stroke-width="1.5" points="${points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')}"/>` : '';
  const dots = points.map((p) => `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="2.5" fill="${p.year.met === p.year.of ? COLORS.pass : COLORS.fail}"><title>${escapeHtml(`${p.year.year} ${shareText(p.year.met, p.year.of, lang)}`)}</title></circle>`);
  return `<svg class="spark" data-rule="${escapeHtml(trend.rule)}" role="img" aria-label="${escapeHtml(trend.years.map((y) => `${y.year} ${shareText(y.met, y.of, lang)}`).join(' · '))}" width="${SPARK_WIDTH}" height="${SPARK_HEIGHT}" viewBox="0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}" xmlns="http://www.w3.org/2000/svg"><line x1="4" y1="4" x2="${SPARK_WIDTH - 4}" y2="4" stroke="#e0e0e0"/><line x1="4" y1="${SPARK_HEIGHT - 4}" x2="${SPARK_WIDTH - 4}" y2="${SPARK_HEIGHT - 4}" stroke="#e0e0e0"/>${line}${dots.join('')}</svg>`;
}

/** The roll-up by city: per city a table of the targets that need attention. */
export function cityHtml(result: ReviewResult, lang: Lang): string {
  const t = OVERVIEW_TEXT[lang];
  const year = result.cities[0]?.year;
  if (year === undefined) return `<section class="cities"><p>${escapeHtml(t.noCity)}</p></section>`;
  const cities = result.cities.map((city) => {
    const shown = city.targets.filter(needsAttention);
    const rows = shown.map((target) => `<tr data-rule="${escapeHtml(target.rule)}"><td>${escapeHtml(targetName(result, target.rule, lang))}</td><td class="own" data-status="${target.own ?? ''}">${target.own ? escapeHtml(`${filedSymbol(target.own)} ${filedLabel(target.own, lang)}`) : '—'}</td><td class="met" data-met="${target.met}" data-of="${target.of}">${escapeHtml(shareText(target.met, target.of, lang))}</td><td class="missed">${escapeHtml(missedText(target, lang))}</td></tr>`);
    const rest = city.targets.length - shown.length;
    const head = [REVIEW_TEXT[lang].rule, t.own, t.counties, t.missed].map((h) => `<th>${escapeHtml(h)}</th>`).join('');
    return `<div class="city" data-city="${escapeHtml(city.city_code)}"><h3>${escapeHtml(t.city(city))}</h3>${rows.length ? `<table class="rollup"><tr>${head}</tr>${rows.join('')}</table>` : ''}${rest > 0 ? `<p class="rest">${escapeHtml(t.rest(rest))}</p>` : ''}</div>`;
  });
  return `<section class="cities"><h2>${escapeHtml(t.cities(year))}</h2>${cities.join('\n')}</section>`;
}

/** The trend: each target's share met per year with its sparkline, then each bureau year by year. */
export function trendHtml(result: ReviewResult, lang: Lang): string {
  const t = OVERVIEW_TEXT[lang];
  if (!hasTrend(result)) return `<section class="trend"><p>${escapeHtml(t.noTrend)}</p></section>`;
  const years = result.trend.targets[0].years.map((y) => y.year);
  const head = [REVIEW_TEXT[lang].rule, ...years.map(String), ''].map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const rows = result.trend.targets.map((trend) => `<tr data-rule="${escapeHtml(trend.rule)}"><td>${escapeHtml(targetName(result, trend.rule, lang))}</td>${trend.years.map((y) => `<td class="n" data-year="${y.year}" data-met="${y.met}" data-of="${y.of}">${escapeHtml(shareText(y.met, y.of, lang))}</td>`).join('')}<td>${sparkline(trend, lang)}</td></tr>`);
  const bureaus = result.trend.bureaus.map((b) => {
    const cells = b.years.map((y) => {
      if (!y.statuses) return `<td class="n" data-year="${y.year}"${y.not_filed ? ' data-status="not_filed"' : ''}>${escapeHtml(y.not_filed ? t.notFiledWord : '—')}</td>`;
      const count = (s: Status): number => (y.statuses as Status[]).filter((x) => x === s).length;
      return `<td class="n" data-year="${y.year}" data-fail="${count('fail')}" data-missing="${count('missing_data')}">✗${count('fail')} ?${count('missing_data')}</td>`;
    });
    return `<tr data-bureau="${escapeHtml(b.region_code ?? b.bureau)}"><td>${escapeHtml(b.bureau)}</td>${cells.join('')}</tr>`;
  });
  const changes = bureauTrendItems(result, lang).filter((item) => item.changes.length > 0).map((item) => `<li>${escapeHtml(item.line)}<ul>${item.changes.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul></li>`);
  const bureauHead = [REVIEW_TEXT[lang].bureau, ...years.map(String)].map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  return `<section class="trend"><h2>${escapeHtml(t.trend)}</h2><table class="trend targets"><tr>${head}</tr>${rows.join('')}</table><h3>${escapeHtml(t.bureauTrend)}</h3><table class="trend bureaus"><tr>${bureauHead}</tr>${bureaus.join('')}</table><ul class="changes">${changes.join('')}</ul></section>`;
}

/** Who has not filed, who is not on the roster, each city, and the trend with its sparklines. */
export function overviewHtml(result: ReviewResult, lang: Lang): string {
  const t = OVERVIEW_TEXT[lang];
  const none = `<li>${escapeHtml(REVIEW_TEXT[lang].none)}</li>`;
  const parts: string[] = [];
  if (result.roster) {
    parts.push(`<section class="not-filed"><h2>${escapeHtml(t.notFiled)} (${result.roster.notFiled.length})</h2><ul>${result.roster.notFiled.map((n) => `<li class="not-filed" data-code="${escapeHtml(n.region_code ?? '')}" data-year="${n.year}">${escapeHtml(notFiledLine(n, lang))}</li>`).join('') || none}</ul></section>`);
    if (result.roster.offRoster.length > 0) parts.push(`<section class="off-roster"><h2>${escapeHtml(t.offRoster)}</h2><ul>${result.roster.offRoster.map((o) => `<li class="off-roster">${escapeHtml(offRosterLine(o, lang))}</li>`).join('')}</ul></section>`);
  }
  if (result.cities.length > 0) parts.push(cityHtml(result, lang));
  if (hasTrend(result)) parts.push(trendHtml(result, lang));
  return parts.join('\n');
}
