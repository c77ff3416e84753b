import { stringify } from 'yaml';
import type { Bilingual } from '../core/i18n';
import type { Finding, Status, SubmissionResult } from '../findings/types';
import { isInputError, type InputProblem } from '../intake/problem';
import { readPackCases, type CaseStatus, type PackCase, type RuleExpectation } from '../pack/cases';
import { loadPack } from '../pack/load';
import type { RulePack } from '../pack/types';
import { parseSubmission } from '../submission/load';
import { Checker } from './checker';
import { EXIT } from './exit';

/**
 * `plancheck pack test PACK`: every test case of a pack (docs/pack-tests.md) evaluated by the same Checker as
 * `check`, and what each case expected compared with what the findings say. Nothing here judges a rule itself.
 */

/** One way a case's findings differ from what it expects. */
export type Mismatch =
  /** A rule's status is not the one expected (`others`: not one of those allowed). */
  | { what: 'status'; rule: string; expected: readonly CaseStatus[]; actual: Status; message: Bilingual }
  /** The finding's Chinese message lacks the expected words. */
  | { what: 'message'; rule: string; words: string; message: Bilingual }
  /** The finding's evidence names other records than expected. */
  | { what: 'evidence'; rule: string; expected: readonly string[]; actual: readonly string[]; message: Bilingual }
  /** No evidence entry's Chinese detail holds the expected words. */
  | { what: 'detail'; rule: string; words: string; message: Bilingual }
  /** The built submission is not one `check` would evaluate: its first problem. */
  | { what: 'refused'; problem: InputProblem };

export interface CaseOutcome {
  case: PackCase;
  mismatches: Mismatch[];
}

export interface PackTestResult {
  /** The pack tested, when it loaded. */
  pack?: { id: string; file: string };
  /** The case files read. */
  files: string[];
  outcomes: CaseOutcome[];
  /** Why the pack or its cases could not be read: then no case ran. */
  problems: InputProblem[];
}

export function passedCount(result: PackTestResult): number {
  return result.outcomes.filter((o) => o.mismatches.length === 0).length;
}

export function failedCount(result: PackTestResult): number {
  return result.outcomes.length - passedCount(result);
}

/** 0 every case holds, 1 one does not, 2 the pack or a case file could not be read. */
export function packTestExitStatus(result: PackTestResult): number {
  if (result.problems.length > 0) return EXIT.invalidInput;
  return failedCount(result) > 0 ? EXIT.failures : EXIT.ok;
}

function recordsOf(finding: Finding): string[] {
  return [...new Set(finding.evidence.flatMap((e) => (e.record === undefined ? [] : [e.record])))].sort();
}

/** What one named rule's finding says against what the case expects of it. */
function ruleMismatches(expected: RuleExpectation, finding: Finding): Mismatch[] {
  const { rule } = expected;
  const { message } = finding;
  const found: Mismatch[] = [];
  if (finding.status !== expected.status) found.push({ what: 'status', rule, expected: [expected.status], actual: finding.status, message });
  if (expected.message !== undefined && !message.zh.includes(expected.message)) found.push({ what: 'message', rule, words: expected.message, message });
  if (expected.evidence !== undefined) {
    const actual = recordsOf(finding);
    const wanted = [...expected.evidence].sort();
    if (actual.length !== wanted.length || actual.some((record, i) => record !== wanted[i])) found.push({ what: 'evidence', rule, expected: wanted, actual, message });
  }
  if (expected.detail !== undefined && !finding.evidence.some((e) => e.detail.zh.includes(expected.detail as string))) found.push({ what: 'detail', rule, words: expected.detail, message });
  return found;
}

/** A case's expectations held against one submission's findings (every rule of the pack has one). */
export function caseMismatches(testCase: PackCase, result: SubmissionResult): Mismatch[] {
  const byRule = new Map(result.findings.map((f) => [f.rule, f]));
  const named = new Set(testCase.expect.map((e) => e.rule));
  const found = testCase.expect.flatMap((expected) => ruleMismatches(expected, byRule.get(expected.rule) as Finding));
  const { others } = testCase;
  if (others) {
    for (const finding of result.findings) {
      if (!named.has(finding.rule) && !others.includes(finding.status as CaseStatus)) found.push({ what: 'status', rule: finding.rule, expected: others, actual: finding.status, message: finding.message });
    }
  }
  return found;
}

/** Evaluates one case as `check` evaluates a file: read from YAML text, validated, normalised, then every rule. */
async function runCase(checker: Checker, testCase: PackCase): Promise<CaseOutcome> {
  const text = stringify(testCase.submission);
  let submission;
  try {
    submission = await parseSubmission(testCase.file, Buffer.from(text, 'utf8'), { placesOnDemand: true });
  } catch (error) {
    if (!isInputError(error)) throw error;
    // Its place is in the built text, which no one sees: the case's own place says where to look.
    const [first] = error.problems;
    return { case: testCase, mismatches: [{ what: 'refused', problem: { ...first, file: testCase.file, at: testCase.at } }] };
  }
  return { case: testCase, mismatches: caseMismatches(testCase, await checker.evaluate(submission)) };
}

/** Loads the pack and its cases and runs every case; a pack or case file that cannot be read runs none. */
export async function testPack(path: string): Promise<PackTestResult> {
  let pack: RulePack;
  try {
    pack = loadPack(path);
  } catch (error) {
    if (!isInputError(error)) throw error;
    return { files: [], outcomes: [], problems: [...error.problems] };
  }
  const info = { id: pack.id, file: pack.file };
  const cases = readPackCases(pack.file, pack.rules.map((r) => r.id));
  if (cases.problems.length > 0) return { pack: info, files: cases.files, outcomes: [], problems: cases.problems };
  const checker = new Checker([pack]);
  const outcomes: CaseOutcome[] = [];
  for (const testCase of cases.cases) outcomes.push(await runCase(checker, testCase));
  return { pack: info, files: cases.files, outcomes, problems: [] };
}
