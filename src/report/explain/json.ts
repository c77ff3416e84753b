import type { Lang } from '../../core/i18n';
import type { RuleExplanation } from '../../run/catalogue';
import { packJson, ruleJson } from '../kit/rules';

/** One rule in full as JSON: the catalogue's entry, the quote in its sentence, and when each status is given. */
export function renderExplainJson(explanation: RuleExplanation, _lang: Lang): string {
  const { sentence } = explanation;
  const document = {
    tool: { name: explanation.tool.name, version: explanation.tool.version },
    pack: packJson(explanation.pack),
    rule: ruleJson(explanation.rule),
    sentence: { before: sentence.before, quote: sentence.quote, after: sentence.after },
    statuses: explanation.statuses.map((s) => ({ status: s.status, when: { zh: s.when.zh, en: s.when.en } })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
