import type { Lang } from '../../core/i18n';
import type { PackInfo } from '../../findings/types';
import type { Catalogue, CatalogueField, CatalogueRule } from '../../run/catalogue';

// Objects are built key by key: the key order is part of the stable, byte-identical output (docs/catalogue.md).

function fieldJson(field: CatalogueField): object {
  return {
    path: field.path,
    label: { zh: field.label.zh, en: field.label.en },
    shape: field.shape,
    description: field.description ?? null,
    example: field.example ?? null,
    choices: field.choices ? field.choices.map((c) => ({ value: c.value, zh: c.zh })) : null,
    only_when_applies: field.onlyWhenApplies,
  };
}

export function packJson(pack: PackInfo): object {
  return { id: pack.id, version: pack.version, sha256: pack.sha256, title: { zh: pack.title.zh, en: pack.title.en }, document_number: pack.document_number };
}

/** One rule as the catalogue's JSON and `explain --format json` give it. */
export function ruleJson(rule: CatalogueRule): object {
  const when = rule.notApplicableWhen;
  return {
    id: rule.id,
    pack: rule.pack,
    title: { zh: rule.title.zh, en: rule.title.en },
    citation: { document: rule.document, document_number: rule.document_number, clause: rule.clause, quote: rule.quote },
    chapter: rule.chapter ? { number: rule.chapter.number, title: { zh: rule.chapter.title.zh, en: rule.chapter.title.en } } : null,
    levels: [...rule.levels],
    years: { from: rule.years.from, to: rule.years.to },
    severity: rule.severity,
    kind: rule.kind,
    kind_description: { zh: rule.kindDescription.zh, en: rule.kindDescription.en },
    per_record: rule.perRecord,
    expected: { operator: rule.expected.operator, value: rule.expected.value, unit: rule.expected.unit },
    requirement: { zh: rule.requirement.zh, en: rule.requirement.en },
    fields: rule.fields.map(fieldJson),
    statuses: [...rule.statuses],
    not_applicable_when: when ? { field: when.field, equals: when.equals, reason: { zh: when.reason.zh, en: when.reason.en } } : null,
    note: rule.note ?? null,
    levels_note: rule.levelsNote ?? null,
  };
}

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
