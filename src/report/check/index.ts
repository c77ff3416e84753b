import type { CheckResult } from '../../findings/types';
import type { Lang } from '../../core/i18n';
import type { Format } from '../formats';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { renderTable } from './table';

export type Renderer = (result: CheckResult, lang: Lang) => string;

/** One file per output format, as conftest keeps one per --output. */
export const RENDERERS = {
  table: renderTable,
  json: renderJson,
  markdown: renderMarkdown,
  html: renderHtml,
  csv: renderCsv,
} satisfies Record<Format, Renderer>;

export { FORMATS, type Format } from '../formats';
