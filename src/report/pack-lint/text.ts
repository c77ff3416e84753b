import { bi, type Lang } from '../../core/i18n';
import { formatPosition } from '../../core/place';
import { terminalLines } from '../../core/text-safety';
import type { LintProblem, LintResult } from '../../pack/lint';

/**
 * A lint as a compiler reports: `file:line:col: RULE-ID: problem`, the fix indented under it, and a last line with the
 * count (or that the pack is clean).
 */

const HINT = bi('修改建议', 'fix');

function problemLines(problem: LintProblem, lang: Lang): string[] {
  const rule = problem.rule ? `${problem.rule}: ` : '';
  return [`${problem.file}:${formatPosition(problem.at, 'terse', lang)}: ${rule}${problem.message[lang]}`, `    ${HINT[lang]}${lang === 'zh' ? ':' : ': '}${problem.hint[lang]}`];
}

function lastLine(result: LintResult): { zh: string; en: string } {
  const name = result.id ?? result.file;
  const cases = bi(`(${result.caseFiles.length} 个用例文件,${result.caseCount} 个用例)`, ` (${result.caseFiles.length} case files, ${result.caseCount} cases)`);
  if (result.problems.length === 0) return bi(`规则包 ${name} 检查无误${cases.zh}`, `pack ${name}: no problems${cases.en}`);
  return bi(`规则包 ${name} 有 ${result.problems.length} 个问题${cases.zh}`, `pack ${name}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}${cases.en}`);
}

export function renderLintText(result: LintResult, lang: Lang): string {
  return `${terminalLines([...result.problems.flatMap((p) => problemLines(p, lang)), lastLine(result)[lang]])}\n`;
}
