import { bi, type Bilingual } from '../i18n';
import { operatorsForWording } from './wording';
import type { PackDefinition, Rule } from './types';

/** Compare texts as the contract does: NFKC folds the source's mix of full- and half-width punctuation. */
export function nfkc(text: string): string {
  return text.normalize('NFKC');
}

/** The text of each numbered item `(四)`…`(三十二)`, from its marker to the next one (text already NFKC). */
export function itemSections(text: string): Map<string, string> {
  const marker = /^\(([一二三四五六七八九十]+)\)/gm;
  const starts = [...text.matchAll(marker)].map((m) => ({ clause: `(${m[1]})`, index: m.index ?? 0 }));
  const sections = new Map<string, string>();
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].index : text.length;
    if (!sections.has(start.clause)) sections.set(start.clause, text.slice(start.index, end));
  });
  return sections;
}

/** What in a rule does not hold against its source (NFKC text): quote, clause, wording and operator. */
export function ruleFidelityProblems(rule: Rule, sections: Map<string, string>, source: string): Bilingual[] {
  const problems: Bilingual[] = [];
  const quote = nfkc(rule.citation.quote);
  const section = sections.get(nfkc(rule.citation.clause));
  if (!source.includes(quote)) {
    problems.push(bi(`规则 ${rule.id} 的引文不在原文中:“${rule.citation.quote}”`, `Rule ${rule.id}: the quote does not stand in the source text: "${rule.citation.quote}"`));
  } else if (!section) {
    problems.push(bi(`规则 ${rule.id} 引用的条目 ${rule.citation.clause} 不在原文中`, `Rule ${rule.id}: item ${rule.citation.clause} is not in the source text`));
  } else if (!section.includes(quote)) {
    problems.push(bi(`规则 ${rule.id} 的引文不在条目 ${rule.citation.clause} 中`, `Rule ${rule.id}: the quote is not in item ${rule.citation.clause}`));
  }
  const { wording } = rule.check;
  if (!quote.includes(nfkc(wording))) {
    problems.push(bi(`规则 ${rule.id} 的措辞“${wording}”不在引文中`, `Rule ${rule.id}: the wording "${wording}" is not in the quote`));
  }
  if ('operator' in rule.check) {
    const allowed = operatorsForWording(wording);
    if (allowed && !allowed.includes(rule.check.operator)) {
      problems.push(
        bi(
          `规则 ${rule.id}:措辞“${wording}”对应 ${allowed.join(' 或 ')},而规则写的是 ${rule.check.operator}`,
          `Rule ${rule.id}: the wording "${wording}" reads as ${allowed.join(' or ')}, but the rule says ${rule.check.operator}`,
        ),
      );
    }
  }
  return problems;
}

/** Rule ids must be unique within a pack, and chapters must start at items that exist. */
export function packStructureProblems(pack: PackDefinition, sections: Map<string, string>): Bilingual[] {
  const problems: Bilingual[] = [];
  const seen = new Set<string>();
  for (const rule of pack.rules) {
    if (seen.has(rule.id)) problems.push(bi(`规则编号 ${rule.id} 重复`, `Rule id ${rule.id} appears twice`));
    seen.add(rule.id);
  }
  for (const chapter of pack.chapters ?? []) {
    if (!sections.has(nfkc(chapter.first_item))) problems.push(bi(`章 ${chapter.number} 的起始条目 ${chapter.first_item} 不在原文中`, `Chapter ${chapter.number}: item ${chapter.first_item} is not in the source`));
  }
  if (pack.years.from > pack.years.to) problems.push(bi('适用年度的起止颠倒', 'The pack\'s years run backwards'));
  return problems;
}
