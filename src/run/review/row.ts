import type { SubmissionResult } from '../../findings/types';
import { waiveFindings } from '../../waivers/apply';
import type { WaiverSet } from '../../findings/waiver-types';
import type { ReviewRow } from './types';

/** What a row needs beyond the result: whether to keep the findings, and the waivers to apply first. */
export interface RowSetup {
  keepFindings: boolean;
  waivers?: WaiverSet;
  waiverDate?: string;
}

/** The compact row of a result, waivers applied: statuses in pack order, and the findings only when a format needs them. */
export function toReviewRow(result: SubmissionResult, setup: RowSetup): ReviewRow {
  const waivers = setup.waivers && !result.error ? waiveFindings(result, setup.waivers, setup.waiverDate) : undefined;
  return {
    file: result.file,
    sha256: result.sha256,
    bureau: result.bureau,
    year: result.year,
    summary: result.summary,
    statuses: result.findings.map((f) => f.status),
    ...(setup.keepFindings ? { findings: result.findings } : {}),
    ...(waivers ? { waivers } : {}),
    error: result.error,
    notices: result.notices,
    ...(result.origin ? { origin: result.origin } : {}),
  };
}
