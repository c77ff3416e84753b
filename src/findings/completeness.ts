import { bi, type Bilingual } from '../core/i18n';
import type { Status } from './types';

/**
 * What a prose report states, target by target, for a reviewer: 达标 where it states a figure that meets the target,
 * 未达标 where it states one that falls short (a warning too, and a waived failure, which falls short all the same),
 * 待到期 where it states progress towards a target not yet due, 未载明 where it does not state what the target needs,
 * and 不适用 where the target does not apply (left out of the counts). Made from the statuses alone, after waivers.
 */
export type StatedState = 'met' | 'unmet' | 'pending' | 'unstated' | 'not_applicable';

/** The states in the order the counts name them. */
export const STATED_STATES: readonly StatedState[] = ['met', 'unmet', 'pending', 'unstated', 'not_applicable'];

export const STATED_LABELS: Readonly<Record<StatedState, Bilingual>> = {
  met: bi('达标', 'met'),
  unmet: bi('未达标', 'not met'),
  pending: bi('待到期', 'not yet due'),
  unstated: bi('未载明', 'not stated'),
  not_applicable: bi('不适用', 'not applicable'),
};

const STATE_OF: Readonly<Record<Status, StatedState>> = {
  pass: 'met',
  fail: 'unmet',
  warn: 'unmet',
  waived: 'unmet',
  pending: 'pending',
  missing_data: 'unstated',
  not_applicable: 'not_applicable',
};

export function statedState(status: Status): StatedState {
  return STATE_OF[status];
}

export interface Completeness {
  /** One state per finding, in the findings' order. */
  states: StatedState[];
  counts: Record<StatedState, number>;
  /** Targets that apply and whose figure the report states: every applicable one but the 未载明. */
  stated: number;
  /** Targets that apply: every one but the 不适用. */
  applicable: number;
}

/** The completeness of one report's findings, from their statuses (a review row keeps only those). */
export function completenessOf(statuses: readonly Status[]): Completeness {
  const states = statuses.map(statedState);
  const counts = Object.fromEntries(STATED_STATES.map((state) => [state, states.filter((s) => s === state).length])) as Record<StatedState, number>;
  const applicable = states.length - counts.not_applicable;
  return { states, counts, stated: applicable - counts.unstated, applicable };
}

/** `12/30`: targets stated of those that apply, for a cell (the column's heading says 已载明). */
export function statedFraction(completeness: Pick<Completeness, 'stated' | 'applicable'>): string {
  return `${completeness.stated}/${completeness.applicable}`;
}

/** The counts in a sentence: how many of the applicable targets the report states, and how they came out. */
export function completenessLine(completeness: Completeness): Bilingual {
  const { counts, stated, applicable } = completeness;
  const pending = counts.pending > 0 ? bi(`,待到期 ${counts.pending} 项`, `, ${counts.pending} not yet due`) : bi('', '');
  return bi(
    `报告载明 ${applicable} 项适用指标中的 ${stated} 项:达标 ${counts.met} 项,未达标 ${counts.unmet} 项${pending.zh},未载明 ${counts.unstated} 项;另有 ${counts.not_applicable} 项不适用,不计入`,
    `The report states ${stated} of the ${applicable} targets that apply: ${counts.met} met, ${counts.unmet} not met${pending.en}, ${counts.unstated} not stated; ${counts.not_applicable} more do not apply and are not counted`,
  );
}
