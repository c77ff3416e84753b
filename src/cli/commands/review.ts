import type { Lang } from '../../core/i18n';
import { terminalText } from '../../core/text-safety';
import type { InputProblem } from '../../intake/problem';
import { REVIEW_BINARY_FORMATS, REVIEW_FORMATS, reviewRenderer, type ReviewFormat } from '../../report/review';
import { EXIT } from '../../run/exit';
import { prepareReview, reviewExitStatus } from '../../run/review';
import type { CliIo } from '../io';
import { planOutputs, writeOutputs } from '../outputs';
import { problemLine } from '../problem-line';
import { parseReportTargets } from '../report-targets';
import { rosterOf } from '../roster';

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
  roster?: string;
  by?: string;
}

/** Filters accept repeats and commas: `--level city,county` or `--level city --level county`. */
function listOf(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

/** `plancheck review DIR...`: the flags bound to the runner (run/review.ts); the command plans and writes the reports. */
export async function runReview(paths: readonly string[], options: ReviewOptions, io: CliIo): Promise<number> {
  const { lang } = options;
  const rosterProblems: InputProblem[] = [];
  const roster = options.roster !== undefined ? await rosterOf(options.roster, rosterProblems) : undefined;
  const plan = prepareReview({
    paths,
    packs: options.pack,
    calendars: options.calendar,
    levels: listOf(options.level),
    regions: listOf(options.region),
    rules: listOf(options.rule),
    statuses: listOf(options.status),
    years: listOf(options.year),
    waivers: options.waivers,
    waiverDate: options.waiverDate,
    jobs: options.jobs,
    maxBytes: options.maxBytes,
    timestamp: options.timestamp,
    ...(roster ? { roster } : {}),
    ...(options.by !== undefined ? { by: options.by } : {}),
  });
  for (const note of plan.notes) io.stderr(problemLine(note, lang));
  const badTargets: InputProblem[] = [];
  const targets = parseReportTargets(options.report, REVIEW_FORMATS, badTargets);
  const own = [...badTargets, ...rosterProblems];
  const outputs = planOutputs({ format: options.format, out: options.out, targets, lang, binary: REVIEW_BINARY_FORMATS, terminal: io.stdoutIsTerminal?.() }, plan.inputs, own);
  if (!plan.ready || badTargets.length > 0 || rosterProblems.length > 0 || outputs === undefined) {
    for (const problem of [...plan.problems, ...own, ...plan.paths]) io.stderr(problemLine(problem, lang));
    return EXIT.invalidInput;
  }
  if (plan.jobsNote) io.stderr(`plancheck: ${plan.jobsNote[lang]}\n`);
  const keepFindings = options.format === 'html' || targets.some((t) => t.format === 'html');
  const progress = io.progress?.();
  const run = await plan.run({ more: own, keepFindings, progress: progress?.update });
  progress?.stop();
  if ('failure' in run) {
    io.stderr(`plancheck: ${terminalText(run.failure[lang])}\n`);
    return EXIT.invalidInput;
  }
  const { result } = run;
  if (options.format !== 'table' || !outputs.toStdout) {
    for (const problem of [...result.errors, ...result.paths, ...result.rejected.flatMap((row) => row.error?.problems ?? [])]) io.stderr(problemLine(problem, lang));
  }
  const written = await writeOutputs(outputs, (format) => reviewRenderer(format)(result, lang), io);
  return reviewExitStatus(result, written, options.exitZero);
}
