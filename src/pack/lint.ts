import { isExistingDate } from '../core/dates';
import { bi, type Bilingual } from '../core/i18n';
import type { LinePosition } from '../core/place';
import type { FieldPath } from '../intake/field-path';
import type { InputProblem } from '../intake/problem';
import { readInputBytes } from '../intake/read-file';
import type { YamlDocument } from '../intake/yaml';
import { readPackCases, type PackCases } from './cases';
import { isData, type Data } from './case-edits';
import { packFile, proofOf } from './load';
import { DATED_HINT, datedThresholdProblems } from './thresholds';
import type { DatedValue } from './types';

/**
 * `plancheck pack lint PACK`: everything the loader proves, each problem reported with its place and a fix instead of
 * one refusal, and what only a maintainer needs: every rule has a passing and a failing test case, dated values do not
 * overlap, and no two rules check the same thing unless marked (`same_check_as`).
 *
 * The checks of lint's own read the pack as YAML data, not as the loader's types: they run on a pack the schema
 * refuses as well (a maintainer sees everything at once), and they follow whatever combines a rule's checks (`all`,
 * `any`, `not`, dated thresholds) without depending on how the engine types it.
 */

/** What kind of problem: the proof's (schema, source, fidelity, fields) or lint's own. */
export type LintCode = 'proof' | 'case_file' | 'cases' | 'dated' | 'same_check';

export interface LintProblem {
  file: string;
  at: LinePosition;
  /** The rule the problem is about, when it is about one. */
  rule?: string;
  code: LintCode;
  message: Bilingual;
  hint: Bilingual;
}

export interface LintResult {
  file: string;
  /** The pack's id, when pack.yaml gives one. */
  id?: string;
  /** The case files read. */
  caseFiles: string[];
  caseCount: number;
  /** In file order, then line order. */
  problems: LintProblem[];
}

const ENTRY_LINE = { line: 1, column: 1 };

/** A rule as lint reads it off the YAML: its index and, where it has one, its id. */
interface RawRule {
  index: number;
  id?: string;
  data: Data;
}

function rawRules(data: unknown): RawRule[] {
  const rules = isData(data) && Array.isArray(data.rules) ? data.rules : [];
  return rules.flatMap((rule, index) => (isData(rule) ? [{ index, id: typeof rule.id === 'string' ? rule.id : undefined, data: rule }] : []));
}

/** The rule a problem's field names (`rules[3].check…`), by its id in the YAML. */
function ruleOfField(field: string | undefined, rules: readonly RawRule[]): string | undefined {
  const match = field === undefined ? null : /^rules\[(\d+)\]/.exec(field);
  return match ? rules.find((r) => r.index === Number(match[1]))?.id : undefined;
}

/** A hint where the proof gives none: what the schema or field proof expected, else the general advice. */
function hintOf(problem: InputProblem & { hint?: Bilingual }, otherwise: Bilingual): Bilingual {
  if (problem.hint) return problem.hint;
  if (problem.expected) return bi(`应为:${problem.expected.zh}`, `expected: ${problem.expected.en}`);
  return otherwise;
}

function lintProblem(problem: InputProblem & { hint?: Bilingual }, code: LintCode, rules: readonly RawRule[], otherwise: Bilingual): LintProblem {
  const rule = ruleOfField(problem.field, rules);
  return { file: problem.file, at: (problem.at as LinePosition | undefined) ?? ENTRY_LINE, ...(rule ? { rule } : {}), code, message: problem.message, hint: hintOf(problem, otherwise) };
}

const SCHEMA_HINT = bi('对照 schemas/rule-pack.schema.json 改正此处(在 VS Code 中悬停可见各键的说明)', 'correct it against schemas/rule-pack.schema.json (VS Code shows each key on hover)');
const CASE_HINT = bi('按 docs/pack-tests.md 的格式改正测试用例', 'correct the case as docs/pack-tests.md describes');

/** Every rule has a case it must pass and one it must fail (the expected statuses say which). */
function coverageProblems(file: string, parsed: YamlDocument, rules: readonly RawRule[], cases: PackCases): LintProblem[] {
  const passing = new Set<string>();
  const failing = new Set<string>();
  for (const testCase of cases.cases) {
    for (const expected of testCase.expect) {
      if (expected.status === 'pass') passing.add(expected.rule);
      if (expected.status === 'fail') failing.add(expected.rule);
    }
  }
  const problems: LintProblem[] = [];
  for (const { index, id } of rules) {
    if (id === undefined) continue;
    const at = parsed.locate(['rules', index, 'id']);
    const lacks = (status: 'pass' | 'fail', zh: string, en: string): LintProblem => ({
      file,
      at,
      rule: id,
      code: 'cases',
      message: bi(`规则 ${id} 没有${zh}的测试用例`, `Rule ${id} has no test case where it must ${en}`),
      hint: bi(`在 tests/ 的用例文件中加一个用例,其 expect 写 ${id}: ${status}(见 docs/pack-tests.md)`, `add a case to a file in tests/ whose expect says ${id}: ${status} (see docs/pack-tests.md)`),
    });
    if (!passing.has(id)) problems.push(lacks('pass', '应通过', 'pass'));
    if (!failing.has(id)) problems.push(lacks('fail', '应不通过', 'fail'));
  }
  return problems;
}

/** Every dated threshold (`threshold: { unit, dated: [...] }`) anywhere in a rule's check, with its path. */
function datedThresholds(value: unknown, path: FieldPath): { path: FieldPath; dated: unknown[] }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => datedThresholds(item, [...path, i]));
  if (!isData(value)) return [];
  const own = isData(value.threshold) && Array.isArray(value.threshold.dated) ? [{ path: [...path, 'threshold', 'dated'], dated: value.threshold.dated }] : [];
  return [...own, ...Object.entries(value).filter(([key]) => key !== 'threshold').flatMap(([key, child]) => datedThresholds(child, [...path, key]))];
}

/**
 * Dated values, read off the YAML when the schema refused the pack (so its proof, which holds them to the same
 * rules, did not run): the same reading as the loader's (pack/thresholds.ts), placed at each entry.
 */
function datedProblems(file: string, parsed: YamlDocument, rule: RawRule): LintProblem[] {
  const id = rule.id;
  return datedThresholds(rule.data.check, ['rules', rule.index, 'check']).flatMap(({ path, dated }) => {
    const entries = dated.filter((entry): entry is DatedValue => isData(entry) && typeof entry.from === 'string' && isExistingDate(entry.from) && typeof entry.value === 'number' && (entry.until === undefined || (typeof entry.until === 'string' && isExistingDate(entry.until))));
    if (entries.length < dated.length) return [];
    return datedThresholdProblems({ unit: 'ratio', dated: entries }).map((problem): LintProblem => ({
      file,
      at: parsed.locate([...path, problem.index, problem.key]),
      ...(id ? { rule: id } : {}),
      code: 'dated',
      message: bi(`分时段标准:${problem.message.zh}`, `dated threshold: ${problem.message.en}`),
      hint: DATED_HINT,
    }));
  });
}

/** A check as what it checks: its kind, fields and requirement, without the words that cite it (wording, note). */
function checkSignature(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(checkSignature);
    // A list of field names is a set; any other list keeps its order (the first matching pattern wins).
    return items.every((item) => typeof item === 'string') ? [...(items as string[])].sort() : items;
  }
  if (!isData(value)) return value;
  const kept = Object.keys(value)
    .filter((key) => key !== 'wording' && key !== 'note' && key !== 'quote')
    .sort()
    .map((key) => [key, checkSignature(value[key])] as const);
  return Object.fromEntries(kept);
}

function markedAs(rule: RawRule): string[] {
  const marker = rule.data.same_check_as;
  return isData(marker) && Array.isArray(marker.rules) ? marker.rules.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * No two rules check the same thing (the same kind over the same fields with the same requirement): one would count
 * the same shortfall twice. Unless marked: `same_check_as: { rules: [ID], reason }` on either of them. A marker naming
 * a rule that does not exist, or one that checks something else, is stale and said so.
 */
function sameCheckProblems(file: string, parsed: YamlDocument, rules: readonly RawRule[]): LintProblem[] {
  const problems: LintProblem[] = [];
  const signature = new Map(rules.map((rule) => [rule, JSON.stringify(checkSignature(rule.data.check))]));
  const byId = new Map(rules.flatMap((rule) => (rule.id ? [[rule.id, rule] as const] : [])));
  const marked = (a: RawRule, b: RawRule): boolean => (b.id !== undefined && markedAs(a).includes(b.id)) || (a.id !== undefined && markedAs(b).includes(a.id));
  rules.forEach((rule, i) => {
    if (rule.data.check === undefined || rule.id === undefined) return;
    const earlier = rules.slice(0, i).find((other) => other.id !== undefined && signature.get(other) === signature.get(rule) && !marked(rule, other));
    if (earlier?.id) {
      problems.push({
        file,
        at: parsed.locate(['rules', rule.index, 'check']),
        rule: rule.id,
        code: 'same_check',
        message: bi(`规则 ${rule.id} 与 ${earlier.id} 检查的是同一件事(同一种检查、同样的字段、同样的要求)`, `Rule ${rule.id} checks the same thing as ${earlier.id} (the same kind over the same fields with the same requirement)`),
        hint: bi(`合并这两条规则;若确需分列,在其中一条写 same_check_as: { rules: [${earlier.id}], reason: 分列的理由 }`, `merge the two rules; if they must stay apart, give one of them same_check_as: { rules: [${earlier.id}], reason: why }`),
      });
    }
    markedAs(rule).forEach((named, j) => {
      const other = byId.get(named);
      const at = parsed.locate(['rules', rule.index, 'same_check_as', 'rules', j]);
      if (!other) {
        problems.push({ file, at, rule: rule.id, code: 'same_check', message: bi(`规则 ${rule.id} 的 same_check_as 指向不存在的规则 ${named}`, `Rule ${rule.id}: same_check_as names ${named}, which the pack does not have`), hint: bi('改为规则包中确有的规则编号,或删去这一项', 'name a rule the pack has, or remove the entry') });
      } else if (signature.get(other) !== signature.get(rule)) {
        problems.push({ file, at, rule: rule.id, code: 'same_check', message: bi(`规则 ${rule.id} 标注与 ${named} 检查同一件事,但两者的检查并不相同`, `Rule ${rule.id} is marked as checking the same thing as ${named}, but their checks differ`), hint: bi('删去这一项标注(它已过时),或让两条规则的检查一致', 'remove the entry (it is stale), or make the two checks agree') });
      }
    });
  });
  return problems;
}

function byPlace(a: LintProblem, b: LintProblem): number {
  return a.file === b.file ? a.at.line - b.at.line || (a.at.column ?? 0) - (b.at.column ?? 0) : a.file < b.file ? -1 : 1;
}

/**
 * Lints a pack (a folder or its pack.yaml). Throws an InputError only when pack.yaml cannot be read or is not YAML:
 * then there is no pack to lint.
 */
export function lintPack(path: string): LintResult {
  const file = packFile(path);
  const proof = proofOf(file, readInputBytes(file));
  const { parsed } = proof;
  const rules = rawRules(parsed.data);
  const problems: LintProblem[] = proof.problems.map((p) => lintProblem(p, 'proof', rules, SCHEMA_HINT));
  const cases = readPackCases(file, rules.flatMap((r) => (r.id ? [r.id] : [])));
  problems.push(...cases.problems.map((p) => lintProblem(p, 'case_file', [], CASE_HINT)));
  problems.push(...coverageProblems(file, parsed, rules, cases));
  // With the schema holding, the proof has held the dated values already (load.ts, datedValueProblems).
  if (!proof.definition) for (const rule of rules) problems.push(...datedProblems(file, parsed, rule));
  problems.push(...sameCheckProblems(file, parsed, rules));
  const id = isData(parsed.data) && typeof parsed.data.id === 'string' ? parsed.data.id : undefined;
  return { file, ...(id ? { id } : {}), caseFiles: cases.files, caseCount: cases.cases.length, problems: problems.sort(byPlace) };
}
