import { bi } from '../core/i18n';
import type { LinePosition } from '../core/place';
import { decodeUtf8 } from './encoding';
import type { FieldPath } from './field-path';
import { sha256Hex, type IntakeFormat, type IntakeOptions } from './format';
import { quickData, quickLines } from './yaml-quick';
import { InputError, type InputProblem } from './problem';
import { readInputBytes } from './read-file';
import type { YamlDocument } from './yaml-document';

export type { YamlDocument } from './yaml-document';

/**
 * Reads and parses a YAML file that is not a submission (a pack, a calendar, a waiver file): within 32 MiB, a user's
 * mistake an InputError with places, never a stack trace (see read-file.ts).
 */
export function readYamlFile(file: string): YamlDocument {
  return parseYamlText(file, readInputBytes(file));
}

/** YAML submissions (`.yaml`, `.yml`). */
export const yamlFormat: IntakeFormat = {
  id: 'yaml',
  title: bi('YAML 文件', 'YAML file'),
  extensions: ['.yaml', '.yml'],
  parse: (file, bytes, options) => parseYamlText(file, bytes, undefined, options),
};

/**
 * Parses YAML (JSON too: it is YAML 1.2) with every node's place kept. `guard` may refuse the decoded text before it
 * is parsed (JSON refuses comments), with places. With `placesOnDemand`, a text that js-yaml reads as yaml does is
 * read by js-yaml, and yaml's document is built only when a place or a scalar's source is asked for (yaml-quick.ts).
 */
export function parseYamlText(file: string, bytes: Buffer, guard?: (source: string) => InputProblem[], options: IntakeOptions = {}): YamlDocument {
  const decoded = decodeUtf8(file, bytes);
  if ('problem' in decoded) throw new InputError([decoded.problem]);
  const { text } = decoded;
  const source = text.replace(/^\uFEFF/, '');
  const refused = guard?.(source) ?? [];
  if (refused.length > 0) throw new InputError(refused);
  const quick = options.placesOnDemand ? quickData(source) : undefined;
  if (!quick) return fullDocument(file, bytes, text, source);
  let full: YamlDocument | undefined;
  // The same text read again by yaml, once, when a place is first needed: it reads without a problem, as js-yaml did.
  const document = (): YamlDocument => (full ??= fullDocument(file, bytes, text, source));
  let lines: ((path: FieldPath) => number) | undefined;
  // Evidence needs lines only: js-yaml finds them again in milliseconds, where yaml's document would take far longer.
  const evidenceAt = (path: FieldPath): LinePosition => ({ line: (lines ??= quickLines(source))(path) });
  return { file, text, sha256: sha256Hex(bytes), data: quick.data, plainNumbers: true, locate: (path, part) => document().locate(path, part), evidenceAt, scalarSource: (path) => document().scalarSource(path), bareKeys: [] };
}

/** yaml's document of a text (yaml-document.ts), loaded with the yaml library when a file first needs it. */
function fullDocument(file: string, bytes: Buffer, text: string, source: string): YamlDocument {
  return (require('./yaml-document') as typeof import('./yaml-document')).yamlDocument(file, bytes, text, source);
}
