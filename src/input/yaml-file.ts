import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { bi, type Bilingual } from '../i18n';
import type { FieldPath } from './field-path';
import { InputError } from './problem';
import { yamlProblems } from './yaml-hints';

/** A YAML (or JSON) file parsed with the places of its nodes kept, so errors and evidence can name line and column. */
export interface ParsedFile {
  file: string;
  text: string;
  sha256: string;
  data: unknown;
  /** Line and column (1-based) of the node at `path`, or of its nearest existing ancestor. */
  locate(path: FieldPath, part?: 'key' | 'value'): { line: number; column: number };
  /** The text a scalar at `path` is written as (`0.89999999999999999999`), for values that must be read exactly. */
  scalarSource(path: FieldPath): string | undefined;
  /** Keys written without a colon inside `{ … }`; their value is null, but they are not blanks (see BareKey). */
  bareKeys: readonly BareKey[];
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

// Guards against alias bombs beyond yaml's own default limit.
const MAX_ALIAS_COUNT = 100;


export function sha256Hex(bytes: string | Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads and parses a file; a user's mistake becomes an InputError with places, never a stack trace. */
export function readYamlFile(file: string): ParsedFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    const reason: Bilingual =
      code === 'ENOENT' ? bi('文件不存在', 'no such file') : code === 'EISDIR' ? bi('这是一个文件夹', 'it is a folder') : bi(`无法读取(${code})`, `cannot be read (${code})`);
    throw new InputError([{ file, message: bi(`无法读取文件:${reason.zh}`, `Cannot read the file: ${reason.en}`), expected: bi('一个存在且可读的 .yaml、.yml 或 .json 文件', 'a .yaml, .yml or .json file that exists and can be read') }]);
  }
  return parseYamlText(file, bytes);
}

export function parseYamlText(file: string, bytes: Buffer): ParsedFile {
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) {
    throw new InputError([{ file, line: 1, column: 1, message: bi('文件不是 UTF-8 编码,请另存为 UTF-8', 'The file is not UTF-8 encoded; save it as UTF-8'), expected: bi('UTF-8 编码的文本文件(记事本“另存为”时选 UTF-8)', 'a text file saved as UTF-8') }]);
  }
  const lineCounter = new LineCounter();
  const source = text.replace(/^\uFEFF/, '');
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) throw new InputError(yamlProblems(file, source, doc.errors, lineCounter));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw new InputError([{ file, line: 1, column: 1, message: bi('YAML 中的引用(& 和 *)无法展开:引用过多或引用的内容不存在', `The YAML cannot be expanded: ${(error as Error).message}`), expected: bi('直接写出的值,不用 & 和 * 引用', 'values written out, without & and * aliases') }]);
  }
  return { file, text, sha256: sha256Hex(bytes), data, locate: (path, part = 'value') => locateIn(doc, lineCounter, path, part), scalarSource: (path) => scalarSourceIn(doc, path), bareKeys: bareKeysIn(doc.contents, source, []) };
}

function locateIn(doc: Document, lineCounter: LineCounter, path: FieldPath, part: 'key' | 'value'): { line: number; column: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const head = path.slice(0, depth);
    if (part === 'key' && depth === path.length && depth > 0) {
      const parent = head.length > 1 ? doc.getIn(head.slice(0, -1), true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === head[head.length - 1]);
        const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
        if (range) return toPosition(lineCounter, range[0]);
      }
    }
    const node = depth === 0 ? doc.contents : doc.getIn(head, true);
    if ((isScalar(node) || isCollection(node)) && node.range) return toPosition(lineCounter, node.range[0]);
  }
  return { line: 1, column: 1 };
}

function scalarSourceIn(doc: Document, path: FieldPath): string | undefined {
  const node = doc.getIn(path, true);
  return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
}

function bareKeysIn(node: unknown, source: string, path: FieldPath): BareKey[] {
  if (isSeq(node)) return node.items.flatMap((item, index) => bareKeysIn(item, source, [...path, index]));
  if (!isMap(node)) return [];
  const found: BareKey[] = [];
  node.items.forEach((pair, index) => {
    if (!isPair(pair) || !isScalar(pair.key)) return;
    const key = String(pair.key.value);
    if (node.flow && pair.value === null) {
      const before = index > 0 ? node.items[index - 1] : undefined;
      // Only an unquoted text can be cut by a comma; a quoted one ends at its quote.
      const cutValue = before && isScalar(before.key) && isScalar(before.value) && before.value.type === 'PLAIN' ? before.value : undefined;
      const [from, to] = [cutValue?.range?.[0], pair.key.range?.[1]];
      const cut = cutValue && before && isScalar(before.key) && from !== undefined && to !== undefined ? { key: String(before.key.value), text: source.slice(from, to).trim() } : undefined;
      found.push({ path: [...path, key], ...(cut ? { cut } : {}) });
    }
    found.push(...bareKeysIn(pair.value, source, [...path, key]));
  });
  return found;
}

function toPosition(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

