import { bi } from '../../core/i18n';
import type { RuleExplanation } from '../../run/catalogue';
import { formatNames, renderersOf, type Formats, type Renderer } from '../renderer';

/** One rule explained (`plancheck explain`): one file per format, a line each here, each loaded only when asked for. */
export const EXPLAIN_REGISTRY = {
  table: { title: bi('终端文字', 'text for a terminal'), load: () => (require('./table') as typeof import('./table')).renderExplainTable },
  json: { title: bi('JSON 文档', 'JSON document'), load: () => (require('./json') as typeof import('./json')).renderExplainJson },
  markdown: { title: bi('Markdown 文档', 'Markdown document'), load: () => (require('./markdown') as typeof import('./markdown')).renderExplainMarkdown },
} as const satisfies Formats<RuleExplanation>;

export type ExplainFormat = keyof typeof EXPLAIN_REGISTRY;
export const EXPLAIN_FORMATS: readonly ExplainFormat[] = formatNames(EXPLAIN_REGISTRY);

export function explainRenderer(format: ExplainFormat): Renderer<RuleExplanation> {
  return EXPLAIN_REGISTRY[format].load();
}

export const EXPLAIN_RENDERERS = renderersOf(EXPLAIN_REGISTRY);
