/**
 * Which paragraphs of a report are plans or shortcomings, not results: a top-level heading (一、……) naming next
 * year's work or the problems (phrasings' `plan_headings`, or the next year) opens such a section, and so does a
 * paragraph opening with the next year (2023年,我局将……); the next top-level heading that is neither closes it.
 * Nothing in such a section is taken as a figure of the report's year.
 */
import type { Phrasings } from './phrasings';
import { foldWidth } from './sentences';

const TOP_HEADING = /^[一二三四五六七八九十]+[、.]/;

/** For each paragraph (0-based as given), whether it lies in a section of plans or shortcomings. */
export function planParagraphs(paragraphs: readonly string[], phrasings: Phrasings, year: number | undefined): boolean[] {
  const nextYear = year === undefined ? undefined : `${year + 1}年`;
  let inPlan = false;
  return paragraphs.map((paragraph) => {
    const text = foldWidth(paragraph).trim();
    if (TOP_HEADING.test(text)) {
      inPlan = phrasings.plan_headings.some((word) => text.includes(word)) || (nextYear !== undefined && text.includes(nextYear));
    } else if (nextYear !== undefined && text.startsWith(nextYear)) {
      inPlan = true;
    }
    return inPlan;
  });
}

/** The phrasings' plan words for a report of this year: `{next_year}` filled in, or dropped when the year is unknown. */
export function planWords(phrasings: Phrasings, year: number | undefined): string[] {
  return phrasings.plan_words.flatMap((word) => {
    if (!word.includes('{next_year}')) return [word];
    return year === undefined ? [] : [word.replace('{next_year}', String(year + 1))];
  });
}
