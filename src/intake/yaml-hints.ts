import type { LineCounter, YAMLError } from 'yaml';
import { bi, type Bilingual } from '../core/i18n';
import type { InputProblem } from './problem';
import { comparePositions } from '../core/place';
import { lineOf } from '../core/place';

interface Known {
  text: Bilingual;
  expected: Bilingual;
}

const KEY_VALUE = bi('每行写 键: 值(半角冒号后加一个空格),下一层换行并多缩进两个空格', 'one key: value per line (an ASCII colon and a space), the next level on new lines indented two more spaces');

const YAML_ERROR_TEXT: Record<string, Known> = {
  DUPLICATE_KEY: { text: bi('同一层级出现重复的键', 'the same key appears twice in one mapping'), expected: bi('每个键在同一层只写一次', 'each key once per mapping') },
  BAD_INDENT: { text: bi('缩进不正确', 'wrong indentation'), expected: bi('同一层的键左对齐,下一层比上一层多缩进两个空格', 'keys of one level aligned, the next level indented two more spaces') },
  TAB_AS_INDENT: { text: bi('缩进中使用了制表符(Tab),请改用空格', 'a tab is used for indentation; use spaces'), expected: bi('用空格缩进', 'indentation with spaces') },
  MISSING_CHAR: { text: bi('缺少闭合符号(引号或括号)', 'a closing quote or bracket is missing'), expected: bi('成对的引号或括号:"…"、[…]、{…}', 'quotes and brackets in pairs: "…", […], {…}') },
  BLOCK_AS_IMPLICIT_KEY: { text: bi('键值写法不正确(是否漏了冒号或缩进有误?)', 'malformed key (a missing colon or wrong indentation?)'), expected: KEY_VALUE },
  MULTILINE_IMPLICIT_KEY: { text: bi('键不能跨行(是否漏了冒号?)', 'a key may not span lines (a missing colon?)'), expected: KEY_VALUE },
  UNEXPECTED_TOKEN: { text: bi('出现了意外的字符', 'unexpected characters'), expected: KEY_VALUE },
  BAD_SCALAR_START: { text: bi('值的开头字符不合法(以 @ 或 ` 开头的值要加引号)', 'a value may not start with this character (quote values starting with @ or `)'), expected: bi('以 @ 或 ` 开头的值加引号,如 "@…"', 'values starting with @ or ` in quotes') },
  MULTIPLE_DOCS: { text: bi('文件只能包含一个 YAML 文档(去掉多余的 ---)', 'a file holds one YAML document only (remove the extra ---)'), expected: bi('一个文件只写一份报送', 'one submission per file') },
  BAD_ALIAS: { text: bi('引用(别名)不正确', 'a bad alias'), expected: bi('直接写出值,不用 * 引用', 'the value written out, without * aliases') },
  BAD_DQ_ESCAPE: { text: bi('双引号字符串中的转义不正确', 'a bad escape in a double-quoted string'), expected: bi('双引号中的 \\ 写成 \\\\,或改用单引号', 'a backslash inside double quotes doubled (\\\\), or single quotes') },
};

// A code this does not know: no English detail in the Chinese message, yaml's own words in the English one.
const FALLBACK: Known = { text: bi('这里的写法不符合 YAML 格式', ''), expected: KEY_VALUE };

// Codes yaml gives when a line is indented wrongly, or a key's line runs into the next.
const INDENT_CODES = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY']);

/** A key followed by a full-width colon: `leading_group：true`. Keys are ASCII names, so a value's own ： never matches. */
const FULL_WIDTH_COLON = /^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_]*)\s*：\s*(.*)$/;

function indentOf(line: string): number {
  return /^ */.exec(line)?.[0].length ?? 0;
}

function isContent(line: string): boolean {
  return line.trim() !== '' && !line.trim().startsWith('#');
}

function keyOf(line: string): string | undefined {
  return /^\s*(?:-\s+)?([^\s:#][^:#]*?)\s*:(?:\s|$)/.exec(line)?.[1];
}

/** A line such as `key: value` that has its value on the line, so nothing may be nested under it. */
function hasInlineValue(line: string): boolean {
  return /:\s+[^\s#]/.test(line.replace(/\s+#.*$/, ''));
}

function problem(file: string, line: number, column: number, zh: string, en: string, expected: Bilingual): InputProblem {
  return { file, at: { line, column }, message: bi(`YAML 格式错误:${zh}`, `YAML syntax error: ${en}`), expected };
}

/** `leading_group：true`, found on the line YAML stumbled over (yaml reads it as a key running into the next line). */
export function fullWidthColonProblem(file: string, lineText: string, line: number): InputProblem | undefined {
  const match = FULL_WIDTH_COLON.exec(lineText);
  if (!match) return undefined;
  const [, , key, rest] = match;
  const fixed = `${key}: ${rest.replace(/\s+#.*$/, '').trim()}`.trimEnd();
  return problem(
    file,
    line,
    lineText.indexOf('：') + 1,
    `第 ${line} 行用了全角冒号“：”,请改为半角冒号“:”后加空格,写成 ${fixed}`,
    `line ${line} has a full-width colon "："; write an ASCII colon and a space: ${fixed}`,
    bi(`半角冒号加空格,如 ${fixed}`, `an ASCII colon and a space, such as ${fixed}`),
  );
}

/**
 * A line indented deeper than the key before it, where that key already has its value (`a: 1` then `    b: 2`):
 * yaml reports it at the end of the line before, twice; the fix is on the deeper line.
 */
function indentProblem(file: string, lines: readonly string[], errorLine: number, code: string): InputProblem | undefined {
  const at = code === 'BAD_INDENT' ? errorLine - 1 : lines.findIndex((text, i) => i >= errorLine && isContent(text));
  if (at < 0 || at >= lines.length) return undefined;
  let before = at - 1;
  while (before >= 0 && !isContent(lines[before])) before--;
  if (before < 0) return undefined;
  const [target, previous] = [lines[at], lines[before]];
  const key = keyOf(target) ?? target.trim();
  const previousKey = keyOf(previous);
  if (!previousKey) return undefined;
  const [deep, shallow] = [indentOf(target), indentOf(previous)];
  const line = at + 1;
  if (deep > shallow && hasInlineValue(previous)) {
    return problem(
      file,
      line,
      deep + 1,
      `第 ${line} 行缩进多了:上一行的 ${previousKey} 已经写了值,${key} 应与它左对齐(缩进 ${shallow} 个空格)`,
      `line ${line} is indented too far: ${previousKey} on the line before already has its value, so ${key} aligns with it (${shallow} spaces)`,
      bi('同一层的键左对齐', 'keys of one level aligned'),
    );
  }
  if (deep < shallow || (deep > shallow && code === 'BAD_INDENT')) {
    return problem(
      file,
      line,
      deep + 1,
      `第 ${line} 行的 ${key} 与同一层的键没有对齐(本行缩进 ${deep} 个空格,上一行 ${shallow} 个)`,
      `line ${line}: ${key} is not aligned with the keys of its level (${deep} spaces here, ${shallow} on the line before)`,
      bi('同一层的键左对齐,下一层比上一层多缩进两个空格', 'keys of one level aligned, the next level indented two more spaces'),
    );
  }
  return undefined;
}

const CLOSERS: Record<string, string> = { '[': ']', '{': '}', '"': '"', "'": "'" };

/** Where an opener is left unclosed on a line (outside quotes and comments), or -1. */
function unclosedAt(line: string, opener: string): number {
  const closer = CLOSERS[opener];
  const open: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quote) {
      if (char === quote) {
        if (opener === quote) open.pop();
        quote = undefined;
      }
      continue;
    }
    if (char === '#' && (i === 0 || line[i - 1] === ' ')) break;
    if (char === '"' || char === "'") {
      quote = char;
      if (opener === char) open.push(i);
    } else if (char === opener) open.push(i);
    else if (char === closer) open.pop();
  }
  return open.length > 0 ? open[open.length - 1] : -1;
}

/**
 * `[true` with no `]`: yaml notices only on a later line, and calls it an indentation error. The opener is on the
 * nearest line above that leaves one unclosed.
 */
function unclosedProblem(file: string, lines: readonly string[], errorLine: number, detail: string): InputProblem | undefined {
  const opener = /end with a \]/.test(detail) ? '[' : /end with a \}/.test(detail) ? '{' : /closing "quote/.test(detail) ? '"' : /closing 'quote/.test(detail) ? "'" : undefined;
  if (!opener) return undefined;
  for (let at = Math.min(errorLine, lines.length) - 1; at >= 0; at--) {
    const column = unclosedAt(lines[at], opener);
    if (column < 0) continue;
    const closer = CLOSERS[opener];
    const what = opener === '"' || opener === "'" ? bi('引号', 'quote') : bi('括号', 'bracket');
    return problem(
      file,
      at + 1,
      column + 1,
      what.en === 'quote' ? `第 ${at + 1} 行的引号 ${opener} 没有闭合:请在这一行的值末尾补上 ${closer}` : `第 ${at + 1} 行的“${opener}”没有对应的“${closer}”:请在这一行的值末尾补上“${closer}”`,
      `the ${what.en} ${opener} on line ${at + 1} is never closed: add ${closer} at the end of its value`,
      bi(`成对的${what.zh},如 ${opener}…${closer}`, `${what.en}s in pairs, such as ${opener}…${closer}`),
    );
  }
  return undefined;
}

function duplicateKeyText(lineText: string, column: number): Known {
  const key = /^([^:#]+?)\s*:/.exec(lineText.slice(column - 1))?.[1];
  const known = YAML_ERROR_TEXT.DUPLICATE_KEY;
  return key ? { text: bi(`${key} 在同一层出现了两次`, `${key} appears twice in one mapping`), expected: known.expected } : known;
}

/** yaml's errors as a clerk can act on them: the line to fix, the character to change, and what to write. */
export function yamlProblems(file: string, source: string, errors: readonly YAMLError[], lineCounter: LineCounter): InputProblem[] {
  const lines = source.split(/\r?\n/);
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const lineText = lines[line - 1] ?? '';
    const detail = error.message.split('\n')[0];
    const hint =
      fullWidthColonProblem(file, lineText, line) ?? unclosedProblem(file, lines, line, detail) ?? (INDENT_CODES.has(error.code) ? indentProblem(file, lines, line, error.code) : undefined);
    const known = error.code === 'DUPLICATE_KEY' ? duplicateKeyText(lineText, col) : (YAML_ERROR_TEXT[error.code] ?? FALLBACK);
    const found = hint ?? problem(file, line, col, known.text.zh, `${known.text.en || detail}${known.text.en ? ` (${detail})` : ''}`, known.expected);
    // yaml often reports one slip twice (a key running into the next line); say it once, at its line.
    const key = hint ? `${lineOf(found)}` : `${JSON.stringify(found.at)}:${error.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(found);
  }
  return problems.sort((a, b) => comparePositions(a.at, b.at));
}
