import { bi } from '../../core/i18n';
import type { ReviewResult } from '../../run/review/types';
import { binaryNames, formatNames, renderersOf, type Formats, type Renderer } from '../renderer';

/**
 * The review's formats, one file each, and one line each here; each loaded when it is asked for. Table, JSON and CSV
 * come in chunks, a row at a time, so that the review of tens of thousands of submissions is never one string in
 * memory; HTML and Markdown are for people and come whole.
 */
export const REVIEW_REGISTRY = {
  table: { title: bi('终端矩阵', 'matrix for a terminal'), load: () => (require('./table') as typeof import('./table')).renderReviewTable },
  json: { title: bi('JSON 文档', 'JSON document'), load: () => (require('./json') as typeof import('./json')).renderReviewJson },
  markdown: { title: bi('Markdown 文档', 'Markdown document'), load: () => (require('./markdown') as typeof import('./markdown')).renderReviewMarkdown },
  html: { title: bi('网页报告', 'web page'), load: () => (require('./html') as typeof import('./html')).renderReviewHtml },
  csv: { title: bi('CSV 表格', 'CSV spreadsheet'), load: () => (require('./csv') as typeof import('./csv')).renderReviewCsv },
  xlsx: { title: bi('Excel 工作簿', 'Excel workbook'), binary: true, load: () => (require('./xlsx') as typeof import('./xlsx')).renderReviewXlsx },
} as const satisfies Formats<ReviewResult>;

export type ReviewFormat = keyof typeof REVIEW_REGISTRY;

/** The names alone, in the order `--format` lists them: a command line can be checked without loading a renderer. */
export const REVIEW_FORMATS: readonly ReviewFormat[] = formatNames(REVIEW_REGISTRY);

/** The formats that are bytes, not text (the workbook): refused on a terminal. */
export const REVIEW_BINARY_FORMATS: readonly ReviewFormat[] = binaryNames(REVIEW_REGISTRY);

export type ReviewRenderer = Renderer<ReviewResult>;

/** The renderer of one format, its file loaded now and no other. */
export function reviewRenderer(format: ReviewFormat): ReviewRenderer {
  return REVIEW_REGISTRY[format].load();
}

/** Every renderer by its format, for the library: each loaded when it is first read. */
export const REVIEW_RENDERERS = renderersOf(REVIEW_REGISTRY);
