import { STATUSES, type CheckResult, type Finding, type Status, type SubmissionResult } from '../../findings/types';
import type { Lang } from '../../core/i18n';
import { terminalLines } from '../../core/text-safety';
import { STATUS_LABELS, STATUS_SYMBOLS, UNREADABLE } from '../kit/labels';
import { inputProblemLines, problemLines } from '../kit/text';
import { byAttention, clauseText, evidenceWhere, packTag, restatesText, severityText, unreadableInputsLine, verdictText, waiverText } from '../kit/view';
import { bureauLine, noticeLines } from './view';
import { COMPLETENESS_WORDS, completenessView } from '../kit/completeness';

const T = {
  zh: {
    pack: '规则包',
    quote: '原文',
    source: '出处',
    total: (files: number, evaluated: number, rejected: number) => `合计:${files} 份报送,已评估 ${evaluated} 份,无法读取 ${rejected} 份`,
    counts: (s: Record<Status, number>) => STATUSES.map((st) => `${STATUS_LABELS[st].zh} ${s[st]}`).join(' · '),
    unused: '未使用的豁免',
  },
  en: {
    pack: 'rule pack',
    quote: 'quote',
    source: 'source',
    total: (files: number, evaluated: number, rejected: number) => `In all: ${files} submission${files === 1 ? '' : 's'}, ${evaluated} evaluated, ${rejected} could not be read`,
    counts: (s: Record<Status, number>) => STATUSES.map((st) => `${STATUS_LABELS[st].en} ${s[st]}`).join(' · '),
    unused: 'Unused waivers',
  },
} as const;

function findingLines(finding: Finding, lang: Lang, packCount: number): string[] {
  const t = T[lang];
  const head = `  ${STATUS_SYMBOLS[finding.status]} ${STATUS_LABELS[finding.status][lang]}  ${clauseText(finding.citation)} ${finding.rule} [${severityText(finding, lang)}]${packTag(finding, packCount)}`;
  if (finding.status === 'pass' || finding.status === 'not_applicable') return [`${head}  ${finding.message[lang]}`];
  const lines = [head, `      ${finding.message[lang]}`, `      ${t.quote}: “${finding.citation.quote}”`];
  const restates = restatesText(finding.citation, lang);
  if (restates) lines.push(`      ${restates}`);
  for (const e of finding.evidence) {
    const where = evidenceWhere(e, lang);
    lines.push(`      · ${where ? `${where}: ` : ''}${e.detail[lang]}${e.source ? ` (${t.source}: ${e.source})` : ''}`);
  }
  const waiver = waiverText(finding, lang);
  if (waiver) lines.push(`      ~ ${waiver}`);
  return lines;
}

function submissionLines(result: SubmissionResult, lang: Lang, packCount: number): string[] {
  const t = T[lang];
  const lines = [`■ ${result.file}`];
  if (result.error) {
    lines.push(`  ✗ ${UNREADABLE[lang]}`);
    for (const problem of result.error.problems) lines.push(...problemLines(problem, lang, '    '));
    return lines;
  }
  lines.push(`  ${bureauLine(result, lang)}`, ...noticeLines(result, lang).map((notice) => `  ⚠ ${notice}`), `  ${t.counts(result.summary)}`, '');
  const ordered = [...result.findings].sort(byAttention);
  for (const finding of ordered) lines.push(...findingLines(finding, lang, packCount));
  return [...lines, ...completenessLines(result, lang)];
}

/** A report's section 报告载明情况: the counts, then each target's state in the pack's order. */
function completenessLines(result: SubmissionResult, lang: Lang): string[] {
  const view = completenessView(result, lang);
  if (!view) return [];
  return ['', `  ${COMPLETENESS_WORDS.heading[lang]}`, `  ${view.line}`, ...view.rows.map((row) => `    ${row.cells[0]}  ${row.cells[1]} ${row.cells[2]}  ${row.cells[3]}`)];
}

/**
 * For a person at a terminal: per submission a summary line, then failures first, each with clause and evidence.
 * Every line goes through `terminalText`: a control character in user text is shown (`\x1b`), never acted on.
 */
export function renderTable(result: CheckResult, lang: Lang): string {
  const t = T[lang];
  const lines: string[] = [];
  lines.push(`${result.tool.name} ${result.tool.version} · ${result.packs.map((p) => `${t.pack} ${p.id} ${p.version}`).join(', ')}`);
  lines.push(...inputProblemLines(result.errors, lang));
  for (const submission of result.submissions) lines.push('', ...submissionLines(submission, lang, result.packs.length));
  const rejected = result.submissions.filter((s) => s.error).length;
  const totals = Object.fromEntries(STATUSES.map((st) => [st, result.submissions.reduce((n, s) => n + s.summary[st], 0)])) as Record<Status, number>;
  lines.push('', t.total(result.submissions.length, result.submissions.length - rejected, rejected), t.counts(totals));
  if (result.waivers && result.waivers.unused.length > 0) lines.push(`${t.unused}: ${result.waivers.unused.map((w) => w.id).join(', ')}`);
  if (rejected < result.submissions.length) lines.push(verdictText(totals, lang));
  const unreadable = unreadableInputsLine(result.errors, lang);
  if (unreadable) lines.push(unreadable);
  return `${terminalLines(lines)}\n`;
}
