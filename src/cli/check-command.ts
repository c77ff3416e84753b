import { Checker } from '../run/check';
import type { CheckResult } from '../findings/types';
import type { Lang } from '../core/i18n';
import type { InputProblem } from '../intake/problem';
import { FORMATS, type Format } from '../report/formats';
import { checkRenderer } from '../report/lazy';
import { applyWaivers } from '../waivers/apply';
import { loadWaivers, waiverDateProblems } from '../waivers/load';
import { parseMaxBytes, setMaxSubmissionBytes } from '../intake/read-file';
import { collectFiles } from '../intake/files';
import { attempt, loadRuleInputs, packFiles, parseReportTargets, problemLine } from '../run/inputs';
import type { CliIo } from './io';
import { planOutputs, writeOutputs } from './outputs';

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

import { EXIT } from '../run/exit';

export { EXIT };

/**
 * The contract's exit status: 2 for anything that could not be read, else 1 for a failure, else 3 when data is
 * missing (nothing can be said to be met), else 0. `--exit-zero` turns 1 and 3 into 0, never 2.
 */
export function exitStatus(result: CheckResult | undefined, exitZero = false): number {
  if (!result || result.errors.length > 0 || result.submissions.some((s) => s.error)) return EXIT.invalidInput;
  if (exitZero) return EXIT.ok;
  if (result.submissions.some((s) => s.summary.fail > 0)) return EXIT.failures;
  if (result.submissions.some((s) => s.summary.missing_data > 0)) return EXIT.missingData;
  return EXIT.ok;
}

/** `plancheck check FILE... | DIR`: every file is evaluated, whatever is wrong with another. */
export async function runCheck(paths: readonly string[], options: CheckOptions, io: CliIo): Promise<number> {
  const problems: InputProblem[] = [];
  const sizeLimit: InputProblem[] = [];
  // Every submission of the run is refused beyond this size, unread (packs, calendars, waivers: beyond 32 MiB).
  setMaxSubmissionBytes(parseMaxBytes(options.maxBytes, sizeLimit));
  const { packs, calendar } = loadRuleInputs(options.pack, options.calendar, problems);
  const ruleIds = new Set(packs.flatMap((pack) => pack.rules.map((rule) => rule.id)));
  const waivers = options.waivers ? attempt(() => loadWaivers(options.waivers as string, ruleIds), problems) : undefined;
  const { files, problems: pathProblems, notes } = collectFiles(paths);
  for (const note of notes) io.stderr(problemLine(note, options.lang));
  const commandLine = [...sizeLimit, ...waiverDateProblems(options.waiverDate)];
  const targets = parseReportTargets(options.report, FORMATS, commandLine);
  problems.push(...pathProblems, ...commandLine);
  const inputs = [...files, ...packFiles(packs), ...options.calendar, ...(options.waivers ? [options.waivers] : [])];
  const outputs = planOutputs({ format: options.format, out: options.out, targets, lang: options.lang }, inputs, problems);
  const canRun = packs.length > 0 && commandLine.length === 0 && outputs !== undefined;

  const result = canRun ? await new Checker(packs, calendar).checkFiles(files) : undefined;
  if (result) {
    if (waivers) result.waivers = applyWaivers(result.submissions, waivers, options.waiverDate);
    if (options.timestamp) result.generatedAt = new Date().toISOString();
    result.errors = problems;
  }
  // The table shows every problem itself; other formats, and a run with no report, tell standard error too.
  if (!result || options.format !== 'table' || !outputs?.toStdout) {
    const fileProblems = result?.submissions.flatMap((s) => s.error?.problems ?? []) ?? [];
    for (const problem of [...problems, ...fileProblems]) io.stderr(problemLine(problem, options.lang));
  }
  if (result) {
    const written = outputs ? await writeOutputs(outputs, (format) => checkRenderer(format)(result, options.lang), io) : [];
    result.errors.push(...written);
  }
  return exitStatus(result, options.exitZero);
}
