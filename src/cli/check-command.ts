import { loadCalendar } from '../calendar/holiday-notices';
import type { WorkingDayCalendar } from '../calendar/working-days';
import { Checker } from '../check';
import type { CheckResult } from '../findings/types';
import type { Lang } from '../i18n';
import { isInputError, type InputProblem } from '../input/problem';
import { loadPack } from '../pack/load';
import type { RulePack } from '../pack/types';
import { BUNDLED_PACK } from '../paths';
import { RENDERERS, type Format } from '../report';
import { collectFiles } from './collect-files';
import type { CliIo } from './io';
import { assertNotAnInput, writeFileAtomic } from './write-output';

export interface CheckOptions {
  format: Format;
  out?: string;
  pack: string[];
  calendar: string[];
  lang: Lang;
  exitZero?: boolean;
}

export const EXIT = { ok: 0, failures: 1, invalidInput: 2 } as const;

/** Runs a loader, turning a user's mistake into problems to report instead of an exception. */
function attempt<T>(load: () => T, problems: InputProblem[]): T | undefined {
  try {
    return load();
  } catch (error) {
    if (!isInputError(error)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
}

function loadInputs(options: CheckOptions, problems: InputProblem[]): { packs: RulePack[]; calendar: WorkingDayCalendar } {
  const calendar = attempt(() => loadCalendar(options.calendar), problems) ?? loadCalendar();
  const packPaths = options.pack.length > 0 ? options.pack : [BUNDLED_PACK];
  const packs = packPaths.map((path) => attempt(() => loadPack(path), problems)).filter((pack): pack is RulePack => pack !== undefined);
  return { packs, calendar };
}

function problemLine(problem: InputProblem, lang: Lang): string {
  const place = problem.line !== undefined ? `:${problem.line}:${problem.column}` : '';
  const field = problem.field ? ` ${problem.field}` : '';
  const expected = problem.expected ? (lang === 'zh' ? `(应为:${problem.expected.zh})` : ` (expected: ${problem.expected.en})`) : '';
  return `plancheck: ${problem.file}${place}${field}: ${problem.message[lang]}${expected}\n`;
}

export function exitStatus(result: CheckResult | undefined, runProblems: readonly InputProblem[], exitZero = false): number {
  if (runProblems.length > 0 || !result || result.submissions.some((s) => s.error)) return EXIT.invalidInput;
  if (!exitZero && result.submissions.some((s) => s.summary.fail > 0)) return EXIT.failures;
  return EXIT.ok;
}

/** `plancheck check FILE... | DIR`: every file is evaluated, whatever is wrong with another. */
export async function runCheck(paths: readonly string[], options: CheckOptions, io: CliIo): Promise<number> {
  const runProblems: InputProblem[] = [];
  const { packs, calendar } = loadInputs(options, runProblems);
  const { files, problems } = collectFiles(paths);
  runProblems.push(...problems);
  if (options.out) attempt(() => assertNotAnInput(options.out as string, [...files, ...packs.map((p) => p.file), ...options.calendar]), runProblems);
  const refused = runProblems.some((p) => p.file === options.out);
  const result = packs.length > 0 && !refused ? await new Checker(packs, calendar).checkFiles(files) : undefined;
  const render = RENDERERS[options.format];
  const report = result ? render(result, options.lang, runProblems) : undefined;
  const toStderr = options.format !== 'table' || options.out !== undefined || !report;
  if (toStderr) {
    const fileProblems = result?.submissions.flatMap((s) => s.error?.problems ?? []) ?? [];
    for (const problem of [...runProblems, ...fileProblems]) io.stderr(problemLine(problem, options.lang));
  }
  if (report !== undefined) {
    if (options.out) {
      const written = attempt(() => writeFileAtomic(options.out as string, report), runProblems);
      if (written === undefined && runProblems.some((p) => p.file === options.out)) {
        io.stderr(problemLine(runProblems[runProblems.length - 1], options.lang));
      }
    } else {
      io.stdout(report);
    }
  }
  return exitStatus(result, runProblems, options.exitZero);
}
