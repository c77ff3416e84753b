import type { Bilingual } from '../core/i18n';
import type { Exact } from '../core/exact-number';
import type { FieldPath } from '../intake/field-path';
import type { Level } from '../pack/types';
import { type Position } from '../core/place';

export interface Bureau {
  /** Absent only where the template's `name:` was left blank: the data is checked, and a notice asks for the name. */
  name?: string;
  level: Level;
  region_code?: string;
}

/** Plain data after normalisation: rates are ratios in [0, 1], `{value, source}` is unwrapped. */
export type SubmissionData = Record<string, unknown>;

/** What the reader of a submission must know about how it was read: a field written under its old name, for one. */
export interface SubmissionNotice {
  code: 'renamed_field';
  message: Bilingual;
  /** The field as written (`normative_documents.items[0].legality_reviewed`). */
  field: string;
  /** Where it is written: the old key's line and column. */
  at: Position;
}

/** One bureau's data for one reporting year, validated and normalised. */
export interface Submission {
  /** The path as the user named it. */
  file: string;
  sha256: string;
  bureau: Bureau;
  year: number;
  /** When the data was compiled (YYYY-MM-DD); the last day of the year unless given. */
  asOf: string;
  data: SubmissionData;
  /** The bureau's own `source` of a value, by concrete field path (`major_decisions.items[1].archived`). */
  sources: ReadonlyMap<string, string>;
  /** Each rate and count as the exact rational the bureau wrote, by concrete field path: what the rules compare. */
  exacts: ReadonlyMap<string, Exact>;
  /** How the file was read, said before its findings (a renamed field read under its old name). */
  notices: readonly SubmissionNotice[];
  /** Where a field is written (a line and column, a cell), for evidence a person can find. */
  locate(path: FieldPath): Position;
  /** Where a field is shown as evidence: its line (no column), or its cell. */
  evidenceAt(path: FieldPath): Position;
  /**
   * `report` where the data was drafted from a bureau's prose report (its places are paragraphs and sentences, and a
   * field it leaves out is 报告未载明); absent for a submission written as data.
   */
  origin?: SubmissionOrigin;
}

/** Where a submission's data came from, when it was not written as data: a bureau's prose report. */
export type SubmissionOrigin = 'report';
