import type { Lang } from '../../core/i18n';
import type { RuleExplanation } from '../../run/catalogue';
import { md } from '../kit/markdown';
import { explainSections } from './view';

/** One rule in full, as Markdown: a heading per section, its lines as a list. */
export function renderExplainMarkdown(explanation: RuleExplanation, lang: Lang): string {
  const { rule, pack } = explanation;
  const lines = [md.heading(1, `${rule.id} ${rule.title[lang]}`), '', md.paragraph(`${pack.title[lang]} · ${pack.id} ${pack.version}`), ''];
  for (const section of explainSections(explanation, lang)) lines.push(md.heading(2, section.heading), '', ...section.lines.map((line) => md.item(line)), '');
  return lines.join('\n');
}
