import { isAlias, isCollection, isMap, isPair, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { bi } from '../core/i18n';
import type { InputProblem } from './problem';
import type { LinePosition } from '../core/place';
import { comparePositions } from '../core/place';

import { MAX_DEPTH } from './nesting';

export { MAX_DEPTH } from './nesting';

/**
 * How many nodes aliases of lists and mappings (`*base` for `&base { … }`) may copy in all. An alias of a single
 * value copies nothing that grows, and does not count: a hundred `type: *t` are fine. A billion-laughs file is not.
 */
export const MAX_ALIASED_NODES = 100_000;

type Place = LinePosition;

function placeOf(lineCounter: LineCounter, offset: number | undefined): Place {
  if (offset === undefined) return { line: 1, column: 1 };
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

const NESTED = bi('按模板逐层写出的键和列表,嵌套不超过 64 层', 'keys and lists as in the template, nested at most 64 levels deep');

/** Nesting too deep to read, placed where it passes the limit (or where the parser gave up). */
export function depthProblem(file: string, place: Place): InputProblem {
  return {
    file,
    at: place,
    message: bi(
      `这里的列表和映射嵌套超过了 ${MAX_DEPTH} 层,无法读取(报送文件最多只有六七层):请检查是否多写了 [ 或 {,或缩进层层加深`,
      `Lists and mappings are nested more than ${MAX_DEPTH} levels deep here, which is not read (a submission has six or seven at most): look for [ or { never closed, or indentation that keeps growing`,
    ),
    expected: NESTED,
  };
}

const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

/** A tag as it is written: `tag:yaml.org,2002:binary` → `!!binary`. */
function tagAsWritten(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

function tagProblem(file: string, place: Place, tag: string): InputProblem {
  const written = tagAsWritten(tag);
  return {
    file,
    at: place,
    message: bi(`这里的标记 ${written} 不受支持:请去掉 ${written},直接写出值`, `The tag ${written} is not supported: remove it and write the value itself`),
    expected: bi('不带 ! 标记的值:文字、数字、true 或 false、日期', 'a value without a ! tag: a text, a number, true or false, a date'),
  };
}

function collectionKeyProblem(file: string, place: Place): InputProblem {
  return {
    file,
    at: place,
    message: bi('这里的键是一个列表或映射(如 ? [a, b]),键只能是一个名称:请改写成“名称: 值”', 'This key is a list or a mapping (such as ? [a, b]); a key is a name: write name: value'),
    expected: bi('键: 值,键是一个名称,如 budgeted: true', 'key: value with a name for the key, such as budgeted: true'),
  };
}

const WRITTEN_OUT = bi('直接写出的值,或少量的 & 和 * 引用', 'values written out, or a few & and * aliases');

function aliasProblem(file: string, place: Place, name: string, zh: string, en: string): InputProblem {
  return { file, at: place, message: bi(`YAML 中的引用 *${name} ${zh}`, `The YAML alias *${name} ${en}`), expected: WRITTEN_OUT };
}

/** `%YAML 1.1` turns dates into times and yes/no into true/false: such a file is refused rather than misread. */
export function versionProblem(file: string, doc: Document, source: string): InputProblem | undefined {
  const yaml = doc.directives?.yaml;
  if (!yaml?.explicit || yaml.version === '1.2') return undefined;
  const lines = source.split(/\r?\n/);
  const at = lines.findIndex((line) => /^%YAML\b/.test(line));
  const written = at >= 0 ? lines[at].trim() : `%YAML ${yaml.version}`;
  return {
    file,
    at: { line: at >= 0 ? at + 1 : 1, column: 1 },
    message: bi(
      `文件声明了 ${written}:本工具按 YAML 1.2 读取(按 1.1 读,日期会变成时间,yes 和 no 会变成是和否),请删去这一行`,
      `The file declares ${written}; plancheck reads YAML 1.2 (read as 1.1, dates would become timestamps and yes/no booleans): delete this line`,
    ),
    expected: bi('没有 %YAML 声明的文件,或 %YAML 1.2', 'no %YAML line, or %YAML 1.2'),
  };
}

/**
 * Where the tag of a node is written: yaml's range starts at the value, after `!!binary ` (and an anchor `&a `
 * beside it); the tag is one of the two tokens before it on its line. Else the value's own start.
 */
function tagOffset(source: string, offset: number | undefined): number | undefined {
  if (offset === undefined) return undefined;
  let end = offset;
  for (let token = 0; token < 2; token++) {
    let i = end - 1;
    while (i >= 0 && (source[i] === ' ' || source[i] === '\t')) i--;
    let start = i;
    while (start > 0 && !/[\s,[{]/.test(source[start - 1])) start--;
    if (start < 0 || i < start) break;
    if (source[start] === '!') return start;
    if (source[start] !== '&') break;
    end = start;
  }
  return offset;
}

interface Found {
  node: Node;
  depth: number;
}

class TooDeep {
  constructor(readonly offset: number | undefined) {}
}
class Cycle {}

/**
 * What the parser accepts but a submission may not hold: nesting deeper than MAX_DEPTH, keys that are lists or
 * mappings, tags other than YAML's core ones (`!!binary`, `!!timestamp`, `!custom`), aliases that loop or copy too
 * much. Walked without recursion, so a deep file cannot exhaust the stack here.
 */
export function documentProblems(file: string, doc: Document, lineCounter: LineCounter, source: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const aliases: Found[] = [];
  const at = (node: Node | null | undefined): Place => placeOf(lineCounter, node?.range?.[0]);
  const stack: Found[] = doc.contents ? [{ node: doc.contents as Node, depth: 0 }] : [];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as Found;
    if (isAlias(node)) {
      aliases.push({ node, depth });
      continue;
    }
    if (node.tag && !CORE_TAGS.has(node.tag)) problems.push(tagProblem(file, placeOf(lineCounter, tagOffset(source, node.range?.[0])), node.tag));
    if (!isCollection(node)) continue;
    const level = depth + 1;
    if (level > MAX_DEPTH) return [depthProblem(file, at(node))];
    if (isSeq(node)) {
      for (const item of node.items) if (item) stack.push({ node: item as Node, depth: level });
      continue;
    }
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      const keyTarget = isAlias(key) ? key.resolve(doc) : key;
      if (isCollection(keyTarget)) problems.push(collectionKeyProblem(file, at(key)));
      else if (key) stack.push({ node: key, depth: level });
      if (pair.value) stack.push({ node: pair.value as Node, depth: level });
    }
  }
  if (problems.length === 0 && aliases.length > 0) problems.push(...aliasProblems(file, doc, aliases, at));
  return problems.sort((a, b) => comparePositions(a.at, b.at));
}

interface Measure {
  size: number;
  depth: number;
}

/** Aliases of lists and mappings, expanded in count only: how much they copy, how deep they reach, whether they loop. */
function aliasProblems(file: string, doc: Document, aliases: readonly Found[], at: (node: Node | null | undefined) => Place): InputProblem[] {
  const memo = new Map<Node, Measure>();
  const active = new Set<Node>();
  // `level` is the depth at which `node` is expanded; past MAX_DEPTH the expansion stops, so this recursion is bounded.
  const measure = (raw: Node, level: number): Measure => {
    const node = isAlias(raw) ? (raw.resolve(doc) as Node | undefined) : raw;
    if (!node || !isCollection(node)) return { size: 1, depth: 0 };
    if (active.has(node)) throw new Cycle();
    const known = memo.get(node);
    if (known) {
      if (level + known.depth > MAX_DEPTH) throw new TooDeep(raw.range?.[0]);
      return known;
    }
    if (level + 1 > MAX_DEPTH) throw new TooDeep(raw.range?.[0]);
    active.add(node);
    let size = 1;
    let depth = 1;
    const children: Node[] = isMap(node) ? node.items.flatMap((pair) => [pair.key as Node | null, pair.value as Node | null]).filter((n): n is Node => n !== null && n !== undefined) : (node.items as Node[]).filter(Boolean);
    for (const child of children) {
      const inner = measure(child, level + 1);
      size += inner.size;
      depth = Math.max(depth, inner.depth + 1);
    }
    active.delete(node);
    const result = { size, depth };
    memo.set(node, result);
    return result;
  };
  let copied = 0;
  for (const { node, depth } of [...aliases].sort((a, b) => (a.node.range?.[0] ?? 0) - (b.node.range?.[0] ?? 0))) {
    const alias = node as Node & { source: string };
    const target = isAlias(node) ? node.resolve(doc) : undefined;
    // An alias of a single value, or of an anchor that does not exist (yaml has said so already), copies nothing.
    if (!isCollection(target)) continue;
    try {
      copied += measure(node, depth).size;
    } catch (error) {
      if (error instanceof Cycle) return [aliasProblem(file, at(node), alias.source, '指向包含它自己的内容,会无限展开:请直接写出值', 'points into the content that holds it, and would expand forever: write the value out')];
      if (error instanceof TooDeep) return [depthProblem(file, at(node))];
      throw error;
    }
    if (copied > MAX_ALIASED_NODES) {
      return [
        aliasProblem(
          file,
          at(node),
          alias.source,
          `展开后的内容过多(引用共复制了超过 ${MAX_ALIASED_NODES / 10_000} 万项),不予展开:请直接写出值,少用 & 和 * 引用`,
          `expands to too much (the aliases copy more than ${MAX_ALIASED_NODES.toLocaleString('en-US')} nodes), and is not expanded: write the values out, with fewer & and * aliases`,
        ),
      ];
    }
  }
  return [];
}
