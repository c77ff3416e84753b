import { LEVEL_NAMES } from '../engine/applicability';
import { STATUSES } from '../findings/types';
import type { Lang } from '../i18n';
import type { ReviewResult, ReviewRow, YearChange } from '../review/types';
import { STATUS_LABELS, STATUS_SYMBOLS } from './labels';

/** The words every review format shares. */
export const REVIEW_TEXT = {
  zh: {
    heading: '法治建设指标审查:各单位 × 各指标',
    matrix: '矩阵',
    bureau: '单位',
    code: '区划代码',
    level: '层级',
    year: '年度',
    fails: '不通过',
    ruleCounts: '各指标未达标单位数(由多到少)',
    rule: '指标',
    regressions: '退步(上年通过 → 本年不通过)',
    improvements: '进步(上年不通过 → 本年通过)',
    duplicates: '同一单位同一年度的重复报送(不作逐年比较)',
    rejected: '无法读取的文件',
    none: '无',
    legend: STATUSES.map((s) => `${STATUS_SYMBOLS[s]} ${STATUS_LABELS[s].zh}`).join('  '),
    totals: (r: ReviewResult) => `找到 ${r.counts.found} 个文件:已评估 ${r.counts.evaluated} 个,无法读取 ${r.counts.rejected} 个`,
    shown: (rows: number, columns: number) => `显示 ${rows} 个单位年度 × ${columns} 项指标`,
    findings: '各单位的检查结果',
  },
  en: {
    heading: 'Rule-of-law targets: review of bureaus × targets',
    matrix: 'Matrix',
    bureau: 'Bureau',
    code: 'Region code',
    level: 'Level',
    year: 'Year',
    fails: 'Fails',
    ruleCounts: 'Bureaus missing each target (most first)',
    rule: 'Target',
    regressions: 'Regressions (pass last year → fail this year)',
    improvements: 'Improvements (fail last year → pass this year)',
    duplicates: 'Duplicate submissions for one bureau and year (not compared across years)',
    rejected: 'Files that could not be read',
    none: 'none',
    legend: STATUSES.map((s) => `${STATUS_SYMBOLS[s]} ${STATUS_LABELS[s].en}`).join('  '),
    totals: (r: ReviewResult) => `${r.counts.found} files found: ${r.counts.evaluated} evaluated, ${r.counts.rejected} could not be read`,
    shown: (rows: number, columns: number) => `${rows} bureau-years × ${columns} targets shown`,
    findings: 'Each bureau\'s findings',
  },
} as const;

export function levelName(row: ReviewRow, lang: Lang): string {
  return row.bureau ? LEVEL_NAMES[row.bureau.level][lang] : '';
}

export function changeLine(change: YearChange, lang: Lang): string {
  const who = `${change.bureau}${change.region_code ? ` (${change.region_code})` : ''}`;
  const what = `${STATUS_LABELS[change.from][lang]} → ${STATUS_LABELS[change.to][lang]}`;
  return `${who} · ${change.rule} · ${change.from_year} → ${change.to_year} · ${what}`;
}

export function firstProblem(row: ReviewRow, lang: Lang): string {
  const problem = row.error?.problems[0];
  if (!problem) return '';
  const place = problem.line !== undefined ? (lang === 'zh' ? `第 ${problem.line} 行第 ${problem.column} 列 ` : `line ${problem.line}, column ${problem.column} `) : '';
  return `${place}${problem.field ? `${problem.field}: ` : ''}${problem.message[lang]}`;
}
