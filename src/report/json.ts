import type { CheckResult, Evidence, Finding, SubmissionError, SubmissionResult } from '../findings/types';
import type { Lang } from '../i18n';
import type { InputProblem } from '../input/problem';

// Objects are built key by key: the key order is part of the byte-identical output.

function evidenceJson(evidence: Evidence, lang: Lang): object {
  return {
    ...(evidence.record !== undefined ? { record: evidence.record } : {}),
    detail: evidence.detail[lang],
    ...(evidence.field !== undefined ? { field: evidence.field } : {}),
    ...(evidence.line !== undefined ? { line: evidence.line } : {}),
    ...(evidence.source !== undefined ? { source: evidence.source } : {}),
  };
}

function findingJson(finding: Finding, lang: Lang): object {
  return {
    rule: finding.rule,
    status: finding.status,
    actual: finding.actual,
    expected: { operator: finding.expected.operator, value: finding.expected.value, unit: finding.expected.unit },
    message: { zh: finding.message.zh, en: finding.message.en },
    citation: { document: finding.citation.document, document_number: finding.citation.document_number, clause: finding.citation.clause, quote: finding.citation.quote },
    evidence: finding.evidence.map((e) => evidenceJson(e, lang)),
    title: { zh: finding.title.zh, en: finding.title.en },
    severity: finding.severity,
  };
}

function problemJson(problem: Omit<InputProblem, 'file'>): object {
  return {
    ...(problem.line !== undefined ? { line: problem.line, column: problem.column } : {}),
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
    bureau: result.bureau ? { name: result.bureau.name, level: result.bureau.level, ...(result.bureau.region_code ? { region_code: result.bureau.region_code } : {}) } : null,
    year: result.year,
    summary: { ...result.summary },
    findings: result.findings.map((f) => findingJson(f, lang)),
    error: result.error ? errorJson(result.error) : null,
  };
}

/** The contract's JSON document (cli-contract.md); deterministic: no clock, fixed key order. */
export function renderJson(result: CheckResult, lang: Lang, runErrors: readonly InputProblem[] = []): string {
  const document = {
    tool: { name: result.tool.name, version: result.tool.version },
    packs: result.packs.map((p) => ({ id: p.id, version: p.version, sha256: p.sha256 })),
    submissions: result.submissions.map((s) => submissionJson(s, lang)),
    ...(runErrors.length > 0 ? { errors: runErrors.map((e) => ({ file: e.file, ...problemJson(e) })) } : {}),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
