/**
 * The one cleanup every reader applies, so that the same report gives the same paragraphs from any file: NFC (a
 * Word file and a web page may compose characters differently), every whitespace run (ideographic spaces, tabs,
 * no-break spaces, a line wrapped inside a paragraph) made one space, trimmed; a paragraph left empty is dropped.
 */

/** JavaScript's \s covers U+3000 and U+00A0; the zero-width space and the BOM are invisible and are not words' parts. */
const WHITESPACE_RUN = /[\s\u200b\ufeff]+/g;

export function cleanParagraph(text: string): string {
  return text.normalize('NFC').replace(WHITESPACE_RUN, ' ').trim();
}

export function cleanParagraphs(texts: Iterable<string>): string[] {
  const paragraphs: string[] = [];
  for (const text of texts) {
    const clean = cleanParagraph(text);
    if (clean !== '') paragraphs.push(clean);
  }
  return paragraphs;
}
