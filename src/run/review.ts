import { bi, type Bilingual } from '../core/i18n';
import { STATUSES, type Status } from '../findings/types';
import { collectFiles } from '../intake/files';
import type { InputProblem } from '../intake/problem';
import type { IntakeFormat } from '../intake/format';
import { maxSubmissionBytes, parseMaxBytes, setMaxSubmissionBytes } from '../intake/read-file';
import { LEVELS, type Level } from '../pack/types';
import { TOOL } from '../core/version';
import { waiverReport } from '../waivers/apply';
import { loadWaivers, waiverDateProblems } from '../waivers/load';
import { Checker, packInfo } from './checker';
import { EXIT } from './exit';
import { attempt, loadRuleInputs, packFiles } from './inputs';
import type { Roster } from '../intake/roster';
import { buildMatrix, duplicateBureauYears, matrixSummary, rowShown, ruleInfos, yearOverYear } from './review/aggregate';
import { bureauYears } from './review/bureau-years';
import { cityRollups } from './review/cities';
import { filingAgainst } from './review/roster';
import { trendOver } from './review/trend';
import { defaultJobs, evaluateFiles, WorkerFailure, type Progress } from './review/pool';
import { REVIEW_GROUPINGS, type ReviewFilters, type ReviewGrouping, type ReviewResult, type ReviewRow } from './review/types';

/** What `review` is asked: the command's flags as data. Filters are lists of values (the command splits commas). */
export interface ReviewRequest {
  /** Folders, read with their subfolders, or files. */
  paths: readonly string[];
  packs?: readonly string[];
  calendars?: readonly string[];
  levels?: readonly string[];
  regions?: readonly string[];
  rules?: readonly string[];
  statuses?: readonly string[];
  years?: readonly string[];
  waivers?: string;
  waiverDate?: string;
  /** Worker threads, as `--jobs` takes it; one per core when not given, and never more. */
  jobs?: string;
  maxBytes?: string;
  timestamp?: boolean;
  /** Intake formats of this run besides the registry's (as CheckRequest's); their files are read in this thread. */
  formats?: readonly IntakeFormat[];
  /** The bureaus expected to file (read by intake/roster.ts `readRoster`): who has not filed, and each city's counties. */
  roster?: Roster;
  /** `--by city`: the reports print only the roll-up by city; `--by year`: only the trend over the years. */
  by?: string;
}

export interface ReviewRunOptions {
  /** Problems the caller found (its outputs): they join the result's `errors`. */
  more?: readonly InputProblem[];
  /** Keep each bureau's findings in its row (the HTML report shows them). */
  keepFindings?: boolean;
  progress?: Progress;
}

/** A review that ran, or the failure of a worker thread (one line, in both languages). */
export type ReviewRun = { result: ReviewResult } | { failure: Bilingual };

/** A review ready to run: what it will read, and what is wrong so far. */
export interface ReviewPlan {
  inputs: string[];
  notes: InputProblem[];
  /** Packs, calendars, waiver files that could not be read, and mistakes of the request. */
  problems: InputProblem[];
  /** Paths named that do not exist, and folders with no submission: no file found, but not lost either. */
  paths: InputProblem[];
  ready: boolean;
  /** Said before the run when more workers were asked for than there are cores. */
  jobsNote?: Bilingual;
  run(options?: ReviewRunOptions): Promise<ReviewRun>;
}

/** `jobs` as written: a whole number, 1 or more; undefined when not given. */
function parseJobs(value: string | undefined): { jobs?: number; problems: InputProblem[] } {
  if (value === undefined) return { problems: [] };
  const jobs = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (Number.isSafeInteger(jobs) && jobs >= 1) return { jobs, problems: [] };
  return { problems: [{ file: '--jobs', message: bi(`--jobs 应为 1 或更大的整数,收到“${value}”`, `--jobs takes a whole number, 1 or more; got "${value}"`) }] };
}

function filterProblems(filters: ReviewFilters, years: readonly string[], ruleIds: ReadonlySet<string>, by?: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const bad = (option: string, value: string, allowed: Parameters<typeof bi>): void => {
    problems.push({ file: option, message: bi(`${option} 的取值 "${value}" 无效,应为 ${allowed[0]}`, `${option}: "${value}" is not valid; expected ${allowed[1]}`) });
  };
  for (const level of filters.levels) if (!LEVELS.includes(level)) bad('--level', level, [`${LEVELS.join('、')} 之一`, LEVELS.join(', ')]);
  for (const status of filters.statuses) if (!STATUSES.includes(status)) bad('--status', status, [`${STATUSES.join('、')} 之一`, STATUSES.join(', ')]);
  for (const region of filters.regions) if (!/^\d{1,6}$/.test(region)) bad('--region', region, ['区划代码的前 1 至 6 位数字,如 4301', '1–6 digits of a region code, e.g. 4301']);
  for (const rule of filters.rules) if (!ruleIds.has(rule)) bad('--rule', rule, ['所用规则包中的指标编号', 'a rule id of the loaded packs']);
  for (const year of years) if (!/^\d{4}$/.test(year)) bad('--year', year, ['四位数的年度,如 2024', 'a four-digit year, e.g. 2024']);
  if (by !== undefined && !isGrouping(by)) bad('--by', by, ['city(按市州汇总)或 year(逐年趋势)', 'city (the roll-up by city) or year (the trend over the years)']);
  return problems;
}

function isGrouping(by: string): by is ReviewGrouping {
  return (REVIEW_GROUPINGS as readonly string[]).includes(by);
}

function waiverOutcomes(rows: readonly ReviewRow[]): { applied: string[]; expired: string[] }[] {
  return rows.flatMap((row) => (row.waivers ? [row.waivers] : []));
}

/** Loads the packs, calendars and waivers, checks the filters and finds the submissions: a review before it evaluates. */
export function prepareReview(request: ReviewRequest): ReviewPlan {
  const problems: InputProblem[] = [];
  const sizeLimit: InputProblem[] = [];
  // Every submission is refused beyond this size, unread; the workers get the same limit with their setup.
  setMaxSubmissionBytes(parseMaxBytes(request.maxBytes, sizeLimit));
  const calendars = request.calendars ?? [];
  const { packs, calendar, holidayYears } = loadRuleInputs(request.packs ?? [], calendars, problems);
  const rules = ruleInfos(packs);
  const years = [...(request.years ?? [])];
  const filters: ReviewFilters = { levels: [...(request.levels ?? [])] as Level[], regions: [...(request.regions ?? [])], rules: [...(request.rules ?? [])], statuses: [...(request.statuses ?? [])] as Status[], years: years.map(Number) };
  const asked = parseJobs(request.jobs);
  const refused = [...filterProblems(filters, years, new Set(rules.map((r) => r.id)), request.by), ...asked.problems, ...waiverDateProblems(request.waiverDate), ...sizeLimit];
  const waivers = request.waivers ? attempt(() => loadWaivers(request.waivers as string, new Set(rules.map((r) => r.id))), problems) : undefined;
  const { files, problems: pathProblems, notes } = collectFiles(request.paths, true);
  problems.push(...refused);
  // More workers than cores only share the cores, and each adds its memory.
  const cores = defaultJobs();
  const jobs = asked.jobs !== undefined ? Math.min(asked.jobs, cores) : undefined;
  const jobsNote =
    asked.jobs !== undefined && asked.jobs > cores
      ? bi(`--jobs ${asked.jobs} 多于本机可用的 ${cores} 个处理器核心,按 ${cores} 个工作线程运行`, `--jobs ${asked.jobs} is more than the ${cores} cores available here; running ${cores} worker threads`)
      : undefined;
  return {
    inputs: [...files, ...packFiles(packs), ...calendars, ...(request.waivers ? [request.waivers] : []), ...(request.roster ? [request.roster.file] : [])],
    notes,
    problems,
    paths: pathProblems,
    ready: packs.length > 0 && refused.length === 0,
    ...(jobsNote ? { jobsNote } : {}),
    async run({ more = [], keepFindings = false, progress } = {}) {
      // Workers get the packs and holiday years this thread loaded, never the files again: what was refused stays out.
      const setup = { packs, holidayYears, keepFindings, maxBytes: maxSubmissionBytes(), ...(waivers ? { waivers, waiverDate: request.waiverDate } : {}) };
      let evaluated: Awaited<ReturnType<typeof evaluateFiles>>;
      try {
        // A format of the run is code, which a worker thread cannot be sent: its files are evaluated here.
        const formats = request.formats ?? [];
        evaluated = await evaluateFiles(files, setup, () => new Checker(packs, calendar, undefined, formats), jobs, progress, formats.length === 0);
      } catch (error) {
        if (error instanceof WorkerFailure) return { failure: error.said };
        throw error;
      }
      const { rows, calendars: consulted } = evaluated;
      const read = rows.filter((row) => !row.error);
      const rejected = rows.filter((row) => row.error);
      const matrix = buildMatrix(read, rules, filters);
      const duplicates = duplicateBureauYears(matrix.rows);
      // Who filed is judged on every row the level, region and year filters keep, whatever --status shows.
      const kept = read.filter((row) => rowShown(row, filters));
      const reviewYears = filters.years.length > 0 ? [...filters.years].sort((a, b) => a - b) : [...new Set(kept.flatMap((row) => (row.year === null ? [] : [row.year])))].sort((a, b) => a - b);
      const roster = request.roster ? filingAgainst(request.roster, kept, reviewYears, filters) : undefined;
      const shown = bureauYears(kept);
      const latest = reviewYears[reviewYears.length - 1];
      const cities = latest === undefined ? [] : cityRollups(latest, shown, matrix.columns, rules, request.roster, roster?.notFiled);
      const trend = trendOver(reviewYears, shown, matrix.columns, rules, roster?.notFiled);
      const result: ReviewResult = {
        tool: { name: TOOL.name, version: TOOL.version },
        packs: packs.map(packInfo),
        rules,
        counts: { found: files.length, evaluated: read.length, rejected: rejected.length },
        ...matrix,
        ...yearOverYear(matrix.rows, matrix.columns, rules, duplicates),
        duplicates,
        rejected,
        filters,
        calendars: consulted,
        ...(waivers ? { waivers: waiverReport(waivers, waiverOutcomes(read)) } : {}),
        ...(request.timestamp ? { generatedAt: new Date().toISOString() } : {}),
        errors: [...problems, ...more],
        paths: pathProblems,
        ...(roster ? { roster } : {}),
        cities,
        trend,
        ...(request.by !== undefined && isGrouping(request.by) ? { by: request.by } : {}),
      };
      return { result };
    },
  };
}

/**
 * The exit status of a review: 2 when an input could not be read (or a report not written: `written`), else 1 when
 * a bureau shown fails a target shown or a bureau on the roster has not filed, else 3 when one lacks data for a target shown, else 0. `exitZero` as for check.
 */
export function reviewExitStatus(result: ReviewResult, written: readonly InputProblem[] = [], exitZero = false): number {
  if (result.errors.length > 0 || result.paths.length > 0 || result.rejected.length > 0 || written.length > 0) return EXIT.invalidInput;
  if (exitZero) return EXIT.ok;
  const total = matrixSummary(result.rows, result.columns);
  // A bureau on the roster that has not filed is a failure, as a target not met is.
  if (total.fail > 0 || (result.roster?.notFiled.length ?? 0) > 0) return EXIT.failures;
  return total.missing_data > 0 ? EXIT.missingData : EXIT.ok;
}

/** A review's outcome: the result (none when nothing could be evaluated or a worker failed), its exit status, the problems. */
export interface ReviewOutcome {
  result?: ReviewResult;
  failure?: Bilingual;
  exitStatus: number;
  notes: InputProblem[];
  problems: InputProblem[];
}

/** `review` as a library function: the same result and exit status as `plancheck review` on the same request. */
export async function review(request: ReviewRequest, options: { exitZero?: boolean; keepFindings?: boolean } = {}): Promise<ReviewOutcome> {
  const plan = prepareReview(request);
  const refused = { exitStatus: EXIT.invalidInput, notes: plan.notes, problems: [...plan.problems, ...plan.paths] };
  if (!plan.ready) return refused;
  const run = await plan.run({ keepFindings: options.keepFindings });
  if ('failure' in run) return { ...refused, failure: run.failure };
  return { result: run.result, exitStatus: reviewExitStatus(run.result, [], options.exitZero), notes: plan.notes, problems: [...run.result.errors, ...run.result.paths] };
}
