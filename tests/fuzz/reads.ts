/**
 * What each rule of a pack reads, derived from its check definition, and which absent fields forbid a `pass`.
 *
 * This is an oracle written from the README and the pack's own notes, not from the engine's code: a field is absent
 * when its key is missing or blank (`key:` / null). The exceptions are the ones the pack states, encoded exactly:
 *
 * - every_record: a record with `exempt_when` (a lawful ground, a non-blank text) is not judged; a condition with
 *   `unless` is not judged on a record that gives that field; a condition with `satisfied_by` is met by that field
 *   (a consultation is public participation). Otherwise an absent condition field never passes.
 * - legal_basis: a record's basis is its `text` (《…》), optionally with its kind. A record with neither never passes;
 * - comment_period: a record without a consultation was not put out for comment (nothing to judge); a consultation
 *   without its `from` or `to` never passes.
 * - disclosure_deadline: every record the rule selects (by `type`) and that is not lawfully withheld must have been
 *   published: an absent `published_on` is late or not yet due, never a pass; an absent `decided_on` or `type` neither.
 * - due_date: the date it was done decides; `done` without a date is missing data. A date given with the flag absent
 *   may pass (the date says it was done), so only an absent date forbids a pass.
 * - not_applicable_when only takes a rule out: its field is not a field the rule needs.
 */
import type { Rule, RulePack } from '../../src';
import { isComposite, leafChecks } from '../../src/pack/check-tree';
import type { Check } from '../../src/pack/types';

export type Path = (string | number)[];

/** An absent field of the submission that forbids `pass` for one rule. */
export interface Forbidden {
  rule: string;
  /** Dotted path, list indexes in brackets: `major_decisions.items[1].archived`. */
  field: string;
}


export function absent(value: unknown): boolean {
  return value === undefined || value === null;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A value with a `{ value, source }` wrapper taken off, as the loader reads it. */
function scalar(value: unknown): unknown {
  return isMap(value) && Object.prototype.hasOwnProperty.call(value, 'value') ? value.value : value;
}

/** A text with something in it: what a lawful ground (withheld_under) must be. */
function hasText(value: unknown): boolean {
  const text = scalar(value);
  return typeof text === 'string' && text.trim() !== '';
}

/** The value at a dotted path, or undefined when a step is missing or is not a map. */
export function at(data: unknown, dotted: string): unknown {
  let node = data;
  for (const key of dotted.split('.')) {
    if (!isMap(node) || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

interface Records {
  /** The list field is absent: the rule never passes. */
  absent: boolean;
  /** The records when it is a list of maps (anything else the schema refuses). */
  records: Record<string, unknown>[];
}

function recordsAt(data: unknown, list: string): Records {
  const value = at(data, list);
  if (absent(value)) return { absent: true, records: [] };
  if (!Array.isArray(value)) return { absent: false, records: [] };
  return { absent: false, records: value.filter(isMap) as Record<string, unknown>[] };
}

/** Every absent field that forbids the rule a `pass` on this data (the submission as written, parsed). */
export function forbiddenPasses(rule: Rule, data: unknown): Forbidden[] {
  if (!isComposite(rule.check)) return leafForbidden(rule, rule.check, data);
  // A `first_given` (the bundled pack's records-or-rate rules): the first alternative whose data is written decides, so
  // what forbids it a pass forbids the rule one; with none written, every alternative's own data is absent.
  if ('first_given' in rule.check) {
    const alternatives = rule.check.first_given.map((check) => leafForbidden(rule, check, data));
    const decides = rule.check.first_given.findIndex((check) => topFieldsWritten(check, data));
    return decides < 0 ? alternatives.flat() : alternatives[decides];
  }
  // A composite's `any` may pass with one leaf's field left out (another leaf meets it); tests/composite-checks.test.ts
  // holds composites to missing data never passing.
  return [];
}

/** The list, field or counts a check names from the top of a submission are all written (a `first_given`'s test). */
function topFieldsWritten(check: Check, data: unknown): boolean {
  const named = check as { list?: string; field?: string; numerator?: string; denominator?: string; fields?: string[] };
  const fields = [named.list, named.field, named.numerator, named.denominator, ...(named.fields ?? [])].filter((f): f is string => f !== undefined);
  return fields.every((field) => !absent(at(data, field)));
}

function leafForbidden(rule: Rule, check: Check, data: unknown): Forbidden[] {
  const out: Forbidden[] = [];
  const forbid = (field: string): void => void out.push({ rule: rule.id, field });
  const scalarFields = (fields: string[]): void => {
    for (const field of fields) if (absent(at(data, field))) forbid(field);
  };
  const listed = (list: string, each: (record: Record<string, unknown>, at: (field: string) => string) => void): void => {
    const { absent: missing, records } = recordsAt(data, list);
    if (missing) {
      forbid(list);
      return;
    }
    records.forEach((record, i) => each(record, (field) => `${list}[${i}].${field}`));
  };
  switch (check.kind) {
    case 'boolean':
      scalarFields(check.fields);
      return out;
    case 'threshold':
    case 'milestone':
      scalarFields([check.field]);
      return out;
    case 'rate':
      scalarFields([check.numerator, check.denominator]);
      return out;
    case 'due_date':
      scalarFields([check.date]);
      return out;
    case 'every_record':
      listed(check.list, (record, place) => {
        if (check.exempt_when && hasText(record[check.exempt_when.field])) return;
        for (const condition of check.conditions) {
          if (condition.unless && hasText(record[condition.unless])) continue;
          if (condition.satisfied_by && !absent(record[condition.satisfied_by])) continue;
          if (absent(record[condition.field])) forbid(place(condition.field));
        }
      });
      return out;
    case 'legal_basis':
      listed(check.list, (record, place) => {
        if (!absent(record[check.text])) return;
        forbid(place(check.text));
      });
      return out;
    case 'comment_period':
      listed(check.list, (record, place) => {
        const period = record[check.period];
        if (absent(period)) return;
        for (const field of [check.from, check.to]) if (!isMap(period) || absent(period[field])) forbid(place(`${check.period}.${field}`));
      });
      return out;
    case 'disclosure_deadline':
      listed(check.list, (record, place) => {
        if (check.exempt_when && hasText(record[check.exempt_when.field])) return;
        const select = check.select;
        const type = select ? scalar(record[select.field]) : undefined;
        if (select && absent(type)) {
          forbid(place(select.field));
          return;
        }
        const selected = !select || ((!select.in || select.in.includes(String(type))) && !(select.not_in ?? []).includes(String(type)));
        if (!selected) return;
        for (const field of [check.from, check.to]) if (absent(record[field])) forbid(place(field));
      });
      return out;
    case 'answer_deadline':
      // Not answered is pending or late, never a pass; an extension left out is asked for only when it decides.
      listed(check.list, (record, place) => {
        for (const field of [check.from, check.to]) if (absent(record[field])) forbid(place(field));
      });
      return out;
    case 'working_day_span':
      listed(check.list, (record, place) => {
        const period = record[check.period];
        if (absent(period)) {
          forbid(place(check.period));
          return;
        }
        for (const field of [check.from, check.to]) if (!isMap(period) || absent(period[field])) forbid(place(`${check.period}.${field}`));
      });
      return out;
  }
}

/** The fields (dotted, as in the pack) a rule reads, of the submission or of each record of its list. */
export interface RuleReads {
  fields: string[];
  list?: string;
  recordFields: string[];
}

export function readsOf(rule: Rule): RuleReads {
  // A composite reads what its leaves read: their fields together, and the first per-record leaf's list.
  const [first, ...more] = leafChecks(rule.check).map((check) => leafReads(rule, check));
  return more.reduce((reads, next) => ({ fields: [...reads.fields, ...next.fields], ...(reads.list ?? next.list ? { list: reads.list ?? next.list } : {}), recordFields: reads.list ? reads.recordFields : next.recordFields }), first);
}

function leafReads(rule: Rule, check: Check): RuleReads {
  const withWhen = (fields: string[]): string[] => (rule.not_applicable_when ? [...fields, rule.not_applicable_when.field] : fields);
  switch (check.kind) {
    case 'boolean':
      return { fields: withWhen(check.fields), recordFields: [] };
    case 'threshold':
    case 'milestone':
      return { fields: withWhen([check.field]), recordFields: [] };
    case 'rate':
      return { fields: withWhen([check.numerator, check.denominator]), recordFields: [] };
    case 'due_date':
      return { fields: withWhen([check.done, check.date]), recordFields: [] };
    case 'every_record':
      return {
        fields: withWhen([]),
        list: check.list,
        recordFields: [
          ...check.conditions.flatMap((c) => [c.field, ...(c.satisfied_by ? [c.satisfied_by] : []), ...(c.unless ? [c.unless] : [])]),
          ...(check.exempt_when ? [check.exempt_when.field] : []),
          ...(check.record_id ? [check.record_id] : ['id']),
        ],
      };
    case 'legal_basis':
      return { fields: withWhen([]), list: check.list, recordFields: [check.text, check.kind_field, check.record_id ?? 'id'] };
    case 'comment_period':
      return {
        fields: withWhen([]),
        list: check.list,
        recordFields: [check.period, `${check.period}.${check.from}`, `${check.period}.${check.to}`, ...(check.exception ? [`${check.period}.${check.exception}`] : [])],
      };
    case 'disclosure_deadline':
      return { fields: withWhen([]), list: check.list, recordFields: [...(check.select ? [check.select.field] : []), check.from, check.to, ...(check.exempt_when ? [check.exempt_when.field] : [])] };
    case 'answer_deadline':
      return { fields: withWhen([]), list: check.list, recordFields: [check.from, check.to, check.extended, ...(check.extended_until ? [check.extended_until] : []), ...(check.paused ? [check.paused] : [])] };
    case 'working_day_span':
      return {
        fields: withWhen([]),
        list: check.list,
        recordFields: [check.period, `${check.period}.${check.from}`, `${check.period}.${check.to}`, ...(check.exception ? [`${check.period}.${check.exception}`] : [])],
      };
  }
}

/** Every path in `data` that the rule reads and that is there to delete: the list, and each record's fields. */
export function readPathsOf(rule: Rule, data: unknown): Path[] {
  const reads = readsOf(rule);
  const paths: Path[] = reads.fields.filter((field) => at(data, field) !== undefined).map((field) => field.split('.'));
  if (!reads.list) return paths;
  const list = at(data, reads.list);
  if (list === undefined) return paths;
  const listPath = reads.list.split('.');
  paths.push(listPath);
  if (!Array.isArray(list)) return paths;
  list.forEach((record, i) => {
    for (const field of reads.recordFields) if (at(record, field) !== undefined) paths.push([...listPath, i, ...field.split('.')]);
  });
  return paths;
}

/** The rules of the packs, in order. */
export function rulesOf(packs: readonly RulePack[]): Rule[] {
  return packs.flatMap((p) => p.rules);
}
