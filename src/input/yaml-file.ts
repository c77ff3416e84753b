import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isCollection, isMap, isScalar, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import { bi, type Bilingual } from '../i18n';
import type { FieldPath } from './field-path';
import { InputError, type InputProblem } from './problem';

/** A YAML (or JSON) file parsed with the places of its nodes kept, so errors and evidence can name line and column. */
export interface ParsedFile {
  file: string;
  text: string;
  sha256: string;
  data: unknown;
  /** Line and column (1-based) of the node at `path`, or of its nearest existing ancestor. */
  locate(path: FieldPath, part?: 'key' | 'value'): { line: number; column: number };
}

// Guards against alias bombs beyond yaml's own default limit.
const MAX_ALIAS_COUNT = 100;

const YAML_ERROR_TEXT: Record<string, Bilingual> = {
  DUPLICATE_KEY: bi('同一层级出现重复的键', 'the same key appears twice in one mapping'),
  BAD_INDENT: bi('缩进不正确', 'wrong indentation'),
  TAB_AS_INDENT: bi('缩进中使用了制表符(Tab),请改用空格', 'a tab is used for indentation; use spaces'),
  MISSING_CHAR: bi('缺少闭合符号(引号或括号)', 'a closing quote or bracket is missing'),
  BLOCK_AS_IMPLICIT_KEY: bi('键值写法不正确(是否漏了冒号或缩进有误?)', 'malformed key (a missing colon or wrong indentation?)'),
  MULTILINE_IMPLICIT_KEY: bi('键不能跨行(是否漏了冒号?)', 'a key may not span lines (a missing colon?)'),
  UNEXPECTED_TOKEN: bi('出现了意外的字符', 'unexpected characters'),
  BAD_SCALAR_START: bi('值的开头字符不合法(以 @ 或 ` 开头的值要加引号)', 'a value may not start with this character (quote values starting with @ or `)'),
  MULTIPLE_DOCS: bi('文件只能包含一个 YAML 文档(去掉多余的 ---)', 'a file holds one YAML document only (remove the extra ---)'),
  BAD_ALIAS: bi('引用(别名)不正确', 'a bad alias'),
  BAD_DQ_ESCAPE: bi('双引号字符串中的转义不正确', 'a bad escape in a double-quoted string'),
};

export function sha256Hex(bytes: string | Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function yamlProblem(file: string, error: YAMLError, lineCounter: LineCounter): InputProblem {
  const { line, col } = lineCounter.linePos(error.pos[0]);
  const detail = error.message.split('\n')[0];
  const known = YAML_ERROR_TEXT[error.code];
  return {
    file,
    line,
    column: col,
    message: known
      ? bi(`YAML 格式错误:${known.zh}`, `YAML syntax error: ${known.en} (${detail})`)
      : bi(`YAML 格式错误:${detail}`, `YAML syntax error: ${detail}`),
  };
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
    throw new InputError([{ file, message: bi(`无法读取文件:${reason.zh}`, `Cannot read the file: ${reason.en}`) }]);
  }
  return parseYamlText(file, bytes);
}

export function parseYamlText(file: string, bytes: Buffer): ParsedFile {
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) {
    throw new InputError([{ file, line: 1, column: 1, message: bi('文件不是 UTF-8 编码,请另存为 UTF-8', 'The file is not UTF-8 encoded; save it as UTF-8') }]);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) throw new InputError(doc.errors.map((e) => yamlProblem(file, e, lineCounter)));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw new InputError([{ file, line: 1, column: 1, message: bi(`YAML 内容无法展开:${(error as Error).message}`, `The YAML cannot be expanded: ${(error as Error).message}`) }]);
  }
  return { file, text, sha256: sha256Hex(bytes), data, locate: (path, part = 'value') => locateIn(doc, lineCounter, path, part) };
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

function toPosition(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

