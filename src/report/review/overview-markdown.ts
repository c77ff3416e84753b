import type { Lang } from '../../core/i18n';
import type { ReviewResult } from '../../run/review/types';
import { md, table } from '../kit/markdown';
import { REVIEW_TEXT } from './view';
import { bureauTrendItems, filedLabel, filedSymbol, hasTrend, missedText, needsAttention, notFiledLine, offRosterLine, OVERVIEW_TEXT, shareText, targetName } from './overview';

function list(items: readonly string[], none: string): string[] {
  return items.length > 0 ? items.map((item) => md.item(item)) : [md.item(none)];
}

/** The roll-up by city: per city a table of the targets that need attention (own status, counties meeting, who misses). */
export function cityMarkdown(result: ReviewResult, lang: Lang): string[] {
  const t = OVERVIEW_TEXT[lang];
  const year = result.cities[0]?.year;
  if (year === undefined) return [md.paragraph(t.noCity), ''];
  const lines = [md.heading(2, t.cities(year)), ''];
  for (const city of result.cities) {
    const shown = city.targets.filter(needsAttention);
    const rows = shown.map((target) => [targetName(result, target.rule, lang), target.own ? `${filedSymbol(target.own)} ${filedLabel(target.own, lang)}` : '—', shareText(target.met, target.of, lang), missedText(target, lang)]);
    lines.push(md.heading(3, t.city(city)), '');
    if (rows.length > 0) lines.push(...table([REVIEW_TEXT[lang].rule, t.own, t.counties, t.missed], rows), '');
    const rest = city.targets.length - shown.length;
    if (rest > 0) lines.push(md.paragraph(t.rest(rest)), '');
  }
  return lines;
}

/** The trend: each target's share met per year as a table, then each bureau year by year. */
export function trendMarkdown(result: ReviewResult, lang: Lang): string[] {
  const t = OVERVIEW_TEXT[lang];
  if (!hasTrend(result)) return [md.paragraph(t.noTrend), ''];
  const years = result.trend.targets[0].years.map((y) => String(y.year));
  const rows = result.trend.targets.map((trend) => [targetName(result, trend.rule, lang), ...trend.years.map((y) => shareText(y.met, y.of, lang))]);
  return [
    md.heading(2, t.trend),
    '',
    ...table([REVIEW_TEXT[lang].rule, ...years], rows),
    '',
    md.heading(2, t.bureauTrend),
    '',
    ...bureauTrendItems(result, lang).flatMap(({ line, changes }) => [md.item(line), ...changes.map((c) => md.item(c, 1))]),
    '',
  ];
}

/** Who has not filed, who is not on the roster, each city, and the trend, as Markdown sections. */
export function overviewMarkdown(result: ReviewResult, lang: Lang): string[] {
  const t = OVERVIEW_TEXT[lang];
  const none = REVIEW_TEXT[lang].none;
  const lines: string[] = [];
  if (result.roster) {
    lines.push(md.heading(2, t.notFiled), '', ...list(result.roster.notFiled.map((n) => notFiledLine(n, lang)), none), '');
    if (result.roster.offRoster.length > 0) lines.push(md.heading(2, t.offRoster), '', ...list(result.roster.offRoster.map((o) => offRosterLine(o, lang)), none), '');
  }
  if (result.cities.length > 0) lines.push(...cityMarkdown(result, lang));
  if (hasTrend(result)) lines.push(...trendMarkdown(result, lang));
  return lines;
}
