import { bi } from '../../core/i18n';
import type { PageDocument } from '../../run/page-data';
import { formatNames, renderersOf, type Formats, type Renderer } from '../renderer';

/** The self-check page's one format: a self-contained HTML file (its words, shared with its script, in words.ts). */
export const PAGE_REGISTRY = {
  html: { title: bi('离线自查网页', 'offline self-check page'), load: () => (require('./html') as typeof import('./html')).renderPage },
} as const satisfies Formats<PageDocument>;

export type PageFormat = keyof typeof PAGE_REGISTRY;

export const PAGE_FORMATS: readonly PageFormat[] = formatNames(PAGE_REGISTRY);

export function pageRenderer(format: PageFormat): Renderer<PageDocument> {
  return PAGE_REGISTRY[format].load();
}

export const PAGE_RENDERERS = renderersOf(PAGE_REGISTRY);
