/**
 * Wrapping the help's descriptions so that Chinese reads well at a terminal. commander breaks lines only at spaces:
 * a Chinese sentence has none, so it ran past the edge, and the one space it had (before a number, a flag) took the
 * break. Here a line may also break between two Chinese characters, as Chinese typesetting does, but never before a
 * closing mark (a full-width comma, a closing bracket) nor after an opening one, and never inside a run of Latin
 * letters, digits and ASCII signs (`--format`, `2025-01-15`, `html:out/report.html`).
 */

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef';
// The marks that hold on to the next character (opening) or to the one before (closing): ASCII, as the texts of this
// project write them between Chinese characters, and full-width, written as escapes because most editors show them
// as the ASCII ones. Opening: ( [ and the full-width parenthesis, title, quotation and corner brackets. Closing:
// , . ; : ) ] ! ? and the full-width comma, full stop, semicolon, colon, enumeration comma, closing brackets and
// quotes, ! ? and the ellipsis.
const OPENING = '(\\[\uff08\u300a\u201c\u2018\u300c\u300e\u3010\u3014\u3008';
const CLOSING = ',.;:)\\]!?\uff0c\u3002\uff1b\uff1a\u3001\uff09\u300b\u201d\u2019\u300d\u300f\u3011\u3015\u3009\uff01\uff1f\u2026';

/**
 * One unit that a line may not be broken inside: the spaces before it, its opening marks, one Chinese character or
 * one run of other characters (a word, a flag, a date, a path, with its ASCII marks), and its closing marks.
 */
const CHUNK = new RegExp(`\\s*[${OPENING}]*(?:[${CJK}]|[^\\s${CJK}]+)[${CLOSING}]*|\\s*\\S`, 'gu');

/** `text` wrapped to `width` columns (as `columns` measures them), keeping its own line breaks. */
export function wrapColumns(text: string, width: number, columns: (text: string) => number): string {
  return text
    .split(/\r\n|\n/)
    .map((line) => {
      const lines: string[] = [];
      let current = '';
      for (const chunk of line.match(CHUNK) ?? []) {
        if (current !== '' && columns(current + chunk) > width) {
          lines.push(current);
          current = chunk.trimStart();
        } else {
          current += chunk;
        }
      }
      return [...lines, current].join('\n');
    })
    .join('\n');
}
