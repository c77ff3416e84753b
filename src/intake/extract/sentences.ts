/**
 * A report's paragraph cut into sentences, and a sentence into clauses, never inside quotes or brackets: a figure
 * belongs to the clause that states it, and a quoted title (《……》, “……”) stays whole however it is punctuated.
 */

/**
 * A character as matching sees it: a full-width form (\uFF0C, \uFF05, \uFF10 …) as its half-width one, so that the
 * phrasings and the code need write only one; one character for one, so positions in the folded text are positions
 * in the verbatim one.
 */
export function foldWidth(text: string): string {
  if (!/[\uFF01-\uFF5E\u3000]/.test(text)) return text;
  let folded = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    folded += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : code === 0x3000 ? ' ' : text[i];
  }
  return folded;
}

/** Opening marks and the mark that closes each (after foldWidth: ( and [ stand for their full-width forms too). */
const PAIRS: Readonly<Record<string, string>> = {
  '\u201c': '\u201d', '\u2018': '\u2019', '\u300c': '\u300d', '\u300e': '\u300f', '\u300a': '\u300b', '\u3008': '\u3009',
  '(': ')', '[': ']', '\u3010': '\u3011', '\u3014': '\u3015', '\ufe5d': '\ufe5e',
};

/** What ends a sentence (the mark stays with it): 。 ! ? ; and a line end. */
export const SENTENCE_ENDS = '\u3002!?;\n';
/** What ends a clause inside a sentence, besides what ends the sentence: commas and colons. */
export const CLAUSE_ENDS = ',:';

/** How long a quote or bracket may run before a sentence end inside it is taken to end the sentence. */
const UNCLOSED = 150;

/** Cuts text after each mark of `ends` that stands outside quotes and brackets; pieces are trimmed, empty ones dropped. */
function cutAt(text: string, ends: string): string[] {
  const pieces: string[] = [];
  const open: string[] = [];
  let openedAt = 0;
  let start = 0;
  const folded = foldWidth(text);
  for (let i = 0; i < folded.length; i += 1) {
    const ch = folded[i];
    if (open.length > 0 && ch === open[open.length - 1]) open.pop();
    else if (PAIRS[ch] !== undefined) {
      if (open.length === 0) openedAt = i;
      open.push(PAIRS[ch]);
    }
    // A mark never closed must not swallow the rest of the paragraph: past UNCLOSED characters, a sentence end ends it.
    const unclosed = open.length > 0 && SENTENCE_ENDS.includes(ch) && (ch === '\n' || i - openedAt > UNCLOSED);
    if (ends.includes(ch) && (open.length === 0 || unclosed)) {
      pieces.push(text.slice(start, i + 1));
      start = i + 1;
      open.length = 0;
    }
  }
  pieces.push(text.slice(start));
  return pieces.map((piece) => piece.trim()).filter((piece) => piece.length > 0);
}

/** The sentences of a paragraph, each with its closing mark, verbatim. */
export function splitSentences(paragraph: string): string[] {
  return cutAt(paragraph, SENTENCE_ENDS);
}

/** The clauses of a sentence (cut at commas and colons outside quotes and brackets), verbatim. */
export function splitClauses(sentence: string): string[] {
  return cutAt(sentence, SENTENCE_ENDS + CLAUSE_ENDS);
}
