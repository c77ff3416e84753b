import { bi, type Bilingual, type Lang } from '../core/i18n';
import type { InputProblem } from '../intake/problem';
import { attempt } from '../run/inputs';
import { problemLine } from './problem-line';
import type { ReportTarget } from './report-targets';
import type { CliIo } from './io';
import { assertNotAnInput, describeCause, OutputTransaction, OutputWriteError, resolveTarget, sameTarget, type OutputTarget, type Rendered } from './write-output';

export type { Rendered } from './write-output';

/** What the command line asks for: the primary format to `--out` (standard output without it, or with `-`), and every `--report`. */
export interface OutputRequest<F extends string> {
  format: F;
  out?: string;
  targets: ReportTarget<F>[];
  lang: Lang;
  /** The formats that are bytes (a workbook), and whether standard output is a terminal: they are not shown there. */
  binary?: readonly F[];
  terminal?: boolean;
}

export interface PlannedOutput<F extends string> {
  format: F;
  /** How the command line named it, for messages: `--out`, `--report html:out/r.html`. */
  option: Bilingual;
  target: OutputTarget;
}

/** Every output of a run, resolved and checked before the run; the primary first. */
export interface OutputPlan<F extends string> {
  lang: Lang;
  outputs: PlannedOutput<F>[];
  /** The primary report goes to standard output (no `--out`, `--out -`, `--out /dev/stdout`). */
  toStdout: boolean;
}

const STDOUT = bi('标准输出', 'standard output');

/**
 * A workbook sent to a terminal: its bytes would fill the screen with garbage and could set the terminal's modes.
 * Standard output that is a pipe or a file (`> report.xlsx`, `| gzip`) takes it; a terminal is refused before the run.
 */
function binaryOnTerminal(format: string, option: Bilingual | undefined, lang: Lang): InputProblem {
  return {
    file: option ? option[lang] : STDOUT[lang],
    message: bi(
      `${format} 格式是二进制文件(Excel 工作簿),不能显示在终端上;请用 --out 写入文件,如 --out 报告.${format},或把标准输出重定向到文件`,
      `The ${format} format is a binary file (an Excel workbook) and cannot be shown on a terminal; write it to a file with --out, e.g. --out report.${format}, or redirect standard output to a file`,
    ),
  };
}

/**
 * Decides where every output goes, before anything is evaluated. Refuses, each with its problem: an output that is
 * an input, a folder, a path under a file, and two outputs that are the same file (`--out t/same --report
 * html:t/same`, `a/../same`, a symbolic link to another), since one would silently overwrite the other.
 */
export function planOutputs<F extends string>(request: OutputRequest<F>, inputs: readonly string[], problems: InputProblem[]): OutputPlan<F> | undefined {
  const asked = [
    { format: request.format, path: request.out ?? '-', option: request.out === undefined ? bi('主报告(标准输出)', 'the main report (standard output)') : bi('--out', '--out') },
    ...request.targets.map((t) => ({ format: t.format, path: t.path, option: bi(`--report ${t.format}:${t.path}`, `--report ${t.format}:${t.path}`) })),
  ];
  const found: InputProblem[] = [];
  const outputs: PlannedOutput<F>[] = [];
  for (const { format, path, option } of asked) {
    const target = attempt(() => {
      const resolved = resolveTarget(path);
      if (resolved.kind !== 'stdout') assertNotAnInput(path, inputs);
      return resolved;
    }, found);
    if (!target) continue;
    if (target.kind === 'stdout' && request.terminal && request.binary?.includes(format)) {
      found.push(binaryOnTerminal(format, request.out === undefined && option === asked[0].option ? undefined : option, request.lang));
      continue;
    }
    const clash = outputs.find((output) => sameTarget(output.target, target));
    if (clash) {
      const where = target.kind === 'stdout'
        ? bi('都写到标准输出,两份报告会混在一起', 'both go to standard output: the two reports would run together')
        : bi('指向同一个文件,一个会覆盖另一个', 'name the same file: one would overwrite the other');
      found.push({
        file: target.kind === 'stdout' ? STDOUT[request.lang] : path,
        message: bi(`${clash.option.zh} 与 ${option.zh} ${where.zh};请给每份报告各自的文件`, `${clash.option.en} and ${option.en} ${where.en}; give each report a file of its own`),
      });
      continue;
    }
    outputs.push({ format, option, target });
  }
  problems.push(...found);
  return found.length > 0 ? undefined : { lang: request.lang, outputs, toStdout: outputs[0].target.kind === 'stdout' };
}

/** The problem to report for a failed write: the path, the cause in plain words, and what became of the old files. */
export function writeProblem(error: OutputWriteError, lang: Lang, several: boolean): InputProblem {
  const cause = describeCause(error.reason);
  const file = error.target.kind === 'stdout' ? STDOUT[lang] : error.target.path;
  if (error.afterCommit) return { file, message: bi(`无法写入:${cause.zh}`, `Cannot write: ${cause.en}`) };
  const tail = error.replaced.length > 0
    ? bi(`已替换、无法还原的文件:${error.replaced.join('、')}`, `replaced and not restored: ${error.replaced.join(', ')}`)
    : several
      ? bi('本次运行的输出文件都没有替换,原有文件保持原样', "none of this run's output files was replaced; the existing ones are unchanged")
      : error.target.kind === 'file' && error.target.mode !== undefined
        ? bi('原有文件保持原样', 'the existing file is unchanged')
        : undefined;
  const said = bi(`无法写入输出文件:${cause.zh}`, `Cannot write the output file: ${cause.en}`);
  return { file, message: tail ? bi(`${said.zh};${tail.zh}`, `${said.en}; ${tail.en}`) : said };
}

/**
 * Writes every output of the plan as one transaction (./write-output): all the files to temporaries, then renamed
 * together; standard output last. When one fails, none replaces its old file; the problem is told on standard error
 * and returned for the exit status. `render` may give text or bytes, whole, in chunks or as a promise (../report/renderer):
 * each output is written whole or not at all, whichever.
 */
export async function writeOutputs<F extends string>(plan: OutputPlan<F>, render: (format: F) => Rendered | Promise<Rendered>, io: CliIo): Promise<InputProblem[]> {
  const bytes = io.stdoutBytes;
  const transaction = new OutputTransaction(io.stdout, bytes ? (chunk) => bytes.call(io, chunk) : undefined);
  try {
    for (const output of plan.outputs) await transaction.stage(output.target, () => render(output.format));
    await transaction.commit();
    return [];
  } catch (error) {
    transaction.abort();
    if (!(error instanceof OutputWriteError)) throw error;
    const problem = writeProblem(error, plan.lang, plan.outputs.filter((o) => o.target.kind !== 'stdout').length > 1);
    io.stderr(problemLine(problem, plan.lang));
    return [problem];
  }
}
