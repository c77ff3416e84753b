import type { ChapterInfo, Finding, PackInfo, SubmissionResult } from '../../findings/types';
import type { Lang } from '../../core/i18n';
import { LEVEL_LABELS } from '../kit/labels';
import { byAttention, noticeText } from '../kit/view';

/** What the check's formats share with each other alone: the plan's chapters, a submission's lines. */

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
  /** A pack without chapters groups its findings by the document each cites (a pack of several regulations). */
  document?: string;
  findings: Finding[];
}

function chapterOf(finding: Finding, pack: PackInfo | undefined): ChapterInfo | undefined {
  const item = itemNumber(finding.citation.clause);
  let found: ChapterInfo | undefined;
  for (const chapter of pack?.chapters ?? []) if (itemNumber(chapter.first_item) <= item) found = chapter;
  return found;
}

/** Findings grouped by the plan's chapters in the plan's order, failures first within each. */
export function groupByChapter(findings: readonly Finding[], packs: readonly PackInfo[]): ChapterGroup[] {
  const groups = new Map<string, ChapterGroup>();
  for (const finding of findings) {
    const pack = packs.find((p) => p.id === finding.pack);
    const chapter = chapterOf(finding, pack);
    const document = pack && pack.chapters.length === 0 ? finding.citation.document : undefined;
    const key = `${finding.pack}|${chapter?.number ?? document ?? ''}`;
    if (!groups.has(key)) groups.set(key, { chapter, ...(document ? { document } : {}), findings: [] });
    groups.get(key)?.findings.push(finding);
  }
  return [...groups.values()].map((group) => ({ ...group, findings: [...group.findings].sort(byAttention) }));
}

export function chapterHeading(group: ChapterGroup, lang: Lang): string {
  if (!group.chapter) return group.document ?? (lang === 'zh' ? '其他' : 'Other');
  return lang === 'zh' ? `${group.chapter.number}、${group.chapter.title.zh}` : `Chapter ${group.chapter.number}: ${group.chapter.title.en}`;
}

export function bureauLine(result: SubmissionResult, lang: Lang): string {
  if (!result.bureau || result.year === null) return result.file;
  const level = LEVEL_LABELS[result.bureau.level][lang];
  return lang === 'zh' ? `${result.bureau.name} · ${level} · ${result.year} 年度` : `${result.bureau.name} · ${level} · ${result.year}`;
}

/** What a reader must know before a submission's findings (a bureau outside the pack's jurisdiction), one line each. */
export function noticeLines(result: SubmissionResult, lang: Lang): string[] {
  return (result.notices ?? []).map((notice) => noticeText(notice, lang));
}
