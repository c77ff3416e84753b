import type { Lang } from '../../core/i18n';
import type { Catalogue, CatalogueRule } from '../../run/catalogue';
import { md, table } from '../kit/markdown';
import { citationText, fieldText, levelsText, severityWords } from '../kit/rules';
import { CATALOGUE_WORDS, exampleText, groupByChapter, groupHeading, scopeLine } from './view';

const T = {
  zh: { columns: ['编号', '指标', '出处与原文', '适用层级', '要求', '填写字段', '示例', '严重程度'], pack: '规则包' },
  en: { columns: ['Rule', 'Target', 'Clause and quote', 'Levels', 'Required', 'Fields', 'Example', 'Severity'], pack: 'Rule pack' },
} as const;

function ruleRow(rule: CatalogueRule, lang: Lang): string[] {
  return [rule.id, rule.title[lang], `${citationText(rule, lang)}\n“${rule.quote}”`, levelsText(rule, lang), rule.requirement[lang], rule.fields.map((f) => fieldText(f, lang)).join('\n'), exampleText(rule), severityWords(rule, lang)];
}

/** The catalogue as GitHub tables, one per chapter of the plan. */
export function renderCatalogueMarkdown(catalogue: Catalogue, lang: Lang): string {
  const t = T[lang];
  const lines = [md.heading(1, CATALOGUE_WORDS[lang].heading), '', md.paragraph(scopeLine(catalogue, lang)), ''];
  for (const pack of catalogue.packs) lines.push(md.item(lang === 'zh' ? `${t.pack} ${pack.id} ${pack.version}:${pack.title.zh}(${pack.document_number}),sha256 ${pack.sha256}` : `${t.pack} ${pack.id} ${pack.version}: ${pack.title.en} (${pack.document_number}), sha256 ${pack.sha256}`));
  lines.push('');
  for (const group of groupByChapter(catalogue.rules)) lines.push(md.heading(2, groupHeading(group, lang)), '', ...table(t.columns, group.rules.map((rule) => ruleRow(rule, lang))), '');
  lines.push(md.paragraph(`${catalogue.tool.name} ${catalogue.tool.version}`), '');
  return lines.join('\n');
}
