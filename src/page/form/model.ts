import { bi, type Bilingual } from '../../core/i18n';
import { itemNumber } from '../../pack/chapters';
import { isDateField, takesNotRequired } from '../../intake/xlsx-layout';
import type { CatalogueField, CatalogueRule } from '../../run/catalogue';
import type { Template, TemplateNode } from '../../run/template';
import type { ControlKind } from './values';

/**
 * The form of a template (run/template.ts, the model the YAML skeleton and the workbook are drawn from): its fields
 * in the plan's chapters, each with the control its value kind needs, the clause and requirement of the rules that
 * read it, and its lists of records as tables. Pure data: the DOM is drawn from it (./dom.ts), and it is tested alone.
 */

/** One rule that reads a field, as a hint beside it: `(七) 网上可办率:要求 ≥ 90%`. */
export interface RuleHint {
  id: string;
  text: Bilingual;
}

/** A value to fill in: a scalar of the submission, or a column of a record table. */
export interface FieldModel {
  /** Its general path (`services.online_handling_rate`, `enforcement.decisions[].decided_on`). */
  path: string;
  /** Its name where it is written: the whole path, or within its record (`public_consultation.from`). */
  name: string;
  /** Its label as a clerk knows it; a record's field by its own name (决定日期), its list says whose. */
  label: Bilingual;
  kind: ControlKind;
  /** The choices of a drop-down, in the schema's order. */
  choices?: readonly { value: string; label: Bilingual }[];
  /** A 是/否 that may also be "not required by law, because…" (`{ not_required: 理由 }`). */
  takesNotRequired: boolean;
  /** The value may be written with its source (`{ value, source }`): the schema says so of the field. */
  takesSource: boolean;
  /** The record must have it (its `id`). */
  required: boolean;
  /** Written only where it applies (依法不予公开的依据). */
  onlyWhenApplies: boolean;
  rules: RuleHint[];
  /** What the schema says of the value, without the words about how YAML writes it (Chinese). */
  note?: string;
  /** The value the template writes for the clerk (the level and year it was made for). */
  prefilled?: string;
}

/** A list of records, as a table with rows to add and remove. */
export interface ListModel {
  path: string;
  label: Bilingual;
  rules: RuleHint[];
  /** The record's fields, depth first (`public_consultation.from` after `archived`). */
  columns: FieldModel[];
}

/** Fields under a heading of their group (报送单位, 行政执法“三项制度”). */
export interface GroupModel {
  path: string;
  label: Bilingual;
  items: ItemModel[];
}

export type ItemModel = { field: FieldModel } | { list: ListModel } | { group: GroupModel };

/** A section of the form: a chapter of the plan, or the bureau and year, or fields no rule of a chapter reads. */
export interface SectionModel {
  key: string;
  title: Bilingual;
  items: ItemModel[];
}

export interface FormModel {
  sections: SectionModel[];
  /** The scalars and lists in the template's order (the submission schema's): the order data is written in. */
  entries: ({ field: FieldModel } | { list: ListModel })[];
}

/** Who reports, for which year, when: the first section, whatever rules read them. */
const BASIC_FIELDS = new Set(['bureau.name', 'bureau.level', 'bureau.region_code', 'year', 'as_of']);
const BASIC_KEY = 'basic';
const OTHER_KEY = 'other';

/** Text YAML reads as a number (the example of `year` is `2024`, of a region code `"431099"`). */
const NUMBER_EXAMPLE = /^[-+]?\d+$/;

/** The control a field's value needs, by its shape, its choices and its example (as the workbook chooses its checks). */
export function controlKind(field: CatalogueField): ControlKind {
  if (field.shape === 'flag') return 'flag';
  if (field.choices) return 'choice';
  if (isDateField(field.shape, field.example)) return 'date';
  if (field.shape === 'count' || field.shape === 'rate') return field.shape;
  return field.example !== undefined && NUMBER_EXAMPLE.test(field.example) ? 'number' : 'text';
}

/** The schema's description offers `{ value, source }` for the fields that take it (typed values, not names). */
function takesSource(description: string | undefined): boolean {
  return description?.includes('source') ?? false;
}

/** The parts of a description that say what the value is, not how YAML writes it (`写成 "93.5%" 或 0.935`). */
const HOW_YAML_WRITES = /^写|要注明出处|\{|true|false|照写|引号/;

function noteOf(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const kept = description
    .replace(/,?加引号/g, '')
    .split(';')
    .filter((part) => !HOW_YAML_WRITES.test(part.trim()))
    // 数据统计截止之日,写成年-月-日,如 2025-01-15: what the value is, not how it is written.
    .map((part) => part.replace(/,写成.*$/, ''));
  return kept.length > 0 ? kept.join(';') : undefined;
}

function ruleHints(rules: readonly CatalogueRule[]): RuleHint[] {
  return rules.map((rule) => ({ id: rule.id, text: bi(`${rule.clause} ${rule.title.zh}:要求 ${rule.requirement.zh}`, `${rule.clause} ${rule.title.en}: required ${rule.requirement.en}`) }));
}

/** A field's own label: a record's field without its list's name (执法决定 › 决定日期 → 决定日期). */
function ownLabel(label: Bilingual): Bilingual {
  const last = (text: string): string => text.split(' › ').pop() ?? text;
  return bi(last(label.zh), last(label.en));
}

function fieldModel(node: TemplateNode, name: string): FieldModel {
  const { field } = node;
  const note = noteOf(field.description);
  return {
    path: node.path,
    name,
    label: ownLabel(field.label),
    kind: controlKind(field),
    ...(field.choices ? { choices: field.choices.map((choice) => ({ value: choice.value, label: bi(choice.zh, choice.value) })) } : {}),
    takesNotRequired: field.shape === 'flag' && takesNotRequired(field.description),
    takesSource: takesSource(field.description),
    required: node.required,
    onlyWhenApplies: field.onlyWhenApplies,
    rules: ruleHints(node.rules),
    ...(note ? { note } : {}),
    ...(node.value !== undefined ? { prefilled: node.value } : {}),
  };
}

/** A record's fields, depth first, each named by its path within the record. */
function columns(nodes: readonly TemplateNode[], prefix: string): FieldModel[] {
  return nodes.flatMap((node) => {
    const name = prefix ? `${prefix}.${node.key}` : node.key;
    if (node.field.shape === 'group') return columns(node.children, name);
    // A list inside a record has no table of its own in the template (the workbook has none either).
    if (node.field.shape === 'list') return [];
    return [fieldModel(node, name)];
  });
}

function listModel(node: TemplateNode): ListModel {
  return { path: node.path, label: node.field.label, rules: ruleHints(node.rules), columns: columns(node.children, '') };
}

/** A scalar or a list of the template with the groups above it, outermost first. */
interface Placed {
  entry: { field: FieldModel } | { list: ListModel };
  groups: TemplateNode[];
  rules: readonly CatalogueRule[];
}

function placedEntries(nodes: readonly TemplateNode[], groups: TemplateNode[]): Placed[] {
  return nodes.flatMap((node): Placed[] => {
    if (node.field.shape === 'group') return placedEntries(node.children, [...groups, node]);
    const entry = node.field.shape === 'list' ? { list: listModel(node) } : { field: fieldModel(node, node.path) };
    return [{ entry, groups, rules: node.rules }];
  });
}

interface Chapter {
  key: string;
  title: Bilingual;
  /** Its place: the pack's place in the template, then the plan's item number it starts at. */
  order: [number, number];
}

function chapterOf(rules: readonly CatalogueRule[], packs: readonly string[]): Chapter | undefined {
  const rule = rules.find((r) => r.chapter !== undefined);
  if (!rule?.chapter) return undefined;
  const { number, title, first_item } = rule.chapter;
  return { key: `${rule.pack}:${number}`, title: bi(`${number}、${title.zh}`, title.en), order: [packs.indexOf(rule.pack), itemNumber(first_item)] };
}

/** Puts an entry under its groups in a section, making each group once. */
function place(section: SectionModel, placed: Placed): void {
  let items = section.items;
  for (const node of placed.groups) {
    let group = items.find((item): item is { group: GroupModel } => 'group' in item && item.group.path === node.path);
    if (!group) {
      group = { group: { path: node.path, label: ownLabel(node.field.label), items: [] } };
      items.push(group);
    }
    items = group.group.items;
  }
  items.push(placed.entry);
}

/**
 * The form of a template: the bureau and year first, then one section per chapter of the plan in the plan's order,
 * each field in the chapter of the first rule that reads it. A field no rule of a chapter reads stays with the field
 * before it in its group (written data of a converted file), else goes to a last section.
 */
export function formModel(template: Template): FormModel {
  const packs = template.packs.map((pack) => pack.id);
  const placed = placedEntries(template.nodes, []);
  const chapters = new Map<string, Chapter>();
  const sectionOf: string[] = [];
  placed.forEach((entry, i) => {
    const path = 'field' in entry.entry ? entry.entry.field.path : entry.entry.list.path;
    const chapter = chapterOf(entry.rules, packs);
    if (chapter) chapters.set(chapter.key, chapters.get(chapter.key) ?? chapter);
    const previous = i > 0 && placed[i - 1].groups[0] !== undefined && placed[i - 1].groups[0] === entry.groups[0] ? sectionOf[i - 1] : undefined;
    sectionOf.push(BASIC_FIELDS.has(path) ? BASIC_KEY : (chapter?.key ?? (previous !== BASIC_KEY ? previous : undefined) ?? OTHER_KEY));
  });
  const ordered = [...chapters.values()].sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  const sections: SectionModel[] = [
    { key: BASIC_KEY, title: bi('报送单位与年度', 'Bureau and year'), items: [] },
    ...ordered.map((chapter) => ({ key: chapter.key, title: chapter.title, items: [] })),
    { key: OTHER_KEY, title: bi('其他字段', 'Other fields'), items: [] },
  ];
  placed.forEach((entry, i) => place(sections.find((section) => section.key === sectionOf[i]) as SectionModel, entry));
  return { sections: sections.filter((section) => section.items.length > 0), entries: placed.map((entry) => entry.entry) };
}
