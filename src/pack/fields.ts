import { closestName } from '../intake/closest-name';
import { bi, type Bilingual } from '../core/i18n';
import { schemaText } from '../intake/schema-files';
import { formatFieldPath, type FieldPath } from '../intake/field-path';
import type { InputProblem } from '../intake/problem';
import { schemaFieldsOf, type SchemaFields, type ValueKind } from '../intake/schema-labels';
import { leafChecks, leavesOf } from './check-tree';
import type { Rule } from './types';
import { type Position } from '../core/place';

/**
 * The fields a rule names, proved against the submission schema before the rule runs: each exists, with the shape
 * its check reads (a list of records for per-record kinds, a field of those records, a rate for a target in a ratio,
 * a count for a count, a date, a flag). A misspelt field would otherwise give every bureau `missing_data`, and a
 * field of the wrong shape would stop every evaluation.
 *
 * What to prove is data, not code: the pack schema (schemas/rule-pack.schema.json, its `definitions.check` written
 * from each check kind's `meta.schema` by `npm run schemas`) marks every property that names a submission field with
 * an annotation, and this module walks a rule along its schema and proves each marked value. Nothing here knows a
 * kind; a new kind says in its schema fragment which of its properties are fields.
 *
 * `x-submission-field` (on a string schema; on `items` for a list of field names) — the value names a field:
 *   - `scope`: where the name is looked up. `top`: a dot path from the top of a submission. `records`: one name of a
 *     field of the records of the list the check opened (see `opens`). `group`: one name of a field of the group
 *     inside those records that the check opened.
 *   - `shapes`: the shapes the check can read there (flag, count, rate, date, text, list, group, choice), in the order
 *     a message names them.
 *   - `shapesWhen` (optional): `{ path, is }`, shapes that depend on a sibling: `path` is a dot path from the object
 *     holding the property, `is` maps a value there (as text: `ratio`, `names_text`, `true`) to the shapes read then;
 *     any other value, or none, reads `shapes`.
 *   - `opens` (optional): `records` on the check's list (its shapes `["list"]`): the fields of its records are what
 *     `records` names; `group` on a field of the records (its shapes `["group"]`): its fields are what `group` names.
 *     Where the opener is not proved, nothing in its scope is.
 * `x-submission-choices` (on an array of strings) — `{ of }`: each value is a set choice of the field named by the
 *   sibling `of`, once that field is proved (`select.in` holds choices of `select.field`).
 *
 * Ajv (strict) knows both keywords as annotations: intake/schema-validator.ts registers them. The walk goes in schema
 * order (`properties` in order, then `items`, then each `allOf` branch whose `if` holds: `required` and `const` are
 * read), so an opener comes before what it opens, and problems come out in the order the schema lists the fields.
 * Example, a list and a field of its records:
 *   "list": { "type": "string", "x-submission-field": { "scope": "top", "shapes": ["list"], "opens": "records" } },
 *   "text": { "type": "string", "x-submission-field": { "scope": "records", "shapes": ["text"] } }
 */

/** The annotation of a property that names a submission field. */
export const SUBMISSION_FIELD = 'x-submission-field';
/** The annotation of an array whose values are set choices of a sibling field. */
export const SUBMISSION_CHOICES = 'x-submission-choices';

/** A field's shape in the submission schema: a typed scalar, a list of records, a group of fields, or set choices. */
export type Shape = ValueKind | 'list' | 'group' | 'choice';

export const SHAPES: readonly Shape[] = ['flag', 'count', 'rate', 'date', 'text', 'list', 'group', 'choice'];

/** `x-submission-field`: where a property's value names a field, and what shapes its check reads. */
export interface SubmissionField {
  scope: 'top' | 'records' | 'group';
  shapes: readonly Shape[];
  shapesWhen?: { path: string; is: Readonly<Record<string, readonly Shape[]>> };
  opens?: 'records' | 'group';
}

/** `x-submission-choices`: the values are set choices of the sibling field `of`. */
export interface SubmissionChoices {
  of: string;
}

const SHAPE_LIST = { type: 'array', minItems: 1, uniqueItems: true, items: { enum: SHAPES } };

/** The JSON Schemas of the two annotations (tests/kinds.test.ts holds every kind's fragment to them). */
export const SUBMISSION_FIELD_META = {
  type: 'object',
  additionalProperties: false,
  required: ['scope', 'shapes'],
  properties: {
    scope: { enum: ['top', 'records', 'group'] },
    shapes: SHAPE_LIST,
    shapesWhen: { type: 'object', additionalProperties: false, required: ['path', 'is'], properties: { path: { type: 'string', minLength: 1 }, is: { type: 'object', additionalProperties: SHAPE_LIST } } },
    opens: { enum: ['records', 'group'] },
  },
} as const;
export const SUBMISSION_CHOICES_META = { type: 'object', additionalProperties: false, required: ['of'], properties: { of: { type: 'string', minLength: 1 } } } as const;

/** The parts of a pack schema node the walk reads. */
export interface ProofNode {
  $ref?: string;
  properties?: Record<string, ProofNode>;
  items?: ProofNode;
  allOf?: ProofNode[];
  if?: { required?: string[]; properties?: Record<string, { const?: unknown }> };
  then?: ProofNode;
  else?: ProofNode;
  [SUBMISSION_FIELD]?: SubmissionField;
  [SUBMISSION_CHOICES]?: SubmissionChoices;
}

/** A pack schema: its rules are `definitions.rule`. */
export interface PackSchema {
  definitions: Record<string, ProofNode>;
}

const SUBMISSION_SCHEMA = 'submission.schema.json';
const RULE_PACK_SCHEMA = 'rule-pack.schema.json';

let packSchema: PackSchema | undefined;

/** schemas/rule-pack.schema.json, read once per process (the loader validates a pack against the same file). */
function rulePackSchema(): PackSchema {
  packSchema ??= JSON.parse(schemaText(RULE_PACK_SCHEMA)) as PackSchema;
  return packSchema;
}

/** Names that reach into a JavaScript object's machinery rather than the data: never a field. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

const SHAPE_WORDS: Record<Shape, Bilingual> = {
  flag: bi('是/否字段(true/false)', 'a yes/no field (true/false)'),
  count: bi('数量字段(整数)', 'a count (a whole number)'),
  rate: bi('比率字段', 'a rate'),
  date: bi('日期字段', 'a date'),
  text: bi('文字字段', 'a text field'),
  list: bi('记录列表', 'a list of records'),
  group: bi('一组字段', 'a group of fields'),
  choice: bi('选项字段', 'a field of set choices'),
};

/** A field a rule reads: its general path (`enforcement.decisions[].decided_on`) and where the rule names it. */
export interface FieldRead {
  path: string;
  at: FieldPath;
}

/** One field a rule names: where in the rule, what it says, and the shapes its check can read. */
interface FieldRef {
  at: FieldPath;
  value: string;
  shapes: readonly Shape[];
}

/** A list's records (or a group inside them): the fields named there are one name each, read off a record. */
interface Within {
  /** The general path of the records (`major_decisions.items[]`) or of a group in them (`…[].public_consultation`). */
  general: string;
  /** How the place reads in a message: `major_decisions.items 的记录` / `the records of major_decisions.items`. */
  name: Bilingual;
}

function join(general: string, name: string): string {
  return general ? `${general}.${name}` : name;
}

function shapeOf(fields: SchemaFields, general: string): Shape {
  if (fields.get(`${general}[]`)) return 'list';
  const field = fields.get(general);
  if (field?.kind) return field.kind;
  return (field?.properties.length ?? 0) > 0 ? 'group' : 'choice';
}

function words(shapes: readonly Shape[]): Bilingual {
  return bi(shapes.map((s) => SHAPE_WORDS[s].zh).join('或'), shapes.map((s) => SHAPE_WORDS[s].en).join(' or '));
}

type Data = Record<string, unknown>;

function isData(value: unknown): value is Data {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A value at a dot path from an object, read through own properties only. */
function valueAt(data: Data | undefined, path: string): unknown {
  let value: unknown = data;
  for (const key of path.split('.')) {
    if (!isData(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

/** The shapes a field is read as: its `shapesWhen` case for the sibling's value, else its `shapes`. */
function shapesOf(field: SubmissionField, parent: Data | undefined): readonly Shape[] {
  if (!field.shapesWhen) return field.shapes;
  const sibling = valueAt(parent, field.shapesWhen.path);
  const key = sibling === undefined || sibling === null || typeof sibling === 'object' ? undefined : String(sibling);
  return key !== undefined && Object.hasOwn(field.shapesWhen.is, key) ? field.shapesWhen.is[key] : field.shapes;
}

/** Whether a branch's `if` holds for a value, as far as it says: the keys it requires, the constants it names. */
function holds(condition: NonNullable<ProofNode['if']>, value: unknown) {
  if (!isData(value)) return true;
  if (!(condition.required ?? []).every((key) => Object.hasOwn(value, key))) return false;
  return Object.entries(condition.properties ?? {}).every(([key, schema]) => !Object.hasOwn(value, key) || !('const' in schema) || value[key] === schema.const);
}

class RuleFields {
  readonly problems: InputProblem[] = [];
  /** Every field proved, as a general path, with the place in the rule that names it. */
  readonly proved: FieldRead[] = [];

  constructor(
    readonly rule: Rule,
    private readonly index: number,
    private readonly file: string,
    private readonly locate: (path: FieldPath) => Position,
    private readonly fields: SchemaFields,
  ) {}

  /** The kind of the check a key of the rule belongs to (a leaf of a composite, or the rule's one check), as a message names it. */
  private kindAt(at: FieldPath): string {
    const leaf = leavesOf(this.rule.check).find(({ path }) => ['check', ...path].every((step, i) => at[i] === step));
    return leaf?.check.kind ?? 'check';
  }

  report(at: FieldPath, message: Bilingual, expected?: Bilingual): void {
    const path = ['rules', this.index, ...at];
    this.problems.push({ file: this.file, at: this.locate(path), field: formatFieldPath(path), message, ...(expected ? { expected } : {}) });
  }

  /**
   * Proves one field; returns its general path when it exists with a shape the check reads, else reports why not.
   * Without `within` the field is a dot path from the top of a submission; with it, one name of a record.
   */
  check(ref: FieldRef, within?: Within): string | undefined {
    const { id } = this.rule;
    const parts = ref.value.split('.');
    const wanted = words(ref.shapes);
    const where = within ? bi(`${within.name.zh}中的`, ` in ${within.name.en}`) : bi('报送格式中的', ' of the submission schema');
    const expected = within ? bi(`${where.zh}${wanted.zh}`, `${wanted.en}${where.en}`) : bi(`报送格式(schemas/submission.schema.json)中的${wanted.zh}`, `${wanted.en} of the submission schema (schemas/submission.schema.json)`);
    const forbidden = parts.find((part) => FORBIDDEN.has(part));
    if (forbidden !== undefined) {
      const named = ref.value === forbidden ? bi(`字段 ${forbidden} `, `The field ${forbidden}`) : bi(`字段 ${ref.value} 中的 ${forbidden} `, `The part ${forbidden} of the field ${ref.value}`);
      this.report(ref.at, bi(`规则 ${id}:${named.zh}不是报送中的字段名,而是 JavaScript 对象的内部名称`, `Rule ${id}: ${named.en} is no field name of a submission but a name of JavaScript's object machinery`), expected);
      return undefined;
    }
    if (within && parts.length > 1) {
      this.report(ref.at, bi(`规则 ${id}:${ref.value} 应为 ${within.name.zh}中的一个字段名,不含“.”`, `Rule ${id}: ${ref.value} must be one field name of ${within.name.en}, without "."`), expected);
      return undefined;
    }
    let general = within?.general ?? '';
    for (const part of parts) {
      const known = this.fields.get(general)?.properties ?? [];
      if (!known.includes(part)) {
        this.report(ref.at, this.notFound(ref.value, general, part, known, within), expected);
        return undefined;
      }
      general = join(general, part);
    }
    const shape = shapeOf(this.fields, general);
    if (!ref.shapes.includes(shape)) {
      const title = this.fields.get(general)?.title;
      const named = title ? `${ref.value}(${title})` : ref.value;
      const kind = this.kindAt(ref.at);
      this.report(ref.at, bi(`规则 ${id}:${named} 为${SHAPE_WORDS[shape].zh},而 ${kind} 检查在这里需要${wanted.zh}`, `Rule ${id}: ${ref.value} is ${SHAPE_WORDS[shape].en}, but a ${kind} check needs ${wanted.en} here`), expected);
      return undefined;
    }
    this.proved.push({ path: general, at: ref.at });
    return general;
  }

  private notFound(value: string, parent: string, part: string, known: readonly string[], within?: Within): Bilingual {
    const { id } = this.rule;
    const owner = within && parent === within.general ? within.name : parent ? bi(`${parent} `, parent) : bi('报送文件的顶层', 'the top level of a submission');
    const guess = closestName(part, known);
    // A name that is right but in another section: `services.budgeted` is `leadership.budgeted`.
    const elsewhere = within ? [] : this.fields.pathsNamed(part).filter((path) => !path.includes('[]'));
    const hint: Bilingual = guess
      ? bi(`,是不是 ${within ? guess : join(parent, guess)}?`, `; did you mean ${within ? guess : join(parent, guess)}?`)
      : elsewhere.length > 0
        ? bi(`;${part} 在 ${elsewhere.join('、')}`, `; ${part} is in ${elsewhere.join(', ')}`)
        : bi('', '');
    return bi(`规则 ${id}:报送格式中没有字段 ${value}(${owner.zh}中没有 ${part}${hint.zh})`, `Rule ${id}: the submission schema has no field ${value} (${owner.en} has no ${part}${hint.en})`);
  }
}

/** The definition of a check of a kind, which each leaf of a rule's check is. */
const CHECK_REF = '#/definitions/check';

/** A rule walked along its schema: each annotated value proved, in schema order, within the scopes the check opens. */
class Walk {
  /** The records of the list the check opened, and the list as the rule writes it. */
  private records: { within: Within; list: string } | undefined;
  private group: Within | undefined;
  /** The general path of each field proved, by its place in the rule: a choice is read off its field's. */
  private readonly proved = new Map<string, string>();

  constructor(
    private readonly proof: RuleFields,
    private readonly fields: SchemaFields,
    private readonly schema: PackSchema,
  ) {}

  visit(raw: ProofNode, value: unknown, at: FieldPath, parent: Data | undefined, depth = 0): void {
    // Schemas nest a few levels (a composite's leaves a few more each); the bound only stops a recursive `$ref` from looping.
    if (depth > 64) return;
    // Each check of a kind opens its own scopes: a leaf of a composite never reads the records another leaf opened.
    if (raw.$ref === CHECK_REF) {
      this.records = undefined;
      this.group = undefined;
    }
    const node = this.resolve(raw);
    const field = node[SUBMISSION_FIELD];
    if (field && typeof value === 'string') this.field(field, value, at, parent);
    const choices = node[SUBMISSION_CHOICES];
    if (choices && Array.isArray(value)) this.choices(choices, value, at, parent);
    if (isData(value)) {
      for (const [name, child] of Object.entries(node.properties ?? {})) {
        if (Object.hasOwn(value, name)) this.visit(child, value[name], [...at, name], value, depth + 1);
      }
    }
    if (node.items && Array.isArray(value)) value.forEach((item, i) => this.visit(node.items as ProofNode, item, [...at, i], parent, depth + 1));
    for (const branch of node.allOf ?? []) {
      if (!branch.if) this.visit(branch, value, at, parent, depth + 1);
      else if (holds(branch.if, value)) {
        if (branch.then) this.visit(branch.then, value, at, parent, depth + 1);
      } else if (branch.else) this.visit(branch.else, value, at, parent, depth + 1);
    }
  }

  private resolve(node: ProofNode): ProofNode {
    const name = node.$ref?.startsWith('#/definitions/') ? node.$ref.slice('#/definitions/'.length) : undefined;
    const target = name !== undefined && Object.hasOwn(this.schema.definitions, name) ? this.schema.definitions[name] : undefined;
    return target ? { ...target, ...node } : node;
  }

  private field(field: SubmissionField, value: string, at: FieldPath, parent: Data | undefined): void {
    const within = field.scope === 'records' ? this.records?.within : field.scope === 'group' ? this.group : undefined;
    // A field of records (or of a group) the check did not open, or whose opener is not proved, is not proved.
    if (field.scope !== 'top' && !within) return;
    const general = this.proof.check({ at, value, shapes: shapesOf(field, parent) }, within);
    if (general === undefined) return;
    this.proved.set(JSON.stringify(at), general);
    if (field.opens === 'records') this.records = { within: { general: `${general}[]`, name: bi(`${value} 的记录`, `the records of ${value}`) }, list: value };
    if (field.opens === 'group') {
      const list = this.records?.list;
      this.group = { general, name: list !== undefined && within ? bi(`${list} 记录的 ${value} `, `${value} of the records of ${list}`) : bi(`${value} `, value) };
    }
  }

  private choices(choices: SubmissionChoices, values: readonly unknown[], at: FieldPath, parent: Data | undefined): void {
    const of = [...at.slice(0, -1), ...choices.of.split('.')];
    const general = this.proved.get(JSON.stringify(of));
    const allowed = general === undefined ? undefined : this.fields.get(general)?.enumZh;
    if (!allowed) return;
    const named = String(valueAt(parent, choices.of));
    const { id } = this.proof.rule;
    values.forEach((value, i) => {
      if (typeof value !== 'string' || Object.hasOwn(allowed, value)) return;
      const keys = Object.keys(allowed);
      this.proof.report([...at, i], bi(`规则 ${id}:${value} 不是 ${named} 的可选值`, `Rule ${id}: ${value} is not a choice of ${named}`), bi(`${keys.join('、')} 之一`, `one of ${keys.join(', ')}`));
    });
  }
}

/**
 * Every field a rule names, proved against the submission schema; each problem is placed at the rule's own key.
 * What the rule names is read off the pack schema's annotations (by default schemas/rule-pack.schema.json's).
 */
export function ruleFieldProblems(rule: Rule, index: number, file: string, locate: (path: FieldPath) => Position, schema: PackSchema = rulePackSchema()): InputProblem[] {
  const fields = schemaFieldsOf(SUBMISSION_SCHEMA);
  const proof = new RuleFields(rule, index, file, locate, fields);
  const ruleSchema = schema.definitions.rule;
  if (ruleSchema) new Walk(proof, fields, schema).visit(ruleSchema, rule, [], undefined);
  return proof.problems;
}

const NOWHERE = (): Position => ({ line: 1, column: 1 });

/**
 * The fields a rule reads, in the order its checks and then the rule itself name them, each once: the fields of
 * every leaf check (`leafChecks`), walked along `definitions.check` as the proof walks them, then the rule's own
 * (`not_applicable_when`). The catalogue lists them and the template asks for them; a pack is proved when loaded,
 * so a field that does not hold is simply not read.
 */
export function fieldsRead(rule: Rule, schema: PackSchema = rulePackSchema()): FieldRead[] {
  const fields = schemaFieldsOf(SUBMISSION_SCHEMA);
  const proof = new RuleFields(rule, 0, '', NOWHERE, fields);
  const { check, ...own } = rule;
  const checkSchema = schema.definitions.check;
  if (checkSchema) for (const leaf of leafChecks(check)) new Walk(proof, fields, schema).visit(checkSchema, leaf, ['check'], undefined);
  const ruleSchema = schema.definitions.rule;
  if (ruleSchema) new Walk(proof, fields, schema).visit(ruleSchema, own, [], undefined);
  const seen = new Set<string>();
  return proof.proved.filter((field) => !seen.has(field.path) && seen.add(field.path));
}
