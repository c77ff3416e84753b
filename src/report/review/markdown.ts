import type { Status } from '../../findings/types';
import type { Lang } from '../../core/i18n';
import { shownSummary } from '../../run/review/aggregate';
import type { ReviewResult } from '../../run/review/types';
import { STATUS_LABELS, STATUS_SYMBOLS } from '../kit/labels';
import { md, table } from '../kit/markdown';
import { clauseText, problemsByFile, problemText, provenanceRows } from '../kit/view';
import { COMPLETENESS_WORDS, hasReports, statedCell } from '../kit/completeness';
import { cityMarkdown, overviewMarkdown, trendMarkdown } from './overview-markdown';
import { changeLine, columnOf, countedOnceLine, duplicateFiles, duplicateNote, levelName, packLine, REVIEW_TEXT, reviewVerdict, rowProblems, ruleNumber, noticeItems } from './view';

function list(items: readonly string[], none: string): string[] {
  return items.length > 0 ? items.map((item) => md.item(item)) : [md.item(none)];
}

const COUNTED: readonly Status[] = ['fail', 'warn', 'missing_data', 'pass', 'not_applicable'];

/** The review for documents and repositories: the matrix, per-target counts and the year-over-year changes as GitHub tables. */
export function renderReviewMarkdown(result: ReviewResult, lang: Lang): string {
  const t = REVIEW_TEXT[lang];
  const lines = [md.heading(1, t.heading), '', md.paragraph(`${result.packs.map((p) => p.title[lang]).join(' · ')} · ${packLine(result, lang)}`), '', md.paragraph(t.totals(result)), '', md.paragraph(reviewVerdict(result, lang)), ''];
  if (result.by === 'city') return [...lines, ...cityMarkdown(result, lang)].join('\n');
  if (result.by === 'year') return [...lines, ...trendMarkdown(result, lang)].join('\n');
  if (result.errors.length > 0) {
    lines.push(md.heading(2, t.inputs), '');
    for (const [file, problems] of problemsByFile(result.errors)) lines.push(md.item(file), ...problems.map((p) => md.item(problemText(p, lang), 1)));
    lines.push('');
  }
  lines.push(md.heading(2, t.matrix), '', md.paragraph(`${t.shown(result.rows.length, result.columns.length)}${lang === 'zh' ? '。' : '. '}${t.legend}`), '');
  const duplicates = duplicateFiles(result);
  // Rows from prose reports add 已载明 (`12/30`) after the counts; a review of submissions written as data has no such column.
  const stated = hasReports(result.rows);
  const header = [t.bureau, t.code, t.level, t.year, t.fails, t.missing, ...(stated ? [COMPLETENESS_WORDS.column[lang]] : []), ...result.columns.map(ruleNumber)];
  const rows = result.rows.map((row) => {
    const counts = shownSummary(row, result.columns);
    const note = duplicateNote(row, duplicates, lang);
    const name = `${row.bureau?.name ?? ''}${note ? `\n${note}` : ''}`;
    return [name, row.bureau?.region_code ?? '', levelName(row, lang), String(row.year), String(counts.fail), String(counts.missing_data), ...(stated ? [statedCell(row, result.columns)] : []), ...result.columns.map((c) => STATUS_SYMBOLS[row.statuses[c]])];
  });
  lines.push(...table(header, rows), '');
  lines.push(...table(['#', t.rule, '', ''], result.columns.map((c) => [ruleNumber(c), result.rules[c].id, clauseText(result.rules[c]), result.rules[c].title[lang]])), '');
  const byYear = result.years.length > 1;
  const countHeader = [t.rule, ...COUNTED.map((s) => STATUS_LABELS[s][lang]), ...(byYear ? result.years.map((y) => `${t.fails} ${t.yearHead(y)}`) : [])];
  const countRows = result.ruleCounts.map(({ rule, counts, years }) => [
    `${ruleNumber(columnOf(result, rule))} ${rule}`,
    ...COUNTED.map((s) => String(counts[s])),
    ...(byYear ? years.map((y) => String(y.counts.fail)) : []),
  ]);
  lines.push(md.heading(2, t.ruleCounts), '', ...table(countHeader, countRows), '');
  const once = countedOnceLine(result, lang);
  if (once) lines.push(md.paragraph(once), '');
  lines.push(md.heading(2, t.regressions), '', ...list(result.regressions.map((c) => changeLine(c, lang)), t.none), '');
  lines.push(md.heading(2, t.improvements), '', ...list(result.improvements.map((c) => changeLine(c, lang)), t.none), '');
  lines.push(...overviewMarkdown(result, lang));
  const notices = noticeItems(result, lang);
  if (notices.length > 0) lines.push(md.heading(2, t.notices), '', ...list(notices, t.none), '');
  if (result.duplicates.length > 0) lines.push(md.heading(2, t.duplicates), '', ...list(result.duplicates.map((d) => `${d.bureau} ${d.year}: ${d.files.join(', ')}`), t.none), '');
  if (result.waivers && result.waivers.unused.length > 0) lines.push(md.heading(2, t.unused), '', ...list(result.waivers.unused.map((w) => `${w.id}: ${w.rule} · ${w.bureau}`), t.none), '');
  lines.push(md.heading(2, t.rejected), '', ...(result.rejected.length > 0 ? result.rejected.flatMap((row) => [md.item(row.file), ...rowProblems(row, lang).map((p) => md.item(p, 1))]) : [md.item(t.none)]), '');
  if (result.paths.length > 0) lines.push(md.heading(2, t.paths), '', ...list(result.paths.map((p) => `${p.file}: ${problemText(p, lang)}`), t.none), '');
  const provenance = provenanceRows({ ...result, submissions: [...result.rows, ...result.rejected] }, lang);
  lines.push(md.heading(2, t.provenance), '', ...table(['', ''], provenance), '');
  return lines.join('\n');
}
