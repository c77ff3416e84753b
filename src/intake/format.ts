import type { Bilingual } from '../core/i18n';
import type { Position } from '../core/place';
import type { FieldPath } from './field-path';

/**
 * A structured input file read into data, with a way to find where any field is written: what every intake format
 * gives, so that errors and evidence name the place (a line and column, a cell) whatever the format.
 */
export interface ParsedDocument {
  file: string;
  /** The text as read, where the format is text (a hint may quote a line of it); absent for a workbook. */
  text?: string;
  sha256: string;
  data: unknown;
  /** Where the node at `path` is written, or its nearest existing ancestor; `key` asks for the key rather than its value. */
  locate(path: FieldPath, part?: 'key' | 'value'): Position;
  /**
   * Where the field at `path` is shown as evidence: its line (without a column), or its cell. A format may find it
   * more cheaply than `locate`; absent, it is `locate`'s position to the line.
   */
  evidenceAt?(path: FieldPath): Position;
  /** The text a scalar at `path` is written as (`0.89999999999999999999`), for values that must be read exactly. */
  scalarSource(path: FieldPath): string | undefined;
  /** Keys written without a colon inside `{ … }`; their value is null, but they are not blanks (see BareKey). */
  bareKeys: readonly BareKey[];
  /**
   * True when no number is written with more digits than its double holds: every number's value is then its
   * written decimal, and nobody need ask `scalarSource` to compare it exactly.
   */
  plainNumbers?: boolean;
  /** Places are cells of a workbook, whose fields of set choices are picked from Chinese words (县级), not codes. */
  cells?: boolean;
  /**
   * `report` where the data was drafted from a bureau's prose report by extraction (places are paragraphs and
   * sentences; a field the report does not state is 报告未载明); absent for a submission written as data.
   */
  origin?: 'report';
}

/** How a file is to be read. */
export interface IntakeOptions {
  /**
   * Places are needed only for what goes wrong and for evidence: a format may then read the data quickly and find
   * places when they are first asked for, with the same data, places and messages. Checks and reviews read so;
   * false builds every place at once (what the quick reading is compared with).
   */
  placesOnDemand?: boolean;
}

/**
 * A key written without a colon inside `{ … }`. In `{ value: 100%, source: 报告 共191条,实施率100% }` the comma ends
 * the source and `实施率100%` becomes a key: a text cut short, not a blank left to fill in (`budgeted:`).
 */
export interface BareKey {
  path: FieldPath;
  /** The key before it, and the text from that key's value through the bare key as written (the uncut text). */
  cut?: { key: string; text: string };
}

/**
 * One structured input format, as conftest's parsers: the file names it reads and how it turns bytes into a
 * ParsedDocument. A user's mistake is thrown as an InputError with places, never a stack trace. `parse` may be
 * asynchronous (a workbook library is); a heavy library is imported inside it, so it loads only when the format is used.
 */
export interface IntakeFormat {
  /** The format's name in `--help` and messages: `yaml`, `json`. */
  id: string;
  /** What a person calls it: YAML 文件, JSON 文件. */
  title: Bilingual;
  /** File name endings it reads, lower case with the dot: `.yaml`, `.yml`. */
  extensions: readonly string[];
  /** Whether a file found in a folder is a submission rather than something else of the same type (a plancheck report). */
  isSubmission?(file: string): boolean;
  /** What a file of this format that is no submission is, as a folder walk names it when it skips it (JSON 报告). */
  reportName?: Bilingual;
  parse(file: string, bytes: Buffer, options?: IntakeOptions): ParsedDocument | Promise<ParsedDocument>;
}

export { sha256Hex } from '../core/sha256';
