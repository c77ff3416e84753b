import type { Bilingual, Lang } from '../../core/i18n';
import type { KindStatus } from '../../engine/kinds';
import type { PackInfo } from '../../findings/types';
import type { CatalogueField, CatalogueRule, FieldShape } from '../../run/catalogue';
import { LEVEL_LABELS, SEVERITY_LABELS, STATUS_LABELS } from './labels';

/**
 * A rule as the catalogue (`plancheck rules`) and `plancheck explain` show it: the same words for its levels, years,
 * severity, clause and fields in every format, and the same JSON object for a rule.
 */

const WORDS = {
  zh: { list: '记录列表', group: '一组字段', only: '仅在适用时填写', example: '如', years: (from: number, to: number) => `${from}—${to} 年度` },
  en: { list: 'list of records', group: 'group of fields', only: 'only where it applies', example: 'e.g.', years: (from: number, to: number) => `${from}–${to}` },
} as const;

const SHAPE_WORDS: Readonly<Record<FieldShape, Bilingual>> = {
  flag: { zh: '是/否', en: 'yes/no' },
  count: { zh: '数量', en: 'count' },
  rate: { zh: '比率', en: 'rate' },
  date: { zh: '日期', en: 'date' },
  text: { zh: '文字', en: 'text' },
  list: { zh: WORDS.zh.list, en: WORDS.en.list },
  group: { zh: WORDS.zh.group, en: WORDS.en.group },
};

export function levelsText(rule: CatalogueRule, lang: Lang): string {
  return rule.levels.map((level) => LEVEL_LABELS[level][lang]).join(lang === 'zh' ? '、' : ', ');
}

export function yearsText(rule: CatalogueRule, lang: Lang): string {
  return WORDS[lang].years(rule.years.from, rule.years.to);
}

export function severityWords(rule: CatalogueRule, lang: Lang): string {
  return SEVERITY_LABELS[rule.severity][lang];
}

export function statusWords(status: KindStatus, lang: Lang): string {
  return STATUS_LABELS[status][lang];
}

/** A field as a line: its path, label and shape, and how it is written. */
export function fieldText(field: CatalogueField, lang: Lang): string {
  return `${field.path} ${fieldWords(field, lang)}`;
}

/** A field's label, shape, choices and example, without its path. */
export function fieldWords(field: CatalogueField, lang: Lang): string {
  const t = WORDS[lang];
  const shape = SHAPE_WORDS[field.shape][lang];
  const choices = field.choices ? (lang === 'zh' ? `:${field.choices.map((c) => `${c.value}(${c.zh})`).join('、')}` : `: ${field.choices.map((c) => c.value).join(', ')}`) : '';
  const example = field.example !== undefined && !field.onlyWhenApplies ? (lang === 'zh' ? `,${t.example} ${field.example}` : `, ${t.example} ${field.example}`) : '';
  const only = field.onlyWhenApplies ? (lang === 'zh' ? `,${t.only}` : `, ${t.only}`) : '';
  return lang === 'zh' ? `${field.label.zh}(${shape}${choices}${example}${only})` : `${field.label.en} (${shape}${choices}${example}${only})`;
}

export function citationText(rule: CatalogueRule, lang: Lang): string {
  return lang === 'zh' ? `${rule.document}${rule.clause}` : `${rule.document} ${rule.clause}`;
}

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
