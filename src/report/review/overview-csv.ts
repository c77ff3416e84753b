import type { Lang } from '../../core/i18n';
import type { ReviewResult } from '../../run/review/types';
import { LEVEL_LABELS } from '../kit/labels';
import { filedLabel, hasTrend, missedText, OVERVIEW_TEXT } from './overview';
import { columnOf } from './view';

const HEAD = {
  zh: { year: '年度', cityCode: '市州代码', city: '市州', rule: '指标编号', title: '指标名称', own: '本级', met: '达标的县市区数', of: '适用的县市区数', missed: '未达标的县市区', yearMet: (y: number) => `${y} 年达标单位数`, yearOf: (y: number) => `${y} 年适用单位数` },
  en: { year: 'year', cityCode: 'city_code', city: 'city', rule: 'rule', title: 'title', own: 'city_status', met: 'counties_met', of: 'counties_applicable', missed: 'counties_missing', yearMet: (y: number) => `met_${y}`, yearOf: (y: number) => `applicable_${y}` },
} as const;

/** The provenance columns every review CSV ends with: their headers, and the values repeated on every row. */
export interface CsvProvenance {
  head: readonly string[];
  values: readonly string[];
}

/** A bureau on the roster that has not filed, as a row of the matrix: who, the year, and 未报送 where its notes go. */
export function notFiledCsvRows(result: ReviewResult, lang: Lang, before: number, after: number): string[][] {
  return (result.roster?.notFiled ?? []).map((n) => ['', '', n.bureau, n.region_code ?? '', LEVEL_LABELS[n.level][lang], String(n.year), ...Array.from({ length: before }, () => ''), OVERVIEW_TEXT[lang].notFiledWord, ...Array.from({ length: after }, () => '')]);
}

/** The roll-up by city as a table of its own (`--by city`): a header, then one row per city and target. */
export function cityCsvRows(result: ReviewResult, lang: Lang, provenance: CsvProvenance): string[][] {
  const h = HEAD[lang];
  const rows = result.cities.flatMap((city) =>
    city.targets.map((target) => {
      const info = result.rules[columnOf(result, target.rule)];
      return [String(city.year), city.city_code, city.name, target.rule, info.title[lang], target.own ? filedLabel(target.own, lang) : '', String(target.met), String(target.of), missedText(target, lang), ...provenance.values];
    }),
  );
  return [[h.year, h.cityCode, h.city, h.rule, h.title, h.own, h.met, h.of, h.missed, ...provenance.head], ...rows];
}

/**
 * The trend as a table of its own (`--by year`): per target, per year of the review, how many bureaus meet it and
 * how many it applies to. A review of one year has no trend: the header alone.
 */
export function trendCsvRows(result: ReviewResult, lang: Lang, provenance: CsvProvenance): string[][] {
  const h = HEAD[lang];
  const years = hasTrend(result) ? result.trend.targets[0].years.map((y) => y.year) : [];
  const rows = hasTrend(result) ? result.trend.targets.map((trend) => [trend.rule, result.rules[columnOf(result, trend.rule)].title[lang], ...trend.years.flatMap((y) => [String(y.met), String(y.of)]), ...provenance.values]) : [];
  return [[h.rule, h.title, ...years.flatMap((y) => [h.yearMet(y), h.yearOf(y)]), ...provenance.head], ...rows];
}
