/**
 * Random mutations of the example submissions, as data: a case is a base example, a list of mutations and a way to
 * write it out. Every mutation picks its target by a number taken modulo the candidates present when it is applied,
 * so fast-check can shrink a failing case to the fewest, simplest mutations, and a case is the same bytes every time.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { RulePack } from '../../src';
import { EXAMPLES } from '../helpers';
import { readPathsOf, rulesOf, type Path } from './reads';

/** A scalar written into the YAML text exactly as given (`1e309`, `.nan`, `!!binary …`), which no JS value prints as. */
export class Raw {
  constructor(readonly text: string) {}
}

export type Value = null | boolean | number | string | Raw | Value[] | { [key: string]: Value };
type Doc = Record<string, unknown>;

export interface Base {
  name: string;
  data: Doc;
}

/** The example submissions, parsed once; each case starts from a deep copy of one. */
export const BASES: readonly Base[] = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((name) => ({ name, data: parse(readFileSync(join(EXAMPLES, name), 'utf8')) as Doc }));

// ── values ────────────────────────────────────────────────────────────────────────────────────────────────────────

/** Characters that break naive handling: controls, invisible and bidi marks, full-width forms, emoji, YAML indicators. */
const NASTY_CHARS = [
  '\u0000', '\u0007', '\u0008', '\u001b', '\t', '\n', '\r', '\u0085', '\u00a0', '\u2028', '\u2029', '\u200b', '\u200d',
  '\u200e', '\u200f', '\u202e', '\u2066', '\ufeff', '\ufffd', '\uffff', '\ud800', '０', '９', '％', '：', '，', '．', '－',
  '😀', '👨‍👩‍👧', '🇨🇳', 'é', 'e\u0301', '中', '县', '证', '《', '》', '〔', '〕', '#', ':', '- ', '&', '*', '!', '|', '>',
  '%', '@', '`', '"', "'", '{', '}', '[', ']', ',', '?', '\\', ' ',
];

const nastyString = fc.string({ unit: fc.constantFrom(...NASTY_CHARS), maxLength: 6 });
const anyUnicode = fc.string({ unit: 'binary', maxLength: 12 });
/** Random text: mostly ordinary Unicode, sometimes the nasty characters, sometimes both. */
export const unicodeText = fc.oneof(anyUnicode, nastyString, fc.tuple(anyUnicode, nastyString, anyUnicode).map(([a, b, c]) => a + b + c));

/** Scalars written as YAML text: numbers no double holds, NaN and infinities, YAML 1.1 words, tags, anchors, flows. */
export const RAW_TOKENS = [
  '1e309', '-1e309', '.nan', '.NaN', '.inf', '-.inf', '+.inf', '0x1F', '0o17', '0b101', '123456789012345678901234567890',
  '-0', '+3', '3.0', '1_000', '0.89999999999999999999', '0.90000000000000000001', '9e-1', '1e0', '~', 'Null', 'NULL',
  'yes', 'No', 'on', 'True', 'FALSE', '2024-02-30', '2024-13-01', '2024-3-1', '2024-03-01T08:00:00+08:00',
  '!!str 3', '!!int "3"', '!!float 1', '!!bool true', '!!null', '!!binary aGVsbG8=', '!!timestamp 2024-01-01',
  '!!set { a }', '!!omap [ { a: 1 } ]', '!custom 1', '&anchor 1', '*missing', '"\\u0000"', '"\\ud800"', '"\\x85"',
  "'it''s'", '"93.5%"', '93.5%', '"93.5 %"', '１２', '"0.9"', '[]', '{}', '[1, 2]', '{ value: 1 }', '{ value: }',
  '{ source: x }', '{ value: 90%, source: 报告 一、(三),共191条 }', '{ value: true, sorce: x }', '{ not_required: }',
  '{ not_required: 理由 }', '{ value: true, source: "" }', '{ a, b }', '? x', '- 1', '|\n  literal', '>-\n  folded',
  '"unterminated', '[1, 2', '{ value: 1', '\t1', ':', '#', '%', '@x', '`x',
  // nested deeper than any submission, and aliases that multiply (a small "billion laughs")
  `${'['.repeat(70)}1${']'.repeat(70)}`, `${'{ a: '.repeat(70)}1${' }'.repeat(70)}`, '[&a [1, 2], *a, *a]',
  `[&a [x, x, x, x, x, x, x, x, x], &b [${'*a, '.repeat(8)}*a], &c [${'*b, '.repeat(8)}*b], &d [${'*c, '.repeat(8)}*c], [${'*d, '.repeat(8)}*d]]`,
];

export const rawToken = fc.constantFrom(...RAW_TOKENS).map((t) => new Raw(t));

const specialScalar = fc.constantFrom<Value>(
  0, -1, 1, 1.5, -0, 2 ** 31, 2 ** 53, 2 ** 53 + 2, 1e21, Number.MAX_VALUE, Number.MIN_VALUE, 0.1 + 0.2, NaN, Infinity,
  -Infinity, '', ' ', 'true', 'false', '是', '否', '93', '93.5%', '９３．５％', '8O%', '1e309', 'null', '~', '2024-02-30',
  '0x10', '—', '无', '/', '《中华人民共和国社会保险法》', '本局党组会议研究决定', 'x'.repeat(2000), true, false, null,
);

const smallScalar: fc.Arbitrary<Value> = fc.oneof(specialScalar, unicodeText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));

/** A value of any type: what a clerk's wrong entry, or a broken tool, can put anywhere. */
export const anyValue: fc.Arbitrary<Value> = fc.oneof(
  { weight: 4, arbitrary: smallScalar },
  { weight: 2, arbitrary: rawToken },
  { weight: 1, arbitrary: fc.array(smallScalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom('value', 'source', 'not_required', 'id', 'from', 'to'), unicodeText), smallScalar, { maxKeys: 3 }) },
);

/** Keys to add: the schema's own extension prefix, typos, prototype names, a key in another section, random text. */
const KEYS = ['x-note', 'x-', 'sorce', 'valeu', 'Value', 'budgeted', 'Budgeted', 'budgeted ', '预算', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'id', 'items', ''];
export const anyKey = fc.oneof(fc.constantFrom(...KEYS), unicodeText);

// ── edge values of the same kind ───────────────────────────────────────────────────────────────────────────────────

export type LeafKind = 'flag' | 'count' | 'rate' | 'date' | 'text';

const raw = (t: string): Raw => new Raw(t);

/**
 * Per kind of leaf, values at the edges: thresholds and one off, the limits of doubles, decimals no double holds
 * (`valid`, which the schema takes), and spellings it refuses (`invalid`).
 */
export const EDGES: Record<Exclude<LeafKind, 'date'>, { valid: readonly Value[]; invalid: readonly Value[] }> = {
  flag: {
    valid: [true, false, { value: false }, { value: true, source: '台账' }, { not_required: '理由' }],
    invalid: ['true', 'false', 1, 0, '是', '否', raw('yes'), raw('True'), raw('~')],
  },
  count: {
    valid: [0, 1, 2, 3, 7, 20, 29, 30, 31, 299, 300, 301, 2 ** 31, 2 ** 53, 2 ** 53 + 2, 1e21, Number.MAX_VALUE, raw('123456789012345678901234567890'), raw('-0'), raw('0x1F'), raw('3.0'), raw('+3'), raw('1e2')],
    invalid: [-1, 1.5, '3', '３', raw('1e309'), raw('.nan'), raw('-.inf')],
  },
  rate: {
    valid: [
      '0%', '100%', '100.0%', '100.00%', '90%', '89.995%', '89.9999999%', '90.0000001%', '80%', '79.99%', '0.0%', 0, 1, 0.9, 0.8,
      0.8999999999999999, 0.9000000000000001, 5e-324, raw('0.89999999999999999999'), raw('0.90000000000000000001'), raw('9e-1'),
      raw('1.0'), raw('0.9999999999999999999999999'), raw('1e-400'), raw('-0'),
    ],
    invalid: ['101%', '-1%', '.5%', '5.%', '100.01%', '９０％', '90 %', '90%%', ' 90%', 1.0000001, -0.0001, 93, raw('.nan'), raw('1e309')],
  },
  text: {
    valid: [' ', '\t', '无', '/', '—', '暂无', '《中华人民共和国社会保险法》第十二条', '《湖南省劳动保障监察条例》', '《国务院关于取消一批行政许可事项的决定》', '本局党组会议研究决定', '部令第28号', '某文件', 'x'.repeat(5000)],
    invalid: ['', 'licensing', 'penalty', 'other', 'inspection', 'county', 'city', 'province', '县', '439900'],
  },
};

const DATE_EDGES = ['2024-02-29', '2023-02-29', '2024-02-30', '2024-13-01', '2024-3-1', '2024/03/01', '20240301', '2024-12-31', '2025-01-01', '2023-12-31', '1949-09-30', '2101-01-01', ' 2024-03-01', '2024-03-01 '];
const DATE_SHIFTS = [1, -1, 6, -6, 7, 30, -30, 31, 365, -365, 366];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function kindOf(path: Path, value: unknown): LeafKind | undefined {
  const key = String(path[path.length - 1] === 'value' ? path[path.length - 2] : path[path.length - 1]);
  if (typeof value === 'boolean') return 'flag';
  if (typeof value === 'string' && ISO_DATE.test(value)) return 'date';
  if (key.endsWith('_rate') || (typeof value === 'string' && value.endsWith('%'))) return 'rate';
  if (typeof value === 'number') return Number.isInteger(value) ? 'count' : 'rate';
  if (typeof value === 'string') return 'text';
  return undefined;
}

/** A real date moved by whole days (UTC), or the text unchanged when it is not a date. */
export function shiftDate(text: string, days: number): string {
  if (!ISO_DATE.test(text)) return text;
  const time = Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10))) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

function shiftYears(text: string, years: number): string {
  return ISO_DATE.test(text) ? `${Number(text.slice(0, 4)) + years}${text.slice(4)}` : text;
}

// ── mutations ──────────────────────────────────────────────────────────────────────────────────────────────────────

export type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'deleteRead'; rule: number; at: number }
  | { op: 'replace'; at: number; value: Value }
  | { op: 'edge'; at: number; pick: number; text: string; valid: boolean }
  | { op: 'unicode'; at: number; text: string; where: 'replace' | 'prefix' | 'suffix' }
  | { op: 'wrap'; at: number; variant: number; source: string }
  | { op: 'shuffle'; at: number; seed: number }
  | { op: 'duplicate'; at: number; newId: boolean }
  | { op: 'emptyList'; at: number }
  | { op: 'shiftDates'; days: number; one: number | null }
  | { op: 'shiftYears'; years: number }
  | { op: 'addKey'; at: number; key: string; value: Value };

const at = fc.nat();
const source = fc.oneof(fc.constantFrom('2024年度法治政府建设情况报告 一、(三)', '报告 一、(二),共191条', '台账', ''), unicodeText);

/** Any mutation: most leave a file the loader refuses, which must then be an InputError with places. */
export const wildMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('deleteRead' as const), rule: fc.nat(), at }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('edge' as const), at, pick: fc.nat(), text: unicodeText, valid: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('wrap' as const), at, variant: fc.nat(15), source }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('shuffle' as const), at, seed: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at, newId: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('emptyList' as const), at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('shiftDates' as const), days: fc.constantFrom(...DATE_SHIFTS), one: fc.option(fc.nat(), { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('shiftYears' as const), years: fc.integer({ min: -3, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('replace' as const), at, value: anyValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('unicode' as const), at, text: unicodeText, where: fc.constantFrom('replace' as const, 'prefix' as const, 'suffix' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('addKey' as const), at, key: anyKey, value: anyValue }) },
);

/**
 * Mutations that mostly keep a submission the loader takes, so that cases get to the rules: deletions of what the
 * rules read above all, values at the edges that the schema allows, wrappers as the README writes them, reordered,
 * duplicated (under a new id) and emptied lists, another reporting year.
 */
export const wellFormedMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('deleteRead' as const), rule: fc.nat(), at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), at }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('edge' as const), at, pick: fc.nat(), text: unicodeText, valid: fc.constant(true) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('wrap' as const), at, variant: fc.constantFrom(0, 1, 2, 3), source: source.filter((t) => t.trim() !== '' && !t.includes('\ufffd')) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('shuffle' as const), at, seed: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at, newId: fc.constant(true) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('emptyList' as const), at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('shiftYears' as const), years: fc.integer({ min: -3, max: 3 }) }) },
);

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Raw);
}

/** Every node below the root, depth first, with its path. */
function nodes(data: unknown, path: Path = []): { path: Path; value: unknown }[] {
  const children: [string | number, unknown][] = Array.isArray(data) ? data.map((v, i) => [i, v]) : isMap(data) ? Object.entries(data) : [];
  return children.flatMap(([key, value]) => [{ path: [...path, key], value }, ...nodes(value, [...path, key])]);
}

function parentOf(doc: Doc, path: Path): unknown {
  let node: unknown = doc;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  return node;
}

/** Sets a key as an own property, `__proto__` included (plain assignment would change the prototype instead). */
function put(target: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function setAt(doc: Doc, path: Path, value: unknown): void {
  put(parentOf(doc, path) as Record<string, unknown>, path[path.length - 1], value);
}

function deleteAt(doc: Doc, path: Path): void {
  const parent = parentOf(doc, path);
  const key = path[path.length - 1];
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete (parent as Record<string, unknown>)[key as string];
}

function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

function clone<T>(value: T): T {
  if (value instanceof Raw) return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  if (isMap(value)) {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) put(copy, k, clone(v));
    return copy as T;
  }
  return value;
}

/** A deterministic shuffle (a small linear congruential generator), so the case alone fixes the order. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function mapDates(value: unknown, f: (date: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapDates(v, f));
  if (isMap(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) put(out, k, mapDates(v, f));
    return out;
  }
  return value;
}

/** The wrappers a scalar can get: `{ value, source }` as the README has it, and the ways a clerk breaks it. */
function wrapped(value: unknown, variant: number, source: string): unknown {
  switch (variant % 12) {
    case 0:
    case 1:
    case 2:
      return { value, source: source || '台账' };
    case 3:
      return { value };
    case 4:
      return { value, source };
    case 5:
      return { source: source || '台账' };
    case 6:
      return { value, sorce: source };
    case 7:
      return { value: { value, source: source || '台账' } };
    case 8:
      return { value, source: source || '台账', page: 3 };
    case 9:
      return { value: null, source: source || '台账' };
    case 10:
      return { value, source: 123 };
    default:
      return [value];
  }
}

function edgeValue(kind: LeafKind, current: unknown, m: Extract<Mutation, { op: 'edge' }>): unknown {
  if (kind === 'date') return m.valid || m.pick % 2 === 0 ? shiftDate(current as string, DATE_SHIFTS[m.pick % DATE_SHIFTS.length]) : DATE_EDGES[m.pick % DATE_EDGES.length];
  if (kind === 'flag' && m.pick % 3 === 0) return !current;
  if (kind === 'text' && m.pick % 4 === 0) return m.text;
  return pick(EDGES[kind][m.valid ? 'valid' : 'invalid'], m.pick);
}

/** Applies one mutation in place; a mutation with nothing to act on leaves the data as it is. */
export function applyMutation(doc: Doc, m: Mutation, packs: readonly RulePack[]): void {
  const all = nodes(doc);
  switch (m.op) {
    case 'delete': {
      const target = pick(all, m.at);
      if (target) deleteAt(doc, target.path);
      return;
    }
    case 'deleteRead': {
      // A rule first, then one of the fields it reads: every rule gets its share of deletions, whatever its size.
      const rules = rulesOf(packs);
      const target = pick(readPathsOf(rules[m.rule % rules.length], doc), m.at);
      if (target) deleteAt(doc, target);
      return;
    }
    case 'replace': {
      const target = pick(all, m.at);
      if (target) setAt(doc, target.path, clone(m.value));
      return;
    }
    case 'edge': {
      const leaves = all.map((n) => ({ ...n, kind: kindOf(n.path, n.value) })).filter((n) => n.kind !== undefined);
      const target = pick(leaves, m.at);
      if (target) setAt(doc, target.path, clone(edgeValue(target.kind as LeafKind, target.value, m)));
      return;
    }
    case 'unicode': {
      const target = pick(all.filter((n) => typeof n.value === 'string'), m.at);
      if (!target) return;
      const old = target.value as string;
      setAt(doc, target.path, m.where === 'replace' ? m.text : m.where === 'prefix' ? m.text + old : old + m.text);
      return;
    }
    case 'wrap': {
      const target = pick(all.filter((n) => n.value === null || typeof n.value !== 'object'), m.at);
      if (target) setAt(doc, target.path, wrapped(target.value, m.variant, m.source));
      return;
    }
    case 'shuffle': {
      const target = pick(all.filter((n) => Array.isArray(n.value) && n.value.length > 1), m.at);
      if (target) setAt(doc, target.path, shuffled(target.value as unknown[], m.seed));
      return;
    }
    case 'duplicate': {
      const target = pick(all.filter((n) => isMap(n.value) && typeof n.path[n.path.length - 1] === 'number'), m.at);
      if (!target) return;
      const list = parentOf(doc, target.path) as unknown[];
      const index = target.path[target.path.length - 1] as number;
      const copy = m.newId ? clone(target.value as Record<string, unknown>) : target.value;
      if (m.newId && isMap(copy)) {
        for (const key of ['id', 'name']) if (typeof copy[key] === 'string') copy[key] = `${copy[key] as string}-副本`;
      }
      // The same object twice: written with an anchor and an alias when the serialiser keeps aliases.
      list.splice(index + 1, 0, copy);
      return;
    }
    case 'emptyList': {
      const target = pick(all.filter((n) => Array.isArray(n.value)), m.at);
      if (target) setAt(doc, target.path, []);
      return;
    }
    case 'shiftDates': {
      if (m.one === null) {
        for (const [k, v] of Object.entries(mapDates(doc, (d) => shiftDate(d, m.days)) as Doc)) put(doc, k, v);
        return;
      }
      const target = pick(all.filter((n) => typeof n.value === 'string' && ISO_DATE.test(n.value)), m.one);
      if (target) setAt(doc, target.path, shiftDate(target.value as string, m.days));
      return;
    }
    case 'shiftYears': {
      for (const [k, v] of Object.entries(mapDates(doc, (d) => shiftYears(d, m.years)) as Doc)) put(doc, k, v);
      if (typeof doc.year === 'number') doc.year += m.years;
      return;
    }
    case 'addKey': {
      const maps = [{ path: [] as Path, value: doc as unknown }, ...all.filter((n) => isMap(n.value))];
      const target = pick(maps, m.at);
      if (target) put(target.value as Record<string, unknown>, m.key, clone(m.value));
      return;
    }
  }
}

// ── writing it out ─────────────────────────────────────────────────────────────────────────────────────────────────

export type TextMutation =
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'dropLine'; at: number }
  | { op: 'dupLine'; at: number }
  | { op: 'tabIndent'; at: number }
  | { op: 'byte'; at: number; byte: number };

export interface Serial {
  format: 'yaml' | 'json' | 'flow';
  stringType: 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';
  aliases: boolean;
  crlf: boolean;
  bom: boolean;
  /** Edits to the text itself, after it is written: the file a broken editor or a bad copy leaves (rare). */
  text: TextMutation[] | null;
}

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at }),
  fc.record({ op: fc.constant('insert' as const), at, text: fc.oneof(unicodeText, fc.constantFrom(...RAW_TOKENS)) }),
  fc.record({ op: fc.constant('dropLine' as const), at }),
  fc.record({ op: fc.constant('dupLine' as const), at }),
  fc.record({ op: fc.constant('tabIndent' as const), at }),
  fc.record({ op: fc.constant('byte' as const), at, byte: fc.integer({ min: 0, max: 255 }) }),
);

export const serial: fc.Arbitrary<Serial> = fc.record({
  format: fc.constantFrom('yaml' as const, 'yaml' as const, 'json' as const, 'flow' as const),
  stringType: fc.constantFrom('PLAIN' as const, 'PLAIN' as const, 'QUOTE_DOUBLE' as const, 'QUOTE_SINGLE' as const),
  aliases: fc.boolean(),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  text: fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.array(textMutation, { minLength: 1, maxLength: 2 }) }),
});

export interface Case {
  base: number;
  mutations: Mutation[];
  serial: Serial;
}

const base = fc.nat(BASES.length - 1);

/** Half the cases well formed (they reach the rules), half wild (they test what the loader refuses, and how). */
export const fuzzCase: fc.Arbitrary<Case> = fc.oneof(
  fc.record({ base, mutations: fc.array(wellFormedMutation, { maxLength: 4 }), serial: serial.map((s) => ({ ...s, text: null })) }),
  fc.record({ base, mutations: fc.array(wildMutation, { minLength: 1, maxLength: 4 }), serial }),
);

/** The file's extension, as the CLI reads it: JSON is written to .json, YAML to .yaml or .yml. */
export function extensionOf(c: Case): string {
  return c.serial.format === 'json' ? '.json' : c.base % 2 === 0 ? '.yaml' : '.yml';
}

/** A marker as the writers leave it: plain, or in double or single quotes (the string type the case chose). */
const RAW_MARK = /(["']?)RAWTOKEN(\d+)X\1/g;

/**
 * The data with every Raw replaced by a marker, and the texts the markers stand for. An object met twice (a record
 * duplicated as itself) stays one object, so that the YAML writer can write it with an anchor and an alias.
 */
function marked(value: unknown, raws: string[], done = new Map<object, unknown>()): unknown {
  if (value instanceof Raw) {
    raws.push(value.text);
    return `RAWTOKEN${raws.length - 1}X`;
  }
  if (value === null || typeof value !== 'object') return value;
  if (done.has(value)) return done.get(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    done.set(value, out);
    for (const v of value) out.push(marked(v, raws, done));
    return out;
  }
  const out: Record<string, unknown> = {};
  done.set(value, out);
  for (const [k, v] of Object.entries(value)) put(out, k, marked(v, raws, done));
  return out;
}

function lineEdit(text: string, at: number, f: (lines: string[], i: number) => void): string {
  const lines = text.split('\n');
  f(lines, at % lines.length);
  return lines.join('\n');
}

function writeText(data: unknown, s: Serial): string {
  const raws: string[] = [];
  const plain = marked(data, raws);
  let text =
    s.format === 'json'
      ? JSON.stringify(plain, null, 2)
      : stringify(plain, { aliasDuplicateObjects: s.aliases, defaultStringType: s.stringType, defaultKeyType: 'PLAIN', collectionStyle: s.format === 'flow' ? 'flow' : 'any', lineWidth: 0 });
  text = text.replace(RAW_MARK, (_, _quote: string, i: string) => raws[Number(i)]);
  for (const t of s.text ?? []) {
    if (t.op === 'truncate') text = text.slice(0, t.at % (text.length + 1));
    else if (t.op === 'insert') text = text.slice(0, t.at % (text.length + 1)) + t.text + text.slice(t.at % (text.length + 1));
    else if (t.op === 'dropLine') text = lineEdit(text, t.at, (lines, i) => void lines.splice(i, 1));
    else if (t.op === 'dupLine') text = lineEdit(text, t.at, (lines, i) => void lines.splice(i, 0, lines[i]));
    else if (t.op === 'tabIndent') text = lineEdit(text, t.at, (lines, i) => void (lines[i] = lines[i].replace(/^ {2}/, '\t')));
  }
  return s.crlf ? text.replace(/\n/g, '\r\n') : text;
}

export interface Built {
  /** The data after the mutations, before it is written (for messages). */
  data: Doc;
  bytes: Buffer;
}

/** The case's file: the same bytes every time for the same case. */
export function build(c: Case, packs: readonly RulePack[]): Built {
  const data = clone(BASES[c.base].data);
  for (const m of c.mutations) applyMutation(data, m, packs);
  let bytes = Buffer.from((c.serial.bom ? '\ufeff' : '') + writeText(data, c.serial), 'utf8');
  for (const t of c.serial.text ?? []) {
    if (t.op !== 'byte') continue;
    const i = t.at % (bytes.length + 1);
    bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from([t.byte]), bytes.subarray(i)]);
  }
  return { data, bytes };
}
