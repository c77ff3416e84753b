import type { CheckResult } from '../findings/types';
import { collectFiles } from '../intake/files';
import type { InputProblem } from '../intake/problem';
import type { IntakeFormat } from '../intake/format';
import { parseMaxBytes, setMaxSubmissionBytes } from '../intake/read-file';
import { applyWaivers } from '../waivers/apply';
import { loadWaivers, waiverDateProblems } from '../waivers/load';
import { Checker } from './checker';
import { checkExitStatus } from './exit';
import { attempt, loadRuleInputs, packFiles } from './inputs';

/** What `check` is asked: the command's flags as data, for the library as for the command line. */
export interface CheckRequest {
  /** Submission files, or folders whose own submissions are read (not their subfolders). */
  paths: readonly string[];
  /** Rule packs (a folder or its pack.yaml); the bundled Hunan pack when none is named. */
  packs?: readonly string[];
  /** Holiday calendars for years the bundled calendar does not know. */
  calendars?: readonly string[];
  waivers?: string;
  /** Judge waiver expiry on this day (YYYY-MM-DD) rather than on each submission's `as_of`. */
  waiverDate?: string;
  /** The largest submission read, as `--max-bytes` takes it (`64M`); 32 MiB when not given. */
  maxBytes?: string;
  /** Write the run's time into the result (the reports are then no longer byte-for-byte reproducible). */
  timestamp?: boolean;
  /**
   * Intake formats of this run besides the registry's, read first for the endings they take: a library caller's
   * own (a test's report reader). A file named on its own is read whatever its ending; a folder walk asks the registry.
   */
  formats?: readonly IntakeFormat[];
}

/** A check ready to run: what it will read, and what is wrong so far. */
export interface CheckPlan {
  /** Every file the run reads (submissions, packs, calendars, waivers): no output may be written over one. */
  inputs: string[];
  /** What was left out on purpose (a plancheck report, a second path to a file), one line each: not errors. */
  notes: InputProblem[];
  /** Packs, calendars, waiver files and paths that could not be read, and mistakes of the request: the report keeps them. */
  problems: InputProblem[];
  /** False when nothing can be evaluated: no pack loaded, or the request itself is wrong. */
  ready: boolean;
  /** Evaluates every submission, applies the waivers; `errors` of the result are the plan's problems and `more`. */
  run(more?: readonly InputProblem[]): Promise<CheckResult>;
}

/**
 * Loads the packs, calendars and waivers and finds the submissions: everything a check does before it evaluates,
 * so that a command can refuse an output that would overwrite an input before anything is evaluated.
 */
export function prepareCheck(request: CheckRequest): CheckPlan {
  const problems: InputProblem[] = [];
  const sizeLimit: InputProblem[] = [];
  // Every submission of the run is refused beyond this size, unread (packs, calendars, waivers: beyond 32 MiB).
  setMaxSubmissionBytes(parseMaxBytes(request.maxBytes, sizeLimit));
  const calendars = request.calendars ?? [];
  const { packs, calendar } = loadRuleInputs(request.packs ?? [], calendars, problems);
  const ruleIds = new Set(packs.flatMap((pack) => pack.rules.map((rule) => rule.id)));
  const waivers = request.waivers ? attempt(() => loadWaivers(request.waivers as string, ruleIds), problems) : undefined;
  const { files, problems: pathProblems, notes } = collectFiles(request.paths);
  const refused = [...sizeLimit, ...waiverDateProblems(request.waiverDate)];
  problems.push(...pathProblems, ...refused);
  const inputs = [...files, ...packFiles(packs), ...calendars, ...(request.waivers ? [request.waivers] : [])];
  return {
    inputs,
    notes,
    problems,
    ready: packs.length > 0 && refused.length === 0,
    async run(more = []) {
      const result = await new Checker(packs, calendar, undefined, request.formats).checkFiles(files);
      if (waivers) result.waivers = applyWaivers(result.submissions, waivers, request.waiverDate);
      if (request.timestamp) result.generatedAt = new Date().toISOString();
      result.errors = [...problems, ...more];
      return result;
    },
  };
}

/** A check's outcome: the result (none when nothing could be evaluated), its exit status, and the problems. */
export interface CheckOutcome {
  result?: CheckResult;
  exitStatus: number;
  notes: InputProblem[];
  problems: InputProblem[];
}

/**
 * `check` as a library function: the same result and exit status as `plancheck check` on the same request (the
 * command adds only what it writes). `exitZero` turns 1 and 3 into 0, never 2.
 */
export async function check(request: CheckRequest, options: { exitZero?: boolean } = {}): Promise<CheckOutcome> {
  const plan = prepareCheck(request);
  if (!plan.ready) return { exitStatus: checkExitStatus(undefined), notes: plan.notes, problems: plan.problems };
  const result = await plan.run();
  return { result, exitStatus: checkExitStatus(result, options.exitZero), notes: plan.notes, problems: result.errors };
}
