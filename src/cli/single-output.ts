import { bi, type Lang } from '../core/i18n';
import { terminalText } from '../core/text-safety';
import type { InputProblem } from '../intake/problem';
import { EXIT } from '../run/exit';
import type { CliIo } from './io';
import { planOutputs, writeOutputs, type Rendered } from './outputs';
import { problemLine } from './problem-line';

/** A problem on standard error: with its file where it has one, else (a mistake of the command line) on its own. */
export function requestProblemLine(problem: InputProblem, lang: Lang): string {
  if (problem.file) return problemLine(problem, lang);
  const expected = problem.expected ? (lang === 'zh' ? `(应为:${problem.expected.zh})` : ` (expected: ${problem.expected.en})`) : '';
  const prefix = lang === 'zh' ? 'plancheck: 命令行有误:' : 'plancheck: command line error: ';
  return `${terminalText(`${prefix}${problem.message[lang]}${expected}`)}\n`;
}

/**
 * A workbook is bytes, not text: on a terminal it would be noise, so it needs a file (or a pipe). The problem that
 * says so, or undefined when the output can take it.
 */
export function binaryOnTerminal(binary: boolean | undefined, out: string | undefined, io: CliIo): InputProblem | undefined {
  const toStdout = out === undefined || out === '-';
  if (!binary || !toStdout || (io.stdoutBytes && !process.stdout.isTTY)) return undefined;
  return { file: '', message: bi('工作簿不能显示在终端上:请用 --out 指定要写入的文件', 'A workbook cannot be shown on a terminal: name the file to write with --out'), expected: bi('--out 文件名.xlsx', '--out file.xlsx') };
}

export interface SingleOutputRequest<F extends string> {
  format: F;
  out?: string;
  lang: Lang;
}

/**
 * What the commands that make one document (`rules`, `explain`, `template`) do with it: tell every problem on
 * standard error, refuse an output over one of the inputs, and write the document whole to `--out` or standard output
 * as `check` writes its reports (./write-output). Returns the exit status: 2 when there is nothing to write or it
 * could not be written, else 0.
 */
export async function writeSingleOutput<F extends string>(
  render: (() => Rendered | Promise<Rendered>) | undefined,
  problems: readonly InputProblem[],
  request: SingleOutputRequest<F>,
  inputs: readonly string[],
  io: CliIo,
): Promise<number> {
  const { lang } = request;
  for (const problem of problems) io.stderr(requestProblemLine(problem, lang));
  if (!render) return EXIT.invalidInput;
  const refused: InputProblem[] = [];
  const plan = planOutputs({ format: request.format, out: request.out, targets: [], lang }, inputs, refused);
  if (!plan) {
    for (const problem of refused) io.stderr(requestProblemLine(problem, lang));
    return EXIT.invalidInput;
  }
  const failed = await writeOutputs(plan, () => render(), io);
  return failed.length > 0 ? EXIT.invalidInput : EXIT.ok;
}
