import type { Chapter } from './types';

const DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `(三十二)` → 32: the plan numbers its items in Chinese numerals. */
export function itemNumber(clause: string): number {
  const numeral = clause.replace(/[()()]/g, '');
  const [tens, ones] = numeral.includes('十') ? numeral.split('十') : ['', numeral];
  const tensValue = numeral.includes('十') ? (tens ? DIGITS[tens] : 1) : 0;
  return tensValue * 10 + (ones ? (DIGITS[ones] ?? 0) : 0);
}

/** The chapter of the plan an item (`(十二)`) stands in: the last chapter that starts at or before it. */
export function chapterOfClause<C extends Pick<Chapter, 'first_item'>>(chapters: readonly C[], clause: string): C | undefined {
  const item = itemNumber(clause);
  let found: C | undefined;
  for (const chapter of chapters) if (itemNumber(chapter.first_item) <= item) found = chapter;
  return found;
}
