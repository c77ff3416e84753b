/**
 * The phrasings file (rules/phrasings.yaml): how reports state each figure, as data. Loaded once, checked against
 * schemas/phrasings.schema.json; a bad file is refused with its place and what was expected.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject } from 'ajv';
import { bi } from '../../core/i18n';
import { PACKAGE_ROOT } from '../../core/paths';
import { InputError } from '../problem';
import { sha256Hex } from '../format';
import { schemaValidator } from '../schema-compiler';
import { foldWidth } from './sentences';

export type TargetKind = 'count' | 'rate' | 'yes';

export interface PhrasingTarget {
  /** The submission field's dotted path. */
  field: string;
  kind: TargetKind;
  /** The words one of which must be the clause's subject; "…" joins parts that may stand apart. */
  subjects: readonly string[];
  /** A count's units (次, 期). */
  units?: readonly string[];
  /** Words that, standing in the clause before the number (or anywhere in a yes clause), forbid the value. */
  exclusions?: readonly string[];
  /** A yes: verbs before the subject in its clause (建立, 印发), or after it (实现), or whole statements. */
  verbs?: readonly string[];
  verbs_after?: readonly string[];
  statements?: readonly string[];
  /** Taken only when this field is stated too (head counts come in pairs). */
  only_with?: string;
  /** Not taken when this field is taken (a rate where the head counts are given). */
  not_with?: string;
}

export interface Phrasings {
  version: 1;
  max_gap?: number;
  number_forms: { rate: readonly string[]; count: readonly string[] };
  non_units: readonly string[];
  approximations: readonly string[];
  changes: readonly string[];
  joiners: readonly string[];
  distributive: readonly string[];
  totals: readonly string[];
  plan_words: readonly string[];
  plan_headings: readonly string[];
  negations: readonly string[];
  bureau: { name_endings: readonly string[]; municipalities: readonly string[] };
  targets: readonly PhrasingTarget[];
}

export const SCHEMA_NAME = 'phrasings.schema.json';
/** The phrasings that come with plancheck. */
export const BUNDLED_PHRASINGS = join(PACKAGE_ROOT, 'rules', 'phrasings.yaml');

/** Where an error of the schema stands in the file (its line), from the YAML document's nodes. */
function lineOf(document: import('yaml').Document, lines: import('yaml').LineCounter, pointer: string): number | undefined {
  const path = pointer.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')));
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = document.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** One schema error in plain words. */
function said(error: ErrorObject): { zh: string; en: string } {
  const where = error.instancePath === '' ? '文件顶层' : error.instancePath.slice(1).replace(/\//g, '.');
  const whereEn = error.instancePath === '' ? 'the top level' : error.instancePath.slice(1).replace(/\//g, '.');
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': return { zh: `${where} 缺少 ${String(p.missingProperty)}`, en: `${whereEn} lacks ${String(p.missingProperty)}` };
    case 'additionalProperties': return { zh: `${where} 中有不认识的项 ${String(p.additionalProperty)}`, en: `${whereEn} has an unknown key ${String(p.additionalProperty)}` };
    case 'enum': return { zh: `${where} 应当是 count、rate 或 yes 之一`, en: `${whereEn} must be one of count, rate, yes` };
    case 'pattern': return { zh: `${where} 的写法不对(字段写成 training.law_lectures 这样的路径;词语中不能有空格;数字写法中要有 {n})`, en: `${whereEn} is not written as expected (a field as a dotted path, words without spaces, a number form with {n})` };
    case 'uniqueItems': return { zh: `${where} 中有重复的词`, en: `${whereEn} lists a word twice` };
    case 'minItems': case 'minLength': return { zh: `${where} 不能为空`, en: `${whereEn} must not be empty` };
    case 'anyOf': return { zh: `${where} 是“是否”类目标,要写 verbs、verbs_after 或 statements`, en: `${whereEn} is a yes target: give verbs, verbs_after or statements` };
    case 'type': return { zh: `${where} 的类型不对,应当是${p.type === 'array' ? '一串词' : p.type === 'object' ? '若干项' : p.type === 'string' ? '一个词' : '一个数'}`, en: `${whereEn} must be ${String(p.type)}` };
    case 'const': return { zh: `${where} 应当是 ${JSON.stringify(p.allowedValue)}`, en: `${whereEn} must be ${JSON.stringify(p.allowedValue)}` };
    default: return { zh: `${where} 不符合措辞表的格式`, en: `${whereEn} does not fit the phrasings format (${error.keyword})` };
  }
}

/** The phrasings of a file's text, checked; a bad file throws an InputError naming the file and the line. */
export function parsePhrasings(file: string, text: string): Phrasings {
  const yaml = require('yaml') as typeof import('yaml');
  const lines = new yaml.LineCounter();
  const document = yaml.parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const line = error.linePos?.[0];
    throw new InputError([{ file, at: line ? { line: line.line, column: line.col } : undefined, message: bi('措辞表不是有效的 YAML,无法读取', 'the phrasings file is not valid YAML') }]);
  }
  const data = document.toJS() as unknown;
  const validate = schemaValidator(SCHEMA_NAME);
  if (!validate(data)) {
    const errors = (validate.errors ?? []).filter((error) => error.keyword !== 'if' && error.keyword !== 'allOf');
    throw new InputError(errors.slice(0, 10).map((error) => {
      const line = lineOf(document, lines, error.instancePath);
      const words = said(error);
      return { file, at: line ? { line } : undefined, message: bi(`措辞表有误:${words.zh}`, `the phrasings file is wrong: ${words.en}`) };
    }));
  }
  return foldedWords(data) as Phrasings;
}

/** Every string of the phrasings folded as report text is for matching (full-width forms as half-width). */
function foldedWords(value: unknown): unknown {
  if (typeof value === 'string') return foldWidth(value);
  if (Array.isArray(value)) return value.map(foldedWords);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, foldedWords(item)]));
  return value;
}

/**
 * The bundled phrasings as `npm run build` checked them (dist/phrasings.json): reading it spares a run the YAML
 * parser and the schema, most of a cold extraction. It names the sha256 of the text it was made from; when the file
 * has changed since, the file is read and checked as any other.
 */
export const DIGESTED_PHRASINGS = join(PACKAGE_ROOT, 'dist', 'phrasings.json');

interface Digest {
  sha256: string;
  phrasings: Phrasings;
}

/** `npm run build`: checks the bundled phrasings and writes their digest (whole, then renamed). */
export function writeDigestedPhrasings(target = DIGESTED_PHRASINGS): string {
  const text = readFileSync(BUNDLED_PHRASINGS, 'utf8');
  const digest: Digest = { sha256: sha256Hex(text), phrasings: parsePhrasings(BUNDLED_PHRASINGS, text) };
  mkdirSync(join(target, '..'), { recursive: true });
  writeFileSync(`${target}.tmp`, `${JSON.stringify(digest)}\n`);
  renameSync(`${target}.tmp`, target);
  return target;
}

function digested(file: string, text: string): Phrasings | undefined {
  if (file !== BUNDLED_PHRASINGS || !existsSync(DIGESTED_PHRASINGS)) return undefined;
  const digest = JSON.parse(readFileSync(DIGESTED_PHRASINGS, 'utf8')) as Digest;
  return digest.sha256 === sha256Hex(text) ? digest.phrasings : undefined;
}

const loaded = new Map<string, Phrasings>();

/** The phrasings of a file (the bundled one unless another is named), read once per run. */
export function loadPhrasings(file = BUNDLED_PHRASINGS): Phrasings {
  let phrasings = loaded.get(file);
  if (!phrasings) {
    const text = readFileSync(file, 'utf8');
    phrasings = digested(file, text) ?? parsePhrasings(file, text);
    loaded.set(file, phrasings);
  }
  return phrasings;
}
