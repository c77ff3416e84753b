import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import localizeZh from 'ajv-i18n/localize/zh';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bi, type Bilingual } from '../i18n';
import { SCHEMA_DIR } from '../paths';
import { formatFieldPath, pointerToPath, type FieldPath } from './field-path';
import type { InputProblem } from './problem';
import type { ParsedFile } from './yaml-file';

/** The typed scalars of the schemas; `x-kind` on a definition names one, so an error can say what was expected. */
export type ValueKind = 'flag' | 'count' | 'rate' | 'date' | 'text';

const EXPECTED: Record<ValueKind, Bilingual> = {
  flag: bi('true 或 false', 'true or false'),
  count: bi('0 或正整数', 'a whole number, 0 or more'),
  rate: bi('百分比如 "93.5%",或 0 到 1 之间的比值如 0.935', 'a percentage such as "93.5%", or a ratio from 0 to 1 such as 0.935'),
  date: bi('存在的日期,格式 YYYY-MM-DD', 'a date that exists, written YYYY-MM-DD'),
  text: bi('非空文字', 'a non-empty text'),
};

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false });
addFormats(ajv, ['date']);
ajv.addKeyword({ keyword: 'x-kind', schemaType: 'string' });
// The English label of a field; its Chinese label is the standard `title` (see submission/field-labels.ts).
ajv.addKeyword({ keyword: 'x-title-en', schemaType: 'string' });

const compiled = new Map<string, ValidateFunction>();

/** Compiles a schema of `schemas/` once per process. */
export function schemaValidator(name: string): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8')) as object);
    compiled.set(name, validate);
  }
  return validate;
}

/** Validates parsed data against a schema; the problems say file, line, column, field and what was expected. */
export function validateAgainst(name: string, parsed: ParsedFile): InputProblem[] {
  const validate = schemaValidator(name);
  if (validate(parsed.data)) return [];
  return describeErrors(validate.errors ?? [], parsed);
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

function kindOf(error: ErrorObject): ValueKind | undefined {
  const parent = error.parentSchema as Record<string, unknown> | undefined;
  return parent?.['x-kind'] as ValueKind | undefined;
}

function unwrapValue(data: unknown): unknown {
  return data !== null && typeof data === 'object' && 'value' in data ? (data as { value: unknown }).value : data;
}

function kindProblem(kind: ValueKind, data: unknown): Described {
  const value = unwrapValue(data);
  const expected = EXPECTED[kind];
  if (kind === 'rate' && typeof value === 'number' && value > 1) {
    return {
      message: bi(
        `比率 ${value} 有歧义:可能是 ${value}% 也可能是 ${value * 100}%;请写成 "${value}%" 或 ${value / 100} 这样的比值`,
        `The rate ${value} is ambiguous: it could mean ${value}% or ${value * 100}%; write "${value}%" or a ratio such as ${value / 100}`,
      ),
      expected,
    };
  }
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return { message: bi(`日期 ${value} 不存在`, `The date ${value} does not exist`), expected };
  }
  return { message: bi(`取值 ${show(value)} 不符合要求,应为${expected.zh}`, `The value ${show(value)} is not ${expected.en}`), expected };
}

interface Described {
  message: Bilingual;
  expected?: Bilingual;
  /** The problem is about a property of the place (a missing or unknown field). */
  fieldSuffix?: string;
  at?: 'key';
}

function otherProblem(error: ErrorObject, zh: string): Described {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { fieldSuffix: String(params.missingProperty), message: bi(`缺少必填字段 ${params.missingProperty}`, `The required field ${params.missingProperty} is missing`) };
    case 'additionalProperties': {
      const allowed = Object.keys(((error.parentSchema as { properties?: object }).properties ?? {}) as object);
      return {
        fieldSuffix: String(params.additionalProperty),
        at: 'key',
        message: bi(`未知字段 ${params.additionalProperty}(是否拼写有误?)`, `Unknown field ${params.additionalProperty} (a typo?)`),
        expected: bi(`以下字段之一:${allowed.join('、')}`, `one of: ${allowed.join(', ')}`),
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(show);
      return { message: bi(`取值 ${show(error.data)} 不在允许范围内`, `The value ${show(error.data)} is not allowed`), expected: bi(allowed.join('、'), allowed.join(', ')) };
    }
    case 'format':
      if (params.format === 'date' && typeof error.data === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(error.data)) {
        return { message: bi(`日期 ${error.data} 不存在`, `The date ${error.data} does not exist`), expected: EXPECTED.date };
      }
      return { message: bi(`取值 ${show(error.data)} 格式不正确:${zh}`, `The value ${show(error.data)} is malformed: ${error.message}`), expected: EXPECTED.date };
    default:
      return { message: bi(`取值 ${show(error.data)} 不符合要求:${zh}`, `The value ${show(error.data)} is not valid: ${error.message}`) };
  }
}

/** Ajv reports every branch of a oneOf; keep the errors a person can act on, one per place. */
export function describeErrors(errors: readonly ErrorObject[], parsed: ParsedFile): InputProblem[] {
  const zhErrors = errors.map((e) => ({ ...e }));
  localizeZh(zhErrors);
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  errors.forEach((error, index) => {
    const insideKind = /^#\/definitions\/[a-z]+\//.test(error.schemaPath) && !kindOf(error);
    // `if` errors and the inner branches of typed scalars repeat what another error says better.
    if (insideKind || error.keyword === 'if' || (error.keyword === 'oneOf' && !kindOf(error))) return;
    const path = pointerToPath(error.instancePath);
    const kind = kindOf(error);
    const described = kind ? kindProblem(kind, error.data) : otherProblem(error, zhErrors[index].message ?? '');
    const suffix = described.fieldSuffix;
    const fieldPath: FieldPath = suffix ? [...path, suffix] : path;
    const key = `${formatFieldPath(fieldPath)}|${error.keyword}`;
    if (seen.has(key)) return;
    seen.add(key);
    const at = described.at ?? 'value';
    // A `{value, source}` scalar is best shown at its value.
    const valuePath: FieldPath = kind && error.data !== null && typeof error.data === 'object' && 'value' in error.data ? [...path, 'value'] : path;
    const place = parsed.locate(suffix && at === 'value' ? path : suffix ? fieldPath : valuePath, at);
    problems.push({
      file: parsed.file,
      line: place.line,
      column: place.column,
      ...(fieldPath.length ? { field: formatFieldPath(fieldPath) } : {}),
      message: described.message,
      ...(described.expected ? { expected: described.expected } : {}),
    });
  });
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
