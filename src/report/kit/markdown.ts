import { markdownText } from '../../core/text-safety';

/** What the Markdown reports of every subject are made of: escaped text, blocks, GitHub tables. */

/**
 * A table cell that renders on GitHub: HTML escaped, pipes and inline markup escaped, every line break (a lone CR too)
 * as <br>, controls shown. The same escaping as every other piece of text in the Markdown (`markdownText`).
 */
export function cell(text: string): string {
  return markdownText(text);
}

/**
 * The blocks the Markdown reports are made of. Each takes plain text, never Markdown, and escapes all of it: the
 * report's own markup (`## `, `- `, `> `, `**`) is the only markup in the output.
 */
export const md = {
  heading: (level: 1 | 2 | 3, text: string): string => `${'#'.repeat(level)} ${markdownText(text)}`,
  paragraph: (text: string): string => markdownText(text),
  strong: (text: string): string => `**${markdownText(text)}**`,
  quote: (text: string): string => `> ${markdownText(text)}`,
  item: (text: string, depth = 0): string => `${'  '.repeat(depth)}- ${markdownText(text)}`,
};

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** A GitHub table: header, separator, rows. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [row(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(row)];
}
