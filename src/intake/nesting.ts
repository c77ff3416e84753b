/**
 * The deepest nesting of lists and mappings read. A submission is six levels deep at most (a consultation's
 * `{ value, source }` inside a decision inside a list inside a section), a pack or calendar hardly more; deeper than
 * this is a slip (brackets never closed) or a file made to exhaust the parser.
 */
export const MAX_DEPTH = 64;
