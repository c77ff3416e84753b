import { bi, type Bilingual, type Lang } from '../core/i18n';
import { TOOL } from '../core/version';
import { outOfScope, type Scope } from '../engine/applicability';
import { kindOf, topFieldsOf, type CheckKind, type KindStatus } from '../engine/kinds';
import { labels } from '../engine/kinds/context';
import { isComposite, leafChecks, leafNumber, leavesOf } from '../pack/check-tree';
import { compositeFormula } from '../findings/composite-words';
import { expectedOf } from '../findings/build';
import type { ChapterInfo, Expected, PackInfo } from '../findings/types';
import { closestName } from '../intake/closest-name';
import type { InputProblem } from '../intake/problem';
import { KIND_EXAMPLE, schemaFieldsOf, type ValueKind } from '../intake/schema-labels';
import { chapterOfClause } from '../pack/chapters';
import { BUNDLED_PACKS } from '../core/paths';
import { fieldsRead } from '../pack/fields';
import { clauseSections, nfkc } from '../pack/fidelity';
import { citedDocument, citedSource, packSources } from '../pack/sources';
import { LEVEL_LABELS } from '../pack/levels';
import { quoteInContext, type QuoteInContext } from '../pack/quote-reading';
import { formatRequirement } from '../pack/units';
import { LEVELS, type Level, type Rule, type RuleCheck, type RulePack, type Severity } from '../pack/types';
import { fieldLabel, labelOf } from '../submission/field-labels';
import { SUBMISSION_SCHEMA } from '../submission/value-kinds';
import { packInfo } from './checker';
import { EXIT } from './exit';
import { loadRuleInputs } from './inputs';

/**
 * The catalogue of targets (指标说明): every rule of the packs as a clerk needs it before filling anything in, the
 * same words the findings use (the requirement, the field labels), chosen by level and year as the engine chooses
 * (engine/applicability.ts). `plancheck rules`, `explain` and `template` are made from it.
 */

/** How a field is written: a typed scalar, a list of records, or a group of fields. */
export type FieldShape = ValueKind | 'list' | 'group';

/** A field a rule reads, as the submission schema describes it. */
export interface CatalogueField {
  /** The general path: `enforcement.decisions[].decided_on`. */
  path: string;
  /** Its label as the findings name it (执法决定的决定日期). */
  label: Bilingual;
  shape: FieldShape;
  /** What to write and how, as the schema says it (Chinese). */
  description?: string;
  /** An example value as it is written in YAML (the schema's first example, else its kind's). */
  example?: string;
  /** Set choices, each with its Chinese meaning (`penalty` → 行政处罚). */
  choices?: readonly { value: string; zh: string }[];
  /**
   * A field whose presence excuses a record from the rule (依法不予公开的依据, a shortened period's reason): written
   * only when it applies, never as an example.
   */
  onlyWhenApplies: boolean;
}

/** One rule, in full. */
export interface CatalogueRule {
  pack: string;
  id: string;
  title: Bilingual;
  document: string;
  document_number: string;
  clause: string;
  quote: string;
  chapter?: ChapterInfo;
  levels: readonly Level[];
  years: { from: number; to: number };
  severity: Severity;
  kind: string;
  kindDescription: Bilingual;
  /** The finding is about the records of a list. */
  perRecord: boolean;
  expected: Expected;
  /** The requirement in words: `≥ 90%`, every record within 7 working days, and when it falls due. */
  requirement: Bilingual;
  /** When the target falls due, where the rule sets a day (a milestone's year, a yearly count, the annual report). */
  due?: Bilingual;
  fields: CatalogueField[];
  statuses: readonly KindStatus[];
  /** When the rule does not apply because the bureau states there is nothing to do. */
  notApplicableWhen?: { field: string; label: Bilingual; equals: number | boolean; reason: Bilingual };
  /** How the rule reads its source where the words alone do not say (the pack's own note, in the pack's language). */
  note?: string;
  levelsNote?: string;
}

export interface Catalogue {
  tool: { name: string; version: string };
  packs: PackInfo[];
  scope: Scope;
  rules: CatalogueRule[];
}

const FIELDS = schemaFieldsOf(SUBMISSION_SCHEMA);

/** The statuses in the order the kinds list them: what a rule gives, met first, undecided last. */
const KIND_STATUSES: readonly KindStatus[] = ['pass', 'fail', 'warn', 'pending', 'missing_data', 'not_applicable'];

/** The properties of a check that name a field whose presence excuses a record (not a value the rule needs). */
const EXCUSING = new Set(['unless', 'exempt_when', 'exception']);

function shapeOf(path: string): FieldShape {
  if (FIELDS.get(`${path}[]`)) return 'list';
  const field = FIELDS.get(path);
  return field?.kind ?? ((field?.properties.length ?? 0) > 0 ? 'group' : 'text');
}

/** Text YAML would read as something else (a number, a truth, nothing), or that starts or holds its markup. */
const READS_AS_OTHER = /^(?:[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|true|True|TRUE|false|False|FALSE|null|Null|NULL|~|)$/;
const MARKUP = /^[-?:,[\]{}#&*!|>'"%@`\s]|: |\s#|[,[\]{}]|\s$/;

/**
 * A value as a person writes it in YAML: a scalar plain where it reads back as itself, else in quotes (`"431099"`);
 * a record or a list in flow style (`{ id: MD-2024-01, legality_review: true }`), as the template's comments show it.
 */
function yamlScalar(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(yamlScalar).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{ ${Object.entries(value).map(([key, item]) => `${key}: ${yamlScalar(item)}`).join(', ')} }`;
  if (typeof value !== 'string') return JSON.stringify(value);
  return READS_AS_OTHER.test(value) || MARKUP.test(value) ? JSON.stringify(value) : value;
}

/** The set choices of a field, each with its Chinese meaning where the schema gives one. */
function choicesOf(path: string): { value: string; zh: string }[] | undefined {
  const field = FIELDS.get(path);
  const values = field?.enum?.filter((v): v is string => typeof v === 'string') ?? Object.keys(field?.enumZh ?? {});
  return values.length > 0 ? values.map((value) => ({ value, zh: field?.enumZh?.[value]?.[0] ?? value })) : undefined;
}

/** The schema's first example; else a field of set choices' first choice; else its kind's example; else none. */
function exampleOf(path: string): string | undefined {
  const field = FIELDS.get(path);
  const given = field?.examples?.[0];
  if (given !== undefined) return yamlScalar(given);
  const choice = choicesOf(path)?.[0];
  if (choice) return choice.value;
  return field?.kind ? KIND_EXAMPLE[field.kind] : undefined;
}

/** A field as the catalogue and the template describe it. */
export function catalogueField(path: string, onlyWhenApplies = false): CatalogueField {
  const field = FIELDS.get(path);
  const shape = shapeOf(path);
  const example = exampleOf(path);
  const choices = choicesOf(path);
  return {
    path,
    label: fieldTitle(path),
    shape,
    ...(field?.description ? { description: field.description } : {}),
    ...(example !== undefined ? { example } : {}),
    ...(choices ? { choices } : {}),
    onlyWhenApplies,
  };
}

/** A field's label; a field of records is named with its list: 执法决定 › 公开日期. */
function fieldTitle(path: string): Bilingual {
  const last = path.split(/\.|\[\]/).filter(Boolean).pop() ?? path;
  const own = labelOf(path) ?? bi(last, last);
  const records = path.lastIndexOf('[]');
  if (records < 0) return own;
  const list = fieldTitle(path.slice(0, records));
  return bi(`${list.zh} › ${own.zh}`, `${list.en} › ${own.en}`);
}

/** The fields a rule reads, each described; a field that only excuses a record is marked so. */
export function ruleFields(rule: Rule): CatalogueField[] {
  return fieldsRead(rule).map(({ path, at }) => {
    const excusing = at.some((part) => typeof part === 'string' && EXCUSING.has(part));
    return catalogueField(path, excusing);
  });
}

/** What a rule's check is made of, leaf by leaf (`leafChecks`): each leaf's kind, its requirement and when it falls due. */
interface Leaf {
  kind: CheckKind;
  expected: Expected;
  due?: Bilingual;
}

/** The requirement of one leaf in words, as findings word it (`formatRequirement`), for every record where it is per record. */
function requirementOf({ kind, expected, due }: Leaf): Bilingual {
  const required = (lang: Lang): string => formatRequirement(expected.operator, expected.value, expected.unit, lang);
  const whole = expected.unit === 'ratio' && expected.value === 1 && expected.operator === '=';
  let words: Bilingual;
  if (kind.meta.perRecord) {
    words = whole ? bi('每条记录都符合(= 100%)', 'every record meets it (= 100%)') : bi(`每条记录 ${required('zh')}`, `every record ${required('en')}`);
  } else if (expected.unit === 'boolean') {
    words = bi('是', 'yes');
  } else {
    words = bi(required('zh'), required('en'));
  }
  return due ? bi(`${words.zh};${due.zh}`, `${words.en}; ${due.en}`) : words;
}

/**
 * A composite's requirement as a clerk reads it: the combination, then each condition by its number with the fields
 * it is about and what it requires (`条件1 规范性文件 › 已备案:每条记录都符合(= 100%)`).
 */
function compositeRequirementInFull(check: RuleCheck, leaves: readonly Leaf[]): Bilingual {
  const conditions = leavesOf(check).map(({ path, check: leafCheck }, i) => {
    const subject = labels(topFieldsOf(leafCheck));
    const required = requirementOf(leaves[i]);
    const n = leafNumber(path);
    return bi(`条件${n} ${subject.zh}:${required.zh}`, `condition ${n}, ${subject.en}: ${required.en}`);
  });
  const combination = compositeFormula(check);
  return bi(`须满足 ${combination.zh}。${conditions.map((c) => c.zh).join(';')}`, `${combination.en}. ${conditions.map((c) => c.en).join('; ')}`);
}

function joined(texts: readonly Bilingual[]): Bilingual {
  return bi(texts.map((t) => t.zh).join(';'), texts.map((t) => t.en).join('; '));
}

/** What a composite requires as a whole: that its combination holds; each leaf's requirement is said beside it. */
const COMPOSITE_EXPECTED: Expected = { operator: '=', value: true, unit: 'boolean' };

/**
 * One rule of a pack, in full, with the requirement in force in `year`: the reporting year asked for, else the
 * plan's last year (a dated threshold names the value of that year).
 */
export function catalogueRule(rule: Rule, pack: RulePack, year: number = pack.years.to): CatalogueRule {
  const leaves: Leaf[] = leafChecks(rule.check).map((check) => {
    const kind = kindOf(check);
    const due = kind.words?.due?.(check);
    return { kind, expected: expectedOf(check, year), ...(due ? { due } : {}) };
  });
  const composite = isComposite(rule.check);
  const expected = composite ? COMPOSITE_EXPECTED : leaves[0].expected;
  const when = rule.not_applicable_when;
  const dues = leaves.flatMap((leaf) => (leaf.due ? [leaf.due] : []));
  const due = dues.length > 0 ? joined(dues) : undefined;
  const perRecord = leaves.some((leaf) => leaf.kind.meta.perRecord);
  // A kind's `pending` needs a day the target falls due, or records that are not yet due.
  const statuses = [...new Set(leaves.flatMap((leaf) => leaf.kind.meta.statuses.filter((status) => status !== 'pending' || leaf.kind.meta.perRecord || leaf.due !== undefined)))];
  return {
    pack: pack.id,
    id: rule.id,
    title: rule.title,
    ...citedDocument(pack, rule),
    clause: rule.citation.clause,
    quote: rule.citation.quote,
    ...(pack.chapters ? { chapter: chapterOfClause(pack.chapters, rule.citation.clause) } : {}),
    levels: LEVELS.filter((level) => rule.levels.includes(level)),
    years: { from: pack.years.from, to: pack.years.to },
    severity: rule.severity,
    kind: leaves.map((leaf) => leaf.kind.kind).join('+'),
    kindDescription: joined(leaves.map((leaf) => leaf.kind.meta.description)),
    perRecord,
    expected,
    requirement: composite ? compositeRequirementInFull(rule.check, leaves) : joined(leaves.map(requirementOf)),
    ...(due ? { due } : {}),
    fields: ruleFields(rule),
    statuses: KIND_STATUSES.filter((status) => statuses.includes(status)),
    ...(when ? { notApplicableWhen: { field: when.field, label: bi(fieldLabel(when.field, 'zh'), fieldLabel(when.field, 'en')), equals: when.equals, reason: when.reason } } : {}),
    ...(!isComposite(rule.check) && rule.check.note ? { note: rule.check.note } : {}),
    ...(rule.levels_note ? { levelsNote: rule.levels_note } : {}),
  };
}

/** What a catalogue is asked: the packs, and the level and year to choose the rules for (each may be left open). */
export interface CatalogueRequest {
  packs?: readonly string[];
  level?: string;
  year?: string | number;
}

/** The outcome: the catalogue (none when no pack loaded or the request is wrong), the packs, the exit status, the problems. */
export interface CatalogueOutcome {
  catalogue?: Catalogue;
  packs: RulePack[];
  exitStatus: number;
  problems: InputProblem[];
}

function requestProblem(message: Bilingual, expected: Bilingual): InputProblem {
  return { file: '', message, expected };
}

/** `--level` and `--year` as a scope, or the problems that make the request wrong. */
export function scopeOf(request: Pick<CatalogueRequest, 'level' | 'year'>, problems: InputProblem[]): Scope {
  const scope: Scope = {};
  if (request.level !== undefined) {
    const named = LEVELS.find((level) => level === request.level || LEVEL_LABELS[level].zh === request.level);
    if (named) scope.level = named;
    else problems.push(requestProblem(bi(`层级“${request.level}”无效`, `The level "${request.level}" is not one of the levels`), bi('province(省级)、city(市级)或 county(县级)', 'province, city or county')));
  }
  if (request.year !== undefined) {
    const text = String(request.year).trim();
    if (/^\d{4}$/.test(text)) scope.year = Number(text);
    else problems.push(requestProblem(bi(`年度“${text}”无效`, `The year "${text}" is not a year`), bi('4 位数字的年度,如 2024', 'a year of four digits, such as 2024')));
  }
  return scope;
}

/** The rules of the packs that apply in a scope, in the packs' order: the engine's own test (`outOfScope`). */
export function rulesInScope(packs: readonly RulePack[], scope: Scope): { rule: Rule; pack: RulePack }[] {
  return packs.flatMap((pack) => pack.rules.filter((rule) => outOfScope(rule, pack, scope) === undefined).map((rule) => ({ rule, pack })));
}

/** Loads the packs (the bundled Hunan pack unless named); problems are kept for the command to show. */
export function loadCataloguePacks(packs: readonly string[] | undefined, problems: InputProblem[]): RulePack[] {
  return loadRuleInputs(packs ?? [], [], problems).packs;
}

/**
 * `plancheck rules` as a library function: the rules of the packs that apply to the level and year asked (all of
 * them when neither is), each in full. Exit status 2 when a pack could not be read or the request is wrong.
 */
export function catalogue(request: CatalogueRequest): CatalogueOutcome {
  const problems: InputProblem[] = [];
  const scope = scopeOf(request, problems);
  const packs = loadCataloguePacks(request.packs, problems);
  if (problems.length > 0 || packs.length === 0) return { packs, exitStatus: EXIT.invalidInput, problems };
  const rules = rulesInScope(packs, scope).map(({ rule, pack }) => catalogueRule(rule, pack, scope.year));
  return { catalogue: { tool: { name: TOOL.name, version: TOOL.version }, packs: packs.map(packInfo), scope, rules }, packs, exitStatus: EXIT.ok, problems };
}

/** When each status is given, in words, for one rule: what a clerk can expect from it. */
export function statusWhen(rule: CatalogueRule, status: KindStatus): Bilingual {
  const { perRecord } = rule;
  switch (status) {
    case 'pass':
      return perRecord ? bi(`填写的每条记录都达到要求:${rule.requirement.zh}`, `every record given meets the requirement: ${rule.requirement.en}`) : bi(`填写的数据达到要求:${rule.requirement.zh}`, `the data given meets the requirement: ${rule.requirement.en}`);
    case 'fail':
      return perRecord ? bi('至少有一条记录不符合要求;报告逐条列出这些记录', 'at least one record falls short; the report lists each of them') : bi('填写的数据未达到要求', 'the data given falls short of the requirement');
    case 'warn':
      return bi('有记录未达到要求,但已说明理由(原文允许有理由的例外,如“一般不少于”)', 'a record falls short for a stated reason (the source admits justified exceptions, such as 一般不少于)');
    case 'pending':
      if (rule.due) return bi(`尚未达到,但在数据截止日(as_of)时尚未到期:${rule.due.zh}`, `not reached yet, but not yet due on the day the data was compiled (as_of): ${rule.due.en}`);
      return bi('有记录在数据截止日(as_of)时期限未到,暂不判定,其余记录未见不符合', 'a record is not yet due on the day the data was compiled (as_of) and none of the others falls short');
    case 'missing_data': {
      const named = rule.fields.filter((f) => !f.onlyWhenApplies).map((f) => f.label.zh).join('、');
      const namedEn = rule.fields.filter((f) => !f.onlyWhenApplies).map((f) => f.label.en).join(', ');
      return bi(`所需字段未填写(${named}),或无法据以判断;缺少数据不视为通过`, `a field it needs is not given (${namedEn}), or cannot be judged; missing data never counts as a pass`);
    }
    case 'not_applicable': {
      const levels = rule.levels.map((l) => LEVEL_LABELS[l]);
      const reasons = [bi(`单位不是${levels.map((l) => l.zh).join('、')}单位`, `the bureau is not a ${levels.map((l) => l.en).join(' or ')} bureau`), bi(`报告年度不在 ${rule.years.from}—${rule.years.to} 年内`, `the year is outside ${rule.years.from}–${rule.years.to}`)];
      if (rule.levels.length === LEVELS.length) reasons.shift();
      if (perRecord) reasons.push(bi('记录列表填写为 [](本年度没有此类记录),或没有本条所指的记录', 'the list is given as [] (none this year), or holds no record of the kind this rule covers'));
      if (rule.notApplicableWhen) reasons.push(rule.notApplicableWhen.reason);
      return bi(reasons.map((r) => r.zh).join(';或'), reasons.map((r) => r.en).join('; or '));
    }
  }
}

/** One rule explained: the catalogue entry, the quote in its sentence, and when each status is given. */
export interface RuleExplanation {
  tool: Catalogue['tool'];
  pack: PackInfo;
  rule: CatalogueRule;
  /** The quote inside its whole sentence of the source text (NFKC), as the loader proves it stands there. */
  sentence: QuoteInContext;
  statuses: { status: KindStatus; when: Bilingual }[];
}

export interface ExplainOutcome {
  explanation?: RuleExplanation;
  packs: RulePack[];
  exitStatus: number;
  problems: InputProblem[];
}

/** The ids most like the one asked for: a few letters apart, or the ones it is part of (HN-07 → HN-07-…). */
export function closestIds(id: string, ids: readonly string[]): string[] {
  const wanted = id.toLowerCase();
  const near = closestName(wanted, ids.map((i) => i.toLowerCase()));
  const containing = ids.filter((candidate) => {
    const lower = candidate.toLowerCase();
    return wanted.length >= 3 && (lower.includes(wanted) || wanted.includes(lower));
  });
  const found = [...(near ? ids.filter((i) => i.toLowerCase() === near) : []), ...containing];
  return [...new Set(found)].slice(0, 5);
}

/** The quote within its sentence, looked for inside the item the rule cites (as fidelity.ts reads the source). */
function sentenceOf(rule: Rule, pack: RulePack): QuoteInContext {
  const cited = citedSource(packSources(pack), rule);
  const source = nfkc((cited && pack.sourceTexts[cited.id]) ?? pack.sourceText);
  const quote = nfkc(rule.citation.quote);
  const section = clauseSections(source).get(nfkc(rule.citation.clause)) ?? source;
  return quoteInContext(section, quote) ?? { before: '', quote, after: '' };
}

/** `plancheck explain RULE` as a library function. An id no pack has: exit 2, naming the closest ids. */
export function explain(id: string, packs?: readonly string[]): ExplainOutcome {
  const problems: InputProblem[] = [];
  // Without --pack a rule id is looked for in every bundled pack: an id names its rule wherever it is.
  const loaded = loadCataloguePacks(packs && packs.length > 0 ? packs : Object.keys(BUNDLED_PACKS), problems);
  if (problems.length > 0 || loaded.length === 0) return { packs: loaded, exitStatus: EXIT.invalidInput, problems };
  const pack = loaded.find((p) => p.rules.some((rule) => rule.id === id));
  const rule = pack?.rules.find((r) => r.id === id);
  if (!pack || !rule) {
    const ids = loaded.flatMap((p) => p.rules.map((r) => r.id));
    const near = closestIds(id, ids);
    const zh = near.length > 0 ? `;是不是 ${near.join('、')}?` : ';用 plancheck rules 可列出全部规则编号';
    const en = near.length > 0 ? `; did you mean ${near.join(', ')}?` : '; plancheck rules lists every rule id';
    problems.push(requestProblem(bi(`没有编号为 ${id} 的规则${zh}`, `No rule has the id ${id}${en}`), bi('规则包中的规则编号,如 HN-07-online-handling-rate', 'a rule id of the pack, such as HN-07-online-handling-rate')));
    return { packs: loaded, exitStatus: EXIT.invalidInput, problems };
  }
  const entry = catalogueRule(rule, pack);
  return {
    explanation: {
      tool: { name: TOOL.name, version: TOOL.version },
      pack: packInfo(pack),
      rule: entry,
      sentence: sentenceOf(rule, pack),
      statuses: entry.statuses.map((status) => ({ status, when: statusWhen(entry, status) })),
    },
    packs: loaded,
    exitStatus: EXIT.ok,
    problems,
  };
}
