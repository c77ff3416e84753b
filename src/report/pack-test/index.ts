import { bi } from '../../core/i18n';
import type { PackTestResult } from '../../run/pack-test';
import { formatNames, renderersOf, type Formats, type Renderer } from '../renderer';

/** The formats of a pack's test run: the listing a person reads (docs/pack-tests.md); its last line is the summary. */
export const PACK_TEST_REGISTRY = {
  text: { title: bi('终端文本', 'text for a terminal'), load: () => (require('./text') as typeof import('./text')).renderPackTest },
} as const satisfies Formats<PackTestResult>;

export type PackTestFormat = keyof typeof PACK_TEST_REGISTRY;

export const PACK_TEST_FORMATS: readonly PackTestFormat[] = formatNames(PACK_TEST_REGISTRY);

export function packTestRenderer(format: PackTestFormat): Renderer<PackTestResult> {
  return PACK_TEST_REGISTRY[format].load();
}

export const PACK_TEST_RENDERERS = renderersOf(PACK_TEST_REGISTRY);
