import type { ChapterInfo, Finding, PackInfo, SubmissionResult } from '../../findings/types';
import type { Lang } from '../../core/i18n';
import { LEVEL_LABELS } from '../kit/labels';
import { byAttention, chapterTitle, noticeText } from '../kit/view';
import { chapterOfClause } from '../../pack/chapters';

/** What the check's formats share with each other alone: the plan's chapters, a submission's lines. */

export interface ChapterGroup {
  chapter?: ChapterInfo;
  /** A pack without chapters groups its findings by the document each cites (a pack of several regulations). */
  document?: string;
  findings: Finding[];
}

function chapterOf(finding: Finding, pack: PackInfo | undefined): ChapterInfo | undefined {
  return chapterOfClause(pack?.chapters ?? [], finding.citation.clause);
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
  if (!group.chapter && group.document) return group.document;
  return chapterTitle(group.chapter, lang);
}

export function bureauLine(result: SubmissionResult, lang: Lang): string {
  if (!result.bureau || result.year === null) return result.file;
  const level = LEVEL_LABELS[result.bureau.level][lang];
  const name = result.bureau.name ?? result.file;
  return lang === 'zh' ? `${name} · ${level} · ${result.year} 年度` : `${name} · ${level} · ${result.year}`;
}

/** What a reader must know before a submission's findings (a bureau outside the pack's jurisdiction), one line each. */
export function noticeLines(result: SubmissionResult, lang: Lang): string[] {
  return (result.notices ?? []).map((notice) => noticeText(notice, lang));
}
