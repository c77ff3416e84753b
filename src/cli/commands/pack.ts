import type { Lang } from '../../core/i18n';
import { isInputError } from '../../intake/problem';
import { lintPack, type LintResult } from '../../pack/lint';
import { packLintRenderer, type PackLintFormat } from '../../report/pack-lint';
import { EXIT } from '../../run/exit';
import { packTestRenderer } from '../../report/pack-test';
import { packPath } from '../../run/inputs';
import { packTestExitStatus, testPack } from '../../run/pack-test';
import type { CliIo } from '../io';
import { problemLine } from '../problem-line';

export interface PackTestOptions {
  lang: Lang;
}

/** `plancheck pack test PACK` (a folder, its pack.yaml, or a bundled pack's id): runs the pack's cases (docs/pack-tests.md); what cannot be read goes to standard error, exit 2. */
export async function runPackTest(pack: string, options: PackTestOptions, io: CliIo): Promise<number> {
  const result = await testPack(packPath(pack));
  if (result.problems.length > 0) {
    for (const problem of result.problems) io.stderr(problemLine(problem, options.lang));
  } else await io.stdout(packTestRenderer('text')(result, options.lang) as string);
  return packTestExitStatus(result);
}

export interface PackLintOptions {
  format: PackLintFormat;
  lang: Lang;
}

/** `plancheck pack lint PACK`: every problem of the pack with its place and a fix; a pack that cannot be read at all, exit 2. */
export async function runPackLint(pack: string, options: PackLintOptions, io: CliIo): Promise<number> {
  let result: LintResult;
  try {
    result = lintPack(packPath(pack));
  } catch (error) {
    if (!isInputError(error)) throw error;
    for (const problem of error.problems) io.stderr(problemLine(problem, options.lang));
    return EXIT.invalidInput;
  }
  await io.stdout(packLintRenderer(options.format)(result, options.lang) as string);
  return result.problems.length > 0 ? EXIT.failures : EXIT.ok;
}
