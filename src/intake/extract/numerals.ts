/**
 * Numbers as reports write them: Arabic digits (half or full width) or Chinese numerals (十二, 两, 一百零五, 〇).
 */

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** The characters a Chinese numeral is written with. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万';

/** The value of a Chinese numeral (十二 → 12, 两 → 2, 二十 → 20, 一百零五 → 105), or undefined when it is not one. */
export function chineseNumeral(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (DIGITS[ch] !== undefined) {
      digit = DIGITS[ch];
    } else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = undefined;
    } else if (UNITS[ch] !== undefined) {
      // 十 alone or at the start is ten (十二 = 12).
      section += (digit ?? 1) * UNITS[ch];
      digit = undefined;
    } else {
      return undefined;
    }
  }
  return total + section + (digit ?? 0);
}

/** The value of a number written in digits or Chinese numerals, or undefined. */
export function numberValue(text: string): number | undefined {
  const half = text.replace(/[\uFF10-\uFF19\uFF0E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  if (/^\d+(\.\d+)?$/.test(half)) return Number(half);
  return chineseNumeral(text);
}
