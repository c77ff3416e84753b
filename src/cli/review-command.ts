import { Checker, packInfo } from '../run/check';
import { STATUSES, type Status } from '../findings/types';
import { bi, type Lang } from '../core/i18n';
import type { InputProblem } from '../intake/problem';
import { LEVELS, type Level } from '../pack/types';
import { REVIEW_FORMATS, type ReviewFormat } from '../report/formats';
import { reviewRenderer } from '../report/lazy';
import { buildMatrix, duplicateBureauYears, matrixSummary, ruleInfos, yearOverYear } from '../run/review/aggregate';
import { defaultJobs, evaluateFiles, WorkerFailure } from '../run/review/pool';
import type { ReviewFilters, ReviewResult, ReviewRow } from '../run/review/types';
import { terminalText } from '../core/text-safety';
import { TOOL } from '../core/version';
import { waiverReport } from '../waivers/apply';
import { loadWaivers, waiverDateProblems } from '../waivers/load';
import { maxSubmissionBytes, parseMaxBytes, setMaxSubmissionBytes } from '../intake/read-file';
import { EXIT } from '../run/exit';
import { collectFiles } from '../intake/files';
import { attempt, loadRuleInputs, packFiles, parseReportTargets, problemLine } from '../run/inputs';
import type { CliIo } from './io';
import { planOutputs, writeOutputs } from './outputs';

export interface ReviewOptions {
  format: ReviewFormat;
  out?: string;
  report: string[];
  pack: string[];
  calendar: string[];
  level: string[];
  region: string[];
  rule: string[];
  status: string[];
  year: string[];
  waivers?: string;
  waiverDate?: string;
  jobs?: string;
  timestamp?: boolean;
  lang: Lang;
  exitZero?: boolean;
  maxBytes?: string;
}

/** Filters accept repeats and commas: `--level city,county` or `--level city --level county`. */
function listOf(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

/** `--jobs N`: a whole number, 1 or more, as written; undefined when not given. */
function parseJobs(value: string | undefined): { jobs?: number; problems: InputProblem[] } {
  if (value === undefined) return { problems: [] };
  const jobs = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (Number.isSafeInteger(jobs) && jobs >= 1) return { jobs, problems: [] };
  return { problems: [{ file: '--jobs', message: bi(`--jobs 应为 1 或更大的整数,收到“${value}”`, `--jobs takes a whole number, 1 or more; got "${value}"`) }] };
}

function filterProblems(filters: ReviewFilters, years: readonly string[], ruleIds: ReadonlySet<string>): InputProblem[] {
  const problems: InputProblem[] = [];
  const bad = (option: string, value: string, allowed: Parameters<typeof bi>): void => {
    problems.push({ file: option, message: bi(`${option} 的取值 "${value}" 无效,应为 ${allowed[0]}`, `${option}: "${value}" is not valid; expected ${allowed[1]}`) });
  };
  for (const level of filters.levels) if (!LEVELS.includes(level)) bad('--level', level, [`${LEVELS.join('、')} 之一`, LEVELS.join(', ')]);
  for (const status of filters.statuses) if (!STATUSES.includes(status)) bad('--status', status, [`${STATUSES.join('、')} 之一`, STATUSES.join(', ')]);
  for (const region of filters.regions) if (!/^\d{1,6}$/.test(region)) bad('--region', region, ['区划代码的前 1 至 6 位数字,如 4301', '1–6 digits of a region code, e.g. 4301']);
  for (const rule of filters.rules) if (!ruleIds.has(rule)) bad('--rule', rule, ['所用规则包中的指标编号', 'a rule id of the loaded packs']);
  for (const year of years) if (!/^\d{4}$/.test(year)) bad('--year', year, ['四位数的年度,如 2024', 'a four-digit year, e.g. 2024']);
  return problems;
}

/**
 * The exit status of a review (cli-contract.md): 2 when an input could not be read, else 1 when a bureau shown
 * fails a target shown, else 3 when one lacks data for a target shown, else 0. `--exit-zero` turns 1 and 3 into 0.
 */
export function reviewExitStatus(result: ReviewResult, written: readonly InputProblem[], exitZero = false): number {
  if (result.errors.length > 0 || result.paths.length > 0 || result.rejected.length > 0 || written.length > 0) return EXIT.invalidInput;
  if (exitZero) return EXIT.ok;
  const total = matrixSummary(result.rows, result.columns);
  if (total.fail > 0) return EXIT.failures;
  return total.missing_data > 0 ? EXIT.missingData : EXIT.ok;
}

function waiverOutcomes(rows: readonly ReviewRow[]): { applied: string[]; expired: string[] }[] {
  return rows.flatMap((row) => (row.waivers ? [row.waivers] : []));
}

/** `plancheck review DIR...`: every submission in the folders (recursively), as a bureaus × rules matrix. */
export async function runReview(paths: readonly string[], options: ReviewOptions, io: CliIo): Promise<number> {
  const problems: InputProblem[] = [];
  const sizeLimit: InputProblem[] = [];
  // Every submission is refused beyond this size, unread; the workers get the same limit with their setup.
  setMaxSubmissionBytes(parseMaxBytes(options.maxBytes, sizeLimit));
  const { packs, calendar, holidayYears } = loadRuleInputs(options.pack, options.calendar, problems);
  const rules = ruleInfos(packs);
  const years = listOf(options.year);
  const filters: ReviewFilters = { levels: listOf(options.level) as Level[], regions: listOf(options.region), rules: listOf(options.rule), statuses: listOf(options.status) as Status[], years: years.map(Number) };
  const asked = parseJobs(options.jobs);
  const commandLine = [...filterProblems(filters, years, new Set(rules.map((r) => r.id))), ...asked.problems, ...waiverDateProblems(options.waiverDate), ...sizeLimit];
  const targets = parseReportTargets(options.report, REVIEW_FORMATS, commandLine);
  const waivers = options.waivers ? attempt(() => loadWaivers(options.waivers as string, new Set(rules.map((r) => r.id))), problems) : undefined;
  const { files, problems: pathProblems, notes } = collectFiles(paths, true);
  for (const note of notes) io.stderr(problemLine(note, options.lang));
  problems.push(...commandLine);
  const inputs = [...files, ...packFiles(packs), ...options.calendar, ...(options.waivers ? [options.waivers] : [])];
  const outputs = planOutputs({ format: options.format, out: options.out, targets, lang: options.lang }, inputs, problems);
  const canRun = packs.length > 0 && commandLine.length === 0 && outputs !== undefined;
  if (!canRun) {
    for (const problem of [...problems, ...pathProblems]) io.stderr(problemLine(problem, options.lang));
    return EXIT.invalidInput;
  }

  // More workers than cores only share the cores, and each adds its memory.
  const cores = defaultJobs();
  const jobs = asked.jobs !== undefined ? Math.min(asked.jobs, cores) : undefined;
  if (asked.jobs !== undefined && asked.jobs > cores) {
    io.stderr(options.lang === 'zh' ? `plancheck: --jobs ${asked.jobs} 多于本机可用的 ${cores} 个处理器核心,按 ${cores} 个工作线程运行\n` : `plancheck: --jobs ${asked.jobs} is more than the ${cores} cores available here; running ${cores} worker threads\n`);
  }
  const keepFindings = options.format === 'html' || targets.some((t) => t.format === 'html');
  const progress = io.progress?.();
  // Workers get the packs and holiday years this thread loaded, never the files again: what was refused stays out.
  const setup = { packs, holidayYears, keepFindings, maxBytes: maxSubmissionBytes(), ...(waivers ? { waivers, waiverDate: options.waiverDate } : {}) };
  let evaluatedFiles: Awaited<ReturnType<typeof evaluateFiles>>;
  try {
    evaluatedFiles = await evaluateFiles(files, setup, new Checker(packs, calendar), jobs, progress?.update);
  } catch (error) {
    if (!(error instanceof WorkerFailure)) throw error;
    progress?.stop();
    io.stderr(`plancheck: ${terminalText(error.said[options.lang])}\n`);
    return EXIT.invalidInput;
  }
  progress?.stop();
  const { rows, calendars } = evaluatedFiles;
  const evaluated = rows.filter((row) => !row.error);
  const rejected = rows.filter((row) => row.error);
  const matrix = buildMatrix(evaluated, rules, filters);
  const duplicates = duplicateBureauYears(matrix.rows);
  const result: ReviewResult = {
    tool: { name: TOOL.name, version: TOOL.version },
    packs: packs.map(packInfo),
    rules,
    counts: { found: files.length, evaluated: evaluated.length, rejected: rejected.length },
    ...matrix,
    ...yearOverYear(matrix.rows, matrix.columns, rules, duplicates),
    duplicates,
    rejected,
    filters,
    calendars,
    ...(waivers ? { waivers: waiverReport(waivers, waiverOutcomes(evaluated)) } : {}),
    ...(options.timestamp ? { generatedAt: new Date().toISOString() } : {}),
    errors: problems,
    paths: pathProblems,
  };
  if (options.format !== 'table' || !outputs.toStdout) {
    for (const problem of [...problems, ...pathProblems, ...rejected.flatMap((row) => row.error?.problems ?? [])]) io.stderr(problemLine(problem, options.lang));
  }
  const written = await writeOutputs(outputs, (format) => reviewRenderer(format)(result, options.lang), io);
  return reviewExitStatus(result, written, options.exitZero);
}
