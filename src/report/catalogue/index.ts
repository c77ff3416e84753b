import { bi } from '../../core/i18n';
import type { Catalogue, RuleExplanation } from '../../run/catalogue';
import { formatNames, renderersOf, type Formats, type Renderer } from '../renderer';

/**
 * The catalogue of targets (`plancheck rules`) and one rule explained (`plancheck explain`): one file per format, a
 * line each here, each loaded only when asked for.
 */
export const CATALOGUE_REGISTRY = {
  table: { title: bi('终端表格', 'table for a terminal'), load: () => (require('./table') as typeof import('./table')).renderCatalogueTable },
  json: { title: bi('JSON 文档', 'JSON document'), load: () => (require('./json') as typeof import('./json')).renderCatalogueJson },
  markdown: { title: bi('Markdown 文档', 'Markdown document'), load: () => (require('./markdown') as typeof import('./markdown')).renderCatalogueMarkdown },
  html: { title: bi('网页(可打印)', 'web page (prints to A4)'), load: () => (require('./html') as typeof import('./html')).renderCatalogueHtml },
} as const satisfies Formats<Catalogue>;

export type CatalogueFormat = keyof typeof CATALOGUE_REGISTRY;
export const CATALOGUE_FORMATS: readonly CatalogueFormat[] = formatNames(CATALOGUE_REGISTRY);

export function catalogueRenderer(format: CatalogueFormat): Renderer<Catalogue> {
  return CATALOGUE_REGISTRY[format].load();
}

export const CATALOGUE_RENDERERS = renderersOf(CATALOGUE_REGISTRY);

export const EXPLAIN_REGISTRY = {
  table: { title: bi('终端文字', 'text for a terminal'), load: () => (require('./explain-table') as typeof import('./explain-table')).renderExplainTable },
  json: { title: bi('JSON 文档', 'JSON document'), load: () => (require('./explain-json') as typeof import('./explain-json')).renderExplainJson },
  markdown: { title: bi('Markdown 文档', 'Markdown document'), load: () => (require('./explain-markdown') as typeof import('./explain-markdown')).renderExplainMarkdown },
} as const satisfies Formats<RuleExplanation>;

export type ExplainFormat = keyof typeof EXPLAIN_REGISTRY;
export const EXPLAIN_FORMATS: readonly ExplainFormat[] = formatNames(EXPLAIN_REGISTRY);

export function explainRenderer(format: ExplainFormat): Renderer<RuleExplanation> {
  return EXPLAIN_REGISTRY[format].load();
}

export const EXPLAIN_RENDERERS = renderersOf(EXPLAIN_REGISTRY);
