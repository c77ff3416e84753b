import type { Lang } from '../../core/i18n';
import type { ReviewResult } from '../../run/review/types';
import type { ReviewFormat } from '../formats';
import { renderReviewCsv } from './csv';
import { renderReviewHtml } from './html';
import { renderReviewJson } from './json';
import { renderReviewMarkdown } from './markdown';
import { renderReviewTable } from './table';

/**
 * The review's formats, one file each. Table, JSON and CSV come in chunks, a row at a time, so that the review of
 * tens of thousands of submissions is never one string in memory; HTML and Markdown are for people and come whole.
 */
export const REVIEW_RENDERERS = {
  table: renderReviewTable,
  json: renderReviewJson,
  markdown: renderReviewMarkdown,
  html: renderReviewHtml,
  csv: renderReviewCsv,
} satisfies Record<ReviewFormat, (result: ReviewResult, lang: Lang) => string | Iterable<string>>;

export { REVIEW_FORMATS, type ReviewFormat } from '../formats';
