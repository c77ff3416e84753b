import { bi, type Bilingual } from '../core/i18n';
import type { IntakeFormat, IntakeOptions, ParsedDocument } from './format';
import { jsonFormat } from './json';
import { readSubmissionBytes } from './read-file';
import { reportFormat } from './report';
import { xlsxFormat } from './xlsx';
import { yamlFormat } from './yaml';

/**
 * The formats a submission may come in, in the order `--help` and messages name them. A new format is one module
 * exporting an IntakeFormat, and its line here; the folder walk, the loaders and the messages ask this list.
 */
export const INTAKE_FORMATS: readonly IntakeFormat[] = [yamlFormat, jsonFormat, xlsxFormat, reportFormat];

/** The format that reads a file, by its name's ending (case aside), or undefined. */
export function intakeFormatOf(file: string): IntakeFormat | undefined {
  const name = file.toLowerCase();
  return INTAKE_FORMATS.find((format) => format.extensions.some((ending) => name.endsWith(ending)));
}

/** Whether a file's name is one of a submission (the folder walk asks this). */
export function isSupported(file: string): boolean {
  return intakeFormatOf(file) !== undefined;
}

/** Every ending a submission may have, for messages: `.yaml、.yml、.json、.xlsx、.txt、… 或 .htm`. */
export function supportedEndings(): Bilingual {
  const endings = INTAKE_FORMATS.flatMap((format) => format.extensions);
  const join = (list: string[], comma: string, or: string): string => (list.length > 1 ? `${list.slice(0, -1).join(comma)}${or}${list[list.length - 1]}` : list.join(''));
  return bi(join(endings, '、', ' 或 '), join(endings, ', ', ' or '));
}

/**
 * Reads a submission file and parses it by its format; a file whose name is no format's is read as YAML, the
 * format a template is written in (`check notes.txt` says what is wrong in YAML terms rather than nothing).
 */
export async function readSubmissionDocument(file: string, options?: IntakeOptions): Promise<ParsedDocument> {
  const bytes = readSubmissionBytes(file);
  return (intakeFormatOf(file) ?? yamlFormat).parse(file, bytes, options);
}

/** The same, from bytes already in memory (a file name is still needed for messages and the format). */
export async function parseSubmissionDocument(file: string, bytes: Buffer, options?: IntakeOptions): Promise<ParsedDocument> {
  return (intakeFormatOf(file) ?? yamlFormat).parse(file, bytes, options);
}
