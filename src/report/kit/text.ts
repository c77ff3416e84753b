import type { Lang } from '../../core/i18n';
import type { InputProblem } from '../../intake/problem';
import { positionWords } from '../../core/place';
import { UNREADABLE } from './labels';
import { problemsByFile } from './view';

/**
 * What the terminal reports of every subject share: the width of text in a terminal's cells, and the problems of an
 * input as indented lines. Each report still passes every line through `terminalLines` before it is written.
 */

const EXPECTED: Readonly<Record<Lang, string>> = { zh: '应为', en: 'expected' };

/** One problem of an input as indented lines: place, field and message, then what was expected below it. */
export function problemLines(problem: InputProblem, lang: Lang, indent: string): string[] {
  // A labelled problem names its field in words (执法决定第 4 条的公开日期); English readers also get the path.
  const place = [positionWords(problem.at, lang), problem.label ? undefined : problem.field].filter(Boolean).join(' ');
  const path = problem.label && problem.field && lang === 'en' ? ` (${problem.field})` : '';
  const lines = [`${indent}${place ? `${place}: ` : ''}${problem.message[lang]}${path}`];
  if (problem.expected) lines.push(`${indent}  ${EXPECTED[lang]}: ${problem.expected[lang]}`);
  return lines;
}

/** Packs, calendars and waiver files that could not be read: each file named once, its problems below it. */
export function inputProblemLines(problems: readonly InputProblem[], lang: Lang): string[] {
  return problemsByFile(problems).flatMap(([file, list]) => [`✗ ${UNREADABLE[lang]} ${file}`, ...list.flatMap((p) => problemLines(p, lang, '    '))]);
}

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** Columns in a terminal: a Chinese character takes two cells. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/** The text in exactly `width` cells: padded, or cut with "…" when it is longer. */
export function fit(text: string, width: number): string {
  if (displayWidth(text) <= width) return text + ' '.repeat(width - displayWidth(text));
  let out = '';
  for (const char of text) {
    if (displayWidth(`${out}${char}…`) > width) break;
    out += char;
  }
  return `${out}…${' '.repeat(width - displayWidth(`${out}…`))}`;
}

/** Right-aligned in `width` cells, then a space: for figures under their headings. */
export function right(text: string, width = 7): string {
  return `${' '.repeat(Math.max(0, width - displayWidth(text)))}${text} `;
}
