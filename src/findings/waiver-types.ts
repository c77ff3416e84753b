/** An approved exception to one target for one bureau, as written in a waiver file. */
export interface Waiver {
  id: string;
  rule: string;
  /** The bureau's name, or its region code. */
  bureau: string;
  year?: number;
  justification: string;
  approver: string;
  approval_document: string;
  /** The last day the waiver holds (YYYY-MM-DD). */
  expires: string;
}

/** A waiver as it bears on one finding: applied, or found but expired. */
export interface WaiverUse {
  waiver: Waiver;
  state: 'applied' | 'expired';
  /** The date its expiry was judged on. */
  judgedOn: string;
}

export interface WaiverSet {
  file: string;
  sha256: string;
  waivers: Waiver[];
}

/** What became of each waiver in a run. */
export interface WaiverReport {
  file: string;
  sha256: string;
  applied: string[];
  expired: string[];
  unused: Waiver[];
}
