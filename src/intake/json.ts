import { bi } from '../core/i18n';
import type { IntakeFormat } from './format';
import type { InputProblem } from './problem';
import { readHead, readSubmissionBytes } from './read-file';
import { parseYamlText } from './yaml';

/** plancheck's own reports begin so (cli-contract.md: `tool` comes first); a submission has no `tool` key. */
const OWN_REPORT = /^\uFEFF?\s*\{\s*"tool"\s*:\s*\{\s*"name"\s*:\s*"plancheck"\s*[,}]/;

/** A `.json` whose top level has `tool.name` "plancheck": an earlier report, not a submission. */
function isPlancheckReport(file: string): boolean {
  const head = readHead(file, 4096)?.toString('utf8');
  if (head === undefined || !head.includes('"tool"')) return false;
  if (OWN_REPORT.test(head)) return true;
  // `tool` written further on (a report rewritten by another program): read it whole, within the size limit.
  try {
    const data = JSON.parse(readSubmissionBytes(file).toString('utf8')) as { tool?: { name?: unknown } } | null;
    return data?.tool?.name === 'plancheck';
  } catch {
    return false;
  }
}

/** Comments in a JSON file: JSON has none, and yaml would read `// note` as a key. Each is placed; strings are skipped. */
export function jsonCommentProblems(file: string, source: string): InputProblem[] {
  const problems: InputProblem[] = [];
  let [line, lineStart] = [1, 0];
  let mode: 'code' | 'string' | 'line' | 'block' = 'code';
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    const next = source[i + 1];
    if (char === '\n') {
      [line, lineStart] = [line + 1, i + 1];
      if (mode !== 'block') mode = 'code';
      continue;
    }
    if (mode === 'string') {
      if (char === '\\' && next !== '\n') i++;
      else if (char === '"') mode = 'code';
      continue;
    }
    if (mode === 'line') continue;
    if (mode === 'block') {
      if (char === '*' && next === '/') [mode, i] = ['code', i + 1];
      continue;
    }
    if (char === '"') {
      mode = 'string';
      continue;
    }
    if (char !== '#' && !(char === '/' && (next === '/' || next === '*'))) continue;
    const written = char === '#' ? '#' : `/${next}`;
    problems.push({
      file,
      at: { line, column: i - lineStart + 1 },
      message: bi(
        `JSON 文件里不能写注释:请删去这里以 ${written} 开头的注释(需要注释时,可把文件改存为 .yaml,用 # 写注释)`,
        `JSON does not allow comments: delete the comment starting ${written} here (or save the file as .yaml, where # starts a comment)`,
      ),
      expected: bi('不含注释的 JSON', 'JSON without comments'),
    });
    if (written === '/*') [mode, i] = ['block', i + 1];
    else mode = 'line';
  }
  return problems;
}

/**
 * JSON submissions. JSON is YAML 1.2, so the YAML parser reads it with every node's line and column; a comment,
 * which JSON has not, is refused first with its place.
 */
export const jsonFormat: IntakeFormat = {
  id: 'json',
  title: bi('JSON 文件', 'JSON file'),
  extensions: ['.json'],
  isSubmission: (file) => !isPlancheckReport(file),
  reportName: bi('JSON 报告', 'JSON report'),
  parse: (file, bytes, options) => parseYamlText(file, bytes, (source) => jsonCommentProblems(file, source), options),
};
