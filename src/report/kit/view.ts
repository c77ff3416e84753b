import type { CalendarInfo, ChapterInfo, CheckResult, Citation, Evidence, Finding, Notice, PackInfo, SubmissionResult } from '../../findings/types';
import type { Lang } from '../../core/i18n';
import type { InputProblem } from '../../intake/problem';
import { formatRequirement } from '../../pack/units';
import { ATTENTION_ORDER, LEVEL_LABELS, SEVERITY_LABELS, STATUS_LABELS } from './labels';
import { positionWords } from '../../core/place';

/**
 * What the formats a person reads (html, markdown, csv, table) of every subject share: the same words for the same
 * things. A finding, a submission's heading, a problem of an input, the verdict, the provenance read alike in a
 * check and in a review.
 */

/** A notice as a person reads it: its place first where it has one (第 38 行第 7 列:字段 … 已更名为 …). */
export function noticeText(notice: Notice, lang: Lang): string {
  if (!notice.at) return notice.message[lang];
  return `${positionWords(notice.at, lang)}${lang === 'zh' ? ':' : ': '}${notice.message[lang]}`;
}

/** A chapter of the plan as a heading: 二、优化部门职能…; rules in no chapter are 其他. */
export function chapterTitle(chapter: ChapterInfo | undefined, lang: Lang): string {
  if (!chapter) return lang === 'zh' ? '其他' : 'Other';
  return lang === 'zh' ? `${chapter.number}、${chapter.title.zh}` : `Chapter ${chapter.number}: ${chapter.title.en}`;
}

/** Findings in the order they need attention: failures first (`ATTENTION_ORDER`). */
export function byAttention(a: Finding, b: Finding): number {
  return ATTENTION_ORDER.indexOf(a.status) - ATTENTION_ORDER.indexOf(b.status);
}

/** The figure found, as the finding words it: exact as written, never rounded across the threshold. */
export function foundText(finding: Finding, lang: Lang): string {
  return finding.found[lang];
}

export function requiredText(finding: Finding, lang: Lang): string {
  // A composite's requirement is its combination, in words; each leaf's is in the message.
  if (finding.required) return finding.required[lang];
  const { operator, value, unit } = finding.expected;
  return formatRequirement(operator, value, unit, lang);
}

/**
 * A clause as a reader finds it: an article of a regulation (第十五条第一款) with the regulation's title, as a pack
 * may cite several; an item of the one plan of a pack, `(十二)`, alone.
 */
export function clauseText(citation: Pick<Citation, 'document' | 'clause'>): string {
  return citation.clause.startsWith('第') ? `${citation.document}${citation.clause}` : citation.clause;
}

/** The rule of another pack a finding's rule restates: its clause and quote, and which rule it is. */
export function restatesText(citation: Citation, lang: Lang): string | undefined {
  const restated = citation.restates;
  if (!restated) return undefined;
  const words = lang === 'zh' ? '上位规定' : 'Restates';
  return `${words}: ${clauseText(restated)} “${restated.quote}” (${restated.pack} ${restated.rule})`;
}

/** The pack a finding comes from, named beside its rule when a run has several packs; nothing when it has one. */
export function packTag(finding: Finding, packCount: number): string {
  return packCount > 1 ? ` · ${finding.pack}` : '';
}

export function statusText(finding: Finding, lang: Lang): string {
  return STATUS_LABELS[finding.status][lang];
}

/** 关键, 重要, 一般: how much the plan's target weighs. */
export function severityText(finding: Finding, lang: Lang): string {
  return SEVERITY_LABELS[finding.severity][lang];
}

/** The waiver's words on a finding: what it covers, who approved it, and until when, or that it expired. */
export function waiverText(finding: Finding, lang: Lang): string | undefined {
  const use = finding.waiver;
  if (!use) return undefined;
  const { waiver } = use;
  if (use.state === 'expired') {
    return lang === 'zh'
      ? `豁免 ${waiver.id} 已于 ${waiver.expires} 到期(按 ${use.judgedOn} 判断),不再适用`
      : `waiver ${waiver.id} expired on ${waiver.expires} (judged on ${use.judgedOn}) and no longer applies`;
  }
  return lang === 'zh'
    ? `原为不通过,已豁免:${waiver.id}(${waiver.approval_document},${waiver.approver},有效期至 ${waiver.expires}):${waiver.justification}`
    : `would fail; waived by ${waiver.id} (${waiver.approval_document}, ${waiver.approver}, valid until ${waiver.expires}): ${waiver.justification}`;
}

/** A submission's heading: the bureau and the year it reports on; the file path when it could not be read. */
export function submissionHeading(result: Pick<SubmissionResult, 'file' | 'bureau' | 'year'>, lang: Lang): string {
  if (!result.bureau || result.year === null) return result.file;
  const name = result.bureau.name ?? result.file;
  return lang === 'zh' ? `${name} ${result.year} 年度` : `${name} ${result.year}`;
}

/** The line below the heading: the level and the file the figures come from. */
export function submissionSubline(result: Pick<SubmissionResult, 'file' | 'bureau'>, lang: Lang): string {
  const file = lang === 'zh' ? `文件 ${result.file}` : `file ${result.file}`;
  return result.bureau ? `${LEVEL_LABELS[result.bureau.level][lang]} · ${file}` : file;
}

/** `2024 年:国办发明电〔2023〕7号(chinese-days 1.5.7 数据)`: the notice, and the data it was read from, in words. */
export function calendarText(calendar: CalendarInfo, lang: Lang): string {
  const zh = lang === 'zh';
  const match = /^(.*) \((.*)\)$/.exec(calendar.source);
  const [notice, origin] = match ? [match[1], match[2]] : [undefined, calendar.source];
  const version = /^chinese-days@(.+)$/.exec(origin);
  const data = version ? (zh ? `chinese-days ${version[1]} 数据` : `chinese-days ${version[1]} data`) : origin;
  const body = notice ? (zh ? `${notice}(${data})` : `${notice} (${data})`) : data;
  return zh ? `${calendar.year} 年:${body}` : `${calendar.year}: ${body}`;
}

export function calendarsText(calendars: readonly CalendarInfo[], lang: Lang): string {
  return calendars.map((c) => calendarText(c, lang)).join(lang === 'zh' ? ';' : '; ');
}

/**
 * One problem of an input as a person reads it: place, field, message, and what was expected. A labelled problem
 * names its field in words in the message (执法决定第 4 条的公开日期); English readers also get the path.
 */
export function problemText(problem: Omit<InputProblem, 'file'>, lang: Lang): string {
  const place = positionWords(problem.at, lang);
  const where = [place, problem.label ? undefined : problem.field].filter(Boolean).join(' ');
  const path = problem.label && problem.field && lang === 'en' ? ` (${problem.field})` : '';
  const expected = problem.expected ? (lang === 'zh' ? `(应为:${problem.expected.zh})` : ` (expected: ${problem.expected.en})`) : '';
  return `${where ? `${where}: ` : ''}${problem.message[lang]}${path}${expected}`;
}

/** Where an evidence entry stands: the record and its place (MD-2023-02 · 第 41 行), either alone, or ''. */
export function evidenceWhere(evidence: Evidence, lang: Lang): string {
  return [evidence.record, positionWords(evidence.at, lang)].filter(Boolean).join(' · ');
}

/** Problems grouped by the file they are in, in the order the files first appear: a file's name is said once. */
export function problemsByFile(problems: readonly InputProblem[]): [string, InputProblem[]][] {
  const groups = new Map<string, InputProblem[]>();
  for (const problem of problems) groups.set(problem.file, [...(groups.get(problem.file) ?? []), problem]);
  return [...groups.entries()];
}

/** The closing line when a pack, calendar or waiver file could not be read: the results were made without it. */
export function unreadableInputsLine(problems: readonly InputProblem[], lang: Lang): string | undefined {
  if (problems.length === 0) return undefined;
  const files = problemsByFile(problems).map(([file]) => file);
  return lang === 'zh'
    ? `✗ 无法读取:${files.join('、')};本报告的结果没有用到这些文件`
    : `✗ Could not be read: ${files.join(', ')}; the results in this report were made without them`;
}

/** What the statuses add up to: failures, else missing data (nothing can be said to be met), else all met. */
export function verdictText(counts: { fail: number; missing_data: number }, lang: Lang): string {
  const zh = lang === 'zh';
  if (counts.fail > 0) {
    const missing = counts.missing_data > 0 ? (zh ? `;另缺 ${counts.missing_data} 项数据` : `; ${counts.missing_data} more lack data`) : '';
    return zh ? `未达标:${counts.fail} 项不通过${missing}` : `Not met: ${counts.fail} finding${counts.fail === 1 ? ' fails' : 's fail'}${missing}`;
  }
  if (counts.missing_data > 0) {
    return zh ? `资料不全:缺 ${counts.missing_data} 项数据,无法判断是否达标` : `Incomplete: ${counts.missing_data} finding${counts.missing_data === 1 ? ' lacks' : 's lack'} data, so it cannot be said whether the targets are met`;
  }
  return zh ? '全部达标:没有不通过的指标,也不缺数据' : 'All met: no target fails and no data is missing';
}

/** What a report states about its own making; a check result and a review both have it. */
export interface Provenance {
  tool: CheckResult['tool'];
  packs: readonly PackInfo[];
  submissions: readonly { file: string; sha256: string | null }[];
  calendars: CheckResult['calendars'];
  waivers?: CheckResult['waivers'];
  generatedAt?: string;
}

/** Where every report says it came from: tool, packs, inputs and their hashes, calendars, waivers, and the time if asked. */
export function provenanceRows(result: Provenance, lang: Lang): [string, string][] {
  const zh = lang === 'zh';
  const rows: [string, string][] = [[zh ? '工具' : 'Tool', `${result.tool.name} ${result.tool.version}`]];
  for (const pack of result.packs) {
    rows.push([zh ? '规则包' : 'Rule pack', `${pack.id} ${pack.version} · ${pack.title[lang]} · sha256 ${pack.sha256}`]);
    const number = `${pack.document_number}${pack.document_number_source ? (zh ? `(${pack.document_number_source})` : ` (${pack.document_number_source})`) : ''}`;
    rows.push([zh ? '文号' : 'Document number', number]);
  }
  for (const submission of result.submissions) rows.push([zh ? '报送文件' : 'Submission', `${submission.file} · sha256 ${submission.sha256 ?? (zh ? '(无法读取)' : '(unreadable)')}`]);
  rows.push([zh ? '节假日安排' : 'Holiday calendars', calendarsText(result.calendars, lang) || (zh ? '(未用到)' : '(none used)')]);
  if (result.waivers) rows.push([zh ? '豁免文件' : 'Waivers', `${result.waivers.file} · sha256 ${result.waivers.sha256}`]);
  if (result.generatedAt) rows.push([zh ? '生成时间' : 'Generated at', result.generatedAt]);
  return rows;
}
