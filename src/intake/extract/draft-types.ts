/**
 * What extraction finds in a prose report: each value a rule needs, with the sentence it stands in. The draft
 * submission is made of these; a field the report does not state is absent, never guessed.
 */
export interface ExtractedValue {
  /** The field's dotted path in the submission (`training.collective_law_study_sessions`, `services.online_handling_rate`). */
  path: string;
  /** As the submission writes it: a count as a number, a rate as a percent string (`100%`), a yes as true. */
  value: number | string | boolean;
  /** 1-based paragraph of the report and 1-based sentence in it. */
  paragraph: number;
  sentence: number;
  /** The sentence, verbatim as in the report's paragraph. */
  text: string;
}

export interface DraftBureau {
  name?: string;
  /** The four municipalities directly under the central government are `province`. */
  level?: 'province' | 'city' | 'county';
  /** Where the name was found (1-based paragraph, usually the title). */
  paragraph?: number;
}

export interface Draft {
  bureau: DraftBureau;
  year?: number;
  /** Every value taken, in the order of the submission's fields. */
  values: readonly ExtractedValue[];
  /** Fields looked for and not stated (dotted paths), in the order of the phrasings file. */
  notFound: readonly string[];
  /** Fields the report states more than once with different figures, none of them the total: none is taken. */
  conflicts: readonly { path: string; values: readonly ExtractedValue[] }[];
}
