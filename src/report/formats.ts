/** The output formats by name alone: a command line can be checked without loading any renderer. */
export const FORMATS = ['table', 'json', 'markdown', 'html', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** The review has the same formats, each a file of its own under the review's renderers. */
export const REVIEW_FORMATS = FORMATS;
export type ReviewFormat = Format;
