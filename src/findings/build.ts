import type { RuleOutcome } from '../engine/engine';
import { kindOf } from '../engine/kinds';
import { exactOf } from '../core/exact-number';
import { bi, type Bilingual } from '../core/i18n';
import { formatFieldPath, type FieldPath } from '../intake/field-path';
import { citedDocument } from '../pack/sources';
import type { Check, Rule, RulePack } from '../pack/types';
import { fieldLabel } from '../submission/field-labels';
import type { Submission } from '../submission/types';
import { formatQuantity } from '../pack/units';
import { findingMessage, foundFigure } from './messages';
import { statusOf } from './status';
import type { Citation, Evidence, Expected, Finding, Status } from './types';
import type { Position } from '../core/place';

/** What a rule requires, in the contract's terms (operator, value, unit), as its kind says. */
export function expectedOf(check: Check): Expected {
  return kindOf(check).expected(check);
}

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

function recordEvidence(outcome: RuleOutcome, submission: Submission): Evidence[] {
  const { problems, notes } = outcome.observation;
  const shortfalls = problems.map((problem) => placed(submission, problem.path, { record: problem.record, detail: problem.detail }));
  const remarks = notes.map((note) => placed(submission, note.path, { record: note.record, detail: note.detail, remark: note.remark }));
  return [...shortfalls, ...remarks];
}

/** A value as the bureau wrote it: a rate exactly (89.995%), a count, a truth, or that it is blank. */
function writtenValue(submission: Submission, path: FieldPath, unit: Expected['unit'], lang: 'zh' | 'en'): string {
  const value = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], submission.data);
  if (typeof value === 'boolean') return formatQuantity(value, 'boolean', lang);
  if (typeof value === 'number') return formatQuantity(submission.exacts.get(formatFieldPath(path)) ?? exactOf(value), unit, lang);
  if (typeof value === 'string') return value;
  return lang === 'zh' ? '未填写' : 'not given';
}

/** A scalar's evidence: where it stands, and the bureau's own source for it where one is given. */
function fieldEvidence(outcome: RuleOutcome, submission: Submission, expected: Expected, status: Status): Evidence[] {
  const evidence: Evidence[] = [];
  for (const path of outcome.observation.fields) {
    if (!submission.sources.has(formatFieldPath(path)) && status !== 'fail') continue;
    // A kind's fields may be written in a unit of their own: a rate's are the counts it is computed from.
    const unit = kindOf(outcome.rule.check).meta.fieldUnit ?? expected.unit;
    const label = bi(fieldLabel(path, 'zh'), fieldLabel(path, 'en'));
    const detail: Bilingual = bi(`${label.zh} = ${writtenValue(submission, path, unit, 'zh')}`, `${label.en} = ${writtenValue(submission, path, unit, 'en')}`);
    evidence.push(placed(submission, path, { detail }));
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

/** Words a rule's outcome as a finding: status, found against required, the clause, and the evidence. */
export function buildFinding(outcome: RuleOutcome, submission: Submission, pack: RulePack): Finding {
  const { rule, observation } = outcome;
  const status = statusOf(outcome);
  const expected = expectedOf(rule.check);
  const { perRecord } = kindOf(rule.check).meta;
  // A partial count over records that cannot all be judged would read as a result; there is none.
  const known = status !== 'missing_data';
  return {
    rule: rule.id,
    status,
    actual: known ? observation.actual : null,
    expected,
    found: known ? bi(foundFigure(rule, observation, expected, 'zh'), foundFigure(rule, observation, expected, 'en')) : bi('—', '—'),
    message: findingMessage(rule, status, observation, expected, perRecord),
    citation: citationOf(rule, pack),
    evidence: perRecord ? recordEvidence(outcome, submission) : fieldEvidence(outcome, submission, expected, status),
    title: rule.title,
    severity: rule.severity,
    pack: pack.id,
  };
}
