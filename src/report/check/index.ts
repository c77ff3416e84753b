import { bi } from '../../core/i18n';
import type { CheckResult } from '../../findings/types';
import { binaryNames, formatNames, renderersOf, type Formats, type Renderer } from '../renderer';

/**
 * The check's formats, one file each (as conftest keeps one per --output), and one line each here. Nothing is loaded
 * until a format is asked for: a plain `check` of a YAML file loads the table and nothing of the other formats or of
 * their libraries (csv-stringify today; exceljs and others to come).
 */
export const CHECK_REGISTRY = {
  table: { title: bi('终端表格', 'table for a terminal'), load: () => (require('./table') as typeof import('./table')).renderTable },
  json: { title: bi('JSON 文档', 'JSON document'), load: () => (require('./json') as typeof import('./json')).renderJson },
  markdown: { title: bi('Markdown 文档', 'Markdown document'), load: () => (require('./markdown') as typeof import('./markdown')).renderMarkdown },
  html: { title: bi('网页报告', 'web page'), load: () => (require('./html') as typeof import('./html')).renderHtml },
  csv: { title: bi('CSV 表格', 'CSV spreadsheet'), load: () => (require('./csv') as typeof import('./csv')).renderCsv },
  xlsx: { title: bi('Excel 工作簿', 'Excel workbook'), binary: true, load: () => (require('./xlsx') as typeof import('./xlsx')).renderXlsx },
} as const satisfies Formats<CheckResult>;

export type Format = keyof typeof CHECK_REGISTRY;

/** The names alone, in the order `--format` lists them: a command line can be checked without loading a renderer. */
export const FORMATS: readonly Format[] = formatNames(CHECK_REGISTRY);

/** The formats that are bytes, not text (the workbook): refused on a terminal. */
export const BINARY_FORMATS: readonly Format[] = binaryNames(CHECK_REGISTRY);

export type CheckRenderer = Renderer<CheckResult>;

/** The renderer of one format, its file loaded now and no other. */
export function checkRenderer(format: Format): CheckRenderer {
  return CHECK_REGISTRY[format].load();
}

/** Every renderer by its format, for the library: each loaded when it is first read. */
export const RENDERERS = renderersOf(CHECK_REGISTRY);
