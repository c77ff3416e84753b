import type { Bilingual } from '../core/i18n';
import { formatPlace, type Place } from '../core/place';

/** One thing wrong with an input file, placed so that a person can go and fix it. */
export interface InputProblem extends Place {
  /** Dot path of the field, e.g. `services.online_handling_rate` or `major_decisions.items[1].id`. */
  field?: string;
  /**
   * The field as a clerk knows it (执法决定第 4 条的公开日期). When it is given, the message names the field by it,
   * so a report for a person need not print the dotted path beside the message.
   */
  label?: Bilingual;
  message: Bilingual;
  expected?: Bilingual;
}

/** Thrown by the loaders for a user's mistake; the CLI reports it without a stack trace. */
export class InputError extends Error {
  readonly problems: readonly InputProblem[];

  constructor(problems: readonly InputProblem[]) {
    super(problems.map((p) => `${formatPlace(p, 'en')}: ${p.message.en}`).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}

/** Runs a loader, turning a user's mistake into problems to report instead of an exception. */
export function attempt<T>(load: () => T, problems: InputProblem[]): T | undefined {
  try {
    return load();
  } catch (error) {
    if (!isInputError(error)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
}
