/**
 * Text from users (bureau names, record ids, titles, sources, reasons, file names, waiver fields, the quoted bad
 * value of a rejected file) made harmless for the place it is written to. Every renderer, and every line on standard
 * error, passes user text through one of these where it enters the output:
 *
 * - `terminalText`: a terminal acts on no character of it (ESC, CR, BEL, OSC 8 links, C1 controls, bidi overrides
 *   are shown as `\x1b`, `\r`, `\u202e`), and a line break cannot split a line;
 * - `markdownText`: Markdown shows it as text: no raw HTML, link, image, emphasis, heading, list or table row, and a
 *   line break (CR too) cannot start a new line;
 * - `htmlText`: HTML text and quoted attribute values, with the same controls shown as in the terminal;
 * - `csvCell`: a spreadsheet never reads it as a formula (OWASP: a leading `=`, `+`, `-`, `@`, tab or CR gets `'`);
 * - `workbookText`: a cell of an xlsx workbook (always typed as text, never a formula), the controls shown.
 *
 * Each is idempotent on its own output where it matters (escaping twice shows no new control), and deterministic.
 */

/**
 * Characters that make a terminal do something or that change how the text around them is shown: C0 controls
 * (NUL…US, including TAB, LF, CR, BEL, ESC), DEL, C1 controls (U+0080–U+009F, CSI U+009B among them), the line and
 * paragraph separators U+2028/U+2029, and the bidirectional marks, embeddings, overrides and isolates
 * (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) that can make a line read other than it is.
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function visible(char: string): string {
  const code = char.charCodeAt(0);
  return NAMED[char] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** Every control character shown as its escape (`\x1b`, `\r`, `\n`, `\u202e`); all other text unchanged. */
export function visibleControls(text: string): string {
  return text.replace(CONTROLS, visible);
}

/** Text for a terminal line (the check and review tables, `plancheck: file:line:col …` on standard error). */
export function terminalText(text: string): string {
  return visibleControls(text);
}

/** Line endings as CommonMark knows them (CRLF, a lone CR, LF), and the separators some renderers also break at. */
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;

/**
 * Text as Markdown shows it, safe anywhere inside one line: a heading, a list item, a paragraph or a table cell.
 * `& < >` become entities (no raw HTML, no autolink); the characters of inline markup (`\ ` `` ` `` `* _ [ ] { } | ~ #`)
 * are backslash-escaped (no emphasis, code, link, image, table cell break, heading or closing `#`); a line break (CRLF,
 * a lone CR, LF, U+2028/2029) becomes `<br>`, so it cannot start a line, heading or table row; other controls are shown
 * as in the terminal. A leading `-`, `+` or `1.`/`1)` is escaped and leading spaces become `&#32;`, so that the text
 * cannot open a list, a thematic break or a code block of its own after the report's `- ` or `## `.
 */
export function markdownText(text: string): string {
  const escaped = visibleControls(
    text
      .replace(/[\\`*_[\]{}|~#]/g, '\\$&')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(LINE_BREAKS, '<br>'),
  );
  return escaped
    .replace(/^ +/, (spaces) => '&#32;'.repeat(spaces.length))
    .replace(/^([-+])/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?= |$)/, '$1\\$2');
}

/**
 * Text for HTML element content and quoted attribute values: `& < > " '` as entities, and the controls shown as in
 * the terminal (a bidi override cannot reorder the page's text, an ESC reaches no terminal the page is piped to).
 * A tool's own line breaks stay (they are white space in HTML).
 */
export function htmlText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(CONTROLS, (char) => (char === '\n' ? char : visible(char)));
}

/**
 * What makes a spreadsheet read a cell as a formula (OWASP, CSV injection): `=`, `+`, `-`, `@`, a tab or a CR first;
 * also NUL (OWASP ASVS) and the full-width `＝ ＋ － ＠` that an East Asian Excel may take for them.
 */
const FORMULA_START = /^[=+\-@\t\r\u0000\uff1d\uff0b\uff0d\uff20]/;

/** A cell of text for a spreadsheet: one that would start a formula is prefixed with `'`, which Excel shows as text. */
export function csvCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Text for a cell of a workbook the tool writes: a string cell is text to Excel whatever it starts with, so nothing is
 * prefixed; the controls are shown as in the terminal (most are not even allowed in the workbook's XML), and the
 * tool's own line breaks stay (the cell wraps).
 */
export function workbookText(text: string): string {
  return text.replace(CONTROLS, (char) => (char === '\n' ? char : visible(char)));
}

/** True when the spreadsheet would read this cell as a formula. */
export function startsFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** Lines for a terminal, each through `terminalText`, joined by the report's own line breaks only. */
export function terminalLines(lines: readonly string[]): string {
  return lines.map(terminalText).join('\n');
}
