import type { LoadOptions, Schema } from 'js-yaml';
import { holdsNull } from './field-path';
import { MAX_DEPTH } from './nesting';

/**
 * The quick reading of a submission, for a review that keeps no findings: js-yaml, about 13 times faster than
 * yaml's document, reads the data, and yaml's document (with every place, every guard and every message) is built
 * only when a place is asked for. It is used only where the two read the same text to the same data:
 *
 * - the scalars resolve by yaml's own core schema (1.2), copied below: `-.5` is a number, `1_000` and `0b1` text;
 * - the text holds none of what yaml's guards or readings look at (anchors and aliases, tags, directives, complex
 *   and collection keys, block scalars, several documents, tabs, `__proto__`), and no number of more than 15 digits
 *   (below that a number's double is its decimal exactly, so no source text is needed to compare it exactly);
 * - every scalar and every flow collection ends on the line it begins on (js-yaml is laxer than yaml about the
 *   indentation of continuation lines);
 * - the data holds no null: a blank (`budgeted:`) and a key cut short in `{ … }` both read as null and are told
 *   apart by yaml's document only.
 *
 * Anything else, and any text js-yaml refuses, is read by yaml as before (undefined here). tests/yaml-quick.test.ts
 * compares the two readings on every fixture and on generated texts.
 */

// yaml's core schema (yaml/dist/schema/core/*.js), as js-yaml types: the same tests, the same values. js-yaml asks
// every type of every plain scalar, most of which are text: a look at the first character spares the patterns.
/**
 * Whether the text being read holds a number of more than 15 digits: its double may not be its decimal, and yaml's
 * document keeps the source text that exact comparison needs. Set by the number types as js-yaml meets them.
 */
let longNumber = false;

function noteLong(written: string): string {
  let digits = 0;
  for (let i = 0; i < written.length; i++) {
    const code = written.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
  }
  if (digits > 15) longNumber = true;
  return written;
}

function coreAsYamlReadsIt(js: typeof import('js-yaml')): Schema {
  const { FAILSAFE_SCHEMA, Type } = js;
  const NUMBER_START = /^[-+.0-9]/;
  const NULL = new Type('tag:yaml.org,2002:null', { kind: 'scalar', resolve: (s: string) => s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL', construct: () => null });
  const BOOL = new Type('tag:yaml.org,2002:bool', {
    kind: 'scalar',
    resolve: (s: string) => s === 'true' || s === 'True' || s === 'TRUE' || s === 'false' || s === 'False' || s === 'FALSE',
    construct: (s: string) => s[0] === 't' || s[0] === 'T',
  });
  const INT = new Type('tag:yaml.org,2002:int', {
    kind: 'scalar',
    resolve: (s: string) => NUMBER_START.test(s) && (/^[-+]?[0-9]+$/.test(s) || /^0o[0-7]+$/.test(s) || /^0x[0-9a-fA-F]+$/.test(s)),
    construct: (s: string) => (s.startsWith('0o') ? parseInt(s.substring(2), 8) : s.startsWith('0x') ? parseInt(s.substring(2), 16) : parseInt(noteLong(s), 10)),
  });
  const FLOAT = new Type('tag:yaml.org,2002:float', {
    kind: 'scalar',
    resolve: (s: string) =>
      NUMBER_START.test(s) && (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s) || /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s) || /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)),
    construct: (s: string) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : /inf$/i.test(s) ? (s[0] === '-' ? -Infinity : Infinity) : parseFloat(noteLong(s))),
  });
  return FAILSAFE_SCHEMA.extend({ implicit: [NULL, BOOL, INT, FLOAT] });
}

/** js-yaml and the schema, loaded when a review first reads a file quickly: a `check` never loads them. */
let reader: { js: typeof import('js-yaml'); schema: Schema } | undefined;

function quickReader(): { js: typeof import('js-yaml'); schema: Schema } {
  if (!reader) {
    const js = require('js-yaml') as typeof import('js-yaml');
    reader = { js, schema: coreAsYamlReadsIt(js) };
  }
  return reader;
}

/**
 * What only yaml reads (or guards) as it must: `&` `*` anchors and aliases, `!` tags, tabs, `%` directives, `---`
 * `...` documents, `?` complex keys, `|` `>` block scalars, a flow collection as a key (`]:`), `__proto__`. Each is
 * looked for on its own, the rare marks first, so that a clean text of 100 KB is passed in a fraction of a
 * millisecond.
 */
const MARKS = /[&*!\t]/;
const DOCUMENT_LINES = /^(?:%|---|\.\.\.)/m;
const COMPLEX_KEY = /(?:^|[\s,[{])\?(?:\s|$)/m;
const BLOCK_SCALAR = /(?:^|\s)[|>][-+0-9]*[ ]*(?:#.*)?$/m;
const COLLECTION_KEY = /[\]}][ ]*:(?:\s|$)/;
/** A `-` alone on its line, its entry below it: yaml places the entry's list at the dash, a line above the entry. */
const BARE_DASH = /^[ ]*-[ ]*$/m;

function onlyYaml(text: string): boolean {
  return (
    MARKS.test(text) ||
    DOCUMENT_LINES.test(text) ||
    (text.includes('?') && COMPLEX_KEY.test(text)) ||
    ((text.includes('|') || text.includes('>')) && BLOCK_SCALAR.test(text)) ||
    COLLECTION_KEY.test(text) ||
    BARE_DASH.test(text) ||
    text.includes('__proto__')
  );
}

const FULL_LINE_COMMENT = /^[ ]*#.*$/gm;

/** What js-yaml's listener shows of a node as it is read (its state has more, which is not needed here). */
interface ReaderState {
  kind: string | null;
  line: number;
  position: number;
  input: string;
}

/**
 * Watches js-yaml read, node by node: a scalar, or a flow collection (`{ … }`, `[ … ]`), that does not end on the
 * line it began on is where the two parsers' rules for continuation lines and indentation differ (js-yaml takes
 * `"a\` + a line `b"` that yaml refuses), so such a text is yaml's to read.
 */
function singleLineNodes(): { listener: (event: string, state: ReaderState) => void; spans: () => boolean } {
  const opened: number[] = [];
  let spans = false;
  const listener = (event: string, state: ReaderState): void => {
    if (event === 'open') {
      opened.push(state.line);
      return;
    }
    const from = opened.pop();
    if (spans || from === state.line) return;
    const last = state.input[state.position - 1];
    if (state.kind === 'scalar' || last === '}' || last === ']') spans = true;
  };
  return { listener, spans: () => spans };
}

/** The data of a YAML (or JSON) text read quickly, or undefined where only yaml can read it as it must. */
export function quickData(source: string): { data: unknown } | undefined {
  // A line that is only a comment reads alike in both (a template's explanations use `{ … }:`, `*` and `|`).
  if (onlyYaml(source.replace(FULL_LINE_COMMENT, ''))) return undefined;
  const watch = singleLineNodes();
  let data: unknown;
  try {
    // maxDepth (js-yaml 4.2) is not in its published types yet; past it js-yaml refuses, and yaml says why.
    const { js, schema } = quickReader();
    longNumber = false;
    data = js.load(source, { schema, maxDepth: MAX_DEPTH, listener: watch.listener } as LoadOptions);
  } catch {
    return undefined;
  }
  if (longNumber) return undefined;
  if (watch.spans()) return undefined;
  if (data === null || data === undefined || typeof data !== 'object' || holdsNull(data)) return undefined;
  return { data };
}

/** A node as js-yaml read it: its kind, its value, the line it began on (0-based) and its children in order. */
interface ReadNode {
  kind: string | null;
  result: unknown;
  line: number;
  children: ReadNode[];
}

/** js-yaml sometimes opens a node twice (a sequence's entry): the outer one holds the inner and nothing else. */
function collapsed(node: ReadNode): ReadNode {
  let inner = node;
  while (inner.children.length === 1 && inner.children[0].result === inner.result && inner.kind === inner.children[0].kind && inner.kind !== 'scalar') inner = inner.children[0];
  return inner;
}

/**
 * The line a node begins on, as yaml's document places it: a scalar or a flow collection on its own line (the quick
 * reading takes only texts where both stay on one line), a block collection on the line of its first entry.
 */
function firstLine(node: ReadNode): number {
  const inner = collapsed(node);
  return inner.kind !== 'scalar' && inner.children.length > 0 ? firstLine(inner.children[0]) : inner.line;
}

/** The child at a key of a mapping, or an index of a sequence; undefined when there is none. */
function childAt(node: ReadNode, part: string | number): ReadNode | undefined {
  const inner = collapsed(node);
  if (inner.kind === 'sequence') return typeof part === 'number' ? inner.children[part] : undefined;
  if (inner.kind !== 'mapping') return undefined;
  // A mapping's children are its keys and values in turn.
  for (let i = 0; i + 1 < inner.children.length; i += 2) if (String(collapsed(inner.children[i]).result) === String(part)) return inner.children[i + 1];
  return undefined;
}

/**
 * The lines of the fields of a text the quick reading took (quickData gave its data): the line yaml's document would
 * give each field, or its nearest existing ancestor, found by reading the text again with js-yaml (milliseconds,
 * where yaml's document of a large file takes a tenth of a second). Evidence points to a line, never a column.
 */
export function quickLines(source: string): (path: readonly (string | number)[]) => number {
  const { js, schema } = quickReader();
  const stack: ReadNode[] = [{ kind: null, result: undefined, line: 0, children: [] }];
  const listener = (event: string, state: ReaderState & { result: unknown }): void => {
    if (event === 'open') {
      stack.push({ kind: null, result: undefined, line: state.line, children: [] });
      return;
    }
    const node = stack.pop() as ReadNode;
    node.kind = state.kind;
    node.result = state.result;
    stack[stack.length - 1].children.push(node);
  };
  js.load(source, { schema, maxDepth: MAX_DEPTH, listener } as LoadOptions);
  const root = stack[0].children[0];
  return (path) => {
    let node = root;
    for (const part of path) {
      const next = childAt(node, part);
      if (!next) break;
      node = next;
    }
    return firstLine(node) + 1;
  };
}
