import { citedDocument } from '../../pack/sources';
import { emptySummary, type Status, type Summary } from '../../findings/types';
import { byCodePoint } from '../../core/order';
import { ATTENTION_ORDER } from '../../findings/types';
import type { RulePack } from '../../pack/types';
import type { DuplicateBureauYear, ReviewFilters, ReviewRow, RuleCount, RuleInfo, YearChange } from './types';

export function ruleInfos(packs: readonly RulePack[]): RuleInfo[] {
  return packs.flatMap((pack) => pack.rules.map((rule) => ({ id: rule.id, pack: pack.id, document: citedDocument(pack, rule).document, clause: rule.citation.clause, title: rule.title })));
}

/** A bureau is the same bureau across years by its region code, else by its name. */
export function bureauKey(row: ReviewRow): string {
  return row.bureau?.region_code ?? row.bureau?.name ?? row.file;
}

function bureauYearKey(row: ReviewRow): string {
  return `${bureauKey(row)}\u0000${row.year}`;
}

function byBureauThenYear(a: ReviewRow, b: ReviewRow): number {
  return byCodePoint(bureauKey(a), bureauKey(b)) || (a.year ?? 0) - (b.year ?? 0) || byCodePoint(a.file, b.file);
}

/** Whether the level, region and year filters keep a row (the status filter aside). */
export function rowShown(row: ReviewRow, filters: ReviewFilters): boolean {
  const { bureau } = row;
  if (!bureau) return false;
  if (filters.levels.length > 0 && !filters.levels.includes(bureau.level)) return false;
  if (filters.regions.length > 0 && !filters.regions.some((prefix) => bureau.region_code?.startsWith(prefix))) return false;
  if (filters.years.length > 0 && (row.year === null || !filters.years.includes(row.year))) return false;
  return true;
}

/** A row's counts over the columns shown: its 不通过 and 缺数据 follow --rule and --status. */
export function shownSummary(row: ReviewRow, columns: readonly number[]): Summary {
  const counts = emptySummary();
  for (const c of columns) counts[row.statuses[c]]++;
  return counts;
}

/** The counts over every row and column shown, for the verdict and the exit status. */
export function matrixSummary(rows: readonly ReviewRow[], columns: readonly number[]): Summary {
  const total = emptySummary();
  for (const row of rows) {
    const counts = shownSummary(row, columns);
    for (const status of Object.keys(total) as Status[]) total[status] += counts[status];
  }
  return total;
}

/** The status that needs more attention: a bureau that sent two files for a year counts by the worse. */
export function worse(a: Status, b: Status): Status {
  return ATTENTION_ORDER.indexOf(a) <= ATTENTION_ORDER.indexOf(b) ? a : b;
}

/**
 * Per rule, how many bureaus have each status in each reporting year. Two files for one bureau and year count
 * once, by the worse of their statuses (a failure in either is a failure). Most-failed first, then most lacking data.
 */
export function countRules(rows: readonly ReviewRow[], columns: readonly number[], rules: readonly RuleInfo[]): RuleCount[] {
  const bureauYears = new Map<string, { year: number; statuses: Status[] }>();
  for (const row of rows) {
    const key = bureauYearKey(row);
    const seen = bureauYears.get(key);
    if (seen) seen.statuses = seen.statuses.map((status, c) => worse(status, row.statuses[c]));
    else bureauYears.set(key, { year: row.year ?? 0, statuses: row.statuses });
  }
  const years = [...new Set([...bureauYears.values()].map((b) => b.year))].sort((a, b) => a - b);
  const counts = columns.map((c) => {
    const total = emptySummary();
    const byYear = new Map(years.map((year) => [year, emptySummary()]));
    for (const { year, statuses } of bureauYears.values()) {
      total[statuses[c]]++;
      (byYear.get(year) as Summary)[statuses[c]]++;
    }
    return { rule: rules[c].id, counts: total, years: years.map((year) => ({ year, counts: byYear.get(year) as Summary })) };
  });
  const order = new Map(rules.map((r, i) => [r.id, i]));
  return counts.sort((a, b) => b.counts.fail - a.counts.fail || b.counts.missing_data - a.counts.missing_data || (order.get(a.rule) ?? 0) - (order.get(b.rule) ?? 0));
}

export interface Matrix {
  rows: ReviewRow[];
  columns: number[];
  years: number[];
  ruleCounts: RuleCount[];
}

/**
 * The bureaus × rules matrix after the filters: level, region and year choose bureau-years, rule chooses columns,
 * and status keeps only the bureaus and rules where that status occurs.
 */
export function buildMatrix(evaluated: readonly ReviewRow[], rules: readonly RuleInfo[], filters: ReviewFilters): Matrix {
  let columns = rules.map((_, i) => i).filter((i) => filters.rules.length === 0 || filters.rules.includes(rules[i].id));
  let rows = evaluated.filter((row) => rowShown(row, filters));
  if (filters.statuses.length > 0) {
    const wanted = (status: Status): boolean => filters.statuses.includes(status);
    rows = rows.filter((row) => columns.some((c) => wanted(row.statuses[c])));
    columns = columns.filter((c) => rows.some((row) => wanted(row.statuses[c])));
  }
  rows = [...rows].sort(byBureauThenYear);
  const years = [...new Set(rows.map((row) => row.year ?? 0))].sort((a, b) => a - b);
  return { rows, columns, years, ruleCounts: countRules(rows, columns, rules) };
}

/** Two submissions for one bureau and year: the review shows both, counts them once, and compares neither across years. */
export function duplicateBureauYears(rows: readonly ReviewRow[]): DuplicateBureauYear[] {
  const groups = new Map<string, ReviewRow[]>();
  for (const row of rows) groups.set(bureauYearKey(row), [...(groups.get(bureauYearKey(row)) ?? []), row]);
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => ({ bureau: group[0].bureau?.name ?? '', ...(group[0].bureau?.region_code ? { region_code: group[0].bureau.region_code } : {}), year: group[0].year ?? 0, files: group.map((r) => r.file).sort(byCodePoint) }))
    .sort((a, b) => byCodePoint(a.region_code ?? a.bureau, b.region_code ?? b.bureau) || a.year - b.year);
}

/**
 * What got better (fail → pass) and worse (pass → fail, or pass → missing data: a bureau that stops reporting a
 * target it met) for each bureau between consecutive years.
 */
export function yearOverYear(rows: readonly ReviewRow[], columns: readonly number[], rules: readonly RuleInfo[], duplicates: readonly DuplicateBureauYear[]): { regressions: YearChange[]; improvements: YearChange[] } {
  const ambiguous = new Set(duplicates.flatMap((d) => d.files));
  const byBureau = new Map<string, Map<number, number>>();
  rows.forEach((row, index) => {
    if (row.year === null || ambiguous.has(row.file)) return;
    const years = byBureau.get(bureauKey(row)) ?? new Map<number, number>();
    years.set(row.year, index);
    byBureau.set(bureauKey(row), years);
  });
  const regressions: YearChange[] = [];
  const improvements: YearChange[] = [];
  for (const years of byBureau.values()) {
    for (const [year, toRow] of [...years.entries()].sort((a, b) => a[0] - b[0])) {
      const fromRow = years.get(year - 1);
      if (fromRow === undefined) continue;
      const before = rows[fromRow];
      const after = rows[toRow];
      for (const c of columns) {
        const [from, to] = [before.statuses[c], after.statuses[c]];
        const change = { bureau: after.bureau?.name ?? '', ...(after.bureau?.region_code ? { region_code: after.bureau.region_code } : {}), rule: rules[c].id, from_year: year - 1, to_year: year, from, to, fromRow, toRow };
        if (from === 'pass' && (to === 'fail' || to === 'missing_data')) regressions.push(change);
        if (from === 'fail' && to === 'pass') improvements.push(change);
      }
    }
  }
  return { regressions, improvements };
}
