import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { bi } from '../core/i18n';
import { byCodePoint } from '../core/order';
import type { LinePosition } from '../core/place';
import { closestName } from '../intake/closest-name';
import type { FieldPath } from '../intake/field-path';
import { isInputError, type InputProblem } from '../intake/problem';
import { validateAgainst } from '../intake/schema-validator';
import { readYamlFile, type YamlDocument } from '../intake/yaml';
import { copyData, deepMerge, isData, moveToYear, removeAt, setAt, type Data } from './case-edits';

/**
 * A pack's test cases (docs/pack-tests.md): every `tests/*.yaml` beside its pack.yaml, read, proved against
 * schemas/pack-tests.schema.json and against the pack's rule ids, each case's submission built from its base and
 * edits. Nothing here evaluates: run/pack-test.ts does, with the same evaluation as `check`; lint reads which rule
 * each case passes or fails.
 */

/** The statuses a case may expect: those of `check`, but `waived` (a pack test applies no waivers). */
export const CASE_STATUSES = ['pass', 'fail', 'warn', 'pending', 'not_applicable', 'missing_data'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What a case expects of one rule. */
export interface RuleExpectation {
  rule: string;
  status: CaseStatus;
  /** Words the finding's Chinese message must contain. */
  message?: string;
  /** The record ids of the finding's evidence, exactly (as a set). */
  evidence?: string[];
  /** Words one evidence entry's Chinese detail must contain. */
  detail?: string;
  /** Where the rule is named in the case file. */
  at: LinePosition;
}

export interface PackCase {
  name: string;
  file: string;
  /** Where the case's name is written. */
  at: LinePosition;
  /** The submission the case checks, built from its base and edits: plain data, read afterwards as `check` reads a file. */
  submission: Data;
  expect: RuleExpectation[];
  /** The statuses every rule not named in `expect` must have; none: anything. */
  others?: CaseStatus[];
}

export interface PackCases {
  /** The folder the cases are read from (it may not exist: then there are none). */
  folder: string;
  /** The case files read, in the order their cases run. */
  files: string[];
  cases: PackCase[];
  /** What is wrong with the case files, each with its place: any of them, and no case runs. */
  problems: InputProblem[];
}

/** The folder of a pack's cases: `tests/` beside its pack.yaml. */
export function casesFolder(packFile: string): string {
  return join(dirname(packFile), 'tests');
}

/** The case files of a folder: its own *.yaml and *.yml files (base submissions live in a folder below), by name. */
function caseFiles(folder: string): string[] {
  let names: string[];
  try {
    if (!statSync(folder).isDirectory()) return [];
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort(byCodePoint)
    .map((name) => join(folder, name))
    .filter(isFile);
}

/** A regular file (a link to one counts); a folder named *.yaml, or a link to nothing, is not a case file. */
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

type Expectation = CaseStatus | { status: CaseStatus; message?: string; evidence?: string[]; detail?: string };

interface CaseEntry {
  name: string;
  base?: string;
  submission?: Data;
  year?: number;
  merge?: Data;
  set?: Record<string, unknown>;
  remove?: string[];
  expect: Record<string, Expectation>;
  others?: CaseStatus | CaseStatus[];
}

interface CaseFileData {
  base?: string;
  year?: number;
  others?: CaseStatus | CaseStatus[];
  cases: CaseEntry[];
}

const listOf = (others: CaseStatus | CaseStatus[] | undefined): CaseStatus[] | undefined => (others === undefined ? undefined : Array.isArray(others) ? others : [others]);

/** Reads the base submissions of the cases, each once: many cases share one. */
class Bases {
  private readonly read = new Map<string, Data | undefined>();

  constructor(private readonly problems: InputProblem[]) {}

  /** The base's data, or undefined when it cannot be used (its problems then said once, at the first case naming it). */
  get(file: string, written: string, at: LinePosition): Data | undefined {
    const path = resolve(dirname(file), written);
    if (this.read.has(path)) return this.read.get(path);
    let data: Data | undefined;
    try {
      const parsed = readYamlFile(path);
      if (isData(parsed.data)) data = parsed.data;
      else this.problems.push({ file, at, field: 'base', message: bi(`基础报送 ${written} 不是一个映射(键: 值),不能作为报送`, `The base submission ${written} is not a mapping (key: value), so it is not a submission`) });
    } catch (error) {
      if (!isInputError(error)) throw error;
      this.problems.push({ file, at, field: 'base', message: bi(`无法读取基础报送 ${written}`, `The base submission ${written} cannot be read`) }, ...error.problems);
    }
    this.read.set(path, data);
    return data;
  }
}

/** Reads every case file of a pack; `ruleIds` are the pack's rules, which each case's `expect` must name rightly. */
export function readPackCases(packFile: string, ruleIds: readonly string[]): PackCases {
  const folder = casesFolder(packFile);
  const files = caseFiles(folder);
  const problems: InputProblem[] = [];
  const bases = new Bases(problems);
  const cases: PackCase[] = [];
  const names = new Map<string, string>();
  for (const file of files) {
    let parsed: YamlDocument;
    try {
      parsed = readYamlFile(file);
    } catch (error) {
      if (!isInputError(error)) throw error;
      problems.push(...error.problems);
      continue;
    }
    const schemaProblems = validateAgainst('pack-tests.schema.json', parsed);
    if (schemaProblems.length > 0) {
      problems.push(...schemaProblems);
      continue;
    }
    const data = parsed.data as CaseFileData;
    data.cases.forEach((entry, index) => {
      const place = (path: FieldPath, part?: 'key' | 'value'): LinePosition => parsed.locate(['cases', index, ...path], part);
      const said = problems.length;
      const at = place(['name']);
      const seen = names.get(entry.name);
      if (seen !== undefined) problems.push({ file, at, field: `cases[${index}].name`, message: bi(`用例名称“${entry.name}”重复(已用于 ${seen})`, `The case name "${entry.name}" is used twice (already in ${seen})`), expected: bi('规则包内唯一的名称', 'a name unique in the pack') });
      names.set(entry.name, file);
      const expect = expectations(entry, ruleIds, file, index, place, problems);
      const submission = buildSubmission(entry, data, file, index, place, parsed.locate(['base']), bases, problems);
      const others = listOf(entry.others ?? data.others);
      if (submission && problems.length === said) cases.push({ name: entry.name, file, at, submission, expect, ...(others ? { others } : {}) });
    });
  }
  return { folder, files, cases, problems };
}

function expectations(entry: CaseEntry, ruleIds: readonly string[], file: string, index: number, place: (path: FieldPath, part?: 'key' | 'value') => LinePosition, problems: InputProblem[]): RuleExpectation[] {
  const known = new Set(ruleIds);
  const result: RuleExpectation[] = [];
  for (const [rule, expectation] of Object.entries(entry.expect)) {
    const at = place(['expect', rule], 'key');
    if (!known.has(rule)) {
      const guess = closestName(rule, ruleIds);
      problems.push({ file, at, field: `cases[${index}].expect.${rule}`, message: bi(`规则包中没有规则 ${rule}${guess ? `(是不是 ${guess}?)` : ''}`, `The pack has no rule ${rule}${guess ? ` (did you mean ${guess}?)` : ''}`), expected: bi('规则包中的规则编号', "a rule id of the pack") });
      continue;
    }
    result.push(typeof expectation === 'string' ? { rule, status: expectation, at } : { rule, ...expectation, at });
  }
  return result;
}

/** The case's submission: its start (base or inline), moved to its year, then merged, set and removed, in that order. */
function buildSubmission(entry: CaseEntry, file: CaseFileData, caseFile: string, index: number, place: (path: FieldPath, part?: 'key' | 'value') => LinePosition, fileBaseAt: LinePosition, bases: Bases, problems: InputProblem[]): Data | undefined {
  const field = (path: string): string => `cases[${index}].${path}`;
  let data: Data;
  if (entry.submission && entry.base !== undefined) {
    problems.push({ file: caseFile, at: place(['submission'], 'key'), field: field('submission'), message: bi(`用例“${entry.name}”既写了 base(基础报送)又写了 submission(完整报送),只能二选一`, `The case "${entry.name}" gives both a base and a submission; it takes one of them`), expected: bi('base 或 submission 之一', 'base or submission, not both') });
    return undefined;
  }
  if (entry.submission) data = copyData(entry.submission);
  else {
    const written = entry.base ?? file.base;
    if (written === undefined) {
      problems.push({ file: caseFile, at: place(['name']), field: field('base'), message: bi(`用例“${entry.name}”既没有 base(基础报送),也没有 submission(完整报送)`, `The case "${entry.name}" has neither a base nor a submission`), expected: bi('base: 基础报送文件的相对路径,或 submission: 完整报送', 'base: the path of a base submission, or submission: a whole submission') });
      return undefined;
    }
    const base = bases.get(caseFile, written, entry.base !== undefined ? place(['base']) : fileBaseAt);
    if (!base) return undefined;
    data = copyData(base);
  }
  const year = entry.year ?? file.year;
  if (year !== undefined) data = moveToYear(data, year);
  if (entry.merge) data = deepMerge(data, entry.merge);
  for (const [path, value] of Object.entries(entry.set ?? {})) {
    const problem = setAt(data, path, value);
    if (problem) problems.push({ file: caseFile, at: place(['set', path], 'key'), field: field(`set.${path}`), message: problem.message });
  }
  (entry.remove ?? []).forEach((path, i) => {
    const problem = removeAt(data, path);
    if (problem) problems.push({ file: caseFile, at: place(['remove', i]), field: field(`remove[${i}]`), message: problem.message });
  });
  return data;
}
