import type { Lang } from '../i18n';
import type { ReviewResult } from '../review/types';
import { STATUS_SYMBOLS } from './labels';
import { changeLine, firstProblem, REVIEW_TEXT } from './review-view';

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** Columns in a terminal: a Chinese character takes two cells. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

function fit(text: string, width: number): string {
  let out = '';
  for (const char of text) {
    if (displayWidth(out + char) > width) break;
    out += char;
  }
  return out + ' '.repeat(width - displayWidth(out));
}

/** For a terminal: the matrix with a symbol per cell, then what is missed most, who regressed, and what was lost. */
export function* renderReviewTable(result: ReviewResult, lang: Lang): Iterable<string> {
  const t = REVIEW_TEXT[lang];
  const nameWidth = 30;
  const numbers = result.columns.map((_, i) => String(i + 1).padStart(2)).join('');
  yield `${result.tool.name} ${result.tool.version} · ${result.packs.map((p) => `${p.id} ${p.version}`).join(', ')}\n${t.totals(result)}\n\n`;
  yield `${t.matrix} (${t.shown(result.rows.length, result.columns.length)})  ${t.legend}\n`;
  yield `${fit(t.bureau, nameWidth)} ${fit(t.code, 9)}${fit(t.year, 6)}${fit(t.fails, 8)}${numbers}\n`;
  for (const row of result.rows) {
    const cells = result.columns.map((c) => ` ${STATUS_SYMBOLS[row.statuses[c]]}`).join('');
    yield `${fit(row.bureau?.name ?? '', nameWidth)} ${fit(row.bureau?.region_code ?? '', 9)}${fit(String(row.year), 6)}${fit(String(row.summary.fail), 8)}${cells}\n`;
  }
  const lines: string[] = [];
  lines.push('', ...result.columns.map((c, i) => `${String(i + 1).padStart(3)} ${result.rules[c].id} ${result.rules[c].clause} ${result.rules[c].title[lang]}`));
  lines.push('', `${t.ruleCounts}:`);
  for (const { rule, counts } of result.ruleCounts.filter((rc) => rc.counts.fail > 0)) {
    const info = result.rules.find((r) => r.id === rule);
    lines.push(`  ${String(counts.fail).padStart(4)}  ${rule}  ${info ? `${info.clause} ${info.title[lang]}` : ''}`);
  }
  if (!result.ruleCounts.some((rc) => rc.counts.fail > 0)) lines.push(`  ${t.none}`);
  lines.push('', `${t.regressions}:`, ...(result.regressions.length ? result.regressions.map((c) => `  ✗ ${changeLine(c, lang)}`) : [`  ${t.none}`]));
  lines.push('', `${t.improvements}:`, ...(result.improvements.length ? result.improvements.map((c) => `  ✓ ${changeLine(c, lang)}`) : [`  ${t.none}`]));
  if (result.duplicates.length > 0) lines.push('', `${t.duplicates}:`, ...result.duplicates.map((d) => `  ${d.bureau} ${d.year}: ${d.files.join(', ')}`));
  if (result.rejected.length > 0 || result.errors.length > 0) {
    lines.push('', `${t.rejected}:`, ...result.rejected.map((row) => `  ✗ ${row.file}: ${firstProblem(row, lang)}`));
    lines.push(...result.errors.map((p) => `  ✗ ${p.file}${p.line !== undefined ? `:${p.line}:${p.column}` : ''}: ${p.message[lang]}`));
  }
  lines.push('', t.totals(result));
  yield `${lines.join('\n')}\n`;
}
