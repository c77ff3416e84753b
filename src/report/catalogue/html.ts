import type { Lang } from '../../core/i18n';
import type { Catalogue, CatalogueRule } from '../../run/catalogue';
import { escapeHtml, pageHead, STYLE } from '../kit/html';
import { citationText, fieldWords, levelsText, severityWords } from '../kit/rules';
import { CATALOGUE_WORDS, groupByChapter, groupHeading, scopeLine } from './view';

const T = {
  zh: { columns: ['编号与指标', '出处与原文', '适用层级', '要求', '填写字段与示例'], provenance: '来源', pack: '规则包', tool: '生成工具' },
  en: { columns: ['Rule and target', 'Clause and quote', 'Levels', 'Required', 'Fields and examples'], provenance: 'Provenance', pack: 'Rule pack', tool: 'Made by' },
} as const;

/**
 * The catalogue's own style after the shared one: a table per chapter that prints on A4 without cutting a row, its
 * header repeated on every page, a chapter never starting at the foot of a page.
 */
const CATALOGUE_STYLE = `
table.catalogue { border-collapse: collapse; width: 100%; font-size: 0.92em; table-layout: fixed; }
table.catalogue th, table.catalogue td { border: 1px solid #e0e0e0; padding: 4px 6px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
table.catalogue th { background: #f5f5f5; }
table.catalogue col.rule { width: 20%; } table.catalogue col.quote { width: 27%; } table.catalogue col.levels { width: 9%; }
table.catalogue col.required { width: 14%; } table.catalogue col.fields { width: 30%; }
table.catalogue ul { margin: 0; padding-left: 16px; }
.rule-id { display: block; font-size: 0.85em; color: #616161; }
@media print {
  table.catalogue { font-size: 9pt; }
  table.catalogue thead { display: table-header-group; }
  table.catalogue tr { break-inside: avoid; page-break-inside: avoid; }
  section.chapter h2 { break-after: avoid; page-break-after: avoid; }
}`;

function ruleRow(rule: CatalogueRule, lang: Lang): string {
  const fields = rule.fields.map((field) => `<li><code>${escapeHtml(field.path)}</code> ${escapeHtml(fieldWords(field, lang))}</li>`).join('');
  return `<tr id="${escapeHtml(rule.id)}" data-rule="${escapeHtml(rule.id)}" data-levels="${rule.levels.join(' ')}">
<td><strong>${escapeHtml(rule.title[lang])}</strong><code class="rule-id">${escapeHtml(rule.id)}</code><span class="severity ${rule.severity}">${escapeHtml(severityWords(rule, lang))}</span></td>
<td>${escapeHtml(citationText(rule, lang))}<blockquote lang="zh-CN">“<span class="quote">${escapeHtml(rule.quote)}</span>”</blockquote></td>
<td>${escapeHtml(levelsText(rule, lang))}</td>
<td>${escapeHtml(rule.requirement[lang])}</td>
<td><ul>${fields}</ul></td>
</tr>`;
}

function columns(): string {
  return '<colgroup><col class="rule"><col class="quote"><col class="levels"><col class="required"><col class="fields"></colgroup>';
}

/** One self-contained page that prints to A4: the targets by chapter, each chapter a table. No script, nothing fetched. */
export function renderCatalogueHtml(catalogue: Catalogue, lang: Lang): string {
  const t = T[lang];
  const words = CATALOGUE_WORDS[lang];
  const head = `<thead><tr>${t.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>`;
  const chapters = groupByChapter(catalogue.rules).map(
    (group) => `<section class="chapter">
<h2>${escapeHtml(groupHeading(group, lang))}</h2>
<table class="catalogue">${columns()}${head}<tbody>
${group.rules.map((rule) => ruleRow(rule, lang)).join('\n')}
</tbody></table>
</section>`,
  );
  const packs = catalogue.packs.map((p) => `<tr><td>${t.pack}</td><td>${escapeHtml(`${p.title[lang]} · ${p.document_number} · ${p.id} ${p.version} · sha256 ${p.sha256}`)}</td></tr>`);
  return `${pageHead(lang, `${catalogue.tool.name} ${catalogue.tool.version}`, words.heading, `${STYLE}${CATALOGUE_STYLE}`)}
<body>
<header><h1>${escapeHtml(words.heading)}</h1><p class="sub">${escapeHtml(catalogue.packs.map((p) => p.title[lang]).join(' · '))}</p><p class="sub scope">${escapeHtml(scopeLine(catalogue, lang))}</p></header>
${chapters.join('\n')}
<section class="provenance"><h2>${t.provenance}</h2><table class="provenance">${packs.join('')}<tr><td>${t.tool}</td><td>${escapeHtml(`${catalogue.tool.name} ${catalogue.tool.version}`)}</td></tr></table></section>
</body>
</html>
`;
}
