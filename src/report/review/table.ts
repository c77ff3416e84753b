import type { Lang } from '../../core/i18n';
import { terminalLines, terminalText } from '../../core/text-safety';
import { shownSummary } from '../../run/review/aggregate';
import type { ReviewResult } from '../../run/review/types';
import { STATUS_SYMBOLS } from '../kit/labels';
import { displayWidth, fit, inputProblemLines, right } from '../kit/text';
import { clauseText, problemText, unreadableInputsLine } from '../kit/view';
import { COMPLETENESS_WORDS, hasReports, statedCell } from '../kit/completeness';
import { changeLine, columnOf, countedOnceLine, shortName, duplicateFiles, duplicateNote, packLine, REVIEW_TEXT, reviewVerdict, rowProblems, ruleNumber, noticeItems } from './view';
import { cityTableLines, overviewTableLines, trendTableLines } from './overview-table';

/** Three cells a column, so that numbers past 9 stay apart: ` 9 10 11`. */
const CELL = 3;
const NAME_WIDTH = 22;

/** For a terminal: the matrix with a symbol per cell, then what is missed most, who regressed, and what was lost. */
export function* renderReviewTable(result: ReviewResult, lang: Lang): Iterable<string> {
  const t = REVIEW_TEXT[lang];
  const head = [`${result.tool.name} ${result.tool.version} · ${packLine(result, lang)}`, t.totals(result), ...(result.waivers ? [t.waivers(result.waivers)] : []), ...inputProblemLines(result.errors, lang)];
  yield `${terminalLines(head)}\n\n`;
  if (result.by !== undefined) {
    yield `${terminalLines([...(result.by === 'city' ? cityTableLines(result, lang) : trendTableLines(result, lang)), '', t.totals(result)])}\n`;
    return;
  }
  const numbers = result.columns.map((c) => ruleNumber(c).padStart(CELL)).join('');
  // Names are made safe before they are measured and cut: what is shown is what takes the cells.
  const shown = result.rows.map((row) => terminalText(row.bureau?.name ?? ''));
  const names = shown.map((name) => fit(shortName(name), NAME_WIDTH));
  const shortened = names.some((name, i) => name.trimEnd() !== shown[i]);
  yield `${t.matrix} (${t.shown(result.rows.length, result.columns.length)})  ${t.legend}\n${shortened ? `${t.shortened}\n` : ''}`;
  // Each column as wide as its heading, so that no heading is cut.
  const width = (label: string, least: number): number => Math.max(least, displayWidth(label) + 1);
  const [code, year, fails, missing] = [width(t.code, 9), width(t.year, 6), width(t.fails, 7), width(t.missing, 7)];
  // Rows from prose reports add 已载明 (`12/30`) after the counts; a review of submissions written as data has no such column.
  const statedHead = hasReports(result.rows) ? COMPLETENESS_WORDS.column[lang] : undefined;
  const stated = statedHead ? width(statedHead, 8) : 0;
  yield `${fit(t.bureau, NAME_WIDTH)} ${fit(t.code, code)}${fit(t.year, year)}${fit(t.fails, fails)}${fit(t.missing, missing)}${statedHead ? fit(statedHead, stated) : ''}${numbers}\n`;
  const duplicates = duplicateFiles(result);
  for (const [i, row] of result.rows.entries()) {
    const cells = result.columns.map((c) => STATUS_SYMBOLS[row.statuses[c]].padStart(CELL)).join('');
    const counts = shownSummary(row, result.columns);
    const note = duplicateNote(row, duplicates, lang);
    yield `${terminalLines([`${names[i]} ${fit(terminalText(row.bureau?.region_code ?? ''), code)}${fit(String(row.year), year)}${fit(String(counts.fail), fails)}${fit(String(counts.missing_data), missing)}${statedHead ? fit(statedCell(row, result.columns), stated) : ''}${cells}${note ? `  ${note}` : ''}`])}\n`;
  }
  const lines: string[] = [];
  lines.push('', ...result.columns.map((c) => `${ruleNumber(c).padStart(3)} ${result.rules[c].id} ${clauseText(result.rules[c])} ${result.rules[c].title[lang]}`));
  lines.push('', `${t.ruleCounts}:`);
  const failing = result.ruleCounts.filter((rc) => rc.counts.fail > 0);
  const byYear = result.years.length > 1;
  if (byYear && failing.length > 0) lines.push(`  ${[...result.years.map((y) => t.yearHead(y)), t.total].map((h) => right(h)).join('')}${t.rule}`);
  for (const { rule, counts, years } of failing) {
    const column = columnOf(result, rule);
    const info = result.rules[column];
    const figures = byYear ? [...years.map((y) => y.counts.fail), counts.fail] : [counts.fail];
    lines.push(`  ${figures.map((n) => right(String(n))).join('')}${ruleNumber(column).padStart(3)} ${rule} ${clauseText(info)} ${info.title[lang]}`);
  }
  if (failing.length === 0) lines.push(`  ${t.none}`);
  const once = countedOnceLine(result, lang);
  if (once && failing.length > 0) lines.push(`  ${once}`);
  lines.push('', `${t.regressions}:`, ...(result.regressions.length ? result.regressions.map((c) => `  ✗ ${changeLine(c, lang)}`) : [`  ${t.none}`]));
  lines.push('', `${t.improvements}:`, ...(result.improvements.length ? result.improvements.map((c) => `  ✓ ${changeLine(c, lang)}`) : [`  ${t.none}`]));
  const notices = noticeItems(result, lang);
  if (notices.length > 0) lines.push('', `${t.notices}:`, ...notices.map((n) => `  ⚠ ${n}`));
  if (result.duplicates.length > 0) lines.push('', `${t.duplicates}:`, ...result.duplicates.map((d) => `  ${d.bureau} ${d.year}: ${d.files.join(', ')}`));
  if (result.waivers && result.waivers.unused.length > 0) lines.push('', `${t.unused}: ${result.waivers.unused.map((w) => w.id).join(', ')}`);
  if (result.rejected.length > 0) {
    lines.push('', `${t.rejected}:`);
    for (const row of result.rejected) lines.push(`  ✗ ${row.file} (${t.problems(row.error?.problems.length ?? 0)}):`, ...rowProblems(row, lang).map((p) => `      ${p}`));
  }
  if (result.paths.length > 0) lines.push('', `${t.paths}:`, ...result.paths.map((p) => `  ! ${p.file}: ${problemText(p, lang)}`));
  lines.push(...overviewTableLines(result, lang));
  lines.push('', reviewVerdict(result, lang));
  const unreadable = unreadableInputsLine(result.errors, lang);
  if (unreadable) lines.push(unreadable);
  lines.push(t.totals(result));
  yield `${terminalLines(lines)}\n`;
}
