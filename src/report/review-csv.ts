import { stringify } from 'csv-stringify/sync';
import { STATUSES } from '../findings/types';
import type { Lang } from '../i18n';
import type { ReviewResult, ReviewRow } from '../review/types';
import { firstProblem } from './review-view';

const HEAD: Readonly<Record<Lang, readonly string[]>> = {
  zh: ['文件', 'sha256', '单位', '行政区划代码', '层级', '年度'],
  en: ['file', 'sha256', 'bureau', 'region_code', 'level', 'year'],
};

function who(row: ReviewRow): string[] {
  return [row.file, row.sha256 ?? '', row.bureau?.name ?? '', row.bureau?.region_code ?? '', row.bureau?.level ?? '', row.year === null ? '' : String(row.year)];
}

function line(record: readonly string[]): string {
  return stringify([record as string[]], { record_delimiter: 'windows' });
}

/** The matrix for a spreadsheet: one row per bureau-year, the counts, then one column per rule with its status. */
export function* renderReviewCsv(result: ReviewResult, lang: Lang): Iterable<string> {
  const ruleIds = result.columns.map((c) => result.rules[c].id);
  yield `\uFEFF${line([...HEAD[lang], ...STATUSES, ...ruleIds, lang === 'zh' ? '错误' : 'error'])}`;
  for (const row of result.rows) yield line([...who(row), ...STATUSES.map((s) => String(row.summary[s])), ...result.columns.map((c) => row.statuses[c]), '']);
  for (const row of result.rejected) yield line([...who(row), ...STATUSES.map(() => ''), ...ruleIds.map(() => ''), firstProblem(row, lang)]);
}
