import { ideographsForRadicals } from './radicals';

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
}

const LATIN_END = /[A-Za-z0-9]$/;
const LATIN_START = /^[A-Za-z0-9]/;
/** Punctuation that may not start a line (it hangs on the line before), and that may not end one. */
const CLOSING = '，。、；：？！）》」』】〕〉”’…—·,.;:?!)]%';
const OPENING = '（《「『【〔〈“‘([';

/** Whitespace items are spaces pdfjs puts where glyphs stand apart: a typed space, or a justified line's stretch. */
function isBlank(item: PdfTextItem): boolean {
  return item.str.trim() === '';
}

/**
 * The stretch of a justified line, which pdfjs gives as spaces: a justified Chinese line has one between (nearly)
 * every two characters, all of one width, and a typed space there is wider (its glyph and the stretch). Elsewhere a
 * gap narrower than any font's space glyph (a fifth of an em) is tracking, not a space.
 */
function stretchOf(items: readonly PdfTextItem[], size: number): Set<PdfTextItem> {
  const blanks = items.filter(isBlank);
  const stretch = new Set(blanks.filter((blank) => blank.width < size * 0.2));
  const characters = items.filter((item) => !isBlank(item)).reduce((count, item) => count + [...item.str].length, 0);
  if (blanks.length >= 3 && blanks.length >= (characters - 1) * 0.5) {
    const widths = blanks.map((blank) => blank.width).sort((x, y) => x - y);
    const usual = widths[Math.floor(widths.length / 2)];
    for (const blank of blanks) if (Math.abs(blank.width - usual) < size * 0.03) stretch.add(blank);
  }
  return stretch;
}

/** The page's items grouped into lines: one baseline, each item starting at or after the one before (an em of overlap allowed: squeezed punctuation). */
function itemRows(page: PdfPage): PdfTextItem[][] {
  const rows: PdfTextItem[][] = [];
  let row: PdfTextItem[] = [];
  let end = 0;
  for (const item of page.items) {
    if (item.str === '' || item.size <= 0) continue;
    const first = row[0];
    const sameLine = first !== undefined && Math.abs(item.y - first.y) < first.size * 0.5 && item.x >= end - first.size;
    if (!sameLine && row.length > 0) {
      rows.push(row);
      row = [];
    }
    row.push(item);
    end = row.length === 1 ? item.x + item.width : Math.max(end, item.x + item.width);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function lineOf(row: readonly PdfTextItem[]): Line | undefined {
  const size = Math.max(...row.map((item) => item.size));
  const stretch = stretchOf(row, size);
  const kept = row.filter((item) => !stretch.has(item));
  const glyphs = kept.filter((item) => !isBlank(item));
  if (glyphs.length === 0) return undefined;
  return {
    text: ideographsForRadicals(kept.map((item) => item.str).join('')),
    left: glyphs[0].x,
    right: Math.max(...glyphs.map((item) => item.x + item.width)),
    y: glyphs[0].y,
    size,
  };
}

function linesOf(page: PdfPage): Line[] {
  return itemRows(page).flatMap((row) => lineOf(row) ?? []);
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
  // Half-width characters take about half an em, the rest a whole one.
  return [...text.slice(0, end)].reduce((width, char) => width + (char <= '\u00ff' ? 0.55 : 1) * line.size, 0);
}

/** The lower quartile: the distance of lines within a paragraph, even on a page of many one-line paragraphs. */
function lowerQuartile(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 4)];
}

/** Whether `next` starts a paragraph after `previous`; `pitch` is the page's usual distance between the lines of a paragraph. */
function startsParagraph(previous: Line, previousStarted: boolean, next: Line, samePage: boolean, pitch: number | undefined, left: number, right: number): boolean {
  if (Math.abs(next.size - previous.size) > 0.5) return true;
  if (samePage && pitch !== undefined && previous.y - next.y > pitch * 1.3) return true;
  const em = next.size;
  // A first-line indent: the line stands in from the margin, and a paragraph's next line would not (it returns to the
  // margin, under a paragraph's first line as under a continuation line).
  const indented = next.left - left > em * 0.8;
  if (indented && next.left - previous.left > em * 0.8) return true;
  if (indented && previousStarted && Math.abs(next.left - previous.left) < em * 0.3) return true;
  // Ragged-right lines (no justification, half-width digits) stop up to an em short of the margin, and line breaking
  // may keep a character with the number after it: only a line clearly short of the margin ends a paragraph.
  return right - previous.right > firstWordWidth(next) + em;
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
  // The right edge full lines reach: the 90th percentile, since a hanging comma or a long number may overrun it.
  const rights = all.map((line) => line.right).sort((a, b) => a - b);
  const right = rights[Math.floor((rights.length - 1) * 0.9)];
  const paragraphs: string[] = [];
  let previous: Line | undefined;
  let previousStarted = false;
  for (const lines of pageLines) {
    const pitch = lowerQuartile(lines.slice(1).map((line, i) => lines[i].y - line.y).filter((d, i) => d > 0 && Math.abs(lines[i].size - lines[i + 1].size) < 0.5));
    lines.forEach((line, i) => {
      const starts = previous === undefined || startsParagraph(previous, previousStarted, line, i > 0, pitch, left, right);
      if (starts) paragraphs.push(line.text);
      else paragraphs[paragraphs.length - 1] = joinLines(paragraphs[paragraphs.length - 1], line.text);
      previous = line;
      previousStarted = starts;
    });
  }
  return paragraphs;
}
