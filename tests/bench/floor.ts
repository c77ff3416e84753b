import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as jsYaml from 'js-yaml';
import type { Status } from '../../src/findings/types';
import type { Check, DatedValue, FixedThreshold, Operator, PackDefinition, Rule, RuleCheck, Threshold } from '../../src/pack/types';

/**
 * The floor: the least work that gives plancheck's status for every rule of a pack on a submission. It reads the
 * pack once and makes one small closure per rule from its check kind (nine kinds), parses each file with js-yaml
 * (CORE_SCHEMA), and counts working days on one table of the same chinese-days data. No schema validation, no
 * messages, no evidence, no places; a per-record rule stops at its first failing record. It is for files plancheck
 * accepts: on those, its statuses must equal plancheck's (the bench and tests/bench-floor.test.ts compare them).
 */

export type FloorStatus = Exclude<Status, 'waived'>;

export const BUNDLED_PACK_FILE = join(__dirname, '..', '..', 'rules', 'hunan-hrss-2022-2025', 'pack.yaml');

type Data = Record<string, unknown>;

/** A number whose double is not the decimal written (more than 15 digits): its text is kept for exact comparisons. */
class Written {
  constructor(
    readonly value: number,
    readonly text: string,
  ) {}
}

const CORE_TYPES = (jsYaml as unknown as { types: Record<'int' | 'float', jsYaml.Type> }).types;

function keepingText(tag: 'int' | 'float', lossy: (value: number, text: string) => boolean): jsYaml.Type {
  const base = CORE_TYPES[tag];
  return new jsYaml.Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (text: string) => base.resolve(text),
    construct: (text: string) => {
      const value = base.construct(text) as number;
      return lossy(value, text) ? new Written(value, text) : value;
    },
  });
}

/** js-yaml's core schema, its numbers kept exact where a double cannot hold them. */
const SCHEMA = jsYaml.CORE_SCHEMA.extend({
  implicit: [keepingText('int', (value) => !Number.isSafeInteger(value)), keepingText('float', (value, text) => !Number.isFinite(value) || text.replace(/^[^1-9]*|[eE].*$|\D/g, '').length > 15)],
});

/** An exact rational, denominator positive. */
interface Ratio {
  num: bigint;
  den: bigint;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function decimal(text: string): Ratio | undefined {
  const m = DECIMAL.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const fraction = m[3] ?? '';
  const exponent = Number(m[4] ?? '0') - fraction.length;
  if (Math.abs(exponent) > 400) return undefined;
  const digits = BigInt(`${m[2] || '0'}${fraction}`) * (m[1] === '-' ? -1n : 1n);
  return exponent >= 0 ? { num: digits * 10n ** BigInt(exponent), den: 1n } : { num: digits, den: 10n ** BigInt(-exponent) };
}

/** A value as plancheck's exact figure: "93.5%" → 935/1000, a number as written. */
function exactOf(value: unknown): Ratio | undefined {
  if (typeof value === 'string' && value.endsWith('%')) {
    const r = decimal(value.slice(0, -1));
    return r && { num: r.num, den: r.den * 100n };
  }
  if (value instanceof Written) return decimal(value.text) ?? decimal(String(value.value));
  return typeof value === 'number' && Number.isFinite(value) ? decimal(String(value)) : undefined;
}

function compare(a: Ratio, b: Ratio): number {
  const [l, r] = [a.num * b.den, b.num * a.den];
  return l < r ? -1 : l > r ? 1 : 0;
}

const TEST: Readonly<Record<Operator, (order: number) => boolean>> = {
  '>=': (o) => o >= 0,
  '>': (o) => o > 0,
  '<=': (o) => o <= 0,
  '<': (o) => o < 0,
  '=': (o) => o === 0,
};

/** A scalar as plancheck's normalised data holds it: null absent, `{ value, source }` unwrapped, numbers plain. */
function scalar(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value === 'object' && !Array.isArray(value)) {
    if (value instanceof Written) return value.value;
    if ('value' in value) return scalar((value as { value: unknown }).value);
  }
  return value;
}

/** The same, keeping a Written number for an exact comparison. */
function figure(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !(value instanceof Written) && !Array.isArray(value) && 'value' in value) return figure((value as { value: unknown }).value);
  return value === null ? undefined : value;
}

function at(field: string): (data: unknown) => unknown {
  const steps = field.split('.');
  return (data) => {
    let value = data;
    for (const step of steps) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
      value = (value as Data)[step];
    }
    return value;
  };
}

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/**
 * Working days 2004–2026 (every year of the data) in one table with running counts: a deadline is a lookup.
 * undefined stands for a day in a year the data does not cover.
 */
class WorkingDays {
  private readonly first: number;
  private readonly end: number;
  private readonly counted: Int32Array;
  private readonly workingDays: number[] = [];

  constructor(data: { holidays: Record<string, string>; workdays: Record<string, string> }) {
    const years = [...new Set([...Object.keys(data.holidays), ...Object.keys(data.workdays)].map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
    if (years[years.length - 1] - years[0] + 1 !== years.length) throw new Error(`floor: the holiday data has a gap between ${years[0]} and ${years[years.length - 1]}`);
    this.first = dayNumber(`${years[0]}-01-01`);
    this.end = dayNumber(`${years[years.length - 1] + 1}-01-01`);
    const working = new Uint8Array(this.end - this.first);
    for (let i = 0; i < working.length; i++) {
      const weekday = (this.first + i + 4) % 7;
      working[i] = weekday === 0 || weekday === 6 ? 0 : 1;
    }
    for (const d of Object.keys(data.holidays)) working[dayNumber(d) - this.first] = 0;
    for (const d of Object.keys(data.workdays)) working[dayNumber(d) - this.first] = 1;
    this.counted = new Int32Array(working.length);
    let count = 0;
    for (let i = 0; i < working.length; i++) {
      if (working[i]) {
        count++;
        this.workingDays.push(this.first + i);
      }
      this.counted[i] = count;
    }
  }

  private before(day: number): number | undefined {
    if (day + 1 < this.first || day + 1 >= this.end) return undefined;
    return day >= this.first ? this.counted[day - this.first] : 0;
  }

  /** The day of the n-th working day after `day`. */
  add(day: number, n: number): number | undefined {
    if (n <= 0) return day;
    const before = this.before(day);
    return before === undefined ? undefined : this.workingDays[before + n - 1];
  }

  /** Working days after `from` up to and including `to`. */
  between(from: number, to: number): number | undefined {
    if (to <= from) return 0;
    const before = this.before(from);
    if (before === undefined || to >= this.end) return undefined;
    return this.counted[to - this.first] - before;
  }
}

interface Submission {
  data: Data;
  year: number;
  asOf: string;
  level: string;
}

type Evaluate = (s: Submission) => FloorStatus;

type Lists = { records: Data[] } | { status: FloorStatus };

function listAt(field: string): (data: Data) => Lists {
  const read = at(field);
  return (data) => {
    const list = read(data);
    if (list === undefined || list === null) return { status: 'missing_data' };
    const records = list as Data[];
    return records.length === 0 ? { status: 'not_applicable' } : { records };
  };
}

function exempt(record: Data, field: string | undefined): boolean {
  if (!field) return false;
  const ground = scalar(record[field]);
  return typeof ground === 'string' && ground.trim() !== '';
}

function allTrue(value: unknown): boolean {
  if (value === true) return true;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const values = Object.values(value);
  return values.length > 0 && values.every((v) => v === true);
}

/** A per-record rule's status from what its records showed (a failure returns early). */
function recordsStatus(missing: boolean, notDue: boolean, warned: boolean): FloorStatus {
  return missing ? 'missing_data' : notDue ? 'pending' : warned ? 'warn' : 'pass';
}

/** A check with one threshold value: a dated threshold is made into one of these per entry (leafOf). */
type Fixed<C> = C extends { threshold: Threshold } ? Omit<C, 'threshold'> & { threshold: FixedThreshold } : C;
type FixedCheck = Fixed<Check>;

function kindOf(check: FixedCheck, calendar: WorkingDays): Evaluate {
  switch (check.kind) {
    case 'boolean': {
      const reads = check.fields.map((f) => ({ read: at(f), key: f.split('.').pop() as string }));
      return ({ data }) => {
        const values = reads.map(({ read }) => scalar(read(data)));
        if (values.includes(undefined) && !values.includes(false)) return 'missing_data';
        if (reads.length === 1) return allTrue(values[0]) ? 'pass' : 'fail';
        const truths: Data = {};
        reads.forEach(({ key }, i) => {
          if (values[i] !== undefined) truths[key] = values[i];
        });
        return allTrue(truths) ? 'pass' : 'fail';
      };
    }
    case 'threshold':
    case 'milestone': {
      const read = at(check.field);
      const target = exactOf(check.threshold.value) as Ratio;
      const test = TEST[check.operator];
      const notYetDue =
        check.kind === 'milestone'
          ? (s: Submission) => s.year < check.due_year || (s.year === check.due_year && s.asOf < `${s.year}-12-31`)
          : (s: Submission) => check.annual === true && s.asOf < `${s.year}-12-31`;
      return (s) => {
        const value = figure(read(s.data));
        if (value === undefined) return 'missing_data';
        const found = exactOf(value);
        if (found && test(compare(found, target))) return 'pass';
        return notYetDue(s) ? 'pending' : 'fail';
      };
    }
    case 'rate': {
      const [numerator, denominator] = [at(check.numerator), at(check.denominator)];
      const target = exactOf(check.threshold.value) as Ratio;
      const test = TEST[check.operator];
      return ({ data }) => {
        const [n, d] = [figure(numerator(data)), figure(denominator(data))];
        if (n === undefined || d === undefined) return 'missing_data';
        if (scalar(d) === 0) return 'not_applicable';
        const [en, ed] = [exactOf(n), exactOf(d)];
        if (!en || !ed) return 'fail';
        const rate = ed.num < 0n ? { num: -en.num * ed.den, den: -en.den * ed.num } : { num: en.num * ed.den, den: en.den * ed.num };
        return test(compare(rate, target)) ? 'pass' : 'fail';
      };
    }
    case 'due_date': {
      const [done, date] = [at(check.done), at(check.date)];
      return ({ data, year, asOf }) => {
        const due = `${year + check.due.year_offset}-${check.due.month_day}`;
        const on = scalar(date(data)) as string | undefined;
        if (on !== undefined) return on <= due ? 'pass' : 'fail';
        const finished = scalar(done(data));
        if (finished === true) return 'missing_data';
        if (finished === false) return asOf <= due ? 'pending' : 'fail';
        return 'missing_data';
      };
    }
    case 'every_record': {
      const list = listAt(check.list);
      const exemptField = check.exempt_when?.field;
      const conditions = check.conditions.map((c) => ({ ...c, absent: c.when_absent === 'fail' ? 'unmet' : 'absent' }));
      return ({ data }) => {
        const found = list(data);
        if ('status' in found) return found.status;
        let judged = 0;
        let missing = false;
        for (const record of found.records) {
          if (exempt(record, exemptField)) continue;
          judged++;
          for (const c of conditions) {
            if (c.unless && exempt(record, c.unless)) continue;
            if (c.satisfied_by && record[c.satisfied_by] !== undefined && record[c.satisfied_by] !== null) continue;
            const value = scalar(record[c.field]);
            if (value === undefined) {
              if (c.absent === 'unmet') return 'fail';
              missing = true;
              continue;
            }
            const met =
              c.test === 'is_true'
                ? value === true
                : c.test === 'names_text'
                  ? typeof value === 'string' && value.trim() !== ''
                  : value === true || (value !== null && typeof value === 'object' && typeof (value as Data).not_required === 'string' && ((value as Data).not_required as string).trim() !== '');
            if (!met) return 'fail';
          }
        }
        return judged === 0 ? 'not_applicable' : recordsStatus(missing, false, false);
      };
    }
    case 'legal_basis': {
      const list = listAt(check.list);
      const infer = check.infer.map((p) => ({ kind: p.kind, pattern: new RegExp(p.pattern, 'u') }));
      const allowed = new Set<string>(check.allowed);
      return ({ data }) => {
        const found = list(data);
        if ('status' in found) return found.status;
        let missing = false;
        for (const record of found.records) {
          const raw = scalar(record[check.text]);
          const text = typeof raw === 'string' ? raw.trim() : '';
          if (text === '') return 'fail';
          const stated = scalar(record[check.kind_field]) as string | undefined;
          const normalized = stated === undefined ? text.normalize('NFKC').trim() : '';
          const kind = stated ?? infer.find((p) => p.pattern.test(normalized))?.kind;
          if (kind === undefined) missing = true;
          else if (kind === 'none' || !allowed.has(kind)) return 'fail';
        }
        return recordsStatus(missing, false, false);
      };
    }
    case 'comment_period': {
      const list = listAt(check.list);
      const test = TEST[check.operator];
      const required = check.threshold.value;
      return ({ data }) => {
        const found = list(data);
        if ('status' in found) return found.status;
        let consulted = 0;
        let warned = false;
        for (const record of found.records) {
          const period = record[check.period] as Data | null | undefined;
          if (!period) continue;
          consulted++;
          const days = dayNumber(String(scalar(period[check.to]))) - dayNumber(String(scalar(period[check.from])));
          if (!Number.isNaN(days) && test(days < required ? -1 : days > required ? 1 : 0)) continue;
          const reason = check.exception ? scalar(period[check.exception]) : undefined;
          if (typeof reason === 'string' && reason.trim() !== '') warned = true;
          else return 'fail';
        }
        return consulted === 0 ? 'not_applicable' : recordsStatus(false, false, warned);
      };
    }
    case 'disclosure_deadline': {
      const list = listAt(check.list);
      // Without a select, every record of the list.
      const { field, in: only, not_in: except } = check.select ?? { field: undefined };
      const exemptField = check.exempt_when?.field;
      const days = check.threshold.value;
      const within = (from: number, to: number): boolean | undefined => {
        const count = calendar.between(from, to);
        if (count !== undefined) return count <= days;
        return to - from <= days ? true : undefined;
      };
      return ({ data, asOf }) => {
        const found = list(data);
        if ('status' in found) return found.status;
        const asOfDay = dayNumber(asOf);
        let selected = 0;
        let judged = 0;
        let missing = false;
        let notDue = false;
        for (const record of found.records) {
          const type = field === undefined ? '' : String(scalar(record[field]));
          if (field !== undefined && ((only && !only.includes(type)) || (except && except.includes(type)))) continue;
          selected++;
          if (exempt(record, exemptField)) continue;
          judged++;
          const decided = dayNumber(String(scalar(record[check.from])));
          const due = calendar.add(decided, days);
          const published = scalar(record[check.to]) as string | undefined;
          if (published) {
            const onTime = due !== undefined ? dayNumber(published) <= due : within(decided, dayNumber(published));
            if (onTime === false) return 'fail';
            if (onTime === undefined) missing = true;
          } else {
            const late = due !== undefined ? asOfDay > due : within(decided, asOfDay) === true ? false : undefined;
            if (late === true) return 'fail';
            if (late === undefined) missing = true;
            else notDue = true;
          }
        }
        if (selected === 0 || judged === 0) return 'not_applicable';
        return recordsStatus(missing, notDue, false);
      };
    }
    case 'answer_deadline':
    case 'working_day_span':
      // The floor is the least work for the packs the bench runs (the Hunan pack), whose rules are of none of these kinds.
      throw new Error(`the bench's floor does not evaluate rules of the kind ${check.kind} (only the kinds of the Hunan pack)`);
  }
}

/** The entry of a dated threshold in force on 31 December of a year: from on or before it, and it not yet ended. */
function entryFor(dated: readonly DatedValue[], year: number): number {
  const day = `${year}-12-31`;
  return dated.findIndex((e, i) => e.from <= day && (e.until === undefined || day <= e.until) && (dated[i + 1] === undefined || day < dated[i + 1].from));
}

/** A check of a kind; a dated threshold evaluates with the value in force in the year, and without one does not apply. */
function leafOf(check: Check, calendar: WorkingDays): Evaluate {
  if (!('threshold' in check)) return kindOf(check, calendar);
  const { threshold } = check;
  if (!('dated' in threshold)) return kindOf(check as FixedCheck, calendar);
  const byEntry = threshold.dated.map((e) => kindOf({ ...check, threshold: { value: e.value, unit: threshold.unit } } as FixedCheck, calendar));
  return (s) => {
    const entry = entryFor(threshold.dated, s.year);
    return entry < 0 ? 'not_applicable' : byEntry[entry](s);
  };
}

/** Worst first for all, best first for any (plancheck's findings/combine.ts, written again here). */
const ALL_FIRST: readonly FloorStatus[] = ['fail', 'missing_data', 'pending', 'warn', 'pass'];
const ANY_FIRST: readonly FloorStatus[] = ['pass', 'warn', 'missing_data', 'pending', 'fail'];
const NOT: Readonly<Record<FloorStatus, FloorStatus>> = { pass: 'fail', fail: 'pass', warn: 'fail', missing_data: 'missing_data', pending: 'pending', not_applicable: 'not_applicable' };

function firstOf(order: readonly FloorStatus[], statuses: FloorStatus[]): FloorStatus {
  const bound: FloorStatus[] = statuses.filter((st) => st !== 'not_applicable');
  return bound.length === 0 ? 'not_applicable' : (order.find((st) => bound.includes(st)) ?? 'missing_data');
}

/** A rule's check, of a kind or composite: every leaf evaluated, then combined. */
function treeOf(check: RuleCheck, calendar: WorkingDays): Evaluate {
  if ('kind' in check) return leafOf(check, calendar);
  if ('all' in check) {
    const all = check.all.map((c) => treeOf(c, calendar));
    return (s) => firstOf(ALL_FIRST, all.map((e) => e(s)));
  }
  if ('any' in check) {
    const any = check.any.map((c) => treeOf(c, calendar));
    return (s) => firstOf(ANY_FIRST, any.map((e) => e(s)));
  }
  if ('first_given' in check) {
    // The first alternative whose data is written decides (a list, a field, both counts of a rate); none: missing.
    const alternatives = check.first_given.map((c) => ({ evaluate: leafOf(c, calendar), given: givenOf(c) }));
    return (s) => alternatives.find((a) => a.given(s))?.evaluate(s) ?? 'missing_data';
  }
  const inner = treeOf(check.not, calendar);
  return (s) => NOT[inner(s)];
}

/** A check's data is written: every list, field or count it names from the top of a submission. */
function givenOf(check: Check): (s: Submission) => boolean {
  const named = check as { list?: string; field?: string; numerator?: string; denominator?: string; fields?: string[] };
  const reads = [named.list, named.field, named.numerator, named.denominator, ...(named.fields ?? [])].filter((f): f is string => f !== undefined).map(at);
  return (s) => reads.every((read) => scalar(read(s.data)) !== undefined);
}

function ruleOf(rule: Rule, years: PackDefinition['years'], calendar: WorkingDays): Evaluate {
  const evaluate = treeOf(rule.check, calendar);
  const levels = new Set<string>(rule.levels);
  const when = rule.not_applicable_when;
  const unless = when ? at(when.field) : undefined;
  return (s) => {
    if (!levels.has(s.level) || s.year < years.from || s.year > years.to) return 'not_applicable';
    if (when && unless && scalar(unless(s.data)) === when.equals) return 'not_applicable';
    return evaluate(s);
  };
}

export interface Floor {
  readonly ruleIds: readonly string[];
  /** The status of every rule, in the pack's order, for one submission's text. */
  statuses(text: string): FloorStatus[];
}

/** The floor of one pack, read once. */
export function createFloor(packFile = BUNDLED_PACK_FILE): Floor {
  const pack = jsYaml.load(readFileSync(packFile, 'utf8'), { schema: jsYaml.CORE_SCHEMA }) as PackDefinition;
  const calendar = new WorkingDays(require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> });
  const rules = pack.rules.map((rule) => ruleOf(rule, pack.years, calendar));
  return {
    ruleIds: pack.rules.map((r) => r.id),
    statuses(text) {
      const data = jsYaml.load(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { schema: SCHEMA }) as Data;
      const year = scalar(data.year) as number;
      const submission: Submission = { data, year, asOf: (scalar(data.as_of) as string | undefined) ?? `${year}-12-31`, level: String(scalar((data.bureau as Data).level)) };
      return rules.map((evaluate) => evaluate(submission));
    },
  };
}
