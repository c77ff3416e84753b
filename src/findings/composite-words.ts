import { bi, type Bilingual, type Lang } from '../core/i18n';
import { foldCheck, leafNumber } from '../pack/check-tree';
import type { RuleCheck } from '../pack/types';
import { STATUS_LABELS, type LeafFinding } from './types';

/**
 * A composite's finding in words: the combination it requires, then every leaf with its verdict, what it is about,
 * and what it found against what it requires. Every format shows the message, so each says which condition held and
 * which did not, with the values.
 */

interface Formula {
  text: string;
  compound: boolean;
}

const JOINS: Readonly<Record<Lang, { all: string; any: string; not: string; leaf: (n: string) => string; first: (head: string, rest: string[]) => string }>> = {
  zh: { all: ' 且 ', any: ' 或 ', not: '非 ', leaf: (n) => `条件${n}`, first: (head, rest) => `${head}(未填写时依 ${rest.join('、')})` },
  en: { all: ' and ', any: ' or ', not: 'not ', leaf: (n) => `condition ${n}`, first: (head, rest) => `${head} (where not given, ${rest.join(', then ')})` },
};

/** `条件1 且 (条件2 或 非 条件3)` / `condition 1 and (condition 2 or not condition 3)`: the tree as a formula over the leaves' numbers. */
function formula(check: RuleCheck, lang: Lang): string {
  const words = JOINS[lang];
  const wrap = (item: Formula): string => (item.compound ? `(${item.text})` : item.text);
  return foldCheck<Formula>(check, {
    leaf: ({ path }) => ({ text: words.leaf(leafNumber(path)), compound: false }),
    all: (items) => ({ text: items.map(wrap).join(words.all), compound: items.length > 1 }),
    any: (items) => ({ text: items.map(wrap).join(words.any), compound: items.length > 1 }),
    not: (item) => ({ text: `${words.not}${wrap(item)}`, compound: false }),
    first: (items) => ({ text: words.first(items[0].text, items.slice(1).map((item) => item.text)), compound: true }),
  }).text;
}

function leafLine(leaf: LeafFinding, lang: Lang): string {
  const status = STATUS_LABELS[leaf.status][lang];
  return lang === 'zh'
    ? `条件${leaf.number}(${status})${leaf.subject.zh}:${leaf.message.zh}`
    : `condition ${leaf.number} (${status}), ${leaf.subject.en}: ${leaf.message.en}`;
}

/** The combination a composite requires, as a formula over its conditions' numbers, in both languages. */
export function compositeFormula(check: RuleCheck): Bilingual {
  return bi(formula(check, 'zh'), formula(check, 'en'));
}

/** What a composite requires, in words: `须满足 条件1 且 条件2` / `required: condition 1 and condition 2`. */
export function compositeRequirement(check: RuleCheck): Bilingual {
  return bi(`须满足 ${formula(check, 'zh')}`, `required: ${formula(check, 'en')}`);
}

/** The composite's message body: what it requires, then each leaf's verdict and values. */
export function compositeMessage(check: RuleCheck, leaves: readonly LeafFinding[]): Bilingual {
  const required = compositeRequirement(check);
  return bi(`${required.zh};${leaves.map((leaf) => leafLine(leaf, 'zh')).join(';')}`, `${required.en}; ${leaves.map((leaf) => leafLine(leaf, 'en')).join('; ')}`);
}

/** What a composite found, in short: how many of its conditions pass. */
export function compositeFound(leaves: readonly LeafFinding[]): Bilingual {
  const passed = leaves.filter((leaf) => leaf.status === 'pass').length;
  return bi(`${leaves.length} 项条件中 ${passed} 项通过`, `${passed} of ${leaves.length} conditions pass`);
}
