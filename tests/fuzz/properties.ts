/**
 * The properties every mutated submission must keep, through the library and through the CLI. Each throws an Error
 * that says what broke and shows the bytes; fast-check adds the seed and the path that replay the case.
 */
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BUNDLED_PACK, Checker, InputError, loadPack, parseSubmission, RENDERERS, STATUSES, type CheckResult, type InputProblem, type Lang, type RulePack, type SubmissionResult, type Summary } from '../../src';
import { packInfo, submissionError } from '../../src/run/checker';
import { TOOL } from '../../src/core/version';
import { cli } from '../helpers';
import { BASES, build, extensionOf, fuzzCase, type Case } from './generators';
import { forbiddenPasses, type Forbidden } from './reads';

/** How many cases, and the seed: fixed in `npm test`, many more with `npm run fuzz`, either overridden from the environment. */
export interface FuzzConfig {
  runs: number;
  cliRuns: number;
  seed: number;
  /** fast-check's replay path of a failing case (printed with the failure), to rerun that case alone. */
  path?: string;
}

export const DEFAULT_SEED = 20_260_509;

export function fuzzConfig(env: NodeJS.ProcessEnv = process.env): FuzzConfig {
  const number = (name: string): number | undefined => {
    const text = env[name];
    if (text === undefined || text === '') return undefined;
    const value = Number(text);
    if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, not ${text}`);
    return value;
  };
  const runs = number('PLANCHECK_FUZZ_RUNS') ?? 300;
  return {
    runs,
    cliRuns: number('PLANCHECK_FUZZ_CLI_RUNS') ?? Math.max(20, Math.round(runs / 20)),
    seed: number('PLANCHECK_FUZZ_SEED') ?? DEFAULT_SEED,
    ...(env.PLANCHECK_FUZZ_PATH ? { path: env.PLANCHECK_FUZZ_PATH } : {}),
  };
}

export function parameters(config: FuzzConfig, numRuns: number): fc.Parameters<[Case]> {
  return { seed: config.seed, numRuns, ...(config.path ? { path: config.path } : {}), endOnFailure: false };
}

export const PACKS: readonly RulePack[] = [loadPack(BUNDLED_PACK)];
const RULES = PACKS.flatMap((p) => p.rules);

/** What a run saw, so that a test can show the properties were exercised, not vacuously true. */
export interface Stats {
  cases: number;
  accepted: number;
  rejected: number;
  statuses: Record<string, number>;
  /** (rule, absent field) pairs met on accepted submissions: the deletion property's checks. */
  absentReads: number;
  cliStatuses: Record<string, number>;
}

export function newStats(): Stats {
  return { cases: 0, accepted: 0, rejected: 0, statuses: {}, absentReads: 0, cliStatuses: {} };
}

function emptySummary(): Summary {
  return Object.fromEntries(STATUSES.map((status) => [status, 0])) as Summary;
}

class PropertyBroken extends Error {
  constructor(what: string, c: Case, bytes: Buffer) {
    const text = bytes.toString('utf8');
    super(`${what}\n  base: examples/${BASES[c.base].name}\n  mutations: ${JSON.stringify(c.mutations)}\n  file (${bytes.length} bytes):\n${text.length > 4000 ? `${text.slice(0, 4000)}\n…` : text}`);
    this.name = 'PropertyBroken';
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

function run(result: SubmissionResult): CheckResult {
  return { tool: { name: TOOL.name, version: TOOL.version }, packs: PACKS.map(packInfo), submissions: [result], calendars: [], errors: [] };
}

interface Evaluated {
  json: string;
  result: SubmissionResult;
  problems?: readonly InputProblem[];
}

/** Reads and evaluates bytes as the CLI does for a file, but in memory; only the loader's InputError may be thrown. */
async function evaluateBytes(checker: Checker, name: string, bytes: Buffer, c: Case): Promise<Evaluated> {
  let result: SubmissionResult;
  let problems: readonly InputProblem[] | undefined;
  try {
    const submission = await parseSubmission(name, bytes);
    try {
      result = await checker.evaluate(submission);
    } catch (error) {
      throw new PropertyBroken(`Checker.evaluate threw on a submission parseSubmission accepted:\n${describeError(error)}`, c, bytes);
    }
  } catch (error) {
    if (error instanceof PropertyBroken) throw error;
    if (!(error instanceof InputError)) throw new PropertyBroken(`parseSubmission threw something other than an InputError:\n${describeError(error)}`, c, bytes);
    problems = error.problems;
    result = { file: name, sha256: createHash('sha256').update(bytes).digest('hex'), bureau: null, year: null, asOf: null, summary: emptySummary(), findings: [], error: submissionError(error.problems), notices: [] };
  }
  return { json: RENDERERS.json(run(result), 'zh'), result, ...(problems ? { problems } : {}) };
}

/** The submission as written, read independently of the loader, for the deletion oracle. */
function asWritten(bytes: Buffer): unknown {
  return parse(bytes.toString('utf8').replace(/^\uFEFF/, ''), { logLevel: 'silent', maxAliasCount: 100 });
}

const said = (b: { zh?: unknown; en?: unknown } | undefined): boolean => typeof b?.zh === 'string' && b.zh.trim() !== '' && typeof b?.en === 'string' && b.en.trim() !== '';

/** What the README promises of a refused file: every problem has a message and an expected (应为), in line order. */
function checkProblems(problems: readonly InputProblem[], name: string, c: Case, bytes: Buffer): void {
  if (problems.length === 0) throw new PropertyBroken('an InputError with no problems', c, bytes);
  for (const p of problems) {
    if (p.file !== name || !said(p.message) || !said(p.expected)) throw new PropertyBroken(`a problem without its file, or without a message and an expected in both languages: ${JSON.stringify(p)}`, c, bytes);
  }
  const placed = problems.flatMap((p) => (p.at && 'line' in p.at ? [{ line: p.at.line, column: p.at.column ?? 0 }] : []));
  for (let i = 1; i < placed.length; i++) {
    const [a, b] = [placed[i - 1], placed[i]];
    if (a.line > b.line || (a.line === b.line && a.column > b.column)) {
      throw new PropertyBroken(`problems out of line order: ${a.line}:${a.column} before ${b.line}:${b.column}`, c, bytes);
    }
  }
}

function checkFindings(result: SubmissionResult, data: unknown, stats: Stats, c: Case, bytes: Buffer): void {
  const { findings } = result;
  if (findings.length !== RULES.length || findings.some((f, i) => f.rule !== RULES[i].id)) {
    throw new PropertyBroken(`not one finding per rule in the pack's order: ${findings.map((f) => f.rule).join(', ')}`, c, bytes);
  }
  const tally = emptySummary();
  for (const finding of findings) {
    if (!STATUSES.includes(finding.status)) throw new PropertyBroken(`${finding.rule}: status ${String(finding.status)} is none of ${STATUSES.join(', ')}`, c, bytes);
    tally[finding.status]++;
    stats.statuses[finding.status] = (stats.statuses[finding.status] ?? 0) + 1;
  }
  if (STATUSES.some((status) => tally[status] !== result.summary[status])) throw new PropertyBroken(`summary ${JSON.stringify(result.summary)} does not count the findings ${JSON.stringify(tally)}`, c, bytes);
  findings.forEach((finding, i) => {
    const forbidden: Forbidden[] = forbiddenPasses(RULES[i], data);
    stats.absentReads += forbidden.length;
    if (finding.status !== 'pass') return;
    for (const f of forbidden) {
      throw new PropertyBroken(`${finding.rule} passes although ${f.field}, which it reads, is absent: ${finding.message.en}`, c, bytes);
    }
  });
}

/**
 * Through the library (parseSubmission, Checker.evaluate, every renderer): only the loader's InputError escapes, and
 * its problems each have a message and an expected, in line order; there is one finding per rule in the pack's order,
 * every status is one of the seven and the summary counts them; a rule never passes with a field it reads absent
 * (reads.ts); the same bytes give the same JSON twice.
 */
export function libraryProperty(checker: Checker, stats: Stats): fc.IAsyncPropertyWithHooks<[Case]> {
  return fc.asyncProperty(fuzzCase, async (c) => {
    const { bytes } = build(c, PACKS);
    const name = `fuzz${extensionOf(c)}`;
    stats.cases++;
    const first = await evaluateBytes(checker, name, bytes, c);
    const second = await evaluateBytes(checker, name, bytes, c);
    if (first.json !== second.json) throw new PropertyBroken(`the same bytes gave different JSON:\n${first.json}\n---\n${second.json}`, c, bytes);
    // Every format renders it too, in one language or the other (both each time would double the time).
    const lang: Lang = stats.cases % 2 === 0 ? 'zh' : 'en';
    for (const [format, render] of Object.entries(RENDERERS)) {
      try {
        await render(run(first.result), lang);
      } catch (error) {
        throw new PropertyBroken(`RENDERERS.${format} (${lang}) threw:\n${describeError(error)}`, c, bytes);
      }
    }
    if (first.problems) {
      stats.rejected++;
      checkProblems(first.problems, name, c, bytes);
      return;
    }
    stats.accepted++;
    let data: unknown;
    try {
      data = asWritten(bytes);
    } catch (error) {
      throw new PropertyBroken(`the library accepted a file the yaml package cannot read: ${describeError(error)}`, c, bytes);
    }
    checkFindings(first.result, data, stats, c, bytes);
  });
}

/** The exit status the contract gives a run's JSON: 2 unreadable, else 1 a failure, else 3 missing data, else 0. */
export function contractStatus(document: { submissions: { error: unknown; findings: { status: string }[] }[]; errors?: unknown[] }): number {
  const { submissions } = document;
  if ((document.errors ?? []).length > 0 || submissions.some((s) => s.error !== null)) return 2;
  const statuses = submissions.flatMap((s) => s.findings.map((f) => f.status));
  if (statuses.includes('fail')) return 1;
  if (statuses.includes('missing_data')) return 3;
  return 0;
}

const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;

/**
 * Through the CLI: `check FILE --format json` exits 0–3 as the contract says for its own JSON, writes valid JSON,
 * no internal error and no stack trace, and a rerun writes the same bytes.
 */
export function cliProperty(dir: string, stats: Stats): fc.IAsyncPropertyWithHooks<[Case]> {
  return fc.asyncProperty(fuzzCase, async (c) => {
    const { bytes } = build(c, PACKS);
    const file = join(dir, `submission${extensionOf(c)}`);
    writeFileSync(file, bytes);
    const once = async (): Promise<Awaited<ReturnType<typeof cli>>> => {
      try {
        return await cli('check', file, '--format', 'json');
      } catch (error) {
        throw new PropertyBroken(`plancheck check threw (an internal error):\n${describeError(error)}`, c, bytes);
      }
    };
    const first = await once();
    const second = await once();
    stats.cliStatuses[first.status] = (stats.cliStatuses[first.status] ?? 0) + 1;
    if (![0, 1, 2, 3].includes(first.status)) throw new PropertyBroken(`exit status ${first.status}\nstderr: ${first.stderr}`, c, bytes);
    if (/internal error|内部错误/i.test(first.stderr) || STACK_LINE.test(first.stderr)) throw new PropertyBroken(`stderr shows an internal error or a stack trace:\n${first.stderr}`, c, bytes);
    let document: Parameters<typeof contractStatus>[0];
    try {
      document = JSON.parse(first.stdout) as Parameters<typeof contractStatus>[0];
    } catch (error) {
      throw new PropertyBroken(`stdout is not JSON (${(error as Error).message}):\n${first.stdout.slice(0, 2000)}`, c, bytes);
    }
    const expected = contractStatus(document);
    if (first.status !== expected) throw new PropertyBroken(`exit status ${first.status}, but the contract gives ${expected} for this JSON`, c, bytes);
    if (first.status !== second.status || first.stdout !== second.stdout || first.stderr !== second.stderr) {
      throw new PropertyBroken(`a rerun differs: status ${first.status} → ${second.status}, stdout ${first.stdout === second.stdout ? 'same' : 'differs'}, stderr ${first.stderr === second.stderr ? 'same' : 'differs'}`, c, bytes);
    }
  });
}
