import type { Lang } from '../core/i18n';
import { formatPosition } from '../core/place';
import { terminalText } from '../core/text-safety';
import type { InputProblem } from '../intake/problem';

/**
 * One line on standard error for a problem: file:line:column field: message (expected). A control character or line
 * break in the file name or the quoted value is shown (`\x1b`, `\n`), so that it can neither act on the terminal
 * nor split the line.
 */
export function problemLine(problem: InputProblem, lang: Lang): string {
  const place = problem.at ? `:${formatPosition(problem.at, 'terse', lang)}` : '';
  // A labelled problem names its field in its Chinese message; the path stays for English and for scripts.
  const field = problem.field && !(problem.label && lang === 'zh') ? ` ${problem.field}` : '';
  const expected = problem.expected ? (lang === 'zh' ? `(应为:${problem.expected.zh})` : ` (expected: ${problem.expected.en})`) : '';
  return `${terminalText(`plancheck: ${problem.file}${place}${field}: ${problem.message[lang]}${expected}`)}\n`;
}
