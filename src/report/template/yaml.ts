import { baseName } from '../../core/file-name';
import { Document, visit } from 'yaml';
import type { Lang } from '../../core/i18n';
import type { CatalogueField, CatalogueRule } from '../../run/catalogue';
import { getAt } from '../../intake/field-path';
import type { Template, TemplateNode } from '../../run/template';
import { LEVEL_LABELS } from '../kit/labels';

/**
 * The template as YAML a clerk fills in: the `$schema` line first (editors then complete and check the fields), a
 * header that says how to fill it, then every field with comments above it (its label, the clauses and requirements
 * of the rules that read it, how to write the value) and its value left empty: an empty value is "not filled in",
 * which a check reports as missing data, never as a pass. A list left empty is not filled in either; `[]` says there
 * was nothing of the kind this year. A list's records are shown as one example record in comments, every field the
 * rules read in it, to copy without the leading `# `.
 *
 * A filled template (`plancheck convert`) is the same file with the submission's values written in: each field as
 * the submission wrote it (`{ value, source }` kept), each list's records in full, so that it reads back as the same data.
 */

const T = {
  zh: {
    title: (level: string, year: number) => `法治人社建设年度数据报送模板:${level} · ${year} 年度`,
    pack: '规则包',
    scope: (level: string, year: number, n: number) => `本模板只列出适用于${level}单位 ${year} 年度的 ${n} 项指标所需填写的字段。`,
    how: [
      '填写方法:在每个字段的冒号后面填写。留空表示“尚未填写”,检查时记为缺数据,不视为通过。',
      '记录列表(如执法决定):冒号后留空表示尚未填写;本年度确实没有此类记录时写 [];',
      '  有记录时,照该列表下方注释中的示例逐条填写(去掉行首的“# ”即可使用示例,再改成本单位的记录)。',
      '任何数值都可以写明出处,报告会把出处列为证据:{ value: 95%, source: "2024年度报告 一、(三)" }',
      '填好后运行:plancheck check 本文件名',
    ],
    schema: '上面一行让编辑器(如装有 YAML 插件的 VS Code)按报送格式提示和检查字段;路径相对于本文件所在的文件夹。',
    writeAs: '写法',
    example: '如',
    required: '必填',
    only: '仅在适用时填写',
    filled: '已按命令行填好',
    reads: '本字段用于',
    records: '一条记录以“- ”开头;冒号后留空表示尚未填写;本年度没有此类记录写 []。示例记录(去掉行首的“# ”后使用):',
    level: (level: string) => `单位层级:${level}`,
    choices: '可选',
    filledTitle: (level: string, year: number) => `法治人社建设年度数据报送文件:${level} · ${year} 年度`,
    convertedFrom: (file: string) => `由 plancheck convert 从 ${file} 转换而来;未填写的字段留空,检查时记为缺数据。`,
    extractedFrom: (file: string) => `由 plancheck extract 从 ${file} 摘录的草稿:每个数值附有它在报告中的原句(第几段)。请逐项对照原句核对,补填后再报送。`,
    notStated: (n: number) => `报告未载明的字段(${n} 项,草稿中没有写入,检查时记为缺数据;如有数据,请照模板补填):`,
    allStated: '指标所需的字段报告均已载明。',
    draftScope: (level: string, year: number, n: number) => (n > 0 ? `适用于${level}单位 ${year} 年度的指标共 ${n} 项;草稿只写入报告载明的字段。` : `规则包没有适用于${level}单位 ${year} 年度的指标(报告年度不在规则包的适用年度内),检查时各项均为不适用。`),
  },
  en: {
    title: (level: string, year: number) => `Template of a rule-of-law submission: ${level} · ${year}`,
    pack: 'Rule pack',
    scope: (level: string, year: number, n: number) => `It holds only the fields that the ${n} targets applying to a ${level} bureau in ${year} read.`,
    how: [
      'Fill in each value after its colon. A value left empty is "not filled in": a check reports it as missing data, never as a pass.',
      'Lists of records (enforcement decisions…): empty means not filled in; write [] when there was none this year;',
      '  otherwise write one record per entry after the example in the comments below the list (remove the leading "# ").',
      'Any value may name its source, which the report shows as evidence: { value: 95%, source: "2024 report 1.(3)" }',
      'When filled in, run: plancheck check <this file>',
    ],
    schema: 'The line above lets editors (VS Code with its YAML extension) complete and check the fields; the path is relative to this file.',
    writeAs: 'how to write it',
    example: 'e.g.',
    required: 'required',
    only: 'only where it applies',
    filled: 'filled in from the command line',
    reads: 'read by',
    records: 'One record per "- " entry; empty means not filled in; [] means none this year. Example record (use it without the leading "# "):',
    level: (level: string) => `level: ${level}`,
    choices: 'choices',
    filledTitle: (level: string, year: number) => `Rule-of-law submission: ${level} · ${year}`,
    convertedFrom: (file: string) => `Converted by plancheck convert from ${file}; fields left empty are not filled in and check as missing data.`,
    extractedFrom: (file: string) => `A draft extracted by plancheck extract from ${file}: each value carries the report's sentence (and its paragraph). Check each against its sentence and fill in the rest before filing.`,
    notStated: (n: number) => `Fields the report does not state (${n}; not written in the draft, they check as missing data; add them as the template shows if the data exists):`,
    allStated: 'The report states every field the targets read.',
    draftScope: (level: string, year: number, n: number) => (n > 0 ? `${n} targets apply to a ${level} bureau in ${year}; the draft writes only the fields the report states.` : `No target of the packs applies to a ${level} bureau in ${year} (the year is outside the packs' years): a check finds every target not applicable.`),
  },
} as const;

const INDENT = '  ';

function ruleLine(rule: CatalogueRule, lang: Lang): string {
  return lang === 'zh' ? `${rule.clause} ${rule.id} ${rule.title.zh}:要求 ${rule.requirement.zh}` : `${rule.clause} ${rule.id} ${rule.title.en}: required ${rule.requirement.en}`;
}

function choicesText(field: CatalogueField, lang: Lang): string {
  if (!field.choices) return '';
  return lang === 'zh' ? field.choices.map((c) => `${c.value}(${c.zh})`).join('、') : field.choices.map((c) => c.value).join(', ');
}

/** How a value is written: the schema's own words (Chinese), its choices, and an example. */
function writeAs(field: CatalogueField, lang: Lang): string {
  const t = T[lang];
  const description = lang === 'zh' ? field.description : undefined;
  // An example the schema's words already give, or a choice already listed, is not said twice.
  const example = field.example !== undefined && !field.choices && !description?.includes(field.example) ? `${t.example} ${field.example}` : '';
  const parts = [description ?? '', field.choices ? `${t.choices}${lang === 'zh' ? ':' : ': '}${choicesText(field, lang)}` : '', example].filter(Boolean);
  return parts.join(lang === 'zh' ? ';' : '; ');
}

/** The comment lines above a field: its label, the rules that read it, and how to write it. */
function commentLines(node: TemplateNode, indent: string, lang: Lang, filledList = false): string[] {
  const t = T[lang];
  const sep = lang === 'zh' ? ':' : ': ';
  const filled = node.value === undefined ? '' : lang === 'zh' ? `(${t.filled})` : ` (${t.filled})`;
  const lines = [`${indent}# ${node.field.label[lang]}${filled}`];
  for (const rule of node.rules) lines.push(`${indent}#   ${t.reads}${sep}${ruleLine(rule, lang)}`);
  // A filled list shows its records, not the example: the line that introduces the example is left out with it.
  if (node.field.shape === 'list') {
    if (!filledList) lines.push(`${indent}#   ${t.records}`);
  }
  else if (node.field.shape !== 'group') {
    const how = writeAs(node.field, lang);
    if (how) lines.push(`${indent}#   ${t.writeAs}${sep}${how}`);
  }
  return lines;
}

/** A date of a record moved into the reporting year, so that the example record belongs to it. */
function inYear(example: string, year: number): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(example) ? `${year}${example.slice(4)}` : example;
}

/** The example record's lines: each field with an example value (excusing fields empty), a short comment after it. */
function recordLines(nodes: readonly TemplateNode[], depth: number, first: boolean, year: number, lang: Lang): string[] {
  const t = T[lang];
  const lines: string[] = [];
  nodes.forEach((node, i) => {
    const lead = first && i === 0 ? `${INDENT.repeat(depth)}- ` : `${INDENT.repeat(depth)}  `;
    const notes = [node.field.label[lang].split(' › ').pop(), node.required ? t.required : '', node.field.onlyWhenApplies ? t.only : '', node.field.choices ? choicesText(node.field, lang) : '', ...node.rules.map((r) => r.id)].filter(Boolean);
    const comment = `  # ${notes.join(lang === 'zh' ? ';' : '; ')}`;
    if (node.children.length > 0) {
      lines.push(`${lead}${node.key}:${comment}`);
      lines.push(...recordLines(node.children, depth + 1, false, year, lang));
      return;
    }
    const example = node.field.onlyWhenApplies || node.field.example === undefined ? '' : ` ${inYear(node.field.example, year)}`;
    lines.push(`${lead}${node.key}:${example}${comment}`);
  });
  return lines;
}

/**
 * A written value on one line, as YAML reads it back: mappings (`{ value, source }`, `{ not_required }`) in flow
 * style, text quoted wherever YAML would read it as something else.
 */
function inlineYaml(value: unknown): string {
  const document = new Document(value);
  visit(document, { Map: (_key, map) => void (map.flow = true), Seq: (_key, seq) => void (seq.flow = true) });
  return document.toString({ lineWidth: 0, blockQuote: false }).trimEnd();
}

/** The records of a filled list, each field in the schema's order, one `- ` entry per record. */
function writtenRecordLines(nodes: readonly TemplateNode[], record: unknown, depth: number, first: boolean): string[] {
  const lines: string[] = [];
  let lead = first;
  for (const node of nodes) {
    const value = getAt(record, node.key);
    if (value === undefined) continue;
    const prefix = lead ? `${INDENT.repeat(depth)}- ` : `${INDENT.repeat(depth)}  `;
    lead = false;
    if (node.field.shape === 'group') lines.push(`${prefix}${node.key}:`, ...writtenRecordLines(node.children, value, depth + 1, false));
    else lines.push(`${prefix}${node.key}: ${inlineYaml(value)}`);
  }
  // A record with no field the template knows cannot be: the schema requires its id. Kept as `- {}` all the same.
  return lines.length > 0 ? lines : [`${INDENT.repeat(depth)}- {}`];
}

/** A field's value line: the written value of a filled template, the value filled from the command line, or empty. */
function valueLine(node: TemplateNode, indent: string, template: Template, path: string): string[] {
  const written = template.filled ? getAt(template.filled.data, path) : undefined;
  if (node.field.shape === 'list' && Array.isArray(written)) {
    if (written.length === 0) return [`${indent}${node.key}: []`];
    return [`${indent}${node.key}:`, ...written.flatMap((record) => writtenRecordLines(node.children, record, indent.length / INDENT.length + 1, true))];
  }
  if (written !== undefined) return [`${indent}${node.key}: ${inlineYaml(written)}`];
  return [`${indent}${node.key}:${node.value !== undefined ? ` ${node.value}` : ''}`];
}

function nodeLines(node: TemplateNode, depth: number, template: Template, lang: Lang): string[] {
  const { year } = template;
  const indent = INDENT.repeat(depth);
  if (node.field.shape === 'group') return [...commentLines(node, indent, lang), `${indent}${node.key}:`, ...node.children.flatMap((child) => nodeLines(child, depth + 1, template, lang))];
  const filledList = node.field.shape === 'list' && Array.isArray(template.filled ? getAt(template.filled.data, node.path) : undefined);
  const lines = [...commentLines(node, indent, lang, filledList), ...valueLine(node, indent, template, node.path)];
  // The example record, commented at the list's own indentation: without its "# " it is the list's first record.
  if (node.field.shape === 'list' && !filledList) lines.push(...recordLines(node.children, depth + 1, true, year, lang).map((line) => `${indent}# ${line.slice(indent.length)}`));
  return lines;
}

/** Where a filled template's data came from, and for a draft what the report does not state. */
function fromLines(filled: NonNullable<Template['filled']>, lang: Lang): string[] {
  const t = T[lang];
  const file = baseName(filled.from);
  if (!filled.draft) return [`# ${t.convertedFrom(file)}`];
  const { notStated } = filled.draft;
  const list = notStated.map((field) => `#   - ${field.label[lang]}${lang === 'zh' ? `(${field.path})` : ` (${field.path})`}`);
  return [`# ${t.extractedFrom(file)}`, `# ${notStated.length > 0 ? t.notStated(notStated.length) : t.allStated}`, ...list];
}

/**
 * A draft writes only what the report states (the contract: a field not stated is left out), so that nothing in it
 * looks filled in that the report does not say; a group is kept when one of its fields is.
 */
function statedNodes(nodes: readonly TemplateNode[], data: unknown): TemplateNode[] {
  return nodes.flatMap((node) => {
    if (node.field.shape === 'group') {
      const children = statedNodes(node.children, data);
      return children.length > 0 ? [{ ...node, children }] : [];
    }
    return getAt(data, node.path) !== undefined ? [node] : [];
  });
}

/** The template, in YAML. */
export function renderTemplateYaml(template: Template, lang: Lang): string {
  const t = T[lang];
  const level = LEVEL_LABELS[template.level][lang];
  const header = [
    `# yaml-language-server: $schema=${template.schemaPath}`,
    `# ${t.schema}`,
    `# ${template.filled ? t.filledTitle(level, template.year) : t.title(level, template.year)}`,
    ...(template.filled ? fromLines(template.filled, lang) : []),
    ...template.packs.map((p) => `# ${t.pack}${lang === 'zh' ? ':' : ': '}${p.id} ${p.version} ${lang === 'zh' ? `《${p.title.zh}》(${p.document_number})` : `"${p.title.en}" (${p.document_number})`}`),
    `# ${template.filled?.draft ? t.draftScope(level, template.year, template.ruleCount) : t.scope(level, template.year, template.ruleCount)}`,
    ...t.how.map((line) => `# ${line}`),
    `# ${template.tool.name} ${template.tool.version}`,
  ];
  const nodes = template.filled?.draft ? statedNodes(template.nodes, template.filled.data) : template.nodes;
  const body = nodes.flatMap((node, i) => [...(i > 0 && node.field.shape === 'group' ? [''] : []), ...nodeLines(node, 0, template, lang)]);
  return `${[...header, '', ...body].join('\n')}\n`;
}
