import type { Lang } from '../../core/i18n';
import type { ChapterInfo } from '../../findings/types';
import type { Catalogue, CatalogueRule } from '../../run/catalogue';
import { LEVEL_LABELS } from '../kit/labels';
import { chapterTitle } from '../kit/view';

/** What the catalogue's formats share with each other alone: the chapters, what the catalogue lists, a rule's example. */

export interface RuleGroup {
  pack: string;
  chapter?: ChapterInfo;
  /** A pack without chapters groups its rules by the document each cites (a pack of several regulations). */
  document?: string;
  rules: CatalogueRule[];
}

/** Rules grouped by their pack and the plan's chapter, in the packs' order. */
export function groupByChapter(rules: readonly CatalogueRule[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const rule of rules) {
    const document = rule.chapter ? undefined : rule.document;
    const key = `${rule.pack}|${rule.chapter?.number ?? document ?? ''}`;
    if (!groups.has(key)) groups.set(key, { pack: rule.pack, ...(rule.chapter ? { chapter: rule.chapter } : {}), ...(document ? { document } : {}), rules: [] });
    groups.get(key)?.rules.push(rule);
  }
  return [...groups.values()];
}

export function groupHeading(group: RuleGroup, lang: Lang): string {
  if (!group.chapter && group.document) return group.document;
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
  },
  en: {
    heading: 'Catalogue of targets',
    all: 'all levels',
    allYears: 'all years',
    year: (y: number) => `${y}`,
    count: (n: number) => `${n} target${n === 1 ? '' : 's'}`,
    none: 'No target applies',
  },
} as const;

export const CATALOGUE_WORDS = T;

/** What the catalogue lists: the level and year it is for, and how many targets. */
export function scopeLine(catalogue: Catalogue, lang: Lang): string {
  const t = T[lang];
  const level = catalogue.scope.level ? LEVEL_LABELS[catalogue.scope.level][lang] : t.all;
  const year = catalogue.scope.year !== undefined ? t.year(catalogue.scope.year) : t.allYears;
  return [level, year, catalogue.rules.length > 0 ? t.count(catalogue.rules.length) : t.none].join(' · ');
}

/** The example value of a rule's fields, as one text: `services.online_handling_rate: 95%`. */
export function exampleText(rule: CatalogueRule): string {
  return rule.fields.filter((f) => f.example !== undefined && !f.onlyWhenApplies).map((f) => `${f.path.split(/\.|\[\]\./).pop()}: ${f.example}`).join('; ');
}

