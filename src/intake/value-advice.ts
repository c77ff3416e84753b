import { isExistingDate } from '../core/dates';
import { bi, type Bilingual } from '../core/i18n';
import type { FieldSchema, ValueKind } from './schema-labels';

/** What is wrong with a value and what to write instead, in words a clerk knows: no regex, no JSON type names. */
export interface Advice {
  message: Bilingual;
  expected: Bilingual;
}

/**
 * The field a message is about. `labelled` is false in the schemas written for developers (packs, waivers,
 * calendars), where the report prints the field's path beside the message and a generic noun stands in.
 */
export interface Subject {
  zh: string;
  en: string;
  labelled: boolean;
}

export const EXPECTED: Record<ValueKind, Bilingual> = {
  flag: bi('true(是)或 false(否)', 'true or false'),
  count: bi('0 或正整数,如 3(不加引号,不带单位)', 'a whole number, 0 or more, such as 3 (no quotes, no unit)'),
  rate: bi('百分比如 "93.5%",或 0 到 1 之间的比值如 0.935', 'a percentage such as "93.5%", or a ratio from 0 to 1 such as 0.935'),
  date: bi('存在的日期,写成年-月-日,如 2024-03-01', 'a date that exists, written YYYY-MM-DD, such as 2024-03-01'),
  text: bi('文字(不能为空)', 'a non-empty text'),
};

/** The English sentence about a subject: `Label: text` when labelled, else the text alone. */
export function sayEn(subject: Subject, text: string): string {
  return subject.labelled ? `${subject.en}: ${text}` : text[0].toUpperCase() + text.slice(1);
}

/** Chinese sets no space beside its own quotation marks: 单位层级写了“县”, not 单位层级写了 “县”. */
export function tidyZh(text: string): string {
  return text.replace(/ ?“/g, '“').replace(/” ?/g, '”');
}

function advice(subject: Subject, zh: string, en: string, expected: Bilingual): Advice {
  return { message: bi(tidyZh(`${subject.zh}${zh}`), sayEn(subject, en)), expected };
}

/** `.nan`, `.inf`, `-.inf`: a number that is not finite as YAML writes it (JSON would show it as null). */
function nonFiniteText(value: number): string {
  return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
}

/** Longer values are cut in messages: a message quotes a value to point at it, not to repeat a whole list. */
const SHOWN_CHARACTERS = 60;

function cut(text: string, lang: 'zh' | 'en'): string {
  const characters = [...text];
  if (characters.length <= SHOWN_CHARACTERS) return text;
  const rest = lang === 'zh' ? `…(共 ${characters.length} 个字符)` : `… (${characters.length} characters)`;
  return characters.slice(0, SHOWN_CHARACTERS).join('') + rest;
}

/** A value as written: text in Chinese quotes, anything else as YAML would show it; a long one cut short. */
export function shown(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return nonFiniteText(value);
  return typeof value === 'string' ? `“${cut(value, 'zh')}”` : cut(JSON.stringify(value), 'zh');
}

export function shownEn(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return nonFiniteText(value);
  return typeof value === 'string' ? `"${cut(value, 'en')}"` : cut(JSON.stringify(value), 'en');
}

/**
 * `.nan`, `.inf` or `1e309` (too large, read as infinity) where a figure belongs: said as written, never as
 * `null`, `NaN` or `Infinity`.
 */
function nonFiniteAdvice(subject: Subject, value: number, written: string | undefined, example: string, expected: Bilingual): Advice {
  const as = written ?? nonFiniteText(value);
  return advice(subject, ` ${as} 不是有限的数:请写实际的数字,如 ${example}`, `${as} is not a finite number; write the actual figure, such as ${example}`, expected);
}

/** Full-width digits, letters and signs (８０％, ：) become their ASCII forms; NFKC does exactly that. */
export function halfWidth(text: string): string {
  return text.normalize('NFKC').replace(/\u3000/g, ' ');
}

function hasFullWidth(text: string): boolean {
  return halfWidth(text) !== text;
}

const CHINESE_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** The number a text starts with or holds: "7次" → 7, "两期" → 2, "95%以上" → 95. */
function numberIn(text: string): number | undefined {
  const digits = /\d+(?:\.\d+)?/.exec(halfWidth(text));
  if (digits) return Number(digits[0]);
  const chinese = [...text].find((c) => c in CHINESE_DIGITS);
  return chinese === undefined ? undefined : CHINESE_DIGITS[chinese];
}

function rateAdvice(subject: Subject, value: unknown): Advice {
  const expected = EXPECTED.rate;
  const say = (zh: string, en: string): Advice => advice(subject, zh, en, expected);
  if (typeof value === 'number') {
    if (value > 1) {
      const ratio = value / 100;
      return say(
        ` ${value} 有歧义:可能是 ${value}% 也可能是 ${value * 100}%;请写成 "${value}%" 或 ${ratio} 这样的比值`,
        `the rate ${value} is ambiguous: it could mean ${value}% or ${value * 100}%; write "${value}%" or a ratio such as ${ratio}`,
      );
    }
    return say(`不能是负数 ${value}`, `the rate ${value} is negative`);
  }
  if (typeof value === 'string') {
    const half = halfWidth(value).trim();
    const percent = /^(\d+(?:\.\d+)?)%$/.exec(half);
    if (percent && Number(percent[1]) > 100) return say(` ${shown(value)} 超过了 100%`, `${shownEn(value)} is more than 100%`);
    if (/^\d+(?:\.\d+)?$/.test(half)) {
      return Number(half) <= 1
        ? say(`的比值不要加引号,写成 ${half}`, `write the ratio without quotes: ${half}`)
        : say(` ${shown(value)} 缺少百分号,请写成 "${half}%"`, `${shownEn(value)} lacks its percent sign; write "${half}%"`);
    }
    const number = numberIn(value);
    if (number !== undefined && number <= 100) {
      const why = hasFullWidth(value) ? '用了全角字符' : '含有数字以外的文字';
      const whyEn = hasFullWidth(value) ? 'uses full-width characters' : 'holds words beside the number';
      return say(` ${shown(value)} ${why}:请用半角百分号 %,只写数字,如 "${number}%"`, `${shownEn(value)} ${whyEn}: write only the number and an ASCII percent sign, such as "${number}%"`);
    }
    return say(` ${shown(value)} 不是比率:请写成 "93.5%" 或 0.935 这样的比值`, `${shownEn(value)} is not a rate; write "93.5%" or a ratio such as 0.935`);
  }
  return say(`应写比率,如 "93.5%",不能写 ${shown(value)}`, `write a rate such as "93.5%", not ${shownEn(value)}`);
}

function countAdvice(subject: Subject, value: unknown): Advice {
  const expected = EXPECTED.count;
  const say = (zh: string, en: string): Advice => advice(subject, zh, en, expected);
  if (typeof value === 'number') {
    if (value < 0) return say(`不能是负数 ${value}`, `${value} is negative`);
    return say(`应为整数,${value} 有小数`, `${value} is not a whole number`);
  }
  if (typeof value === 'string') {
    const half = halfWidth(value).trim();
    if (/^\d+$/.test(half)) {
      return hasFullWidth(value)
        ? say(` ${shown(value)} 用了全角数字,请写成半角数字 ${half.replace(/^0+(?=\d)/, '')}`, `${shownEn(value)} uses full-width digits; write ${half.replace(/^0+(?=\d)/, '')}`)
        : say(`的数字不要加引号,写成 ${half.replace(/^0+(?=\d)/, '')}`, `write the number without quotes: ${half.replace(/^0+(?=\d)/, '')}`);
    }
    const number = numberIn(value);
    if (number !== undefined && Number.isInteger(number)) return say(` ${shown(value)} 只写数字,如 ${number}`, `${shownEn(value)}: write the number only, such as ${number}`);
    return say(` ${shown(value)} 不是数字:只写阿拉伯数字,如 3`, `${shownEn(value)} is not a number; write digits, such as 3`);
  }
  return say(`应写个数或次数,如 3,不能写 ${shown(value)}`, `write a count such as 3, not ${shownEn(value)}`);
}

const YES = new Set(['是', '有', '已', '对', '已公开', '已建立', '已编制', '已公布', '√', '✓', 'yes', 'y', 'ok']);
const NO = new Set(['否', '无', '没有', '未', '不是', '未公开', '未建立', '×', '✗', 'no', 'n']);

function flagAdvice(subject: Subject, value: unknown): Advice {
  const expected = EXPECTED.flag;
  const say = (zh: string, en: string): Advice => advice(subject, zh, en, expected);
  if (typeof value === 'string') {
    const word = halfWidth(value).trim().toLowerCase();
    if (word === 'true' || word === 'false') return say(`的 ${word} 不要加引号,写成 ${word}`, `write ${word} without quotes`);
    if (YES.has(word)) return say(` ${shown(value)} 请写成 true(是)`, `write true for ${shownEn(value)}`);
    if (NO.has(word)) return say(` ${shown(value)} 请写成 false(否)`, `write false for ${shownEn(value)}`);
  }
  return say(`请写成 true(是)或 false(否),不能写 ${shown(value)}`, `write true or false, not ${shownEn(value)}`);
}

function isRealDate(year: number, month: number, day: number): boolean {
  // Not Date.UTC: it reads the years 0 to 99 as 1900 to 1999.
  return isExistingDate(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/** Advice for a date, also for `format: date` fields outside the typed scalars (`as_of`, a waiver's expiry). */
export function dateAdvice(subject: Subject, value: unknown): Advice {
  const expected = EXPECTED.date;
  const say = (zh: string, en: string): Advice => advice(subject, zh, en, expected);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return say(` ${value} 不存在`, `the date ${value} does not exist`);
  const text = halfWidth(String(value)).trim();
  const parts = /^(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (parts && (typeof value === 'string' || typeof value === 'number')) {
    const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
    if (!isRealDate(year, month, day)) return say(` ${shown(value)} 不存在`, `the date ${shownEn(value)} does not exist`);
    const iso = `${parts[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return say(` ${shown(value)} 请写成 ${iso}(年-月-日,用半角短横线)`, `write ${shownEn(value)} as ${iso} (YYYY-MM-DD)`);
  }
  return say(` ${shown(value)} 不是日期:请写成年-月-日,如 2024-03-01`, `${shownEn(value)} is not a date; write YYYY-MM-DD, such as 2024-03-01`);
}

function textAdvice(subject: Subject, value: unknown): Advice {
  const expected = EXPECTED.text;
  if (value === '') return advice(subject, '不能为空', 'may not be empty', expected);
  return advice(subject, `应写文字;如果 ${shown(value)} 就是要写的内容,请加引号,写成 "${String(value)}"`, `write a text; if ${shownEn(value)} is what you mean, quote it: "${String(value)}"`, expected);
}

/** A value left empty inside `{ … }` (`{ from: 2024-06-01, to }`): it has a key but nothing after it. */
function blankAdvice(subject: Subject, kind: ValueKind): Advice {
  return advice(subject, '没有写值:请在键后写冒号和值', 'has no value: write a colon and the value after the key', EXPECTED[kind]);
}

const FINITE_EXAMPLE: Record<ValueKind, string> = { flag: 'true', count: '3', rate: '"93.5%"', date: '2024-03-01', text: '文字' };

/**
 * Advice for a typed scalar (`x-kind`) whose value has none of its allowed shapes; `written` is the value as the
 * file writes it (`1e309`), where it is a scalar.
 */
export function kindAdvice(kind: ValueKind, subject: Subject, value: unknown, written?: string): Advice {
  if (value === null) return blankAdvice(subject, kind);
  if (typeof value === 'number' && !Number.isFinite(value)) return nonFiniteAdvice(subject, value, written, FINITE_EXAMPLE[kind], EXPECTED[kind]);
  switch (kind) {
    case 'rate':
      return rateAdvice(subject, value);
    case 'count':
      return countAdvice(subject, value);
    case 'flag':
      return flagAdvice(subject, value);
    case 'date':
      return dateAdvice(subject, value);
    case 'text':
      return textAdvice(subject, value);
  }
}

/**
 * `county(县级)、city(市级)`: each allowed value with its Chinese meaning where the schema gives one. In a workbook
 * (`inWorkbook`) only the Chinese words of its drop-down list, which is what a clerk picks from: `县级、市级`.
 */
export function enumList(allowed: readonly unknown[], field: FieldSchema | undefined, inWorkbook = false): Bilingual {
  const words = allowed.map((value) => field?.enumZh?.[String(value)]?.[0]);
  if (inWorkbook && words.every((word) => word !== undefined)) return bi(`${words.join('、')} 之一(从下拉列表中选择)`, `one of ${words.join(', ')} (from the drop-down list)`);
  const zh = allowed.map((value) => {
    const meaning = field?.enumZh?.[String(value)]?.[0];
    return meaning ? `${String(value)}(${meaning})` : shownEn(value);
  });
  return bi(`${zh.join('、')} 之一`, `one of ${allowed.map((value) => String(value)).join(', ')}`);
}

/** A value outside an enum: a Chinese word for one of the values is pointed to that value (县 → county). */
export function enumAdvice(subject: Subject, value: unknown, allowed: readonly unknown[], field: FieldSchema | undefined, inWorkbook = false): Advice {
  const expected = enumList(allowed, field, inWorkbook);
  if (typeof value === 'string') {
    const word = halfWidth(value).trim();
    const lower = allowed.find((a) => typeof a === 'string' && a === word.toLowerCase());
    if (lower !== undefined) return advice(subject, ` ${shown(value)} 请写成小写的 ${String(lower)}`, `write ${String(lower)} in lower case`, expected);
    for (const [code, words] of Object.entries(field?.enumZh ?? {})) {
      if (words.includes(word)) {
        return advice(subject, `写了 ${shown(value)}:${words[0]}请写 ${code}`, `${shownEn(value)} means ${code}; write ${code}`, expected);
      }
    }
  }
  return advice(subject, ` ${shown(value)} 不是可选的写法`, `${shownEn(value)} is not one of the allowed values`, expected);
}

/** `^[0-9]{6}$` and the like, said in words; undefined for a pattern that has no plain reading. */
function digitsOf(pattern: string): number | undefined {
  const match = /^\^\[0-9\]\{(\d+)\}\$$/.exec(pattern) ?? /^\^\\d\{(\d+)\}\$$/.exec(pattern);
  return match ? Number(match[1]) : undefined;
}

/** A text that does not match its pattern: said in words where the pattern is a fixed number of digits. */
export function patternAdvice(subject: Subject, value: unknown, pattern: string, field: FieldSchema | undefined): Advice | undefined {
  const digits = digitsOf(pattern);
  if (digits === undefined) return undefined;
  const example = field?.examples?.[0] !== undefined ? String(field.examples[0]) : '1'.repeat(digits);
  const expected = bi(`${digits} 位数字,加引号,如 "${example}"`, `${digits} digits in quotes, such as "${example}"`);
  const text = String(value);
  const half = halfWidth(text);
  if (half !== text && /^\d+$/.test(half) && half.length === digits) {
    return advice(subject, ` ${shown(value)} 用了全角数字,请改为半角数字 "${half}"`, `${shownEn(value)} uses full-width digits; write "${half}"`, expected);
  }
  const count = /^\d+$/.test(half) ? `(${shown(value)} 是 ${half.length} 位)` : '';
  const countEn = /^\d+$/.test(half) ? ` (${shownEn(value)} has ${half.length})` : '';
  return advice(subject, `应为 ${digits} 位数字,如 "${example}"${count}`, `write ${digits} digits, such as "${example}"${countEn}`, expected);
}

/** The number of digits every allowed value has (4 for a year from 2000 to 2100), if they all have the same. */
function fixedDigits(field: FieldSchema | undefined): number | undefined {
  if (field?.minimum === undefined || field.maximum === undefined) return undefined;
  const low = String(Math.trunc(field.minimum)).length;
  return low === String(Math.trunc(field.maximum)).length ? low : undefined;
}

/** A whole number outside its range, or written with words: `2024年` → 写成 4 位数字,如 2024. */
export function integerAdvice(subject: Subject, value: unknown, field: FieldSchema | undefined, written?: string): Advice {
  const digits = fixedDigits(field);
  const number = typeof value === 'string' ? numberIn(value) : typeof value === 'number' ? value : undefined;
  const inRange = number !== undefined && Number.isInteger(number) && (field?.minimum === undefined || number >= field.minimum) && (field?.maximum === undefined || number <= field.maximum);
  const example = inRange ? number : (field?.examples?.[0] ?? field?.minimum ?? 3);
  const range = field?.minimum !== undefined && field.maximum !== undefined ? bi(`${field.minimum} 到 ${field.maximum} 之间`, `from ${field.minimum} to ${field.maximum}`) : undefined;
  const expected = digits ? bi(`${digits} 位数字${range ? `(${range.zh})` : ''},如 ${example}`, `${digits} digits${range ? ` (${range.en})` : ''}, such as ${example}`) : EXPECTED.count;
  if (typeof value === 'number' && !Number.isFinite(value)) return nonFiniteAdvice(subject, value, written, String(example), expected);
  if (typeof value === 'string' && /^\d+$/.test(halfWidth(value).trim()) && (!digits || halfWidth(value).trim().length === digits)) {
    return advice(subject, `的数字不要加引号,写成 ${example}`, `write the number without quotes: ${example}`, expected);
  }
  if (digits) return advice(subject, `写成 ${digits} 位数字,如 ${example}`, `write ${digits} digits, such as ${example}`, expected);
  return advice(subject, ` ${shown(value)} 只写数字,如 ${example}`, `${shownEn(value)}: write the number only, such as ${example}`, expected);
}
