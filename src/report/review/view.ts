import { basename } from 'node:path';
import { STATUSES } from '../../findings/types';
import type { Lang } from '../../core/i18n';
import { matrixSummary } from '../../run/review/aggregate';
import type { ReviewResult, ReviewRow, YearChange } from '../../run/review/types';
import type { WaiverReport } from '../../findings/waiver-types';
import { LEVEL_LABELS, STATUS_LABELS, STATUS_SYMBOLS } from '../kit/labels';
import { noticeText, problemText, verdictText } from '../kit/view';

/** The words every review format shares. */
export const REVIEW_TEXT = {
  zh: {
    heading: '法治建设指标审查:各单位 × 各指标',
    pack: '规则包',
    matrix: '矩阵',
    bureau: '单位',
    code: '区划代码',
    level: '层级',
    year: '年度',
    fails: '不通过',
    missing: '缺数据',
    ruleCounts: '各指标不通过的单位数(按报送年度计,同一单位同一年度只计一次;由多到少)',
    chart: '各指标不通过、警告、缺数据的单位数(按报送年度计,同一单位同一年度只计一次)',
    yearHead: (year: number) => `${year} 年`,
    total: '合计',
    countedOnce: '重复报送只计一次,按其中较差的结果',
    rule: '指标',
    regressions: '退步(上年通过 → 本年不通过或缺数据)',
    improvements: '进步(上年不通过 → 本年通过)',
    duplicates: '同一单位同一年度的重复报送(不作逐年比较)',
    notices: '提示',
    duplicateRow: '重复报送',
    rejected: '无法读取的文件',
    inputs: '无法读取的输入',
    paths: '没有找到报送文件的路径(不计入文件数)',
    unused: '未使用的豁免',
    none: '无',
    legend: STATUSES.map((s) => `${STATUS_SYMBOLS[s]} ${STATUS_LABELS[s].zh}`).join('  '),
    shortened: '单位名称略去末尾的“人力资源和社会保障局”,过长的名称以“…”截断',
    totals: (r: ReviewResult) => `找到 ${r.counts.found} 个文件:已评估 ${r.counts.evaluated} 个,无法读取 ${r.counts.rejected} 个${r.roster ? `;名册 ${r.roster.bureaus} 个单位,未报送 ${r.roster.notFiled.length} 个单位年度,名册外 ${r.roster.offRoster.length} 个单位` : ''}`,
    shown: (rows: number, columns: number) => `显示 ${rows} 个单位年度 × ${columns} 项指标`,
    filterLabel: '按单位名称、区划代码或年度筛选',
    attentionOnly: '只看有不通过或缺数据的单位',
    printedPart: (part: number, parts: number, first: string, last: string) => `矩阵(第 ${part}/${parts} 部分:指标 ${first}—${last})`,
    problems: (n: number) => `${n} 个问题`,
    findings: '各单位的检查结果',
    provenance: '来源与校验',
    waivers: (w: WaiverReport) => `豁免文件 ${w.file}:已应用 ${w.applied.length} 项,已过期 ${w.expired.length} 项,未使用 ${w.unused.length} 项`,
  },
  en: {
    heading: 'Rule-of-law targets: review of bureaus × targets',
    pack: 'rule pack',
    matrix: 'Matrix',
    bureau: 'Bureau',
    code: 'Region code',
    level: 'Level',
    year: 'Year',
    fails: 'Fails',
    missing: 'Missing data',
    ruleCounts: 'Bureaus failing each target, per reporting year (a bureau counted once a year; most first)',
    chart: 'Bureaus failing, warned or lacking data for each target (a bureau counted once a year)',
    yearHead: (year: number) => String(year),
    total: 'Total',
    countedOnce: 'Duplicate submissions counted once, by the worse result',
    rule: 'Target',
    regressions: 'Regressions (pass last year → fail or missing data this year)',
    improvements: 'Improvements (fail last year → pass this year)',
    duplicates: 'Duplicate submissions for one bureau and year (not compared across years)',
    notices: 'Notices',
    duplicateRow: 'duplicate',
    rejected: 'Files that could not be read',
    inputs: 'Inputs that could not be read',
    paths: 'Paths where no submission was found (not counted as files)',
    unused: 'Unused waivers',
    none: 'none',
    legend: STATUSES.map((s) => `${STATUS_SYMBOLS[s]} ${STATUS_LABELS[s].en}`).join('  '),
    shortened: 'Names drop the common suffix 人力资源和社会保障局; long names are cut with "…"',
    totals: (r: ReviewResult) => `${r.counts.found} files found: ${r.counts.evaluated} evaluated, ${r.counts.rejected} could not be read${r.roster ? `; roster of ${r.roster.bureaus} bureaus: ${r.roster.notFiled.length} bureau-years not filed, ${r.roster.offRoster.length} bureaus not on the roster` : ''}`,
    shown: (rows: number, columns: number) => `${rows} bureau-years × ${columns} targets shown`,
    filterLabel: 'Filter by bureau name, region code or year',
    attentionOnly: 'only bureaus with a failure or missing data',
    printedPart: (part: number, parts: number, first: string, last: string) => `Matrix (part ${part} of ${parts}: targets ${first}–${last})`,
    problems: (n: number) => `${n} problem${n === 1 ? '' : 's'}`,
    findings: 'Each bureau\'s findings',
    provenance: 'Provenance',
    waivers: (w: WaiverReport) => `waivers ${w.file}: ${w.applied.length} applied, ${w.expired.length} expired, ${w.unused.length} unused`,
  },
} as const;

/** The suffix nearly every bureau's name ends in; the matrices leave it out (the full name stays on hover). */
export const COMMON_SUFFIX = '人力资源和社会保障局';

export function shortName(name: string): string {
  return name.endsWith(COMMON_SUFFIX) && name.length > COMMON_SUFFIX.length ? name.slice(0, -COMMON_SUFFIX.length) : name;
}

export function levelName(row: ReviewRow, lang: Lang): string {
  return row.bureau ? LEVEL_LABELS[row.bureau.level][lang] : '';
}

/** `规则包 hunan-hrss-fazhi-2022-2025 1.0.0`, as the check report names it. */
export function packLine(result: ReviewResult, lang: Lang): string {
  return result.packs.map((p) => `${REVIEW_TEXT[lang].pack} ${p.id} ${p.version}`).join(', ');
}

/** A rule's number is its place in the pack, whatever the filters show: column 7 is always the same target. */
export function ruleNumber(column: number): string {
  return String(column + 1);
}

/** The column of a rule id in `rules`. */
export function columnOf(result: ReviewResult, rule: string): number {
  return result.rules.findIndex((r) => r.id === rule);
}

/** The files of bureau-years sent twice: their rows say which file they come from. */
export function duplicateFiles(result: ReviewResult): ReadonlySet<string> {
  return new Set(result.duplicates.flatMap((d) => d.files));
}

/** `重复报送:430106-resubmitted.yaml` beside a row that is one of two for its bureau and year. */
export function duplicateNote(row: ReviewRow, duplicates: ReadonlySet<string>, lang: Lang): string | undefined {
  return duplicates.has(row.file) ? `${REVIEW_TEXT[lang].duplicateRow}${lang === 'zh' ? ':' : ': '}${basename(row.file)}` : undefined;
}

/** The duplicates the per-target counts counted once, and which. */
export function countedOnceLine(result: ReviewResult, lang: Lang): string | undefined {
  if (result.duplicates.length === 0) return undefined;
  const which = result.duplicates.map((d) => `${d.bureau} ${d.year}(${d.files.map((f) => basename(f)).join(lang === 'zh' ? '、' : ', ')})`);
  return `${REVIEW_TEXT[lang].countedOnce}${lang === 'zh' ? ':' : ': '}${which.join(lang === 'zh' ? ';' : '; ')}`;
}

/** The verdict over what is shown: failures, else missing data (nothing can be said to be met), else all met. */
export function reviewVerdict(result: ReviewResult, lang: Lang): string {
  const notFiled = result.roster?.notFiled.length ?? 0;
  // Bureaus that have not filed are said first: nothing shown can make up for them.
  const missing = notFiled > 0 ? (lang === 'zh' ? `${notFiled} 个单位年度未报送;` : `${notFiled} bureau-years not filed; `) : '';
  if (result.rows.length === 0) return `${missing}${lang === 'zh' ? '没有可显示的单位年度' : 'No bureau-year to show'}`;
  return `${missing}${verdictText(matrixSummary(result.rows, result.columns), lang)}`;
}

export function changeLine(change: YearChange, lang: Lang): string {
  const who = `${change.bureau}${change.region_code ? ` (${change.region_code})` : ''}`;
  const what = `${STATUS_LABELS[change.from][lang]} → ${STATUS_LABELS[change.to][lang]}`;
  return `${who} · ${change.rule} · ${change.from_year} → ${change.to_year} · ${what}`;
}

/** Every problem of a rejected file, not only the first. */
export function rowProblems(row: ReviewRow, lang: Lang): string[] {
  return (row.error?.problems ?? []).map((p) => problemText(p, lang));
}

/** One line per notice of a shown row: who, which year, and what the reader must know (a bureau outside the jurisdiction). */
export function noticeItems(result: ReviewResult, lang: Lang): string[] {
  return result.rows.flatMap((row) => row.notices.map((notice) => `${row.bureau?.name ?? row.file} ${row.year ?? ''}: ${noticeText(notice, lang)}`));
}
