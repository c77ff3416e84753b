import type { CheckResult, Citation, Evidence, Finding, LeafFinding, SubmissionError, SubmissionResult } from '../../findings/types';
import type { Lang } from '../../core/i18n';
import type { InputProblem } from '../../intake/problem';
import type { WaiverReport, WaiverUse } from '../../findings/waiver-types';
import { positionFields } from '../../core/place';
import { completenessOf, STATED_STATES } from '../../findings/completeness';

// Objects are built key by key: the key order is part of the byte-identical output.

function evidenceJson(evidence: Evidence, lang: Lang): object {
  return {
    ...(evidence.record !== undefined ? { record: evidence.record } : {}),
    detail: evidence.detail[lang],
    ...(evidence.field !== undefined ? { field: evidence.field } : {}),
    ...positionFields(evidence.at),
    ...(evidence.source !== undefined ? { source: evidence.source } : {}),
    ...(evidence.remark !== undefined ? { remark: evidence.remark } : {}),
  };
}

function citationJson(citation: Citation): object {
  const restates = citation.restates;
  return {
    document: citation.document,
    document_number: citation.document_number,
    clause: citation.clause,
    quote: citation.quote,
    ...(restates ? { restates: { pack: restates.pack, rule: restates.rule, document: restates.document, document_number: restates.document_number, clause: restates.clause, quote: restates.quote } } : {}),
  };
}

function expectedJson(expected: Finding['expected']): object {
  return { operator: expected.operator, value: expected.value, unit: expected.unit, ...(expected.in_force_from !== undefined ? { in_force_from: expected.in_force_from } : {}) };
}

/** A composite's leaf: where it stands, its kind, its verdict, found against required, its message and evidence. */
function leafJson(leaf: LeafFinding, lang: Lang): object {
  return {
    path: leaf.path,
    kind: leaf.kind,
    status: leaf.status,
    actual: leaf.actual,
    expected: expectedJson(leaf.expected),
    message: { zh: leaf.message.zh, en: leaf.message.en },
    evidence: leaf.evidence.map((e) => evidenceJson(e, lang)),
  };
}

function findingJson(finding: Finding, lang: Lang): object {
  return {
    rule: finding.rule,
    status: finding.status,
    actual: finding.actual,
    expected: expectedJson(finding.expected),
    message: { zh: finding.message.zh, en: finding.message.en },
    citation: citationJson(finding.citation),
    evidence: finding.evidence.map((e) => evidenceJson(e, lang)),
    title: { zh: finding.title.zh, en: finding.title.en },
    severity: finding.severity,
    // After the contract's keys: the pack the rule is of (its id, as in `packs`).
    pack: finding.pack,
    ...(finding.leaves ? { leaves: finding.leaves.map((leaf) => leafJson(leaf, lang)) } : {}),
    ...(finding.waiver ? { waiver: waiverJson(finding.waiver) } : {}),
  };
}

function waiverJson(use: WaiverUse): object {
  const { waiver } = use;
  return {
    id: waiver.id,
    state: use.state,
    ...(use.state === 'applied' ? { would_be: 'fail' } : {}),
    judged_on: use.judgedOn,
    justification: waiver.justification,
    approver: waiver.approver,
    approval_document: waiver.approval_document,
    expires: waiver.expires,
  };
}

function waiverReportJson(report: WaiverReport): object {
  return {
    file: report.file,
    sha256: report.sha256,
    applied: report.applied,
    expired: report.expired,
    unused: report.unused.map((w) => ({ id: w.id, rule: w.rule, bureau: w.bureau, ...(w.year !== undefined ? { year: w.year } : {}) })),
  };
}

function problemJson(problem: Omit<InputProblem, 'file'>): object {
  return {
    ...positionFields(problem.at),
    ...(problem.field ? { field: problem.field } : {}),
    message: { zh: problem.message.zh, en: problem.message.en },
    ...(problem.expected ? { expected: { zh: problem.expected.zh, en: problem.expected.en } } : {}),
  };
}

function errorJson(error: SubmissionError): object {
  return { ...problemJson(error), problems: error.problems.map(problemJson) };
}

function submissionJson(result: SubmissionResult, lang: Lang): object {
  return {
    file: result.file,
    sha256: result.sha256,
    bureau: result.bureau ? { name: result.bureau.name ?? null, level: result.bureau.level, ...(result.bureau.region_code ? { region_code: result.bureau.region_code } : {}) } : null,
    year: result.year,
    summary: { ...result.summary },
    findings: result.findings.map((f) => findingJson(f, lang)),
    error: result.error ? errorJson(result.error) : null,
    notices: result.notices.map((n) => ({ code: n.code, message: { zh: n.message.zh, en: n.message.en }, ...(n.field !== undefined ? { field: n.field } : {}), ...positionFields(n.at) })),
    // Only for a submission drafted from a prose report: a submission written as data keeps the contract's keys alone.
    ...(result.origin ? { origin: result.origin } : {}),
    ...(result.origin === 'report' && !result.error ? { completeness: completenessJson(result) } : {}),
  };
}

/** What the report states: targets stated of those that apply, the count of each state, and each rule's state. */
function completenessJson(result: SubmissionResult): object {
  const completeness = completenessOf(result.findings.map((f) => f.status));
  return {
    stated: completeness.stated,
    applicable: completeness.applicable,
    counts: Object.fromEntries(STATED_STATES.map((state) => [state, completeness.counts[state]])),
    rules: result.findings.map((f, i) => ({ rule: f.rule, state: completeness.states[i] })),
  };
}

/**
 * The contract's JSON document (cli-contract.md), with the run's provenance after it: the calendars used,
 * the waivers, and the time only when asked. Deterministic: no clock otherwise, fixed key order.
 */
export function renderJson(result: CheckResult, lang: Lang): string {
  const document = {
    tool: { name: result.tool.name, version: result.tool.version },
    packs: result.packs.map((p) => ({ id: p.id, version: p.version, sha256: p.sha256 })),
    submissions: result.submissions.map((s) => submissionJson(s, lang)),
    calendars: result.calendars.map((c) => ({ year: c.year, source: c.source })),
    ...(result.waivers ? { waivers: waiverReportJson(result.waivers) } : {}),
    ...(result.generatedAt ? { generated_at: result.generatedAt } : {}),
    ...(result.errors.length > 0 ? { errors: result.errors.map((e) => ({ file: e.file, ...problemJson(e) })) } : {}),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
