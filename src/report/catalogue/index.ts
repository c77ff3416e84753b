import { bi } from '../../core/i18n';
import type { Catalogue } from '../../run/catalogue';
import { formatNames, renderersOf, type Formats, type Renderer } from '../renderer';

/** The catalogue of targets (`plancheck rules`): one file per format, a line each here, each loaded only when asked for. */
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
