import type { Level, Unit } from './types';

/** A number a quote states, with the unit written after it: 90%, 30日, 7个工作日, 300家, 一个. */
export interface QuotedNumber {
  text: string;
  value: number;
  unit: string;
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九: the numerals a plan writes counts in. */
function chineseNumber(text: string): number {
  if (!text.includes('十')) return CHINESE_DIGITS[text] ?? NaN;
  const [tens, ones] = text.split('十');
  return (tens ? CHINESE_DIGITS[tens] : 1) * 10 + (ones ? CHINESE_DIGITS[ones] : 0);
}

const UNITS = '%|个工作日|工作日|日|天|家|次|期|件|个|名|项';
const ARABIC = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(${UNITS})?`, 'gu');
const CHINESE = new RegExp(`([一二两三四五六七八九十]+)(${UNITS})`, 'gu');

/** Every number in a quote (NFKC text), Arabic or Chinese, with its unit. */
export function numbersIn(quote: string): QuotedNumber[] {
  const found: QuotedNumber[] = [];
  for (const m of quote.matchAll(ARABIC)) found.push({ text: m[0], value: Number(m[1]), unit: m[2] ?? '' });
  for (const m of quote.matchAll(CHINESE)) found.push({ text: m[0], value: chineseNumber(m[1]), unit: m[2] });
  return found;
}

/** A threshold's value as the quote would write it: a ratio in percent, days as 日, working days as 个工作日. */
export function quoteUnitOf(value: number, unit: Unit): { value: number; units: string[] } | undefined {
  switch (unit) {
    case 'ratio':
      return { value: Math.round(value * 1e6) / 1e4, units: ['%'] };
    case 'days':
      return { value, units: ['日', '天'] };
    case 'working_days':
      return { value, units: ['个工作日', '工作日'] };
    case 'count':
      return { value, units: ['家', '次', '期', '件', '个', '名', '项', ''] };
    default:
      return undefined;
  }
}

/** The marks that end a clause (a sentence's parts, split at ;), and those that end a whole sentence. */
const CLAUSE_MARKS = ['。', ';', '!', '?', '\n'];
const SENTENCE_MARKS = ['。', '!', '?', '\n'];

/** A quote in the text around it: what stands before it and after it, up to the marks that bound it. */
export interface QuoteInContext {
  before: string;
  quote: string;
  after: string;
}

/** The text around a quote up to the marks that bound it: the last mark before it, the first after it (included). */
export function quoteInContext(source: string, quote: string, marks: readonly string[] = SENTENCE_MARKS): QuoteInContext | undefined {
  const at = source.indexOf(quote);
  if (at < 0) return undefined;
  const start = Math.max(...marks.map((mark) => source.lastIndexOf(mark, at - 1))) + 1;
  const endMarks = marks.map((mark) => source.indexOf(mark, at + quote.length)).filter((i) => i >= 0);
  const end = endMarks.length > 0 ? Math.min(...endMarks) : source.length;
  // The sentence keeps its full stop; a line's end is no part of it.
  const close = source[end] !== undefined && source[end] !== '\n' ? 1 : 0;
  return { before: source.slice(start, at), quote, after: source.slice(at + quote.length, end + close) };
}

/** The clause a quote stands in: from the last 。;!? before it to the first after it. */
export function sentenceAround(source: string, quote: string): string {
  const context = quoteInContext(source, quote, CLAUSE_MARKS);
  if (!context) return quote;
  const after = CLAUSE_MARKS.some((mark) => context.after.endsWith(mark)) ? context.after.slice(0, -1) : context.after;
  return `${context.before}${quote}${after}`;
}

/** The plan's level words and the levels they name, longest first (县级以上 before 县级). */
const LEVEL_WORDS: ReadonlyArray<readonly [string, readonly Level[]]> = [
  ['县级以上', ['province', 'city', 'county']],
  ['市、县两级', ['city', 'county']],
  ['市县级', ['city', 'county']],
  ['各级', ['province', 'city', 'county']],
  ['省级', ['province']],
];

/** The levels a text's level word names, or undefined when it has none. */
export function levelsNamedIn(text: string): readonly Level[] | undefined {
  return LEVEL_WORDS.find(([word]) => text.includes(word))?.[1];
}
