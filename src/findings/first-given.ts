import type { RuleOutcome } from '../engine/engine';
import { bi, type Bilingual } from '../core/i18n';
import { foldCheck, leafNumber, type CheckPath } from '../pack/check-tree';
import { chosenOf } from './status';
import type { LeafFinding } from './types';

/**
 * A `first_given` in a finding (docs/aggregate-rates.md): the alternative that decides is shown as what was checked
 * (the records, or the stated rate with its source); the others are passed over, said so, and a given one that
 * disagrees with the one that decides is said in the message.
 */

/** A path as a map key. */
export function pathKey(path: CheckPath): string {
  return JSON.stringify(path);
}

/** Which alternatives of the rule's `first_given` nodes decide, and, for each one passed over, the one that does (undefined: none is given). */
export interface AlternativeUse {
  decides: ReadonlySet<string>;
  passedOver: ReadonlyMap<string, CheckPath | undefined>;
}

export function alternativeUse(outcome: RuleOutcome): AlternativeUse {
  const decides = new Set<string>();
  const passedOver = new Map<string, CheckPath | undefined>();
  foldCheck<null>(outcome.rule.check, {
    leaf: () => null,
    all: () => null,
    any: () => null,
    not: () => null,
    first: (_items, alternatives) => {
      const chosen = chosenOf(outcome.leaves, alternatives);
      alternatives.forEach(({ path }, i) => {
        if (i === chosen) decides.add(pathKey(path));
        else passedOver.set(pathKey(path), chosen < 0 ? undefined : alternatives[chosen].path);
      });
      return null;
    },
  });
  return { decides, passedOver };
}

/** A leaf passed over: another alternative decides, or none is given. */
export function passedOverMessage(by: CheckPath | undefined, reason: Bilingual): Bilingual {
  if (by === undefined) return reason;
  const n = leafNumber(by);
  return bi(`未采用:本项依据条件${n}检查`, `not used: condition ${n} decides`);
}

/** What was checked, as the message names it in short: the records listed, or the stated figure. */
export function checkedName(leaf: LeafFinding, perRecord: boolean): Bilingual {
  return perRecord ? bi('所列记录', 'the records listed') : bi(`所报的${leaf.subject.zh}`, `the stated ${leaf.subject.en}`);
}

/**
 * What was checked: the list of records named, or the stated figure. A figure that stands in for an alternative before
 * it (a rate for the records) names its source, or says there is none: a reader weighs a rate by where it is stated.
 */
export function checkedWhat(leaf: LeafFinding, name: Bilingual, perRecord: boolean, sources: readonly string[], standsIn: boolean): Bilingual {
  if (perRecord) return bi(`依据${name.zh}(${leaf.subject.zh})检查`, `checked on ${name.en} (${leaf.subject.en})`);
  if (sources.length === 0 && !standsIn) return bi(`依据${name.zh}检查`, `checked on ${name.en}`);
  const from = sources.length > 0 ? bi(`出处:${sources.join(';')}`, `source: ${sources.join('; ')}`) : bi('未注明出处', 'no source given');
  return bi(`依据${name.zh}检查(${from.zh})`, `checked on ${name.en} (${from.en})`);
}

/**
 * The message of a `first_given` decided by `chosen`: what was checked, its verdict, and any alternative passed over
 * that was given and, judged on its own (`others`, before it is marked as passed over), disagrees.
 */
export function decidedMessage(chosen: LeafFinding, name: Bilingual, what: Bilingual, others: readonly LeafFinding[]): Bilingual {
  // Nothing of the kind this year (`[]`, a zero count) says so by itself, naming the field.
  if (chosen.status === 'not_applicable') return chosen.message;
  const zh = [`${what.zh}:${chosen.message.zh}`];
  const en = [`${what.en}: ${chosen.message.en}`];
  for (const other of others) {
    const judged = other.status === 'pass' || other.status === 'fail';
    if (!judged || other.status === chosen.status) continue;
    zh.push(`另报的${other.subject.zh}为 ${other.found.zh},与${name.zh}的结论不一致,以${name.zh}为准`);
    en.push(`the ${other.subject.en} also given (${other.found.en}) disagrees; ${name.en} decide`);
  }
  return bi(zh.join(';'), en.join('; '));
}

/** No alternative is given: missing data, naming each. */
export function noneGivenMessage(alternatives: readonly LeafFinding[]): Bilingual {
  const subjects = alternatives.map((leaf) => leaf.subject);
  return bi(
    `缺少数据:未填写${subjects.map((s) => s.zh).join(',也未填写')};填写其中之一即可检查,缺少数据不视为通过`,
    `missing data: ${subjects.map((s) => s.en).join(', nor ')} ${subjects.length > 1 ? 'are' : 'is'} given; either one can be checked, and missing data never counts as a pass`,
  );
}
