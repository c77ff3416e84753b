import type { Finding, SubmissionResult } from '../findings/types';
import { summarize } from '../findings/types';
import type { Waiver, WaiverReport, WaiverSet } from './types';

function covers(waiver: Waiver, result: SubmissionResult, finding: Finding): boolean {
  const { bureau, year } = result;
  if (!bureau || waiver.rule !== finding.rule) return false;
  if (waiver.year !== undefined && waiver.year !== year) return false;
  return waiver.bureau === bureau.name || waiver.bureau === bureau.region_code;
}

/**
 * Applies waivers to failing findings. A waiver holds up to and including its expiry date, judged on
 * `judgeOn` when given, else on the submission's own as_of date (so the same inputs always give the same report).
 * A covered failure becomes `waived` and keeps what it was; an expired waiver leaves the failure and says so.
 */
export function applyWaivers(results: SubmissionResult[], set: WaiverSet, judgeOn?: string): WaiverReport {
  const applied = new Set<string>();
  const expired = new Set<string>();
  for (const result of results) {
    const date = judgeOn ?? result.asOf;
    if (!date) continue;
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
  }
  const unused = set.waivers.filter((w) => !applied.has(w.id) && !expired.has(w.id));
  return { file: set.file, sha256: set.sha256, applied: [...applied].sort(), expired: [...expired].sort(), unused };
}
