/**
 * A PDF's text items put back into paragraphs. A PDF has no paragraphs, only glyph runs placed on a page; a paragraph
 * printed from a report wraps over several lines. Items on one baseline make a line; a line starts a new paragraph
 * where a reader sees one start: after a wider gap than the lines of a paragraph have, at a first-line indent, at a
 * change of font size (a heading), or after a line that stopped short of the right margin although the next line's
 * first word would have fit there. Lines of one paragraph join without a space in Chinese, with one between Latin words.
 */

/** One text item as pdfjs gives it, in page space (points, origin at the bottom left). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** The font size: the height of the item's text matrix. */
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: readonly PdfTextItem[];
}

interface Line {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
  /** Points per character of the line's text, to measure a word by. */
  advance: number;
}

/** CJK ideographs, kana, hangul and full-width forms and punctuation: text with no spaces between its words. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]/u;
const LATIN_END = /[A-Za-z0-9]$/;
const LATIN_START = /^[A-Za-z0-9]/;
/** Punctuation that may not start a line (it hangs on the line before), and that may not end one. */
const CLOSING = '，。、；：？！）》」』】〕〉”’…—·,.;:?!)]%';
const OPENING = '（《「『【〔〈“‘([';

/**
 * Kangxi radicals (U+2F00–U+2FD5) are what some PDF writers map common ideographs back to (⼈ for 人, ⼒ for 力):
 * Chromium's PDFs of Noto CJK text do. NFKC gives each its ideograph; a report never means the radical.
 */
function ideographsForRadicals(text: string): string {
  return text.replace(/[\u2f00-\u2fd5]/g, (radical) => radical.normalize('NFKC'));
}

function linesOf(page: PdfPage): Line[] {
  const lines: Line[] = [];
  let current: (Line & { chars: number }) | undefined;
  for (const item of page.items) {
    if (item.str === '' || item.size <= 0) continue;
    const sameLine = current !== undefined && Math.abs(item.y - current.y) < current.size * 0.5 && item.x >= current.right - current.size * 0.5;
    if (!current || !sameLine) {
      if (current) lines.push(current);
      current = { text: item.str, left: item.x, right: item.x + item.width, y: item.y, size: item.size, advance: 0, chars: [...item.str].length };
      continue;
    }
    const gap = item.x - current.right;
    const boundary = `${current.text.slice(-1)}${item.str[0]}`;
    // A gap with no space glyph is a space between Latin words; between ideographs it is justification.
    const space = gap > current.size * 0.3 && !/\s/.test(boundary) && !(CJK.test(boundary[0]) && CJK.test(boundary[1])) ? ' ' : '';
    current.text += space + item.str;
    current.right = Math.max(current.right, item.x + item.width);
    current.size = Math.max(current.size, item.size);
    current.chars += [...item.str].length + space.length;
  }
  if (current) lines.push(current);
  for (const line of lines) {
    const chars = Math.max([...line.text].length, 1);
    line.advance = (line.right - line.left) / chars;
    line.text = ideographsForRadicals(line.text);
  }
  return lines.filter((line) => line.text.trim() !== '');
}

/** A page number alone on its line: `3`, `- 3 -`, `— 3 —`, `第 3 页`, `3 / 12`. */
const PAGE_NUMBER = /^\s*(?:[-—–]\s*\d+\s*[-—–]|\d+(?:\s*\/\s*\d+)?|第\s*\d+\s*页(?:\s*[,,]?\s*共\s*\d+\s*页)?)\s*$/;

/** The page's lines without a page number standing first or last on it. */
function bodyLines(lines: Line[]): Line[] {
  const body = [...lines];
  if (body.length > 1 && PAGE_NUMBER.test(body[body.length - 1].text)) body.pop();
  if (body.length > 1 && PAGE_NUMBER.test(body[0].text)) body.shift();
  return body;
}

/** The width of a line's first unbreakable piece: a Latin word or number, or one ideograph, with the punctuation held to it. */
function firstWordWidth(line: Line): number {
  const text = line.text.trimStart();
  let end = 0;
  while (end < text.length && OPENING.includes(text[end])) end++;
  const word = /^[A-Za-z0-9.\-/%]+/.exec(text.slice(end));
  end += word ? word[0].length : 1;
  while (end < text.length && CLOSING.includes(text[end])) end++;
  return end * line.advance;
}

/** The lower quartile: the distance of lines within a paragraph, even on a page of many one-line paragraphs. */
function lowerQuartile(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 4)];
}

/** Whether `next` starts a paragraph after `previous`; `pitch` is the page's usual distance between the lines of a paragraph. */
function startsParagraph(previous: Line, next: Line, samePage: boolean, pitch: number | undefined, left: number, right: number): boolean {
  if (Math.abs(next.size - previous.size) > 0.5) return true;
  if (samePage && pitch !== undefined && previous.y - next.y > pitch * 1.3) return true;
  const em = next.size;
  if (next.left - left > em * 0.8 && next.left - previous.left > em * 0.8) return true;
  return right - previous.right > firstWordWidth(next) + em * 0.5;
}

function joinLines(text: string, next: string): string {
  return LATIN_END.test(text) && LATIN_START.test(next) ? `${text} ${next}` : text + next;
}

/** The paragraphs of a PDF's pages, in reading order; before cleanup. */
export function paragraphsOfPages(pages: readonly PdfPage[]): string[] {
  const pageLines = pages.map((page) => bodyLines(linesOf(page)));
  const all = pageLines.flat();
  // The text block's edges over the whole document: a short last page does not move them.
  const left = Math.min(...all.map((line) => line.left));
  const right = Math.max(...all.map((line) => line.right));
  const paragraphs: string[] = [];
  let previous: Line | undefined;
  for (const lines of pageLines) {
    const pitch = lowerQuartile(lines.slice(1).map((line, i) => lines[i].y - line.y).filter((d, i) => d > 0 && Math.abs(lines[i].size - lines[i + 1].size) < 0.5));
    lines.forEach((line, i) => {
      if (previous === undefined || startsParagraph(previous, line, i > 0, pitch, left, right)) paragraphs.push(line.text);
      else paragraphs[paragraphs.length - 1] = joinLines(paragraphs[paragraphs.length - 1], line.text);
      previous = line;
    });
  }
  return paragraphs;
}
