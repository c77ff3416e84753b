import type { RuleOutcome } from '../engine/engine';
import { isPerRecord } from '../engine/kinds';
import { bi } from '../i18n';
import { formatFieldPath } from '../input/field-path';
import type { Check, RulePack } from '../pack/types';
import type { Submission } from '../submission/types';
import { formatQuantity } from '../units';
import { findingMessage } from './messages';
import { statusOf } from './status';
import type { Evidence, Expected, Finding, Status } from './types';

/** What a rule requires, in the contract's terms (operator, value, unit). */
export function expectedOf(check: Check): Expected {
  switch (check.kind) {
    case 'boolean':
      return { operator: '=', value: true, unit: 'boolean' };
    case 'every_record':
      return { operator: '=', value: 1, unit: 'ratio' };
    default:
      return { operator: check.operator, value: check.threshold.value, unit: check.threshold.unit };
  }
}

function recordEvidence(outcome: RuleOutcome, submission: Submission): Evidence[] {
  return outcome.observation.problems.map((problem) => {
    const field = formatFieldPath(problem.path);
    const source = submission.sources.get(field);
    return { record: problem.record, field, line: submission.locate(problem.path).line, detail: problem.detail, ...(source ? { source } : {}) };
  });
}

/** A scalar's evidence: where it stands, and the bureau's own source for it where one is given. */
function fieldEvidence(outcome: RuleOutcome, submission: Submission, expected: Expected, status: Status): Evidence[] {
  const evidence: Evidence[] = [];
  for (const path of outcome.observation.fields) {
    const field = formatFieldPath(path);
    const source = submission.sources.get(field);
    if (!source && status !== 'fail') continue;
    const value = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], submission.data);
    // A rate's fields are the counts it is computed from.
    const unit = typeof value === 'boolean' ? 'boolean' : outcome.rule.check.kind === 'rate' ? 'count' : expected.unit;
    const shown = typeof value === 'number' || typeof value === 'boolean' ? { zh: formatQuantity(value, unit, 'zh'), en: formatQuantity(value, unit, 'en') } : { zh: '未填写', en: 'not given' };
    evidence.push({ field, line: submission.locate(path).line, detail: bi(`${field} = ${shown.zh}`, `${field} = ${shown.en}`), ...(source ? { source } : {}) });
  }
  return evidence;
}

/** Words a rule's outcome as a finding: status, found against required, the clause, and the evidence. */
export function buildFinding(outcome: RuleOutcome, submission: Submission, pack: RulePack): Finding {
  const { rule, observation } = outcome;
  const status = statusOf(outcome, submission);
  const expected = expectedOf(rule.check);
  const perRecord = isPerRecord(rule.check);
  return {
    rule: rule.id,
    status,
    // A partial count over records that cannot all be judged would read as a result; there is none.
    actual: status === 'missing_data' ? null : observation.actual,
    expected,
    message: findingMessage(rule, status, observation, expected, perRecord),
    citation: { document: `《${pack.title.zh}》`, document_number: pack.document_number, clause: rule.citation.clause, quote: rule.citation.quote },
    evidence: perRecord ? recordEvidence(outcome, submission) : fieldEvidence(outcome, submission, expected, status),
    title: rule.title,
    severity: rule.severity,
    pack: pack.id,
  };
}
