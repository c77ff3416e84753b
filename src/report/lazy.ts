import type { CheckResult } from '../findings/types';
import type { Lang } from '../core/i18n';
import type { ReviewResult } from '../run/review/types';
import type { Format, ReviewFormat } from './formats';

export type CheckRenderer = (result: CheckResult, lang: Lang) => string;
export type ReviewRenderer = (result: ReviewResult, lang: Lang) => string | Iterable<string>;

/*
 * Each renderer is loaded when its format is asked for, so that a plain `check` of a YAML file loads the table and
 * nothing of the other formats, the review or their libraries (csv-stringify today; exceljs and others to come).
 */

export function checkRenderer(format: Format): CheckRenderer {
  switch (format) {
    case 'table':
      return (require('./check/table') as typeof import('./check/table')).renderTable;
    case 'json':
      return (require('./check/json') as typeof import('./check/json')).renderJson;
    case 'markdown':
      return (require('./check/markdown') as typeof import('./check/markdown')).renderMarkdown;
    case 'html':
      return (require('./check/html') as typeof import('./check/html')).renderHtml;
    case 'csv':
      return (require('./check/csv') as typeof import('./check/csv')).renderCsv;
  }
}

export function reviewRenderer(format: ReviewFormat): ReviewRenderer {
  switch (format) {
    case 'table':
      return (require('./review/table') as typeof import('./review/table')).renderReviewTable;
    case 'json':
      return (require('./review/json') as typeof import('./review/json')).renderReviewJson;
    case 'markdown':
      return (require('./review/markdown') as typeof import('./review/markdown')).renderReviewMarkdown;
    case 'html':
      return (require('./review/html') as typeof import('./review/html')).renderReviewHtml;
    case 'csv':
      return (require('./review/csv') as typeof import('./review/csv')).renderReviewCsv;
  }
}
