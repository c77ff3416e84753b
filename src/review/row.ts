import type { SubmissionResult } from '../findings/types';
import type { ReviewRow } from './types';

/** The compact row of a result: statuses in pack order, and the findings only when a format needs them. */
export function toReviewRow(result: SubmissionResult, keepFindings: boolean): ReviewRow {
  return {
    file: result.file,
    sha256: result.sha256,
    bureau: result.bureau,
    year: result.year,
    summary: result.summary,
    statuses: result.findings.map((f) => f.status),
    ...(keepFindings ? { findings: result.findings } : {}),
    error: result.error,
  };
}
