import type { Finding, SubmissionResult } from '../findings/types';
import { summarize } from '../findings/types';
import type { Waiver, WaiverReport, WaiverSet } from '../findings/waiver-types';

function covers(waiver: Waiver, result: SubmissionResult, finding: Finding): boolean {
  const { bureau, year } = result;
  if (!bureau || waiver.rule !== finding.rule) return false;
  if (waiver.year !== undefined && waiver.year !== year) return false;
  return waiver.bureau === bureau.name || waiver.bureau === bureau.region_code;
}

/**
 * The day a waiver's expiry is judged on: `judgeOn` when the run names one, else the last day of the period the
 * data covers, the earlier of the submission's as_of and 31 December of its year. A waiver granted "for 2024"
 * (expires 2024-12-31) thus holds for a 2024 report compiled in January 2025, and the same inputs give the same report.
 */
export function judgementDate(result: Pick<SubmissionResult, 'asOf' | 'year'>, judgeOn?: string): string | undefined {
  if (judgeOn) return judgeOn;
  const yearEnd = result.year === null ? undefined : `${result.year}-12-31`;
  if (!result.asOf) return yearEnd;
  return yearEnd !== undefined && yearEnd < result.asOf ? yearEnd : result.asOf;
}

/** What the waivers did to one submission: the ids applied, and those that matched but had expired. */
export interface WaiverOutcome {
  applied: string[];
  expired: string[];
}

/**
 * Applies waivers to one submission's failing findings. A waiver holds up to and including its expiry date.
 * A covered failure becomes `waived` and keeps what it was; an expired waiver leaves the failure and says so.
 */
export function waiveFindings(result: SubmissionResult, set: WaiverSet, judgeOn?: string): WaiverOutcome {
  const applied = new Set<string>();
  const expired = new Set<string>();
  const date = judgementDate(result, judgeOn);
  if (!date) return { applied: [], expired: [] };
  for (const finding of result.findings) {
    if (finding.status !== 'fail') continue;
    const matching = set.waivers.filter((w) => covers(w, result, finding));
    const valid = matching.find((w) => w.expires >= date);
    if (valid) {
      finding.waiver = { waiver: valid, state: 'applied', judgedOn: date };
      finding.status = 'waived';
      applied.add(valid.id);
    } else if (matching.length > 0) {
      finding.waiver = { waiver: matching[0], state: 'expired', judgedOn: date };
      expired.add(matching[0].id);
    }
  }
  result.summary = summarize(result.findings);
  return { applied: [...applied], expired: [...expired] };
}

/** The run's account of its waivers, from what each submission's outcome was. */
export function waiverReport(set: WaiverSet, outcomes: Iterable<WaiverOutcome>): WaiverReport {
  const applied = new Set<string>();
  const expired = new Set<string>();
  for (const outcome of outcomes) {
    for (const id of outcome.applied) applied.add(id);
    for (const id of outcome.expired) expired.add(id);
  }
  const unused = set.waivers.filter((w) => !applied.has(w.id) && !expired.has(w.id));
  return { file: set.file, sha256: set.sha256, applied: [...applied].sort(), expired: [...expired].sort(), unused };
}

/** Applies waivers to every submission of a run (see waiveFindings), and says what became of each waiver. */
export function applyWaivers(results: SubmissionResult[], set: WaiverSet, judgeOn?: string): WaiverReport {
  return waiverReport(set, results.map((result) => waiveFindings(result, set, judgeOn)));
}
