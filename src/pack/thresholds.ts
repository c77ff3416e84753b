import { dayNumber, fromDayNumber } from '../core/dates';
import { bi, type Bilingual } from '../core/i18n';
import type { DatedThreshold, DatedValue, Threshold, Unit } from './types';

/**
 * A threshold's value, fixed or dated, read in one place. A dated threshold (`{ unit, dated: [{ from, value,
 * until?, quote? }] }`) gives for a reporting year the value in force on the last day of that year (31 December):
 * the year's figures are compared with the standard the year ends under, as a year's report is judged once the year
 * is over (docs/readings.md). Every reader of a threshold's value goes through `thresholdInForce` (for a year) or
 * `thresholdValues` (every value it can take, for the loader's proofs).
 */

/** The value a comparison is made with, and, for a dated threshold, the entry it comes from. */
export interface InForce {
  value: number;
  unit: Unit;
  /** The day the value took effect (dated thresholds only). */
  from?: string;
  /** The source's own words for this value, when the entry has them. */
  quote?: string;
}

export function isDated(threshold: Threshold): threshold is DatedThreshold {
  return 'dated' in threshold;
}

/** The last day of a reporting year: the day whose value in force a year is judged by. */
export function yearEndDay(year: number): string {
  return `${year}-12-31`;
}

/** The last day an entry is in force: its `until`, else the day before the next entry's `from`, else open. */
function lastDay(dated: readonly DatedValue[], index: number): string | undefined {
  const entry = dated[index];
  if (entry.until !== undefined) return entry.until;
  const next = dated[index + 1];
  return next ? fromDayNumber(dayNumber(next.from) - 1) : undefined;
}

function entryInForce(entry: DatedValue, unit: Unit): InForce {
  return { value: entry.value, unit, from: entry.from, ...(entry.quote !== undefined ? { quote: entry.quote } : {}) };
}

/** The value in force for a reporting year, or undefined when no entry is in force on its last day. */
export function thresholdInForce(threshold: Threshold, year: number): InForce | undefined {
  if (!isDated(threshold)) return { value: threshold.value, unit: threshold.unit };
  const day = yearEndDay(year);
  const index = threshold.dated.findIndex((entry, i) => entry.from <= day && (lastDay(threshold.dated, i) ?? day) >= day);
  return index < 0 ? undefined : entryInForce(threshold.dated[index], threshold.unit);
}

/**
 * What a finding names as required in a year with no value in force: the next entry to take effect, or the last
 * one that was, so that `expected` still says what the rule compares with and from when.
 */
export function thresholdNearest(threshold: Threshold, year: number): InForce {
  const inForce = thresholdInForce(threshold, year);
  if (inForce || !isDated(threshold)) return inForce ?? thresholdValues(threshold)[0];
  const day = yearEndDay(year);
  const next = threshold.dated.find((entry) => entry.from > day);
  return entryInForce(next ?? threshold.dated[threshold.dated.length - 1], threshold.unit);
}

/** Why a dated threshold gives a year nothing to compare with, in words: before its first entry, or after its last. */
export function notInForceReason(threshold: DatedThreshold, year: number): Bilingual {
  const day = yearEndDay(year);
  const first = threshold.dated[0];
  if (day < first.from) {
    return bi(`本条标准自 ${first.from} 起施行,${year} 年度(截至 ${day})尚无适用的标准值`, `the standard takes effect on ${first.from}; the year ${year} (to ${day}) has no value in force`);
  }
  return bi(`${day} 没有施行中的标准值(各时段的标准均不含该日)`, `no value of the standard is in force on ${day} (no period of it includes that day)`);
}

/** Every value a threshold can take, with its entry: one for a fixed threshold, one per entry for a dated one. */
export function thresholdValues(threshold: Threshold): InForce[] {
  return isDated(threshold) ? threshold.dated.map((entry) => entryInForce(entry, threshold.unit)) : [{ value: threshold.value, unit: threshold.unit }];
}

/** A problem of a dated threshold's entries: which entry, and what is wrong, in words. */
export interface DatedProblem {
  index: number;
  key: 'from' | 'until';
  message: Bilingual;
}

/**
 * What is wrong with a dated threshold's days: entries not in ascending `from`, an `until` before its own `from`, or
 * two entries in force on a common day (an entry without `until` runs to the day before the next `from`, so only an
 * `until` on or after the next entry's `from`, or two entries from the same day, can overlap). Read off the entries
 * alone, so the loader and `pack lint` say the same.
 */
export function datedThresholdProblems(threshold: DatedThreshold): DatedProblem[] {
  const problems: DatedProblem[] = [];
  const { dated } = threshold;
  dated.forEach((entry, i) => {
    if (entry.until !== undefined && entry.until < entry.from) {
      problems.push({ index: i, key: 'until', message: bi(`第 ${i + 1} 个时段的截止日 ${entry.until} 早于其起始日 ${entry.from}`, `entry ${i + 1} ends on ${entry.until}, before it starts on ${entry.from}`) });
    }
    const previous = dated[i - 1];
    if (!previous) return;
    if (entry.from < previous.from) {
      problems.push({ index: i, key: 'from', message: bi(`各时段须按起始日从早到晚排列:第 ${i + 1} 个时段(${entry.from} 起)排在第 ${i} 个时段(${previous.from} 起)之后`, `entries must be in ascending order of from: entry ${i + 1} (from ${entry.from}) comes after entry ${i} (from ${previous.from})`) });
    } else if (entry.from === previous.from || (previous.until !== undefined && previous.until >= entry.from)) {
      const shared = entry.from;
      problems.push({ index: i, key: 'from', message: bi(`第 ${i} 个时段与第 ${i + 1} 个时段重叠:${shared} 两者都在施行`, `entries ${i} and ${i + 1} overlap: both are in force on ${shared}`) });
    }
  });
  return problems;
}

/** How to mend a dated threshold's entries, as `pack lint` says it beside each problem. */
export const DATED_HINT = bi('各时段按起始日(from)由早到晚排列,每天只有一段施行:前一段的 until 须早于后一段的 from,或不写 until(它就施行到下一段生效的前一天);每段的值须见于其 quote 或规则的引文', "order the entries by from, one value in force on any day: an entry's until comes before the next entry's from, or is left out (it then runs to the day before the next); each value stands in its quote or the rule's");
