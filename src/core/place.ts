import type { Lang } from './i18n';

/** A line of a text file (YAML, JSON) and, where it is known, the column: both 1-based. */
export interface LinePosition {
  line: number;
  column?: number;
}

/** A cell of a workbook, as Excel names it: the sheet `基本数据` and the cell `D12`. */
export interface CellPosition {
  sheet: string;
  cell: string;
}

/** A paragraph of a prose report (1-based) and, where it is known, the sentence in it. */
export interface ParagraphPosition {
  paragraph: number;
  sentence?: number;
}

/** Where in a file something stands; each input format has its own kind of position. */
export type Position = LinePosition | CellPosition | ParagraphPosition;

/** A file and, where the thing has one, the position in it: what every problem and piece of evidence points to. */
export interface Place {
  file: string;
  at?: Position;
}

export function isLinePosition(position: Position | undefined): position is LinePosition {
  return position !== undefined && 'line' in position;
}

/**
 * How a place is written:
 * - `terse` after a file name, as compilers do (`a.yaml:12:3`, `a.xlsx:基本数据!D12`, `a.txt:¶4.2`);
 * - `words` on its own in a report (第 12 行第 3 列, line 12, column 3; 基本数据!D12; 第 4 段第 2 句).
 */
export type PlaceStyle = 'terse' | 'words';

/** A position written in one style and language: the one function every message, evidence entry and report uses. */
export function formatPosition(position: Position, style: PlaceStyle, lang: Lang): string {
  if ('line' in position) {
    if (style === 'terse') return position.column !== undefined ? `${position.line}:${position.column}` : `${position.line}`;
    if (position.column === undefined) return lang === 'zh' ? `第 ${position.line} 行` : `line ${position.line}`;
    return lang === 'zh' ? `第 ${position.line} 行第 ${position.column} 列` : `line ${position.line}, column ${position.column}`;
  }
  if ('cell' in position) return `${position.sheet}!${position.cell}`;
  if (style === 'terse') return position.sentence !== undefined ? `¶${position.paragraph}.${position.sentence}` : `¶${position.paragraph}`;
  if (lang === 'zh') return `第 ${position.paragraph} 段${position.sentence !== undefined ? `第 ${position.sentence} 句` : ''}`;
  return `paragraph ${position.paragraph}${position.sentence !== undefined ? `, sentence ${position.sentence}` : ''}`;
}

/** A file with its position, for a line that starts with it (`a.yaml:12:3`); the file alone where there is none. */
export function formatPlace(place: Place, lang: Lang): string {
  return place.at ? `${place.file}:${formatPosition(place.at, 'terse', lang)}` : place.file;
}

/** A position written in words, or '' where there is none. */
export function positionWords(position: Position | undefined, lang: Lang): string {
  return position ? formatPosition(position, 'words', lang) : '';
}

/**
 * The keys a position adds to a JSON object, in a fixed order: `line` and `column` (the contract's names), `sheet`
 * and `cell`, or `paragraph` and `sentence`.
 */
export function positionFields(position: Position | undefined): Record<string, string | number> {
  if (!position) return {};
  if ('line' in position) return position.column !== undefined ? { line: position.line, column: position.column } : { line: position.line };
  if ('cell' in position) return { sheet: position.sheet, cell: position.cell };
  return position.sentence !== undefined ? { paragraph: position.paragraph, sentence: position.sentence } : { paragraph: position.paragraph };
}

/** A cell's row and column as numbers (`D12` → 12, 4), for ordering. */
function cellOrder(cell: string): [number, number] {
  const match = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!match) return [0, 0];
  const column = [...match[1]].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
  return [Number(match[2]), column];
}

function orderKey(position: Position | undefined): [string, number, number] {
  if (!position) return ['', 0, 0];
  if ('line' in position) return ['', position.line, position.column ?? 0];
  if ('paragraph' in position) return ['', position.paragraph, position.sentence ?? 0];
  return [position.sheet, ...cellOrder(position.cell)];
}

/** The same, with `line` and `column` null where there is no position (the review's JSON keeps its keys fixed). */
export function positionFieldsOrNull(position: Position | undefined): Record<string, string | number | null> {
  if (isLinePosition(position)) return { line: position.line, column: position.column ?? null };
  return position ? positionFields(position) : { line: null, column: null };
}

/** Orders places within one file: by line and column, by sheet then row and column, by paragraph and sentence. */
export function comparePositions(a: Position | undefined, b: Position | undefined): number {
  const [ka, kb] = [orderKey(a), orderKey(b)];
  return (ka[0] < kb[0] ? -1 : ka[0] > kb[0] ? 1 : 0) || ka[1] - kb[1] || ka[2] - kb[2];
}

/** The line a place stands on, or 0 where it has none (or is not in a text file): for keeping problems in line order. */
export function lineOf(place: { at?: Position }): number {
  return isLinePosition(place.at) ? place.at.line : 0;
}

/** Evidence points to a line, not a column (a record or a value is found by its line); other positions stay whole. */
export function evidencePosition(position: Position): Position {
  return isLinePosition(position) ? { line: position.line } : position;
}
