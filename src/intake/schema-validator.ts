import type { ErrorObject } from 'ajv';
import { bi, type Bilingual } from '../core/i18n';
import { closestName } from './closest-name';
import { formatFieldPath, pointerToPath, type FieldPath } from './field-path';
import type { InputProblem } from './problem';
import { generalPath, KIND_EXAMPLE, schemaFields, schemaFieldsOf, type FieldSchema, type SchemaFields, type ValueKind } from './schema-labels';
import { dateAdvice, enumAdvice, enumList, EXPECTED, halfWidth, integerAdvice, kindAdvice, patternAdvice, sayEn, shown, shownEn, tidyZh, type Advice, type Subject } from './value-advice';
import { fullWidthColonProblem } from './yaml-hints';
import type { ParsedDocument } from './format';
import { comparePositions } from '../core/place';
import { isLinePosition } from '../core/place';
import { schemaValidator } from './schema-compiler';

export type { ValueKind } from './schema-labels';
export { schemaValidator } from './schema-compiler';

/** Validates parsed data against a schema; the problems say file, line, column, field and what was expected. */
export function validateAgainst(name: string, parsed: ParsedDocument): InputProblem[] {
  const validate = schemaValidator(name);
  if (validate(parsed.data)) return [];
  return describeErrors(validate.errors ?? [], parsed, schemaFieldsOf(name));
}

/** What one error says, and where: `at: 'key'` points at a key (an unknown field) rather than at its value. */
interface Said {
  path: FieldPath;
  at?: 'key' | 'value';
  /** The field the problem is about, when it is not `path` (a missing field is placed at its parent). */
  field?: FieldPath;
  subject: Subject;
  advice: Advice;
  /** A problem placed by its own reading of the line (a full-width colon). */
  placed?: InputProblem;
}

interface Context {
  parsed: ParsedDocument;
  fields: SchemaFields;
  errors: readonly ErrorObject[];
}

const KIND_NOUN: Record<ValueKind, Bilingual> = {
  flag: bi('取值', 'the value'),
  count: bi('数量', 'the count'),
  rate: bi('比率', 'the rate'),
  date: bi('日期', 'the date'),
  text: bi('文字', 'the text'),
};


function subjectAt(ctx: Context, path: FieldPath, noun: Bilingual = bi('取值', 'the value')): Subject {
  const zh = ctx.fields.label(path, 'zh');
  if (zh !== undefined) return { zh, en: ctx.fields.label(path, 'en') ?? zh, labelled: true };
  // The submission as a whole, in a schema that labels its fields.
  if (path.length === 0 && ctx.fields.titled) return { zh: '报送文件', en: 'The submission', labelled: true };
  return { zh: noun.zh, en: noun.en, labelled: false };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function samePath(a: FieldPath, b: FieldPath): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}


/** `{ source: 报告 共191条,实施率100% }`: the comma cut the text, and what follows it became a key without a value. */
function cutText(ctx: Context, path: FieldPath, key: string, owner: Subject): Said | undefined {
  const bare = ctx.parsed.bareKeys.find((b) => samePath(b.path, [...path, key]));
  if (!bare) return undefined;
  if (!bare.cut) {
    return {
      path: [...path, key],
      at: 'key',
      subject: owner,
      advice: {
        message: bi(`${owner.zh}中的“${key}”后面没有冒号和值`, sayEn(owner, `"${key}" has no colon and no value after it`)),
        expected: bi('键: 值,如 value: 95%', 'key: value, such as value: 95%'),
      },
    };
  }
  const { key: cutKey, text } = bare.cut;
  const cutField = [...path, cutKey];
  const cutZh = cutKey === 'source' ? `${owner.zh}的出处` : (ctx.fields.label(cutField, 'zh') ?? cutKey);
  const cutEn = `the ${cutKey === 'source' ? 'source' : (ctx.fields.get(generalPath(cutField))?.titleEn ?? cutKey).toLowerCase()}`;
  return {
    path: [...path, key],
    at: 'key',
    field: cutField,
    subject: owner,
    advice: {
      message: bi(
        `${cutZh}在逗号处被截断了:逗号后面的“${key}”被当成了另一个键。含逗号的文字请整个加引号,写成 ${cutKey}: "${text}"`,
        sayEn(owner, `${cutEn} was cut short at a comma, and "${key}" after it became a key of its own; put text with a comma in quotes: ${cutKey}: "${text}"`),
      ),
      expected: bi(`加了引号的文字,如 ${cutKey}: "${text}"`, `the text in quotes, such as ${cutKey}: "${text}"`),
    },
  };
}

interface Branch {
  index: number;
  properties: Record<string, { title?: string; 'x-title-en'?: string }>;
  required: string[];
}

/** The `{ … }` forms a typed scalar may take: `{ value, source }`, and for some `{ not_required: 理由 }`. */
function objectBranches(error: ErrorObject): Branch[] {
  const branches = ((error.parentSchema as { oneOf?: { type?: string; properties?: Branch['properties']; required?: string[] }[] } | undefined)?.oneOf ?? []).map((branch, index) => ({ branch, index }));
  return branches.filter(({ branch }) => branch.type === 'object').map(({ branch, index }) => ({ index, properties: branch.properties ?? {}, required: branch.required ?? [] }));
}

/** `{ value: …, source: … }` or `{ not_required: 理由 }`, with each key's Chinese name. */
function formOf(branch: Branch, kind: ValueKind): Bilingual {
  const keys = Object.keys(branch.properties);
  if (keys.includes('value')) return bi(`{ value: 数值, source: 出处 },如 { value: ${KIND_EXAMPLE[kind]}, source: 台账 }`, `{ value: …, source: … }, such as { value: ${KIND_EXAMPLE[kind]}, source: register }`);
  return bi(`{ ${keys.map((key) => `${key}: ${branch.properties[key].title ?? '…'}`).join(', ')} }`, `{ ${keys.map((key) => `${key}: …`).join(', ')} }`);
}

/** A typed scalar that has none of its shapes: said once, about the value or about the keys of its `{ … }` form. */
function kindSaid(ctx: Context, error: ErrorObject, kind: ValueKind, definition: string): Said[] {
  const path = pointerToPath(error.instancePath);
  const subject = subjectAt(ctx, path, KIND_NOUN[kind]);
  const data: unknown = error.data;
  const branches = objectBranches(error);
  if (!isRecord(data) || branches.length === 0) return [{ path, subject, advice: kindAdvice(kind, subject, data, ctx.parsed.scalarSource(path)) }];
  // The form the clerk meant: the one that knows most of the keys written (a typo still leaves `value`).
  const fit = (branch: Branch): number => Object.keys(data).filter((key) => key in branch.properties).length;
  const branch = branches.reduce((best, next) => (fit(next) > fit(best) ? next : best));
  const known = Object.keys(branch.properties);
  const form = formOf(branch, kind);
  const inner = ctx.errors.filter((e) => e.schemaPath.startsWith(`#/definitions/${definition}/oneOf/${branch.index}/`) && e.instancePath.startsWith(`${error.instancePath}/`));
  const said: Said[] = [];
  for (const key of Object.keys(data).filter((k) => !known.includes(k))) {
    const cut = cutText(ctx, path, key, subject);
    if (cut) {
      said.push(cut);
      continue;
    }
    const guess = closestName(key, known);
    const allowed = known.map((name) => `${name}(${branch.properties[name].title ?? name})`).join('和 ');
    const only = known.includes('value') ? '带出处的值只能写' : '这种写法只能写';
    said.push({
      path: [...path, key],
      at: 'key',
      subject,
      advice: {
        message: bi(`${subject.zh}中有未知的键 ${key}${guess ? `(是不是 ${guess}?)` : ''}:${only} ${allowed}`, sayEn(subject, `unknown key ${key}${guess ? ` (did you mean ${guess}?)` : ''}; this form has only ${known.join(' and ')}`)),
        expected: form,
      },
    });
  }
  for (const key of branch.required.filter((k) => !(k in data))) {
    const name = branch.properties[key]?.title ?? key;
    said.push({ path, subject, advice: { message: bi(`${subject.zh}缺少${name} ${key}`, sayEn(subject, `${key} is missing`)), expected: form } });
  }
  for (const key of known.filter((k) => k in data && inner.some((e) => e.instancePath === `${error.instancePath}/${k}` || e.instancePath.startsWith(`${error.instancePath}/${k}/`)))) {
    if (key === 'value') {
      said.push({ path: [...path, 'value'], field: path, subject, advice: kindAdvice(kind, subject, data.value, ctx.parsed.scalarSource([...path, 'value'])) });
      continue;
    }
    const name = branch.properties[key].title ?? key;
    const nameEn = branch.properties[key]['x-title-en'] ?? key;
    if (data[key] === '') {
      said.push({
        path: [...path, key],
        subject,
        advice: { message: bi(`${subject.zh}的${name}是空的:请写上${name},或删去 ${key}`, sayEn(subject, `the ${nameEn} is empty: write it, or leave ${key} out`)), expected: bi(`文字,如 ${key}: "2024年度报告 一、(三)"`, `a text, such as ${key}: "annual report, part 1 (3)"`) },
      });
      continue;
    }
    said.push({ path: [...path, key], subject, advice: { message: bi(`${subject.zh}的${name}应写文字,不能为空`, sayEn(subject, `the ${nameEn} is a non-empty text`)), expected: bi(`文字,如 ${key}: "2024年度报告 一、(三)"`, `a text, such as ${key}: "annual report, part 1 (3)"`) } });
  }
  return said.length > 0 ? said : [{ path, subject, advice: kindAdvice(kind, subject, data) }];
}

/** Where a field belongs, for a key put in the wrong section: `leadership(领导与保障)`. */
function homeText(ctx: Context, general: string): Bilingual {
  const parent = general.includes('.') ? general.slice(0, general.lastIndexOf('.')) : '';
  if (!parent) return bi('最外层(不缩进)', 'the top level (not indented)');
  const shownPath = parent.replace(/\[\]/g, '');
  const field = ctx.fields.get(parent.endsWith('[]') ? parent.slice(0, -2) : parent);
  const each = parent.endsWith('[]') ? bi('的每一条', ', in each record') : bi('', '');
  return field?.title ? bi(`${shownPath}(${field.title})${each.zh}`, `${shownPath} (${field.titleEn ?? field.title})${each.en}`) : bi(shownPath, shownPath);
}

function allowedList(ctx: Context, path: FieldPath, allowed: readonly string[]): Bilingual {
  const base = generalPath(path);
  const zh = allowed.map((name) => {
    const title = ctx.fields.get(base ? `${base}.${name}` : name)?.title;
    return title ? `${name}(${title})` : name;
  });
  return bi(`以下字段之一:${zh.join('、')}`, `one of: ${allowed.join(', ')}`);
}

/** A key the schema does not know: a typo, a key put in the wrong section, or text cut at a comma. */
function unknownKeySaid(ctx: Context, error: ErrorObject): Said {
  const path = pointerToPath(error.instancePath);
  const key = String((error.params as { additionalProperty: string }).additionalProperty);
  const owner = subjectAt(ctx, path);
  const cut = cutText(ctx, path, key, owner);
  if (cut) return cut;
  const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
  const expected = allowedList(ctx, path, allowed);
  const at = { path: [...path, key], at: 'key' as const, subject: owner };
  if (!owner.labelled) {
    const guess = closestName(key, allowed);
    return { ...at, advice: { message: bi(`未知字段 ${key}(是否拼写有误?${guess ? `是不是 ${guess}?` : ''})`, `Unknown field ${key} (a typo?${guess ? ` did you mean ${guess}?` : ''})`), expected } };
  }
  const say = (zh: string, en: string, expectedHere = expected): Said => ({ ...at, advice: { message: bi(zh, sayEn(owner, en)), expected: expectedHere } });
  const half = halfWidth(key).trim();
  // A full-width space before a key moves it out of its section: the fix is the indentation, not the name.
  if (/^\u3000/.test(key)) {
    return say(`${owner.zh}中的“${key}”开头是全角空格:缩进请改用半角空格`, `"${key}" starts with a full-width space: indent with ASCII spaces`, bi('用半角空格缩进', 'indentation with ASCII spaces'));
  }
  if (half !== key && allowed.includes(half)) {
    return say(`${owner.zh}中的“${key}”含有全角字符(全角空格或全角字母),请改为半角:${half}`, `"${key}" holds full-width characters (a full-width space or letters); write ${half}`);
  }
  const byTitle = allowed.find((name) => ctx.fields.get(generalPath([...path, name]))?.title === key.trim());
  if (byTitle) return say(`${owner.zh}中的“${key}”请写 ${byTitle}`, `write ${byTitle} for "${key}"`);
  const own = generalPath(path);
  const parentOf = (general: string): string => (general.includes('.') ? general.slice(0, general.lastIndexOf('.')) : '');
  const homes = ctx.fields.pathsNamed(key).filter((general) => parentOf(general) !== own);
  if (homes.length > 0) {
    const where = homes.map((home) => homeText(ctx, home));
    const first = parentOf(homes[0]).replace(/\[\]/g, '') || where[0].zh;
    // A space before a path (属于 leadership), none before Chinese (属于最外层).
    const spaced = (text: string): string => (/^[A-Za-z]/.test(text) ? ` ${text}` : text);
    return say(
      `${key} 不属于${owner.zh}:${key} 属于${spaced(where.map((w) => w.zh).join('、'))},请移到那里`,
      `${key} does not belong here: it belongs in ${where.map((w) => w.en).join(', ')}; move it there`,
      bi(`移到${spaced(first)}${/^[A-Za-z]/.test(first) ? ' 下' : ''}`, `under ${first}`),
    );
  }
  const guess = closestName(key, allowed);
  if (guess) {
    const title = ctx.fields.get(generalPath([...path, guess]))?.title;
    return say(`${owner.zh}中有未知字段 ${key}(是否拼写有误?是不是 ${guess}${title ? `(${title})` : ''}?)`, `unknown field ${key} (a typo? did you mean ${guess}?)`);
  }
  return say(`${owner.zh}中有未知字段 ${key}(是否拼写有误?)`, `unknown field ${key} (a typo?)`);
}

function requiredSaid(ctx: Context, error: ErrorObject): Said {
  const path = pointerToPath(error.instancePath);
  const missing = String((error.params as { missingProperty: string }).missingProperty);
  const field = [...path, missing];
  const child = subjectAt(ctx, field);
  if (!child.labelled) {
    return { path, field, subject: child, advice: { message: bi(`缺少必填字段 ${missing}`, `The required field ${missing} is missing`), expected: bi(`写上 ${missing}`, `a value for ${missing}`) } };
  }
  const owner = subjectAt(ctx, path);
  const info = ctx.fields.get(generalPath(field));
  const enumValues = (((error.parentSchema as { properties?: Record<string, { enum?: unknown[] }> } | undefined)?.properties ?? {})[missing])?.enum;
  const expected = enumValues ? enumList(enumValues, info) : info?.description ? bi(info.description, describedEn(info, missing)) : info?.kind ? EXPECTED[info.kind] : bi(`写上 ${missing}`, `a value for ${missing}`);
  return {
    path,
    field,
    subject: child,
    // The owner names the record (豁免第 3 条); the missing field is named by its own title beside it.
    advice: { message: bi(`${owner.zh}缺少必填项“${info?.title ?? child.zh}”:请写上 ${missing}`, sayEn(owner, `the required field ${info?.titleEn ?? child.en} (${missing}) is missing`)), expected },
  };
}

/** The English of an `expected` taken from a Chinese description: what the kind takes, else the field named. */
function describedEn(info: FieldSchema, key: string): string {
  if (info.kind) return EXPECTED[info.kind].en;
  if (info.descriptionEn) return info.descriptionEn;
  return `a value for ${key}${info.titleEn ? ` (${info.titleEn})` : ''}`;
}

const TYPE_ZH: Record<string, string> = { string: '文字', integer: '整数', number: '数字', boolean: 'true 或 false', object: '逐项写出的“键: 值”', array: '列表', null: '空' };

function typeSaid(ctx: Context, error: ErrorObject): Said {
  const path = pointerToPath(error.instancePath);
  const subject = subjectAt(ctx, path);
  const info = ctx.fields.get(generalPath(path));
  const type = String((error.params as { type: string | string[] }).type);
  const data: unknown = error.data;
  const say = (zh: string, en: string, expected: Bilingual): Said => ({ path, subject, advice: { message: bi(tidyZh(`${subject.zh}${zh}`), sayEn(subject, en)), expected } });
  if (type === 'string' && (typeof data === 'number' || typeof data === 'boolean')) {
    // YAML reads 043109 as the number 43109: the text as written keeps its digits.
    const written = ctx.parsed.scalarSource(path) ?? String(data);
    const pattern = (error.parentSchema as { pattern?: string } | undefined)?.pattern;
    const unmatched = pattern !== undefined && !new RegExp(pattern, 'u').test(written) ? patternAdvice(subject, written, pattern, info) : undefined;
    if (unmatched) return { path, subject, advice: unmatched };
    return say(`请加引号,写成 "${written}"`, `put it in quotes: "${written}"`, bi(`加引号的文字,如 "${written}"`, `a text in quotes, such as "${written}"`));
  }
  if (type === 'integer' || type === 'number') return { path, subject, advice: integerAdvice(subject, data, info, ctx.parsed.scalarSource(path)) };
  if (type === 'boolean') return { path, subject, advice: kindAdvice('flag', subject, data) };
  if (type === 'object') {
    const first = info?.properties[0];
    const expected = bi(`换行后缩进两个空格,逐项写“键: 值”${first ? `,如 ${first}: …` : ''}`, `key: value pairs on the lines below, indented two spaces${first ? `, such as ${first}: …` : ''}`);
    const at = ctx.parsed.locate(path);
    // A full-width colon is read off the line it is on: only a text format has lines.
    if (typeof data === 'string' && data.includes('：') && ctx.parsed.text !== undefined && isLinePosition(at)) {
      const placed = fullWidthColonProblem(ctx.parsed.file, ctx.parsed.text.split(/\r?\n/)[at.line - 1] ?? '', at.line);
      if (placed) return { path, subject, advice: { message: placed.message, expected: placed.expected ?? expected }, placed };
    }
    if (Array.isArray(data)) return say('下面应逐项写“键: 值”,不是列表', 'takes key: value pairs, not a list', expected);
    return say(`下面应换行缩进,逐项写“键: 值”,不能直接写 ${shown(data)}`, `takes key: value pairs on the lines below, not ${shownEn(data)}`, expected);
  }
  if (type === 'array') {
    return say('应为列表:每条以“- ”开头;本年度没有则写 []', 'takes a list: one record per "- " line, or [] for none', bi('列表,每条以“- ”开头,或 []', 'a list, one "- " line per record, or []'));
  }
  const zh = TYPE_ZH[type] ?? type;
  return say(` ${shown(data)} 应为${zh}`, `${shownEn(data)} should be ${type === 'object' ? 'key: value pairs' : `a ${type}`}`, bi(zh, type));
}

function otherSaid(ctx: Context, error: ErrorObject, zhMessage: string): Said {
  const path = pointerToPath(error.instancePath);
  const subject = subjectAt(ctx, path);
  const info = ctx.fields.get(generalPath(path));
  const params = error.params as Record<string, unknown>;
  const data: unknown = error.data;
  switch (error.keyword) {
    case 'type':
      return typeSaid(ctx, error);
    case 'required':
      return requiredSaid(ctx, error);
    case 'additionalProperties':
      return unknownKeySaid(ctx, error);
    case 'enum':
      return { path, subject, advice: enumAdvice(subject, data, params.allowedValues as unknown[], info, ctx.parsed.cells === true) };
    case 'format':
      if (params.format === 'date') return { path, subject: subjectAt(ctx, path, KIND_NOUN.date), advice: dateAdvice(subjectAt(ctx, path, KIND_NOUN.date), data) };
      break;
    case 'pattern': {
      const advice = patternAdvice(subject, data, String(params.pattern), info);
      if (advice) return { path, subject, advice };
      break;
    }
    case 'minLength':
      return { path, subject, advice: { message: bi(`${subject.zh}不能为空`, sayEn(subject, 'may not be empty')), expected: EXPECTED.text } };
    case 'minimum':
    case 'maximum':
      if (typeof data === 'number' && Number.isInteger(data) && info?.minimum !== undefined && info.maximum !== undefined) return { path, subject, advice: integerAdvice(subject, data, info) };
      break;
    case 'uniqueItems':
      return {
        path,
        subject,
        advice: {
          message: bi(`${subject.labelled ? subject.zh : '列表'}中第 ${Number(params.j) + 1} 项与第 ${Number(params.i) + 1} 项重复`, sayEn(subject, `items ${Number(params.j) + 1} and ${Number(params.i) + 1} are the same`)),
          expected: bi('各项互不相同', 'each item once'),
        },
      };
    default:
      break;
  }
  const expected = subject.labelled && info?.description ? bi(info.description, describedEn(info, String(path[path.length - 1] ?? ''))) : bi(plainZh(zhMessage), error.message ?? '');
  const message = subject.labelled
    ? bi(tidyZh(`${subject.zh} ${shown(data)} 的写法不对`), sayEn(subject, `${shownEn(data)} is not valid`))
    : bi(`取值 ${shown(data)} 不符合要求:${plainZh(zhMessage)}`, `The value ${shownEn(data)} is not valid: ${error.message}`);
  return { path, subject, advice: { message, expected } };
}

/** ajv-i18n's Chinese, loaded when first needed (a CommonJS module whose export is the function itself). */
function localizeZh(): (errors: ErrorObject[] | null | undefined) => void {
  const loaded = require('ajv-i18n/localize/zh') as ((errors: ErrorObject[] | null | undefined) => void) | { default: (errors: ErrorObject[] | null | undefined) => void };
  return typeof loaded === 'function' ? loaded : loaded.default;
}

/** Ajv's Chinese (ajv-i18n) without JSON type names or patterns: `应当是 integer 类型` → `应为整数`. */
function plainZh(text: string): string {
  return text
    .replace(/应当是 (\w+) 类型/g, (_m, type: string) => `应为${TYPE_ZH[type] ?? '其他写法'}`)
    .replace(/应当匹配模式 ".*"/g, '写法不符合要求')
    .replace(/应当匹配格式 "date"/g, '应为存在的日期,写成年-月-日')
    .replace(/只能匹配一个 "oneOf" 中的 schema/g, '不是可选的写法之一')
    .replace(/应当为 (>=|<=|>|<) /g, (_m, op: string) => ({ '>=': '应不小于 ', '<=': '应不大于 ', '>': '应大于 ', '<': '应小于 ' })[op] ?? '应为 ')
    .replace(/应当是 (\w+)/g, '写法不符合要求');
}

function definitionOf(schemaPath: string): string | undefined {
  return /^#\/definitions\/([^/]+)\//.exec(schemaPath)?.[1];
}

function kindOf(error: ErrorObject): ValueKind | undefined {
  return (error.parentSchema as { 'x-kind'?: ValueKind } | undefined)?.['x-kind'];
}

const UNLABELLED = schemaFields({});

/**
 * Ajv's errors as a clerk can act on them: one problem per mistake, naming the field by its label, saying what
 * to write instead, in line order. Ajv reports every branch of a typed scalar's oneOf; they are said once.
 */
export function describeErrors(errors: readonly ErrorObject[], parsed: ParsedDocument, fields: SchemaFields = UNLABELLED): InputProblem[] {
  const zhErrors = errors.map((e) => ({ ...e }));
  // ajv-i18n only when there is something to say: a run of valid files never loads it.
  localizeZh()(zhErrors);
  const ctx: Context = { parsed, fields, errors };
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  errors.forEach((error, index) => {
    if (error.keyword === 'if') return;
    const kind = kindOf(error);
    const definition = definitionOf(error.schemaPath);
    let said: Said[];
    if (kind && error.keyword === 'oneOf' && definition) said = kindSaid(ctx, error, kind, definition);
    else if (definition && fields.kindDefinitions.has(definition)) return;
    else said = [otherSaid(ctx, error, zhErrors[index].message ?? '')];
    for (const one of said) {
      const field = one.field ?? one.path;
      const place = one.placed?.at ?? parsed.locate(one.path, one.at ?? 'value');
      const problem: InputProblem = {
        file: parsed.file,
        at: place,
        ...(field.length ? { field: formatFieldPath(field) } : {}),
        ...(one.subject.labelled ? { label: bi(one.subject.zh, one.subject.en) } : {}),
        message: one.advice.message,
        expected: one.advice.expected,
      };
      const key = `${JSON.stringify(problem.at)}:${problem.message.zh}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(problem);
    }
  });
  return problems.sort((a, b) => comparePositions(a.at, b.at));
}
