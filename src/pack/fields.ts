import { closestName } from '../intake/closest-name';
import { bi, type Bilingual } from '../core/i18n';
import { formatFieldPath, type FieldPath } from '../intake/field-path';
import type { InputProblem } from '../intake/problem';
import { schemaFieldsOf, type SchemaFields, type ValueKind } from '../intake/schema-labels';
import type { Rule, Threshold } from './types';
import { type Position } from '../core/place';

/**
 * The fields a rule names, proved against the submission schema before the rule runs: each exists, with the shape
 * its check reads (a list of records for per-record kinds, a field of those records, a rate for a ratio threshold,
 * a count for a count, a date, a flag). A misspelt field would otherwise give every bureau `missing_data`, and a
 * field of the wrong shape would stop every evaluation.
 */

/** A field's shape in the submission schema: a typed scalar, a list of records, a group of fields, or set choices. */
type Shape = ValueKind | 'list' | 'group' | 'choice';

const SUBMISSION_SCHEMA = 'submission.schema.json';

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

const ANY_RECORD_FIELD: readonly Shape[] = ['flag', 'count', 'rate', 'date', 'text', 'choice', 'group'];
const SCALAR: readonly Shape[] = ['text', 'count', 'choice'];

function thresholdShapes(threshold: Threshold): Shape[] {
  return threshold.unit === 'ratio' ? ['rate'] : ['count'];
}

class RuleFields {
  readonly problems: InputProblem[] = [];

  constructor(
    private readonly rule: Rule,
    private readonly index: number,
    private readonly file: string,
    private readonly locate: (path: FieldPath) => Position,
    private readonly fields: SchemaFields,
  ) {}

  private report(at: FieldPath, message: Bilingual, expected?: Bilingual): void {
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
      const kind = this.rule.check.kind;
      this.report(ref.at, bi(`规则 ${id}:${named} 为${SHAPE_WORDS[shape].zh},而 ${kind} 检查在这里需要${wanted.zh}`, `Rule ${id}: ${ref.value} is ${SHAPE_WORDS[shape].en}, but a ${kind} check needs ${wanted.en} here`), expected);
      return undefined;
    }
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

  /** The list of a per-record kind; the records' general path when it is one, so their fields can be proved. */
  list(at: FieldPath, value: string): Within | undefined {
    const general = this.check({ at, value, shapes: ['list'] });
    return general === undefined ? undefined : { general: `${general}[]`, name: bi(`${value} 的记录`, `the records of ${value}`) };
  }
}

/** Every field a rule names, proved against the submission schema; each problem is placed at the rule's own key. */
export function ruleFieldProblems(rule: Rule, index: number, file: string, locate: (path: FieldPath) => Position): InputProblem[] {
  const fields = schemaFieldsOf(SUBMISSION_SCHEMA);
  const proof = new RuleFields(rule, index, file, locate, fields);
  const top = (name: string, value: string, shapes: readonly Shape[]): void => void proof.check({ at: ['check', name], value, shapes });
  const inRecords = (records: Within, at: FieldPath, value: string | undefined, shapes: readonly Shape[]): string | undefined => (value === undefined ? undefined : proof.check({ at, value, shapes }, records));
  const { check } = rule;
  switch (check.kind) {
    case 'boolean':
      check.fields.forEach((field, i) => void proof.check({ at: ['check', 'fields', i], value: field, shapes: ['flag'] }));
      break;
    case 'threshold':
    case 'milestone':
      top('field', check.field, thresholdShapes(check.threshold));
      break;
    case 'rate':
      top('numerator', check.numerator, ['count']);
      top('denominator', check.denominator, ['count']);
      break;
    case 'due_date':
      top('done', check.done, ['flag']);
      top('date', check.date, ['date']);
      break;
    case 'every_record': {
      const records = proof.list(['check', 'list'], check.list);
      if (!records) break;
      inRecords(records, ['check', 'record_id'], check.record_id, SCALAR);
      check.conditions.forEach((condition, i) => {
        inRecords(records, ['check', 'conditions', i, 'field'], condition.field, condition.test === 'names_text' ? ['text'] : ['flag']);
        inRecords(records, ['check', 'conditions', i, 'satisfied_by'], condition.satisfied_by, ANY_RECORD_FIELD);
        inRecords(records, ['check', 'conditions', i, 'unless'], condition.unless, ['text']);
      });
      inRecords(records, ['check', 'exempt_when', 'field'], check.exempt_when?.field, ['text']);
      break;
    }
    case 'legal_basis': {
      const records = proof.list(['check', 'list'], check.list);
      if (!records) break;
      inRecords(records, ['check', 'record_id'], check.record_id, SCALAR);
      inRecords(records, ['check', 'text'], check.text, ['text']);
      inRecords(records, ['check', 'kind_field'], check.kind_field, ['choice', 'text']);
      break;
    }
    case 'comment_period': {
      const records = proof.list(['check', 'list'], check.list);
      if (!records) break;
      inRecords(records, ['check', 'record_id'], check.record_id, SCALAR);
      const period = inRecords(records, ['check', 'period'], check.period, ['group']);
      if (period === undefined) break;
      const group: Within = { general: period, name: bi(`${check.list} 记录的 ${check.period} `, `${check.period} of the records of ${check.list}`) };
      inRecords(group, ['check', 'from'], check.from, ['date']);
      inRecords(group, ['check', 'to'], check.to, ['date']);
      inRecords(group, ['check', 'exception'], check.exception, ['text']);
      break;
    }
    case 'disclosure_deadline': {
      const records = proof.list(['check', 'list'], check.list);
      if (!records) break;
      inRecords(records, ['check', 'record_id'], check.record_id, SCALAR);
      const select = inRecords(records, ['check', 'select', 'field'], check.select.field, ['choice', 'text']);
      const choices = select === undefined ? undefined : fields.get(select)?.enumZh;
      if (choices) {
        for (const key of ['in', 'not_in'] as const) {
          (check.select[key] ?? []).forEach((value, i) => {
            if (Object.hasOwn(choices, value)) return;
            const allowed = Object.keys(choices);
            proof.problems.push({
              file,
              at: locate(['rules', index, 'check', 'select', key, i]),
              field: formatFieldPath(['rules', index, 'check', 'select', key, i]),
              message: bi(`规则 ${rule.id}:${value} 不是 ${check.select.field} 的可选值`, `Rule ${rule.id}: ${value} is not a choice of ${check.select.field}`),
              expected: bi(`${allowed.join('、')} 之一`, `one of ${allowed.join(', ')}`),
            });
          });
        }
      }
      inRecords(records, ['check', 'from'], check.from, ['date']);
      inRecords(records, ['check', 'to'], check.to, ['date']);
      inRecords(records, ['check', 'exempt_when', 'field'], check.exempt_when?.field, ['text']);
      break;
    }
    default: {
      // A new kind of check does not compile until the fields it reads are proved here.
      const unproved: never = check;
      throw new Error(`no field proof for the check kind ${(unproved as { kind: string }).kind}`);
    }
  }
  if (rule.not_applicable_when) {
    const { field, equals } = rule.not_applicable_when;
    proof.check({ at: ['not_applicable_when', 'field'], value: field, shapes: typeof equals === 'boolean' ? ['flag'] : ['count', 'rate'] });
  }
  return proof.problems;
}
