import type { Bilingual, Lang } from '../../core/i18n';
import type { KindStatus } from '../../engine/kinds';
import type { ChapterInfo } from '../../findings/types';
import type { Catalogue, CatalogueField, CatalogueRule, FieldShape } from '../../run/catalogue';
import { LEVEL_LABELS, SEVERITY_LABELS, STATUS_LABELS } from '../kit/labels';
import { chapterTitle } from '../kit/view';

/** What the catalogue's formats (and `explain`'s) share with each other alone: the words for a rule and its fields. */

export interface RuleGroup {
  pack: string;
  chapter?: ChapterInfo;
  rules: CatalogueRule[];
}

/** Rules grouped by their pack and the plan's chapter, in the packs' order. */
export function groupByChapter(rules: readonly CatalogueRule[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const rule of rules) {
    const key = `${rule.pack}|${rule.chapter?.number ?? ''}`;
    if (!groups.has(key)) groups.set(key, { pack: rule.pack, ...(rule.chapter ? { chapter: rule.chapter } : {}), rules: [] });
    groups.get(key)?.rules.push(rule);
  }
  return [...groups.values()];
}

export function groupHeading(group: RuleGroup, lang: Lang): string {
  return chapterTitle(group.chapter, lang);
}

const T = {
  zh: {
    heading: '指标说明',
    all: '全部层级',
    allYears: '全部年度',
    year: (y: number) => `${y} 年度`,
    count: (n: number) => `共 ${n} 项指标`,
    none: '没有适用的指标',
    list: '记录列表',
    group: '一组字段',
    only: '仅在适用时填写',
    example: '如',
    years: (from: number, to: number) => `${from}—${to} 年度`,
  },
  en: {
    heading: 'Catalogue of targets',
    all: 'all levels',
    allYears: 'all years',
    year: (y: number) => `${y}`,
    count: (n: number) => `${n} target${n === 1 ? '' : 's'}`,
    none: 'No target applies',
    list: 'list of records',
    group: 'group of fields',
    only: 'only where it applies',
    example: 'e.g.',
    years: (from: number, to: number) => `${from}–${to}`,
  },
} as const;

export const CATALOGUE_WORDS = T;

const SHAPE_WORDS: Readonly<Record<FieldShape, Bilingual>> = {
  flag: { zh: '是/否', en: 'yes/no' },
  count: { zh: '数量', en: 'count' },
  rate: { zh: '比率', en: 'rate' },
  date: { zh: '日期', en: 'date' },
  text: { zh: '文字', en: 'text' },
  list: { zh: T.zh.list, en: T.en.list },
  group: { zh: T.zh.group, en: T.en.group },
};

/** What the catalogue lists: the level and year it is for, and how many targets. */
export function scopeLine(catalogue: Catalogue, lang: Lang): string {
  const t = T[lang];
  const level = catalogue.scope.level ? LEVEL_LABELS[catalogue.scope.level][lang] : t.all;
  const year = catalogue.scope.year !== undefined ? t.year(catalogue.scope.year) : t.allYears;
  return [level, year, catalogue.rules.length > 0 ? t.count(catalogue.rules.length) : t.none].join(' · ');
}

export function levelsText(rule: CatalogueRule, lang: Lang): string {
  return rule.levels.map((level) => LEVEL_LABELS[level][lang]).join(lang === 'zh' ? '、' : ', ');
}

export function yearsText(rule: CatalogueRule, lang: Lang): string {
  return T[lang].years(rule.years.from, rule.years.to);
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
  const t = T[lang];
  const shape = SHAPE_WORDS[field.shape][lang];
  const choices = field.choices ? (lang === 'zh' ? `:${field.choices.map((c) => `${c.value}(${c.zh})`).join('、')}` : `: ${field.choices.map((c) => c.value).join(', ')}`) : '';
  const example = field.example !== undefined && !field.onlyWhenApplies ? (lang === 'zh' ? `,${t.example} ${field.example}` : `, ${t.example} ${field.example}`) : '';
  const only = field.onlyWhenApplies ? (lang === 'zh' ? `,${t.only}` : `, ${t.only}`) : '';
  return lang === 'zh' ? `${field.label.zh}(${shape}${choices}${example}${only})` : `${field.label.en} (${shape}${choices}${example}${only})`;
}

/** The example value of a rule's fields, as one text: `services.online_handling_rate: 95%`. */
export function exampleText(rule: CatalogueRule): string {
  return rule.fields.filter((f) => f.example !== undefined && !f.onlyWhenApplies).map((f) => `${f.path.split(/\.|\[\]\./).pop()}: ${f.example}`).join('; ');
}

export function citationText(rule: CatalogueRule, lang: Lang): string {
  return lang === 'zh' ? `${rule.document}${rule.clause}` : `${rule.document} ${rule.clause}`;
}
