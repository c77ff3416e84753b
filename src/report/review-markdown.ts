import type { Lang } from '../i18n';
import type { ReviewResult } from '../review/types';
import { STATUS_SYMBOLS } from './labels';
import { table } from './markdown';
import { changeLine, firstProblem, levelName, REVIEW_TEXT } from './review-view';
import { provenanceRows } from './view';

function list(items: readonly string[], none: string): string[] {
  return items.length > 0 ? items.map((item) => `- ${item}`) : [`- ${none}`];
}

/** The review for documents and repositories: the matrix, per-rule counts and the year-over-year changes as GitHub tables. */
export function renderReviewMarkdown(result: ReviewResult, lang: Lang): string {
  const t = REVIEW_TEXT[lang];
  const lines = [`# ${t.heading}`, '', t.totals(result), '', `## ${t.matrix}`, '', `${t.shown(result.rows.length, result.columns.length)}. ${t.legend}`, ''];
  const header = [t.bureau, t.code, t.level, t.year, t.fails, ...result.columns.map((_, i) => String(i + 1))];
  lines.push(...table(header, result.rows.map((row) => [row.bureau?.name ?? '', row.bureau?.region_code ?? '', levelName(row, lang), String(row.year), String(row.summary.fail), ...result.columns.map((c) => STATUS_SYMBOLS[row.statuses[c]])])), '');
  lines.push(...table(['#', t.rule, '', ''], result.columns.map((c, i) => [String(i + 1), result.rules[c].id, result.rules[c].clause, result.rules[c].title[lang]])), '');
  lines.push(`## ${t.ruleCounts}`, '', ...table([t.rule, t.fails, 'warn', 'missing_data', 'pass', 'not_applicable'], result.ruleCounts.map(({ rule, counts }) => [rule, String(counts.fail), String(counts.warn), String(counts.missing_data), String(counts.pass), String(counts.not_applicable)])), '');
  lines.push(`## ${t.regressions}`, '', ...list(result.regressions.map((c) => changeLine(c, lang)), t.none), '');
  lines.push(`## ${t.improvements}`, '', ...list(result.improvements.map((c) => changeLine(c, lang)), t.none), '');
  if (result.duplicates.length > 0) lines.push(`## ${t.duplicates}`, '', ...list(result.duplicates.map((d) => `${d.bureau} ${d.year}: ${d.files.join(', ')}`), t.none), '');
  lines.push(`## ${t.rejected}`, '', ...list([...result.rejected.map((row) => `${row.file}: ${firstProblem(row, lang)}`), ...result.errors.map((p) => `${p.file}: ${p.message[lang]}`)], t.none), '');
  const provenance = provenanceRows({ ...result, submissions: [...result.rows, ...result.rejected] }, lang);
  lines.push(lang === 'zh' ? '## 来源与校验' : '## Provenance', '', ...table(['', ''], provenance), '');
  return lines.join('\n');
}
