import type { Lang } from '../../core/i18n';
import { terminalLines } from '../../core/text-safety';
import type { RuleExplanation } from '../../run/catalogue';
import { explainSections } from './view';

/** One rule in full, for a terminal: its title, then each section indented. */
export function renderExplainTable(explanation: RuleExplanation, lang: Lang): string {
  const { rule, pack } = explanation;
  const lines = [`${rule.id}  ${rule.title[lang]}`, `${pack.title[lang]} · ${pack.id} ${pack.version}`];
  for (const section of explainSections(explanation, lang)) lines.push('', section.heading, ...section.lines.map((line) => `  ${line}`));
  return `${terminalLines(lines)}\n`;
}
