import { isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { bi } from '../core/i18n';
import type { LinePosition } from '../core/place';
import type { FieldPath } from './field-path';
import { sha256Hex, type BareKey, type ParsedDocument } from './format';
import { InputError } from './problem';
import { depthProblem, documentProblems, versionProblem } from './yaml-guards';
import { yamlProblems } from './yaml-hints';

/**
 * yaml's document of a file: every node with its place, every guard (aliases, tags, depth, versions) and every hint
 * of a syntax error. Loaded with the yaml library only when a file needs it: one the quick reading does not take, a
 * place for a problem, a pack, a calendar, a waiver file.
 */

/** A YAML (or JSON) document: a text file, every node placed by line and column. */
export interface YamlDocument extends ParsedDocument {
  text: string;
  locate(path: FieldPath, part?: 'key' | 'value'): LinePosition;
}

/** yaml reports a stack overflow in its own parser as an error of the document; it means nesting too deep. */
function isStackOverflow(error: { message?: string } | unknown): boolean {
  return error instanceof RangeError || /Maximum call stack size exceeded/.test(String((error as { message?: string } | undefined)?.message ?? ''));
}

/** yaml's document of a text, every guard applied; a user's mistake an InputError with places. */
export function yamlDocument(file: string, bytes: Buffer, text: string, source: string): YamlDocument {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    // logLevel 'error': what yaml would only warn about on standard error is refused below, with its place.
    doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    throw new InputError([depthProblem(file, { line: 1, column: 1 })]);
  }
  const overflow = doc.errors.find(isStackOverflow);
  if (overflow) throw new InputError([depthProblem(file, toPosition(lineCounter, overflow.pos[0]))]);
  if (doc.errors.length > 0) throw new InputError(yamlProblems(file, source, doc.errors, lineCounter));
  const version = versionProblem(file, doc, source);
  if (version) throw new InputError([version]);
  const unsafe = documentProblems(file, doc, lineCounter, source);
  if (unsafe.length > 0) throw new InputError(unsafe);
  let data: unknown;
  try {
    // Aliases are bounded by documentProblems, which counts what they copy, not how often a single value is named.
    data = doc.toJS({ maxAliasCount: -1 });
  } catch (error) {
    if (isStackOverflow(error)) throw new InputError([depthProblem(file, { line: 1, column: 1 })]);
    throw new InputError([{ file, at: { line: 1, column: 1 }, message: bi('YAML 中的引用(& 和 *)无法展开', `The YAML cannot be expanded: ${(error as Error).message}`), expected: bi('直接写出的值,不用 & 和 * 引用', 'values written out, without & and * aliases') }]);
  }
  return { file, text, sha256: sha256Hex(bytes), data, locate: (path, part = 'value') => locateIn(doc, lineCounter, path, part), scalarSource: (path) => scalarSourceIn(doc, path), bareKeys: bareKeysIn(doc.contents, source, []) };
}

function locateIn(doc: Document, lineCounter: LineCounter, path: FieldPath, part: 'key' | 'value'): LinePosition {
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

function toPosition(lineCounter: LineCounter, offset: number): LinePosition {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

