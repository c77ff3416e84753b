import type { Lang } from '../../core/i18n';
import type { ReviewResult } from '../../run/review/types';
import { REVIEW_TEXT } from './view';
import { bureauTrendLines, cityTargetLine, hasTrend, needsAttention, notFiledLine, offRosterLine, OVERVIEW_TEXT, trendLine } from './overview';

/** The roll-up by city for a terminal: each city, then one line per target. */
export function cityTableLines(result: ReviewResult, lang: Lang): string[] {
  const t = OVERVIEW_TEXT[lang];
  const year = result.cities[0]?.year;
  if (year === undefined) return [`${t.noCity}`];
  return [
    `${t.cities(year)}:`,
    ...result.cities.flatMap((c) => {
      const shown = c.targets.filter(needsAttention);
      const rest = c.targets.length - shown.length;
      return ['', `  ${t.city(c)}`, ...shown.map((target) => `    ${cityTargetLine(result, target, lang)}`), ...(rest > 0 ? [`    ${t.rest(rest)}`] : [])];
    }),
  ];
}

/** The trend for a terminal: each target's share met per year, then each bureau year by year. */
export function trendTableLines(result: ReviewResult, lang: Lang): string[] {
  const t = OVERVIEW_TEXT[lang];
  if (!hasTrend(result)) return [t.noTrend];
  return [`${t.trend}:`, ...result.trend.targets.map((trend) => `  ${trendLine(result, trend, lang)}`), '', `${t.bureauTrend}:`, ...bureauTrendLines(result, lang).map((l) => `  ${l}`)];
}

/** Who has not filed, who is not on the roster, each city, and the trend: the terminal's sections of the reviewer's year. */
export function overviewTableLines(result: ReviewResult, lang: Lang): string[] {
  const t = OVERVIEW_TEXT[lang];
  const lines: string[] = [];
  if (result.roster) {
    const none = [`  ${REVIEW_TEXT[lang].none}`];
    lines.push('', `${t.notFiled}:`, ...(result.roster.notFiled.length ? result.roster.notFiled.map((n) => `  ○ ${notFiledLine(n, lang)}`) : none));
    if (result.roster.offRoster.length > 0) lines.push('', `${t.offRoster}:`, ...result.roster.offRoster.map((o) => `  ⚠ ${offRosterLine(o, lang)}`));
  }
  if (result.cities.length > 0) lines.push('', ...cityTableLines(result, lang));
  if (hasTrend(result)) lines.push('', ...trendTableLines(result, lang));
  return lines;
}
