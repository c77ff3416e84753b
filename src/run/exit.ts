import type { CheckResult } from '../findings/types';

/** Exit statuses of the contract (cli-contract.md): 3 is "nothing fails, but data is missing". */
export const EXIT = { ok: 0, failures: 1, invalidInput: 2, missingData: 3 } as const;

/**
 * The exit status of a check: 2 for anything that could not be read (no result at all, an input's problem, a
 * submission refused), else 1 for a failure, else 3 when data is missing (nothing can be said to be met), else 0.
 * `exitZero` turns 1 and 3 into 0, never 2.
 */
export function checkExitStatus(result: CheckResult | undefined, exitZero = false): number {
  if (!result || result.errors.length > 0 || result.submissions.some((s) => s.error)) return EXIT.invalidInput;
  if (exitZero) return EXIT.ok;
  if (result.submissions.some((s) => s.summary.fail > 0)) return EXIT.failures;
  if (result.submissions.some((s) => s.summary.missing_data > 0)) return EXIT.missingData;
  return EXIT.ok;
}
