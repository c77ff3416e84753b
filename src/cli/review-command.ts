import { Checker, packInfo } from '../check';
import { STATUSES, type Status } from '../findings/types';
import { bi, type Lang } from '../i18n';
import type { InputProblem } from '../input/problem';
import { LEVELS, type Level } from '../pack/types';
import { REVIEW_FORMATS, REVIEW_RENDERERS, type ReviewFormat } from '../report/review';
import { buildMatrix, duplicateBureauYears, ruleInfos, yearOverYear } from '../review/aggregate';
import { evaluateFiles } from '../review/pool';
import type { ReviewFilters, ReviewResult } from '../review/types';
import { TOOL } from '../version';
import { EXIT } from './check-command';
import { collectFiles } from './collect-files';
import { loadRuleInputs, outputsAllowed, packFiles, parseReportTargets, problemLine } from './inputs';
import type { CliIo } from './io';
import { writeOutputs } from './outputs';

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
  jobs?: string;
  timestamp?: boolean;
  lang: Lang;
}

/** Filters accept repeats and commas: `--level city,county` or `--level city --level county`. */
function listOf(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

function filterProblems(filters: ReviewFilters, ruleIds: ReadonlySet<string>, jobs: number): InputProblem[] {
  const problems: InputProblem[] = [];
  const bad = (option: string, value: string, allowed: string): void => {
    problems.push({ file: option, message: bi(`${option} 的取值 "${value}" 无效,应为 ${allowed}`, `${option}: "${value}" is not valid; expected ${allowed}`) });
  };
  for (const level of filters.levels) if (!LEVELS.includes(level)) bad('--level', level, LEVELS.join(', '));
  for (const status of filters.statuses) if (!STATUSES.includes(status)) bad('--status', status, STATUSES.join(', '));
  for (const region of filters.regions) if (!/^\d{1,6}$/.test(region)) bad('--region', region, '1–6 digits of a region code, e.g. 4301');
  for (const rule of filters.rules) if (!ruleIds.has(rule)) bad('--rule', rule, 'a rule id of the loaded packs');
  if (!Number.isInteger(jobs) || jobs < 1) bad('--jobs', String(jobs), 'a whole number, 1 or more');
  return problems;
}

/** `plancheck review DIR...`: every submission in the folders (recursively), as a bureaus × rules matrix. */
export async function runReview(paths: readonly string[], options: ReviewOptions, io: CliIo): Promise<number> {
  const problems: InputProblem[] = [];
  const { packs, packPaths, calendar } = loadRuleInputs(options.pack, options.calendar, problems);
  const rules = ruleInfos(packs);
  const filters: ReviewFilters = { levels: listOf(options.level) as Level[], regions: listOf(options.region), rules: listOf(options.rule), statuses: listOf(options.status) as Status[] };
  const jobs = options.jobs === undefined ? undefined : Number(options.jobs);
  const commandLine = filterProblems(filters, new Set(rules.map((r) => r.id)), jobs ?? 1);
  const targets = parseReportTargets(options.report, REVIEW_FORMATS, commandLine);
  const { files, problems: pathProblems } = collectFiles(paths, true);
  problems.push(...pathProblems, ...commandLine);
  const outputs = [...(options.out ? [options.out] : []), ...targets.map((t) => t.path)];
  const canRun = packs.length > 0 && commandLine.length === 0 && outputsAllowed(outputs, [...files, ...packFiles(packs), ...options.calendar], problems);
  if (!canRun) {
    for (const problem of problems) io.stderr(problemLine(problem, options.lang));
    return EXIT.invalidInput;
  }

  const keepFindings = options.format === 'html' || targets.some((t) => t.format === 'html');
  const progress = io.progress?.();
  const setup = { packPaths, calendarFiles: options.calendar, keepFindings };
  const { rows, calendars } = await evaluateFiles(files, setup, new Checker(packs, calendar), jobs, progress?.update);
  progress?.stop();
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
    ...(options.timestamp ? { generatedAt: new Date().toISOString() } : {}),
    errors: problems,
  };
  if (options.format !== 'table' || options.out !== undefined) {
    for (const problem of [...problems, ...rejected.flatMap((row) => row.error?.problems ?? [])]) io.stderr(problemLine(problem, options.lang));
  }
  const written = writeOutputs({ format: options.format, out: options.out, targets, lang: options.lang }, (format) => REVIEW_RENDERERS[format](result, options.lang), io);
  if (result.errors.length > 0 || written.length > 0 || rejected.length > 0) return EXIT.invalidInput;
  return matrix.rows.some((row) => row.summary.fail > 0) ? EXIT.failures : EXIT.ok;
}
