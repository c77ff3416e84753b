import { completenessLine, completenessOf, STATED_LABELS, statedFraction, type Completeness, type StatedState } from '../../findings/completeness';
import type { Finding, Status, SubmissionResult } from '../../findings/types';
import { bi, type Lang } from '../../core/i18n';
import type { ReviewRow } from '../../run/review/types';
import { clauseText } from './view';

/**
 * The completeness view of a report (findings/completeness.ts) as every format shows it: the section 报告载明情况 of
 * the check's reports, and the column 已载明 of the review's. Only a submission drafted from a prose report has it;
 * for one written as data, nothing is added, and its reports are what they were.
 */

export const COMPLETENESS_WORDS = {
  heading: bi('报告载明情况', 'What the report states'),
  /** The review's column: targets stated of those that apply (`12/30`). */
  column: bi('已载明', 'Stated'),
  columns: { zh: ['载明情况', '条目', '指标', '名称'], en: ['Stated', 'Item', 'Target', 'Title'] },
} as const;

/** The status whose colour a state is shown in: 达标 as a pass, 未载明 as missing data. */
export const STATE_STATUS: Readonly<Record<StatedState, Status>> = {
  met: 'pass',
  unmet: 'fail',
  pending: 'pending',
  unstated: 'missing_data',
  not_applicable: 'not_applicable',
};

export interface CompletenessRow {
  state: StatedState;
  finding: Finding;
  /** As the columns name them: the state in words, the clause, the rule, its title. */
  cells: string[];
}

export interface CompletenessView {
  completeness: Completeness;
  /** The counts in a sentence. */
  line: string;
  rows: CompletenessRow[];
}

/** The view of a submission from a report, in the pack's order of its targets; undefined for any other submission. */
export function completenessView(result: SubmissionResult, lang: Lang): CompletenessView | undefined {
  if (result.origin !== 'report' || result.error) return undefined;
  const completeness = completenessOf(result.findings.map((finding) => finding.status));
  const rows = result.findings.map((finding, i) => {
    const state = completeness.states[i];
    return { state, finding, cells: [STATED_LABELS[state][lang], clauseText(finding.citation), finding.rule, finding.title[lang]] };
  });
  return { completeness, line: completenessLine(completeness)[lang], rows };
}

/** A review's row as far as its completeness goes: where it came from and its statuses by rule. */
type StatedRow = Pick<ReviewRow, 'origin' | 'statuses' | 'error'>;

/** A review row's completeness over the rules shown, or undefined for a submission written as data. */
export function rowCompleteness(row: StatedRow, columns: readonly number[]): Completeness | undefined {
  if (row.origin !== 'report' || row.error) return undefined;
  return completenessOf(columns.map((c) => row.statuses[c]));
}

/** The review's cell for a row: `12/30` for a report, '' for a submission written as data. */
export function statedCell(row: StatedRow, columns: readonly number[]): string {
  const completeness = rowCompleteness(row, columns);
  return completeness ? statedFraction(completeness) : '';
}

/** Whether any row of a review comes from a report: only then has the review the column 已载明. */
export function hasReports(rows: readonly Pick<ReviewRow, 'origin'>[]): boolean {
  return rows.some((row) => row.origin === 'report');
}
