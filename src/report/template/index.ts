import { bi } from '../../core/i18n';
import type { Template } from '../../run/template';
import { formatNames, renderersOf, type Formats, type Renderer } from '../renderer';

/** The template's formats, one file each: the YAML a clerk edits, and the workbook a clerk fills in Excel or WPS. */
export const TEMPLATE_REGISTRY = {
  yaml: { title: bi('YAML 报送文件', 'YAML submission'), load: () => (require('./yaml') as typeof import('./yaml')).renderTemplateYaml },
  xlsx: { title: bi('Excel 报送表(.xlsx)', 'Excel workbook (.xlsx)'), binary: true, load: () => (require('./xlsx') as typeof import('./xlsx')).renderTemplateXlsx },
} as const satisfies Formats<Template>;

export type TemplateFormat = keyof typeof TEMPLATE_REGISTRY;
export const TEMPLATE_FORMATS: readonly TemplateFormat[] = formatNames(TEMPLATE_REGISTRY);

export function templateRenderer(format: TemplateFormat): Renderer<Template> {
  return TEMPLATE_REGISTRY[format].load();
}

export const TEMPLATE_RENDERERS = renderersOf(TEMPLATE_REGISTRY);
