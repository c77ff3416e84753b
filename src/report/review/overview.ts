import type { Lang } from '../../core/i18n';
import type { Status } from '../../findings/types';
import type { CityRollup, CityTarget, FiledStatus, NotFiled, OffRoster, ReviewResult, TargetTrend } from '../../run/review/types';
import { LEVEL_LABELS, STATUS_LABELS, STATUS_SYMBOLS } from '../kit/labels';
import { columnOf, ruleNumber } from './view';

/** The words of the reviewer's year, shared by every review format: who has not filed, each city, the trend. */
export const OVERVIEW_TEXT = {
  zh: {
    notFiled: '未报送(名册中的单位在审查年度没有报送)',
    notFiledWord: '未报送',
    offRoster: '名册外的报送(报送单位不在名册中)',
    offRosterWord: '名册外',
    cities: (year: number) => `按市州汇总(${year} 年):各市本级及所属县市区`,
    city: (c: CityRollup) => `${c.name}(${c.city_code}):所属县市区 ${c.counties} 个`,
    own: '本级',
    counties: '县市区达标',
    missed: '未达标的县市区',
    trend: '逐年趋势:各指标达标的单位数 / 适用的单位数(同一单位同一年度只计一次;未报送的单位不计入)',
    bureauTrend: '各单位逐年情况(✗ 不通过项数、? 缺数据项数;其后为各年状态有变化的指标)',
    noCity: '没有可汇总的市州',
    noTrend: '审查只有一个年度,没有逐年趋势',
    rest: (n: number) => `其余 ${n} 项指标:本级和县市区没有不通过、缺数据或未报送`,
    sep: ';',
    list: '、',
    colon: ':',
  },
  en: {
    notFiled: 'Not filed (bureaus on the roster without a submission for a year of the review)',
    notFiledWord: 'not filed',
    offRoster: 'Submissions from bureaus not on the roster',
    offRosterWord: 'not on roster',
    cities: (year: number) => `By city (${year}): each city and its counties`,
    city: (c: CityRollup) => `${c.name} (${c.city_code}): ${c.counties} count${c.counties === 1 ? 'y' : 'ies'}`,
    own: 'City',
    counties: 'Counties meeting',
    missed: 'Counties missing it',
    trend: 'Trend: bureaus meeting each target / bureaus it applies to, per year (a bureau counted once a year; not-filed bureaus left out)',
    bureauTrend: 'Each bureau year by year (✗ fails, ? missing data; then the targets whose status changed)',
    noCity: 'No city to roll up',
    noTrend: 'The review has one year only: no trend',
    rest: (n: number) => `the other ${n} targets: nothing failed, missing or not filed, by the city or its counties`,
    sep: '; ',
    list: ', ',
    colon: ': ',
  },
} as const;

/** The symbol of a bureau expected to file that did not. */
export const NOT_FILED_SYMBOL = '○';

export function filedLabel(status: FiledStatus, lang: Lang): string {
  return status === 'not_filed' ? OVERVIEW_TEXT[lang].notFiledWord : STATUS_LABELS[status][lang];
}

export function filedSymbol(status: FiledStatus): string {
  return status === 'not_filed' ? NOT_FILED_SYMBOL : STATUS_SYMBOLS[status];
}

function who(name: string, code: string | undefined, lang: Lang): string {
  return code ? `${name}${lang === 'zh' ? `(${code})` : ` (${code})`}` : name;
}

export function notFiledLine(n: NotFiled, lang: Lang): string {
  return `${who(n.bureau, n.region_code, lang)} · ${LEVEL_LABELS[n.level][lang]} · ${n.year} · ${OVERVIEW_TEXT[lang].notFiledWord}`;
}

export function offRosterLine(o: OffRoster, lang: Lang): string {
  const t = OVERVIEW_TEXT[lang];
  return `${who(o.bureau, o.region_code, lang)} · ${o.years.join(t.list)} · ${t.offRosterWord}${t.colon}${o.files.join(t.list)}`;
}

/** `3/5(60%)`: met of applicable, the share to one decimal; `—` when the target applies to no one. */
export function shareText(met: number, of: number, lang: Lang): string {
  if (of === 0) return '—';
  const percent = Math.round((met * 1000) / of) / 10;
  return lang === 'zh' ? `${met}/${of}(${percent}%)` : `${met}/${of} (${percent}%)`;
}

/** The target named by its number and id, as the matrix's list names it. */
export function targetName(result: ReviewResult, rule: string, lang: Lang): string {
  const column = columnOf(result, rule);
  return `${ruleNumber(column)} ${rule} ${result.rules[column].title[lang]}`;
}

export function missedText(target: CityTarget, lang: Lang): string {
  const t = OVERVIEW_TEXT[lang];
  return target.missed.map((m) => `${m.bureau}(${filedLabel(m.status, lang)})`).join(t.list);
}

/** A target of a city a reader must look at: a county misses it, or the city's own status is not a pass. */
export function needsAttention(target: CityTarget): boolean {
  return target.missed.length > 0 || (target.own !== undefined && target.own !== 'pass' && target.own !== 'not_applicable');
}

/** One target of a city: its own status, how many counties meet it, which miss it. */
export function cityTargetLine(result: ReviewResult, target: CityTarget, lang: Lang): string {
  const t = OVERVIEW_TEXT[lang];
  const own = target.own ? `${t.own} ${filedSymbol(target.own)} ${filedLabel(target.own, lang)}` : `${t.own} —`;
  const missed = target.missed.length > 0 ? ` · ${t.missed}${t.colon}${missedText(target, lang)}` : '';
  return `${targetName(result, target.rule, lang)} · ${own} · ${t.counties} ${shareText(target.met, target.of, lang)}${missed}`;
}

export function trendLine(result: ReviewResult, trend: TargetTrend, lang: Lang): string {
  return `${targetName(result, trend.rule, lang)} · ${trend.years.map((y) => `${y.year} ${shareText(y.met, y.of, lang)}`).join(' · ')}`;
}

/** A bureau's years in brief (`2022 ✗2 ?1 · 2023 未报送`), then the targets whose status changed, year by year. */
export function bureauTrendLines(result: ReviewResult, lang: Lang): string[] {
  return bureauTrendItems(result, lang).flatMap(({ line, changes }) => [line, ...changes.map((c) => `    ${c}`)]);
}

/** Per bureau: its line, and one line per target whose status changed over the years. */
export function bureauTrendItems(result: ReviewResult, lang: Lang): { line: string; changes: string[] }[] {
  const t = OVERVIEW_TEXT[lang];
  return result.trend.bureaus.map((b) => {
    const years = b.years.map((y) => {
      if (!y.statuses) return `${y.year} ${y.not_filed ? t.notFiledWord : '—'}`;
      const count = (s: Status): number => (y.statuses as Status[]).filter((x) => x === s).length;
      return `${y.year} ✗${count('fail')} ?${count('missing_data')}`;
    });
    const changed = result.columns.flatMap((c, i) => {
      const seq = b.years.map((y) => (y.statuses ? y.statuses[i] : undefined));
      const known = seq.filter((s): s is Status => s !== undefined);
      if (new Set(known).size < 2) return [];
      return [`${ruleNumber(c)} ${result.rules[c].id}${t.colon}${b.years.map((y, k) => `${y.year} ${seq[k] ? STATUS_SYMBOLS[seq[k] as Status] : y.not_filed ? NOT_FILED_SYMBOL : '—'}`).join(' → ')}`];
    });
    return { line: `${who(b.bureau, b.region_code, lang)}${t.colon}${years.join(' · ')}`, changes: changed };
  });
}

/** The years the trend covers: a trend needs two. */
export function hasTrend(result: ReviewResult): boolean {
  return (result.trend.targets[0]?.years.length ?? 0) > 1;
}
