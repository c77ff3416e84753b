import type { Check } from './types';

/**
 * The checks a rule's `check` is made of. A rule's check is one check of a kind today; composite checks
 * (`all`, `any`, `not` over checks of the existing kinds) extend this, and whatever walks a rule's checks
 * (its fields, its catalogue entry, its template rows, lint) goes through here, so it follows them.
 */
export function leafChecks(check: Check): Check[] {
  return [check];
}
