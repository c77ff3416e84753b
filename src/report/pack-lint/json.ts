import type { Lang } from '../../core/i18n';
import type { LintResult } from '../../pack/lint';

/**
 * A lint for programs: every problem with its file, line, column, rule, code, and message and fix in both languages
 * (as the check's JSON gives its messages); `lang` is the language a reader asked for, recorded, not a filter.
 */
export function renderLintJson(result: LintResult, lang: Lang): string {
  const document = {
    pack: { file: result.file, id: result.id ?? null },
    lang,
    cases: { files: result.caseFiles, count: result.caseCount },
    summary: { problems: result.problems.length },
    problems: result.problems.map((p) => ({ file: p.file, line: p.at.line, column: p.at.column ?? null, rule: p.rule ?? null, code: p.code, message: p.message, hint: p.hint })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
