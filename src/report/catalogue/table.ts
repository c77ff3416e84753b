import type { Lang } from '../../core/i18n';
import { terminalLines } from '../../core/text-safety';
import type { Catalogue, CatalogueRule } from '../../run/catalogue';
import { citationText, fieldText, levelsText, severityWords } from '../kit/rules';
import { CATALOGUE_WORDS, groupByChapter, groupHeading, scopeLine } from './view';

const T = {
  zh: { pack: '规则包', levels: '适用', requirement: '要求', fields: '填写', quote: '原文' },
  en: { pack: 'rule pack', levels: 'applies to', requirement: 'required', fields: 'fields', quote: 'quote' },
} as const;

function ruleLines(rule: CatalogueRule, lang: Lang): string[] {
  const t = T[lang];
  const sep = lang === 'zh' ? ':' : ': ';
  return [
    `  ${rule.id}  ${rule.title[lang]}  [${severityWords(rule, lang)}]`,
    `      ${citationText(rule, lang)} ${t.quote}${sep}“${rule.quote}”`,
    `      ${t.levels}${sep}${levelsText(rule, lang)} · ${t.requirement}${sep}${rule.requirement[lang]}`,
    ...rule.fields.map((field) => `      ${t.fields}${sep}${fieldText(field, lang)}`),
  ];
}

/** For a person at a terminal: the targets by chapter, each with its clause, quote, requirement and fields. */
export function renderCatalogueTable(catalogue: Catalogue, lang: Lang): string {
  const t = T[lang];
  const lines = [
    `${catalogue.tool.name} ${catalogue.tool.version} · ${catalogue.packs.map((p) => `${t.pack} ${p.id} ${p.version}`).join(', ')}`,
    `${CATALOGUE_WORDS[lang].heading}${lang === 'zh' ? ':' : ': '}${scopeLine(catalogue, lang)}`,
  ];
  for (const group of groupByChapter(catalogue.rules)) {
    lines.push('', groupHeading(group, lang));
    for (const rule of group.rules) lines.push(...ruleLines(rule, lang));
  }
  return `${terminalLines(lines)}\n`;
}
