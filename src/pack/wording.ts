import type { Operator } from './types';

/**
 * The comparison each Chinese wording sets, per 《民法典》第一千二百五十九条:
 * 以上、以下、以内、届满 include the number; 不满、超过、以外 exclude it.
 * Longer words come first so that 不低于 is not read as 低于.
 */
const WORDING_OPERATORS: ReadonlyArray<readonly [string, readonly Operator[]]> = [
  ['不低于', ['>=']],
  ['不少于', ['>=']],
  ['不超过', ['<=']],
  ['不高于', ['<=']],
  ['不多于', ['<=']],
  ['不满', ['<']],
  ['不足', ['<']],
  ['以上', ['>=']],
  ['以下', ['<=']],
  ['以内', ['<=']],
  ['日内', ['<=']],
  ['届满', ['>=']],
  ['至少', ['>=']],
  ['至多', ['<=']],
  ['达到', ['>=', '=']],
  ['超过', ['>']],
  ['高于', ['>']],
  ['多于', ['>']],
  ['低于', ['<']],
  ['少于', ['<']],
];

/** The operators a wording allows, or undefined when it sets none (the rule's note explains the reading). */
export function operatorsForWording(wording: string): readonly Operator[] | undefined {
  let rest = wording;
  let allowed: readonly Operator[] | undefined;
  for (const [word, operators] of WORDING_OPERATORS) {
    if (!rest.includes(word)) continue;
    rest = rest.split(word).join('\u0000');
    allowed = allowed ? allowed.filter((op) => operators.includes(op)) : operators;
  }
  return allowed;
}
