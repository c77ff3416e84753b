import { bi } from '../core/i18n';
import { TOOL } from '../core/version';
import { LEVEL_LABELS } from '../pack/levels';
import type { Level } from '../pack/types';
import type { PackInfo } from '../findings/types';
import type { InputProblem } from '../intake/problem';
import { schemaFieldsOf } from '../intake/schema-labels';
import { SUBMISSION_SCHEMA } from '../submission/value-kinds';
import { catalogueField, catalogueRule, loadCataloguePacks, rulesInScope, scopeOf, type CatalogueField, type CatalogueRule } from './catalogue';
import { packInfo } from './checker';
import { EXIT } from './exit';
import type { RulePack } from '../pack/types';
import type { SubmissionData } from '../submission/types';

/**
 * A blank submission for one level and one year: every field the rules that apply there read, and nothing else, in
 * the submission schema's order, each with the rules that read it. `plancheck template` writes it (report/template/).
 */

/** A field of the template: a value to fill in, a group of fields, or a list of records. */
export interface TemplateNode {
  /** Its key in the YAML (`online_handling_rate`). */
  key: string;
  /** Its general path (`services.online_handling_rate`, `enforcement.decisions[].decided_on`). */
  path: string;
  field: CatalogueField;
  /** The rules that read it (for a list, those that judge its records). */
  rules: CatalogueRule[];
  /** A group's fields, or a list's record fields. */
  children: TemplateNode[];
  /** The value written for the user (the level and the year asked for); left empty otherwise. */
  value?: string;
  /** A field its record (or group) must have (the record's `id`): always in the example record. */
  required: boolean;
}

export interface Template {
  tool: { name: string; version: string };
  packs: PackInfo[];
  level: Level;
  year: number;
  /** How many rules apply, and so how many targets the filled template is checked against. */
  ruleCount: number;
  nodes: TemplateNode[];
  /** The path the `$schema` line names, as the command computed it for where the template is written. */
  schemaPath: string;
  /**
   * A filled template (`plancheck convert`): the submission's data as written, which the renderers write into the
   * fields, and the file it was read from. Absent in a blank template.
   */
  filled?: { data: SubmissionData; from: string; draft?: DraftNote };
}

/**
 * A draft extracted from a prose report (`plancheck extract`): only what the report states is written, each value
 * with its sentence; the fields looked for and not stated are listed, so that the clerk knows what to add.
 */
export interface DraftNote {
  /** Dotted paths of the fields the report does not state, with their labels, in the submission's order. */
  notStated: readonly { path: string; label: CatalogueField['label'] }[];
}

const FIELDS = schemaFieldsOf(SUBMISSION_SCHEMA);

/** Written in every template whatever the rules read: who reports, for which year, when the data was compiled. */
const BASIC_FIELDS = ['bureau.name', 'bureau.level', 'bureau.region_code', 'year', 'as_of'];

function join(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

class TemplateBuilder {
  /** Each field read, with the rules that read it; a record's field also makes its list read by those rules. */
  private readonly readers = new Map<string, CatalogueRule[]>();
  private readonly excusing = new Set<string>();

  constructor(rules: readonly CatalogueRule[], private readonly filled: Readonly<Record<string, string>>, written: readonly string[] = []) {
    for (const rule of rules) {
      for (const field of rule.fields) {
        this.add(field.path, rule);
        if (field.onlyWhenApplies) this.excusing.add(field.path);
        const records = field.path.indexOf('[]');
        if (records > 0) this.add(field.path.slice(0, records), rule);
      }
    }
    for (const path of [...BASIC_FIELDS, ...written]) if (!this.readers.has(path)) this.readers.set(path, []);
  }

  private add(path: string, rule: CatalogueRule): void {
    const list = this.readers.get(path) ?? [];
    if (!list.includes(rule)) list.push(rule);
    this.readers.set(path, list);
  }

  private wanted(path: string): boolean {
    for (const read of this.readers.keys()) if (read === path || read.startsWith(`${path}.`) || read.startsWith(`${path}[]`)) return true;
    return false;
  }

  /** The nodes under a group (the top of a submission is the group ''), in schema order. */
  nodes(parent: string, requiredHere: readonly string[] = []): TemplateNode[] {
    const group = FIELDS.get(parent);
    const nodes: TemplateNode[] = [];
    for (const key of group?.properties ?? []) {
      const path = parent === '' ? key : parent.endsWith('[]') ? `${parent}.${key}` : join(parent, key);
      const required = requiredHere.includes(key);
      if (!this.wanted(path) && !required) continue;
      const node = this.node(key, path, required);
      if (node) nodes.push(node);
    }
    return nodes;
  }

  private node(key: string, path: string, required: boolean): TemplateNode | undefined {
    const field = catalogueField(path, this.excusing.has(path));
    const base = { key, path, field, rules: this.readers.get(path) ?? [], required, ...(this.filled[path] !== undefined ? { value: this.filled[path] } : {}) };
    if (field.shape === 'list') {
      const records = `${path}[]`;
      return { ...base, children: this.nodes(records, FIELDS.get(records)?.required ?? []) };
    }
    if (field.shape === 'group') {
      const children = this.nodes(path, FIELDS.get(path)?.required ?? []);
      return children.length > 0 ? { ...base, children } : undefined;
    }
    return { ...base, children: [] };
  }
}

export interface TemplateRequest {
  packs?: readonly string[];
  level: string;
  year: string | number;
  /** The path the `$schema` line names (the command computes it relative to where the template goes). */
  schemaPath: string;
}

export interface TemplateOutcome {
  template?: Template;
  packs: RulePack[];
  exitStatus: number;
  problems: InputProblem[];
}

/** `plancheck template` as a library function: the blank submission for a level and year. */
export function template(request: TemplateRequest): TemplateOutcome {
  const problems: InputProblem[] = [];
  const scope = scopeOf({ level: request.level, year: request.year }, problems);
  const packs = loadCataloguePacks(request.packs, problems);
  const { level, year } = scope;
  if (problems.length > 0 || packs.length === 0 || level === undefined || year === undefined) return { packs, exitStatus: EXIT.invalidInput, problems };
  const rules = rulesInScope(packs, scope).map(({ rule, pack }) => catalogueRule(rule, pack, scope.year));
  if (rules.length === 0) {
    // A template with no target to fill in would check as met: say why there is none instead.
    const years = packs.map((p) => `${p.years.from}—${p.years.to}`).join('、');
    const yearsEn = packs.map((p) => `${p.years.from}–${p.years.to}`).join(', ');
    problems.push({ file: '', message: bi(`没有适用于${LEVEL_LABELS[level].zh}单位 ${year} 年度的指标:规则包适用于 ${years} 年度`, `No target applies to a ${LEVEL_LABELS[level].en} bureau in ${year}: the packs cover ${yearsEn}`), expected: bi(`规则包适用年度内的年度,如 ${packs[0].years.to}`, `a year the packs cover, such as ${packs[0].years.to}`) });
    return { packs, exitStatus: EXIT.invalidInput, problems };
  }
  const builder = new TemplateBuilder(rules, { 'bureau.level': level, year: String(year) });
  return {
    template: { tool: { name: TOOL.name, version: TOOL.version }, packs: packs.map(packInfo), level, year, ruleCount: rules.length, nodes: builder.nodes(''), schemaPath: request.schemaPath },
    packs,
    exitStatus: EXIT.ok,
    problems,
  };
}

/**
 * Every general path a submission writes a value at (`services.online_handling_rate`,
 * `enforcement.decisions[].decided_on`), lists included: what a filled template must hold besides what the rules read.
 */
export function writtenPaths(data: unknown, parent = ''): string[] {
  if (data === null || typeof data !== 'object') return [];
  if (Array.isArray(data)) return data.flatMap((record) => writtenPaths(record, `${parent}[]`));
  return Object.entries(data).flatMap(([key, value]) => {
    const path = parent === '' ? key : `${parent}.${key}`;
    const field = FIELDS.get(path);
    if (field === undefined) return [];
    // A typed scalar (`{ value, source }` included) or a field of set choices is a value; the rest holds fields.
    if (field.kind !== undefined || (field.properties.length === 0 && FIELDS.get(`${path}[]`) === undefined)) return [path];
    return Array.isArray(value) ? [path, ...writtenPaths(value, path)] : writtenPaths(value, path);
  });
}

export interface FilledTemplateRequest {
  packs?: readonly string[];
  /** The submission as written, already validated: its level and year choose the rules. */
  data: SubmissionData;
  /** The file it was read from, named in the header of what is written. */
  from: string;
  schemaPath: string;
  /** A draft from a report: the paths it does not state (`plancheck extract`). */
  notStated?: readonly string[];
}

/**
 * A template filled with a submission's data (`plancheck convert`): every field the rules of its level and year
 * read, as in a blank template, and every field the submission writes besides, so that nothing it holds is lost.
 */
export function filledTemplate(request: FilledTemplateRequest): TemplateOutcome {
  const problems: InputProblem[] = [];
  const packs = loadCataloguePacks(request.packs, problems);
  if (problems.length > 0 || packs.length === 0) return { packs, exitStatus: EXIT.invalidInput, problems };
  const level = (request.data.bureau as { level: Level }).level;
  const year = request.data.year as number;
  const rules = rulesInScope(packs, { level, year }).map(({ rule, pack }) => catalogueRule(rule, pack, year));
  const builder = new TemplateBuilder(rules, {}, writtenPaths(request.data));
  return {
    template: {
      tool: { name: TOOL.name, version: TOOL.version },
      packs: packs.map(packInfo),
      level,
      year,
      ruleCount: rules.length,
      nodes: builder.nodes(''),
      schemaPath: request.schemaPath,
      filled: { data: request.data, from: request.from, ...(request.notStated ? { draft: { notStated: notStatedFields(request.notStated) } } : {}) },
    },
    packs,
    exitStatus: EXIT.ok,
    problems,
  };
}

/** The fields a report does not state, labelled, in the order extraction looked for them (the submission's order). */
function notStatedFields(paths: readonly string[]): DraftNote['notStated'] {
  return [...new Set(paths)].map((path) => ({ path, label: catalogueField(path, false).label }));
}
