import type { Workbook } from 'exceljs';
import type { Lang } from '../../core/i18n';
import type { ReviewResult } from '../../run/review/types';
import { LEVEL_LABELS } from '../kit/labels';
import { addTable, type CellValue } from '../kit/xlsx';
import { bureauTrendLines, filedLabel, hasTrend, missedText, OVERVIEW_TEXT } from './overview';
import { columnOf, REVIEW_TEXT } from './view';

const TEXT = {
  zh: { notFiled: '未报送', offRoster: '名册外', cities: '按市州汇总', trend: '逐年趋势', bureauTrend: '各单位逐年', years: '报送年度', files: '文件', cityCode: '市州代码', city: '市州', year: '年度', rule: '指标编号', title: '指标名称', own: '本级', met: '达标的县市区数', of: '适用的县市区数', missed: '未达标的县市区', yearMet: (y: number) => `${y} 年达标`, yearOf: (y: number) => `${y} 年适用`, line: '逐年情况' },
  en: { notFiled: 'Not filed', offRoster: 'Not on roster', cities: 'By city', trend: 'Trend', bureauTrend: 'Bureaus by year', years: 'Years', files: 'Files', cityCode: 'City code', city: 'City', year: 'Year', rule: 'Rule', title: 'Title', own: 'City itself', met: 'Counties meeting', of: 'Counties applicable', missed: 'Counties missing it', yearMet: (y: number) => `Met ${y}`, yearOf: (y: number) => `Applicable ${y}`, line: 'Year by year' },
} as const;

/** The roll-up by city as a sheet: one row per city and target, its figures as numbers. */
export function addCitySheet(result: ReviewResult, lang: Lang, workbook: Workbook): void {
  const x = TEXT[lang];
  const rows = result.cities.flatMap((city) => city.targets.map((target): CellValue[] => [city.city_code, city.name, city.year, target.rule, result.rules[columnOf(result, target.rule)].title[lang], target.own ? filedLabel(target.own, lang) : '', target.met, target.of, missedText(target, lang)]));
  addTable(workbook, x.cities, [x.cityCode, x.city, x.year, x.rule, x.title, x.own, x.met, x.of, x.missed].map((header) => ({ header })), rows);
}

/** Who has not filed, who is not on the roster, each city, and the trend: a sheet each. */
export function addOverviewSheets(result: ReviewResult, lang: Lang, workbook: Workbook): void {
  const x = TEXT[lang];
  const t = REVIEW_TEXT[lang];
  if (result.roster) {
    addTable(workbook, x.notFiled, [t.bureau, t.code, t.level, t.year].map((header) => ({ header })), result.roster.notFiled.map((n) => [n.bureau, n.region_code ?? '', LEVEL_LABELS[n.level][lang], n.year]));
    addTable(workbook, x.offRoster, [t.bureau, t.code, t.level, x.years, x.files].map((header) => ({ header })), result.roster.offRoster.map((o) => [o.bureau, o.region_code ?? '', LEVEL_LABELS[o.level][lang], o.years.join(OVERVIEW_TEXT[lang].list), o.files.join('\n')]));
  }
  addCitySheet(result, lang, workbook);
  addTrendSheets(result, lang, workbook);
}

/**
 * The trend as two sheets: each target's figures per year as numbers, and each bureau year by year. With one year
 * there is none; `saySo` (the workbook of `--by year`, which would be empty) then writes a sheet that says so.
 */
export function addTrendSheets(result: ReviewResult, lang: Lang, workbook: Workbook, saySo = false): void {
  const x = TEXT[lang];
  if (!hasTrend(result)) {
    if (saySo) addTable(workbook, x.trend, [{ header: x.trend }], [[OVERVIEW_TEXT[lang].noTrend]], { filter: false });
    return;
  }
  const years = result.trend.targets[0].years.map((y) => y.year);
  const rows = result.trend.targets.map((trend): CellValue[] => [trend.rule, result.rules[columnOf(result, trend.rule)].title[lang], ...trend.years.flatMap((y) => [y.met, y.of])]);
  addTable(workbook, x.trend, [x.rule, x.title, ...years.flatMap((y) => [x.yearMet(y), x.yearOf(y)])].map((header) => ({ header })), rows);
  addTable(workbook, x.bureauTrend, [{ header: x.line }], bureauTrendLines(result, lang).map((line) => [line]), { filter: false });
}
