import type { Lang } from '../../core/i18n';
import type { Catalogue } from '../../run/catalogue';
import { packJson, ruleJson } from '../kit/rules';

/** The catalogue as one JSON document; both languages in every text, so the language asked for changes nothing. */
export function renderCatalogueJson(catalogue: Catalogue, _lang: Lang): string {
  const document = {
    tool: { name: catalogue.tool.name, version: catalogue.tool.version },
    packs: catalogue.packs.map(packJson),
    scope: { level: catalogue.scope.level ?? null, year: catalogue.scope.year ?? null },
    rules: catalogue.rules.map(ruleJson),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
