/**
 * A draft submission from a bureau's narrative annual report: the bureau, the year, and each figure the report
 * states for a field the rules read, with the sentence it stands in. Nothing is guessed: a field the report does not
 * state, or states twice with different figures, is left out (notFound, conflicts).
 *
 * Two different figures for one field: neither is taken, unless exactly one of them is stated as the year's total
 * (全年, 共, 累计 before it), is a count, and is the largest; then that one is.
 */
import type { Draft, ExtractedValue } from './draft-types';
import { readBureau, readYear } from './bureau';
import { matchClauses, matchingClauses } from './matcher';
import { loadPhrasings, type Phrasings } from './phrasings';
import { planParagraphs, planWords } from './sections';
import { foldWidth, splitSentences } from './sentences';

export type { Draft, ExtractedValue, DraftBureau } from './draft-types';
export type { Phrasings, PhrasingTarget } from './phrasings';
export { loadPhrasings, parsePhrasings, BUNDLED_PHRASINGS } from './phrasings';
export { splitSentences, splitClauses } from './sentences';

interface Found extends ExtractedValue {
  total: boolean;
}

/** The one value of a field among its candidates, or undefined when they disagree (see the module's note). */
function chosen(found: readonly Found[]): Found | undefined {
  if (found.length === 0) return undefined;
  const values = new Set(found.map((f) => String(f.value)));
  if (values.size === 1) return found[0];
  const totals = found.filter((f) => f.total && typeof f.value === 'number');
  const totalValues = new Set(totals.map((f) => f.value));
  if (totals.length === 0 || totalValues.size !== 1) return undefined;
  const total = totals[0].value as number;
  return found.every((f) => typeof f.value === 'number' && f.value <= total) ? totals[0] : undefined;
}

/** The draft of a report's paragraphs (each one line of text, in reading order). */
export function extractDraft(paragraphs: readonly string[], phrasings: Phrasings = loadPhrasings()): Draft {
  const bureau = readBureau(paragraphs, phrasings);
  const year = readYear(paragraphs)?.year;
  const inPlan = planParagraphs(paragraphs, phrasings, year);
  const plans = planWords(phrasings, year);
  const sentences = paragraphs.flatMap((paragraph, p) => (inPlan[p] ? [] : splitSentences(paragraph).map((text, s) => ({ paragraph: p + 1, sentence: s + 1, text, folded: foldWidth(text) }))))
    .filter((sentence) => !plans.some((word) => sentence.folded.includes(word)))
    .map((sentence) => ({ ...sentence, clauses: matchingClauses(sentence.text) }));

  const taken = new Map<string, Found>();
  const conflicts: { path: string; values: ExtractedValue[] }[] = [];
  for (const target of phrasings.targets) {
    const found: Found[] = [];
    for (const sentence of sentences) {
      for (const candidate of matchClauses(sentence.clauses, target, phrasings)) {
        found.push({ path: target.field, value: candidate.value, paragraph: sentence.paragraph, sentence: sentence.sentence, text: sentence.text, total: candidate.total });
      }
    }
    const one = chosen(found);
    if (one) taken.set(target.field, one);
    else if (found.length > 0) conflicts.push({ path: target.field, values: found.map(({ total: _total, ...value }) => value) });
  }
  // A head count alone says nothing of certification: it is kept only with its pair.
  for (const target of phrasings.targets) {
    if (target.only_with !== undefined && !taken.has(target.only_with)) taken.delete(target.field);
  }
  // A share where the head counts are stated is what the counts say: the counts are kept, the share is not.
  for (const target of phrasings.targets) {
    if (target.not_with !== undefined && taken.has(target.not_with)) taken.delete(target.field);
  }
  const values = phrasings.targets.flatMap((target) => {
    const one = taken.get(target.field);
    if (!one) return [];
    const { total: _total, ...value } = one;
    return [value];
  });
  const notFound = phrasings.targets.map((target) => target.field).filter((field, i, all) => !taken.has(field) && all.indexOf(field) === i);
  return { bureau, ...(year !== undefined ? { year } : {}), values, notFound, conflicts };
}

/** Where a value came from, as a source reads: the paragraph and the sentence verbatim. */
export function sourceOf(value: ExtractedValue): string {
  return `第${value.paragraph}段:${value.text}`;
}

/** The draft as submission data: each value `{ value, source }` at its field's place, with the bureau and year. */
export function draftData(draft: Draft): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const bureau: Record<string, unknown> = {};
  if (draft.bureau.name !== undefined) bureau.name = draft.bureau.name;
  if (draft.bureau.level !== undefined) bureau.level = draft.bureau.level;
  if (Object.keys(bureau).length > 0) data.bureau = bureau;
  if (draft.year !== undefined) data.year = draft.year;
  for (const value of draft.values) {
    const parts = value.path.split('.');
    let node = data;
    for (const part of parts.slice(0, -1)) {
      if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1]] = { value: value.value, source: sourceOf(value) };
  }
  return data;
}
