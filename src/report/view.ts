import { LEVEL_NAMES } from '../engine/applicability';
import type { CheckResult, ChapterInfo, Finding, PackInfo, SubmissionResult } from '../findings/types';
import type { Lang } from '../i18n';
import { formatQuantity, formatRequirement } from '../units';
import { ATTENTION_ORDER, STATUS_LABELS } from './labels';

/** What the formats a person reads (html, markdown, csv, table) share: the same words for the same things. */

const DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `(三十二)` → 32: the plan numbers its items in Chinese numerals. */
export function itemNumber(clause: string): number {
  const numeral = clause.replace(/[()()]/g, '');
  const [tens, ones] = numeral.includes('十') ? numeral.split('十') : ['', numeral];
  const tensValue = numeral.includes('十') ? (tens ? DIGITS[tens] : 1) : 0;
  return tensValue * 10 + (ones ? (DIGITS[ones] ?? 0) : 0);
}

export interface ChapterGroup {
  chapter?: ChapterInfo;
  findings: Finding[];
}

function chapterOf(finding: Finding, pack: PackInfo | undefined): ChapterInfo | undefined {
  const item = itemNumber(finding.citation.clause);
  let found: ChapterInfo | undefined;
  for (const chapter of pack?.chapters ?? []) if (itemNumber(chapter.first_item) <= item) found = chapter;
  return found;
}

export function byAttention(a: Finding, b: Finding): number {
  return ATTENTION_ORDER.indexOf(a.status) - ATTENTION_ORDER.indexOf(b.status);
}

/** Findings grouped by the plan's chapters in the plan's order, failures first within each. */
export function groupByChapter(findings: readonly Finding[], packs: readonly PackInfo[]): ChapterGroup[] {
  const groups = new Map<string, ChapterGroup>();
  for (const finding of findings) {
    const pack = packs.find((p) => p.id === finding.pack);
    const chapter = chapterOf(finding, pack);
    const key = `${finding.pack}|${chapter?.number ?? ''}`;
    if (!groups.has(key)) groups.set(key, { chapter, findings: [] });
    groups.get(key)?.findings.push(finding);
  }
  return [...groups.values()].map((group) => ({ ...group, findings: [...group.findings].sort(byAttention) }));
}

export function chapterHeading(group: ChapterGroup, lang: Lang): string {
  if (!group.chapter) return lang === 'zh' ? '其他' : 'Other';
  return lang === 'zh' ? `${group.chapter.number}、${group.chapter.title.zh}` : `Chapter ${group.chapter.number}: ${group.chapter.title.en}`;
}

export function foundText(finding: Finding, lang: Lang): string {
  const { actual } = finding;
  if (actual === null) return '—';
  if (typeof actual === 'object') return Object.entries(actual).map(([field, value]) => `${field}: ${formatQuantity(value, 'boolean', lang)}`).join(lang === 'zh' ? ';' : '; ');
  return formatQuantity(actual, finding.expected.unit, lang);
}

export function requiredText(finding: Finding, lang: Lang): string {
  const { operator, value, unit } = finding.expected;
  return formatRequirement(operator, value, unit, lang);
}

export function statusText(finding: Finding, lang: Lang): string {
  return STATUS_LABELS[finding.status][lang];
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

export function bureauLine(result: SubmissionResult, lang: Lang): string {
  if (!result.bureau || result.year === null) return result.file;
  const level = LEVEL_NAMES[result.bureau.level][lang];
  return lang === 'zh' ? `${result.bureau.name} · ${level} · ${result.year} 年度` : `${result.bureau.name} · ${level} · ${result.year}`;
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
  for (const pack of result.packs) rows.push([zh ? '规则包' : 'Rule pack', `${pack.id} ${pack.version} · ${pack.title[lang]} · sha256 ${pack.sha256}`]);
  for (const submission of result.submissions) rows.push([zh ? '报送文件' : 'Submission', `${submission.file} · sha256 ${submission.sha256 ?? (zh ? '(无法读取)' : '(unreadable)')}`]);
  rows.push([zh ? '节假日安排' : 'Holiday calendars', result.calendars.map((c) => `${c.year}: ${c.source}`).join(zh ? ';' : '; ') || (zh ? '(未用到)' : '(none used)')]);
  if (result.waivers) rows.push([zh ? '豁免文件' : 'Waivers', `${result.waivers.file} · sha256 ${result.waivers.sha256}`]);
  if (result.generatedAt) rows.push([zh ? '生成时间' : 'Generated at', result.generatedAt]);
  return rows;
}
