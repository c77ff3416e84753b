import { loadCalendar } from '../calendar/holiday-notices';
import type { WorkingDayCalendar } from '../calendar/working-days';
import { Checker } from '../check';
import type { CheckResult } from '../findings/types';
import { bi, type Lang } from '../i18n';
import { isInputError, type InputProblem } from '../input/problem';
import { loadPack } from '../pack/load';
import type { RulePack } from '../pack/types';
import { BUNDLED_PACK } from '../paths';
import { isFormat, RENDERERS, type Format } from '../report';
import { applyWaivers } from '../waivers/apply';
import { loadWaivers } from '../waivers/load';
import type { WaiverSet } from '../waivers/types';
import { collectFiles } from './collect-files';
import type { CliIo } from './io';
import { assertNotAnInput, writeFileAtomic } from './write-output';
import { dirname, join } from 'node:path';

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
}

export const EXIT = { ok: 0, failures: 1, invalidInput: 2 } as const;

interface ReportTarget {
  format: Format;
  path: string;
}

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

/** `--report html:out/report.html` → the format and the path (a path may itself hold colons). */
function parseReportTargets(specs: readonly string[], problems: InputProblem[]): ReportTarget[] {
  const targets: ReportTarget[] = [];
  for (const spec of specs) {
    const colon = spec.indexOf(':');
    const format = colon > 0 ? spec.slice(0, colon) : '';
    const path = colon > 0 ? spec.slice(colon + 1) : '';
    if (!isFormat(format) || !path) {
      problems.push({ file: '--report', message: bi(`--report 的写法应为 格式:路径,如 html:out/report.html;收到 "${spec}"`, `--report takes FORMAT:PATH, e.g. html:out/report.html; got "${spec}"`), expected: bi(`格式为 ${Object.keys(RENDERERS).join('、')} 之一`, `a format among ${Object.keys(RENDERERS).join(', ')}`) });
    } else {
      targets.push({ format, path });
    }
  }
  return targets;
}

function loadInputs(options: CheckOptions, problems: InputProblem[]): { packs: RulePack[]; calendar: WorkingDayCalendar; waivers?: WaiverSet } {
  const calendar = attempt(() => loadCalendar(options.calendar), problems) ?? loadCalendar();
  const packPaths = options.pack.length > 0 ? options.pack : [BUNDLED_PACK];
  const packs = packPaths.map((path) => attempt(() => loadPack(path), problems)).filter((pack): pack is RulePack => pack !== undefined);
  const ruleIds = new Set(packs.flatMap((pack) => pack.rules.map((rule) => rule.id)));
  const waivers = options.waivers ? attempt(() => loadWaivers(options.waivers as string, ruleIds), problems) : undefined;
  if (options.waiverDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.waiverDate)) {
    problems.push({ file: '--waiver-date', message: bi(`--waiver-date 应为 YYYY-MM-DD 格式的日期,收到 "${options.waiverDate}"`, `--waiver-date takes a date, YYYY-MM-DD; got "${options.waiverDate}"`) });
  }
  return { packs, calendar, waivers };
}

function problemLine(problem: InputProblem, lang: Lang): string {
  const place = problem.line !== undefined ? `:${problem.line}:${problem.column}` : '';
  const field = problem.field ? ` ${problem.field}` : '';
  const expected = problem.expected ? (lang === 'zh' ? `(应为:${problem.expected.zh})` : ` (expected: ${problem.expected.en})`) : '';
  return `plancheck: ${problem.file}${place}${field}: ${problem.message[lang]}${expected}\n`;
}

export function exitStatus(result: CheckResult | undefined, exitZero = false): number {
  if (!result || result.errors.length > 0 || result.submissions.some((s) => s.error)) return EXIT.invalidInput;
  if (!exitZero && result.submissions.some((s) => s.summary.fail > 0)) return EXIT.failures;
  return EXIT.ok;
}

/** Every file the run reads: no report may be written over one of them. */
function inputFiles(files: readonly string[], packs: readonly RulePack[], options: CheckOptions): string[] {
  const packFiles = packs.flatMap((pack) => [pack.file, join(dirname(pack.file), pack.source.file)]);
  return [...files, ...packFiles, ...options.calendar, ...(options.waivers ? [options.waivers] : [])];
}

/** `plancheck check FILE... | DIR`: every file is evaluated, whatever is wrong with another. */
export async function runCheck(paths: readonly string[], options: CheckOptions, io: CliIo): Promise<number> {
  const problems: InputProblem[] = [];
  const { packs, calendar, waivers } = loadInputs(options, problems);
  const { files, problems: pathProblems } = collectFiles(paths);
  problems.push(...pathProblems);
  const targets = parseReportTargets(options.report, problems);
  const outputs = [...(options.out ? [options.out] : []), ...targets.map((t) => t.path)];
  const inputs = inputFiles(files, packs, options);
  const refused = outputs.filter((out) => attempt(() => (assertNotAnInput(out, inputs), true), problems) === undefined);
  const canRun = packs.length > 0 && refused.length === 0 && !problems.some((p) => p.file === '--report' || p.file === '--waiver-date');

  let result: CheckResult | undefined;
  if (canRun) {
    result = await new Checker(packs, calendar).checkFiles(files);
    if (waivers) result.waivers = applyWaivers(result.submissions, waivers, options.waiverDate);
    if (options.timestamp) result.generatedAt = new Date().toISOString();
    result.errors = problems;
  }
  const primary = result ? RENDERERS[options.format](result, options.lang) : undefined;
  if (!primary || options.format !== 'table' || options.out !== undefined) {
    const fileProblems = result?.submissions.flatMap((s) => s.error?.problems ?? []) ?? [];
    for (const problem of [...problems, ...fileProblems]) io.stderr(problemLine(problem, options.lang));
  }
  if (result && primary !== undefined) {
    const writes: ReportTarget[] = [...(options.out ? [{ format: options.format, path: options.out }] : []), ...targets];
    for (const target of writes) {
      const content = target.format === options.format ? primary : RENDERERS[target.format](result, options.lang);
      const written: InputProblem[] = [];
      attempt(() => (writeFileAtomic(target.path, content), true), written);
      for (const problem of written) io.stderr(problemLine(problem, options.lang));
      result.errors.push(...written);
    }
    if (!options.out) io.stdout(primary);
  }
  return exitStatus(result, options.exitZero);
}
