import { readRoster, type Roster } from '../intake/roster';
import { isInputError, type InputProblem } from '../intake/problem';

/**
 * The roster a command names with `--roster`, or its problems (placed) added to `problems`: a bad roster stops
 * `review` and `notices` alike before they run, with the same messages.
 */
export async function rosterOf(file: string, problems: InputProblem[]): Promise<Roster | undefined> {
  try {
    return await readRoster(file);
  } catch (error) {
    if (!isInputError(error)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
}
