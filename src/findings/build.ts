import type { LeafOutcome, RuleOutcome } from '../engine/engine';
import { kindOf, topFieldsOf } from '../engine/kinds';
import { labels } from '../engine/kinds/context';
import type { Observation } from '../engine/observation';
import { exactOf } from '../core/exact-number';
import { bi, type Bilingual } from '../core/i18n';
import { formatFieldPath, type FieldPath } from '../intake/field-path';
import { isComposite, leafNumber, pathText } from '../pack/check-tree';
import { citedDocument } from '../pack/sources';
import type { Check, Rule, RulePack } from '../pack/types';
import { fieldLabel } from '../submission/field-labels';
import type { Submission } from '../submission/types';
import { formatQuantity } from '../pack/units';
import { compositeFound, compositeMessage, compositeRequirement } from './composite-words';
import { alternativeUse, checkedName, checkedWhat, decidedMessage, noneGivenMessage, passedOverMessage, pathKey, type AlternativeUse } from './first-given';
import { checkMessage, findingMessage, foundFigure, undecidedMessage } from './messages';
import { leafStatus, statusOf } from './status';
import type { Citation, Evidence, Expected, Finding, LeafFinding, Status } from './types';
import type { Position } from '../core/place';
import { fromReport, noneStatedMessage, UNSTATED_VALUE, unstatedMessage } from './report-words';

/** What a check requires in a reporting year, in the contract's terms (operator, value, unit), as its kind says. */
export function expectedOf(check: Check, year: number): Expected {
  return kindOf(check).expected(check, year);
}

/** What a composite requires: that its combination of checks holds; each leaf's requirement is in its leaf. */
const COMPOSITE_EXPECTED: Expected = { operator: '=', value: true, unit: 'boolean' };

/**
 * An evidence entry with its field, its source where the bureau gave one, and its place. The place is found when it is
 * first read (a report reads it; a review that keeps only statuses never does), so that a submission read with places
 * on demand is not parsed a second time for evidence nobody shows.
 */
function placed(submission: Submission, path: FieldPath, entry: Omit<Evidence, 'field' | 'at' | 'source'>): Evidence {
  const field = formatFieldPath(path);
  const source = submission.sources.get(field);
  const evidence: Evidence = { ...entry, field, ...(source ? { source } : {}) };
  Object.defineProperty(evidence, 'at', {
    enumerable: true,
    configurable: true,
    get(): Position {
      const at = submission.evidenceAt(path);
      Object.defineProperty(evidence, 'at', { value: at, enumerable: true, writable: true, configurable: true });
      return at;
    },
  });
  return evidence;
}

/** Evidence details as they are, or each headed by the leaf it belongs to (`条件2:`) in a composite's evidence. */
type Heading = (detail: Bilingual) => Bilingual;
const AS_IS: Heading = (detail) => detail;

function recordEvidence(observation: Observation, submission: Submission, heading: Heading): Evidence[] {
  const { problems, notes } = observation;
  const shortfalls = problems.map((problem) => placed(submission, problem.path, { record: problem.record, detail: heading(problem.detail) }));
  const remarks = notes.map((note) => placed(submission, note.path, { record: note.record, detail: heading(note.detail), remark: note.remark }));
  return [...shortfalls, ...remarks];
}

/** A value as the bureau wrote it: a rate exactly (89.995%), a count, a truth, or that it is blank. */
function writtenValue(submission: Submission, path: FieldPath, unit: Expected['unit'], lang: 'zh' | 'en'): string {
  const value = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], submission.data);
  if (typeof value === 'boolean') return formatQuantity(value, 'boolean', lang);
  if (typeof value === 'number') return formatQuantity(submission.exacts.get(formatFieldPath(path)) ?? exactOf(value), unit, lang);
  if (typeof value === 'string') return value;
  if (fromReport(submission)) return UNSTATED_VALUE[lang];
  return lang === 'zh' ? '未填写' : 'not given';
}

/** A scalar's evidence: where it stands, and the bureau's own source for it where one is given. */
function fieldEvidence(leaf: LeafOutcome, submission: Submission, expected: Expected, status: Status, heading: Heading, always: boolean): Evidence[] {
  const evidence: Evidence[] = [];
  for (const path of leaf.observation.fields) {
    // A figure that decides in place of the records is always named with its place: it is what was checked.
    if (!always && !submission.sources.has(formatFieldPath(path)) && status !== 'fail') continue;
    // A kind's fields may be written in a unit of their own: a rate's are the counts it is computed from.
    const unit = kindOf(leaf.check).meta.fieldUnit ?? expected.unit;
    const label = bi(fieldLabel(path, 'zh'), fieldLabel(path, 'en'));
    const detail: Bilingual = bi(`${label.zh} = ${writtenValue(submission, path, unit, 'zh')}`, `${label.en} = ${writtenValue(submission, path, unit, 'en')}`);
    evidence.push(placed(submission, path, { detail: heading(detail) }));
  }
  return evidence;
}

/** The clause a finding cites, in the source the rule names, and the rule of another pack it restates. */
function citationOf(rule: Rule, pack: RulePack): Citation {
  return {
    ...citedDocument(pack, rule),
    clause: rule.citation.clause,
    quote: rule.citation.quote,
    ...(rule.restated ? { restates: { ...rule.restated } } : {}),
  };
}

function leafEvidence(leaf: LeafOutcome, submission: Submission, expected: Expected, status: Status, heading: Heading, use?: AlternativeUse): Evidence[] {
  const key = pathKey(leaf.path);
  if (use?.passedOver.has(key)) return [];
  return kindOf(leaf.check).meta.perRecord ? recordEvidence(leaf.observation, submission, heading) : fieldEvidence(leaf, submission, expected, status, heading, use?.decides.has(key) === true);
}

/**
 * One leaf worded: its status, found against required, its message and its own evidence. An alternative of a
 * `first_given` passed over binds nothing (not applicable), says which one decides, and keeps the figure it found.
 */
function leafFinding(leaf: LeafOutcome, submission: Submission, use?: AlternativeUse): LeafFinding {
  const own = ownLeafFinding(leaf, submission, use);
  if (!use?.passedOver.has(pathKey(leaf.path))) return own;
  const reason = own.message;
  return { ...own, status: 'not_applicable', message: passedOverMessage(use.passedOver.get(pathKey(leaf.path)), reason), evidence: [] };
}

function ownLeafFinding(leaf: LeafOutcome, submission: Submission, use?: AlternativeUse): LeafFinding {
  const { check, observation } = leaf;
  const status = leafStatus(leaf);
  const expected = expectedOf(check, submission.year);
  // A partial count over records that cannot all be judged would read as a result; there is none.
  const known = status !== 'missing_data';
  return {
    path: pathText(leaf.path),
    number: leafNumber(leaf.path),
    kind: kindOf(check).kind,
    status,
    actual: known ? observation.actual : null,
    expected,
    found: known ? bi(foundFigure(check, observation, expected, 'zh'), foundFigure(check, observation, expected, 'en')) : bi('—', '—'),
    subject: labels(topFieldsOf(check)),
    // From a report, what is missing is what the report does not state (报告未载明), not a blank of a form.
    message: (status === 'missing_data' && fromReport(submission) ? unstatedMessage(check, observation, submission) : undefined) ?? checkMessage(check, status, observation, expected),
    evidence: leafEvidence(leaf, submission, expected, status, AS_IS, use),
  };
}

/**
 * A rule whose check is a `first_given`: the finding is the deciding alternative's (its status, figure, requirement
 * and evidence), its message saying what was checked; with none given, missing data naming each. Every alternative
 * is listed in `leaves`.
 */
function firstGivenFinding(outcome: RuleOutcome, submission: Submission): Pick<Finding, 'status' | 'actual' | 'expected' | 'found' | 'message' | 'evidence' | 'leaves'> {
  const use = alternativeUse(outcome);
  const leaves = outcome.leaves.map((leaf) => leafFinding(leaf, submission, use));
  const chosen = outcome.leaves.findIndex((leaf) => use.decides.has(pathKey(leaf.path)));
  if (chosen < 0) {
    return { status: 'missing_data', actual: null, expected: leaves[0].expected, found: bi('—', '—'), message: findingMessage(outcome.rule.title, fromReport(submission) ? noneStatedMessage(leaves) : noneGivenMessage(leaves)), evidence: [], leaves };
  }
  const decider = outcome.leaves[chosen];
  const sources = decider.observation.fields.map((path) => submission.sources.get(formatFieldPath(path))).filter((s): s is string => s !== undefined);
  const perRecord = kindOf(decider.check).meta.perRecord;
  const name = checkedName(leaves[chosen], perRecord);
  const what = checkedWhat(leaves[chosen], name, perRecord, sources, chosen > 0);
  const others = outcome.leaves.filter((_, i) => i !== chosen).map((leaf) => ownLeafFinding(leaf, submission));
  return {
    status: statusOf(outcome),
    actual: leaves[chosen].actual,
    expected: leaves[chosen].expected,
    found: leaves[chosen].found,
    message: findingMessage(outcome.rule.title, decidedMessage(leaves[chosen], name, what, others)),
    evidence: leaves[chosen].evidence,
    leaves,
  };
}

/** Words a rule's outcome as a finding: status, found against required, the clause, and the evidence. */
export function buildFinding(outcome: RuleOutcome, submission: Submission, pack: RulePack): Finding {
  const { rule } = outcome;
  const common = {
    rule: rule.id,
    citation: citationOf(rule, pack),
    title: rule.title,
    severity: rule.severity,
    pack: pack.id,
  };
  if (!isComposite(rule.check)) {
    const leaf = leafFinding(outcome.leaves[0], submission);
    return {
      rule: common.rule,
      status: leaf.status,
      actual: leaf.actual,
      expected: leaf.expected,
      found: leaf.found,
      message: findingMessage(rule.title, leaf.message),
      citation: common.citation,
      evidence: leaf.evidence,
      title: common.title,
      severity: common.severity,
      pack: common.pack,
    };
  }
  if ('first_given' in rule.check && !outcome.inapplicable) {
    const { status, actual, expected, found, message, evidence, leaves } = firstGivenFinding(outcome, submission);
    return { rule: common.rule, status, actual, expected, found, message, citation: common.citation, evidence, title: common.title, severity: common.severity, pack: common.pack, leaves };
  }
  const use = alternativeUse(outcome);
  const leaves = outcome.leaves.map((leaf) => leafFinding(leaf, submission, use));
  const status = statusOf(outcome);
  // The finding's evidence is every leaf's, each headed by its leaf; the leaves keep their own as they are.
  const evidence = outcome.leaves.flatMap((leaf, i) => {
    const heading: Heading = (detail) => bi(`条件${leaves[i].number}:${detail.zh}`, `condition ${leaves[i].number}: ${detail.en}`);
    return leafEvidence(leaf, submission, leaves[i].expected, leaves[i].status, heading, use);
  });
  return {
    rule: common.rule,
    status,
    actual: null,
    expected: COMPOSITE_EXPECTED,
    found: compositeFound(leaves),
    // A rule that does not apply at all says why once, not once for every leaf.
    message: findingMessage(rule.title, outcome.inapplicable ? undecidedMessage(outcome.inapplicable) : compositeMessage(rule.check, leaves)),
    citation: common.citation,
    evidence,
    title: common.title,
    severity: common.severity,
    pack: common.pack,
    required: compositeRequirement(rule.check),
    leaves,
  };
}
