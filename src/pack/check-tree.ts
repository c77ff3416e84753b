import type { Check, CompositeCheck, RuleCheck } from './types';

/**
 * The checks a rule's `check` is made of. A rule's check is one check of a kind, or a composite of them: `all`,
 * `any` and `not` over checks, nestable, and `first_given` over checks of a kind, each leaf a check of an existing kind. Whatever walks a rule's checks (its
 * fields, its wording, its engine conditions, its catalogue entry, its template rows, lint) goes through here, so it
 * follows composites.
 */

/** Where a leaf stands in its rule's tree, from the rule's `check`: `['all', 0, 'not']`; `[]` for a check of a kind. */
export type CheckPath = readonly (string | number)[];

export interface CheckLeaf {
  path: CheckPath;
  check: Check;
}

/** A composite (`all`, `any`, `not`) rather than a check of a kind. */
export function isComposite(check: RuleCheck): check is CompositeCheck {
  return !('kind' in check);
}

/** How a tree is folded into one value: a value per leaf, then per node from its children's. */
export interface CheckFold<T> {
  leaf(leaf: CheckLeaf): T;
  all(items: T[], path: CheckPath): T;
  any(items: T[], path: CheckPath): T;
  /** `leaves` are the leaves under the `not`, for a fold that must know what its negation covers. */
  not(item: T, leaves: CheckLeaf[], path: CheckPath): T;
  /** `first_given`: its alternatives, each a leaf (a check of a kind), in the pack's order. */
  first(items: T[], leaves: CheckLeaf[], path: CheckPath): T;
}

/** Folds a rule's check tree, leaves first, in the order the pack writes them. */
export function foldCheck<T>(check: RuleCheck, fold: CheckFold<T>, path: CheckPath = []): T {
  if (!isComposite(check)) return fold.leaf({ path, check });
  if ('all' in check) return fold.all(check.all.map((child, i) => foldCheck(child, fold, [...path, 'all', i])), path);
  if ('any' in check) return fold.any(check.any.map((child, i) => foldCheck(child, fold, [...path, 'any', i])), path);
  if ('first_given' in check) {
    const leaves = check.first_given.map((child, i) => ({ path: [...path, 'first_given', i], check: child }));
    return fold.first(leaves.map((leaf) => fold.leaf(leaf)), leaves, path);
  }
  return fold.not(foldCheck(check.not, fold, [...path, 'not']), leavesOf(check.not, [...path, 'not']), path);
}

/** Every leaf of a rule's check, with its path, in the order the pack writes them. */
export function leavesOf(check: RuleCheck, path: CheckPath = []): CheckLeaf[] {
  return foldCheck(check, { leaf: (leaf) => [leaf], all: (items) => items.flat(), any: (items) => items.flat(), not: (item) => item, first: (items) => items.flat() }, path);
}

/** The checks of the kinds a rule's check is made of: itself, or the leaves of its composite. */
export function leafChecks(check: RuleCheck): Check[] {
  return leavesOf(check).map((leaf) => leaf.check);
}

/** A leaf's path as the JSON names it: `all[0].any[1]`, `not`; '' for a check of a kind. */
export function pathText(path: CheckPath): string {
  return path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('').replace(/^\./, '');
}

/**
 * A leaf's number as a person reads it: its position among its siblings from 1, down the tree (`2.1` is the first
 * check of the second); a `not` adds no number of its own (one under a `not` alone is 1). '' for a check of a kind.
 */
export function leafNumber(path: CheckPath): string {
  const number = path.filter((step): step is number => typeof step === 'number').map((i) => i + 1).join('.');
  return number === '' && path.length > 0 ? '1' : number;
}
