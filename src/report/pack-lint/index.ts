import { bi } from '../../core/i18n';
import type { LintResult } from '../../pack/lint';
import { formatNames, renderersOf, type Formats, type Renderer } from '../renderer';

/** The formats of `plancheck pack lint`: lines a person reads (as a compiler's `file:line:col: message`), and JSON. */
export const PACK_LINT_REGISTRY = {
  text: { title: bi('逐行文字', 'text lines'), load: () => (require('./text') as typeof import('./text')).renderLintText },
  json: { title: bi('JSON 文档', 'JSON document'), load: () => (require('./json') as typeof import('./json')).renderLintJson },
} as const satisfies Formats<LintResult>;

export type PackLintFormat = keyof typeof PACK_LINT_REGISTRY;

export const PACK_LINT_FORMATS: readonly PackLintFormat[] = formatNames(PACK_LINT_REGISTRY);

export function packLintRenderer(format: PackLintFormat): Renderer<LintResult> {
  return PACK_LINT_REGISTRY[format].load();
}

export const PACK_LINT_RENDERERS = renderersOf(PACK_LINT_REGISTRY);
