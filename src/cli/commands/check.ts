import type { Lang } from '../../core/i18n';
import type { InputProblem } from '../../intake/problem';
import { BINARY_FORMATS, checkRenderer, FORMATS, type Format } from '../../report/check';
import { prepareCheck } from '../../run/check';
import { checkExitStatus } from '../../run/exit';
import type { CliIo } from '../io';
import { planOutputs, writeOutputs } from '../outputs';
import { problemLine } from '../problem-line';
import { parseReportTargets } from '../report-targets';

export interface CheckOptions {
  format: Format;
  out?: string;
  report: string[];
  pack: string[];
  calendar: string[];
  waivers?: string;
  waiverDate?: string;
  timestamp?: boolean;
  lang: Lang;
  exitZero?: boolean;
  maxBytes?: string;
}

/** `plancheck check FILE... | DIR`: the flags bound to the runner (run/check.ts); the command plans and writes the reports. */
export async function runCheck(paths: readonly string[], options: CheckOptions, io: CliIo): Promise<number> {
  const { lang } = options;
  const plan = prepareCheck({ paths, packs: options.pack, calendars: options.calendar, waivers: options.waivers, waiverDate: options.waiverDate, maxBytes: options.maxBytes, timestamp: options.timestamp });
  for (const note of plan.notes) io.stderr(problemLine(note, lang));
  const badTargets: InputProblem[] = [];
  const targets = parseReportTargets(options.report, FORMATS, badTargets);
  const own = [...badTargets];
  const outputs = planOutputs({ format: options.format, out: options.out, targets, lang, binary: BINARY_FORMATS, terminal: io.stdoutIsTerminal?.() }, plan.inputs, own);
  const canRun = plan.ready && badTargets.length === 0 && outputs !== undefined;
  const result = canRun ? await plan.run(own) : undefined;
  // The table shows every problem itself; other formats, and a run with no report, tell standard error too.
  if (!result || options.format !== 'table' || !outputs?.toStdout) {
    const fileProblems = result?.submissions.flatMap((s) => s.error?.problems ?? []) ?? [];
    for (const problem of [...plan.problems, ...own, ...fileProblems]) io.stderr(problemLine(problem, lang));
  }
  if (result && outputs) result.errors.push(...(await writeOutputs(outputs, (format) => checkRenderer(format)(result, lang), io)));
  return checkExitStatus(result, options.exitZero);
}
