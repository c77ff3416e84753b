import type { Lang } from '../i18n';
import type { InputProblem } from '../input/problem';
import { attempt, problemLine, type ReportTarget } from './inputs';
import type { CliIo } from './io';
import { writeFileAtomic } from './write-output';

export interface OutputPlan<F extends string> {
  format: F;
  out?: string;
  targets: ReportTarget<F>[];
  lang: Lang;
}

/** A rendered report: whole, or in chunks that are written as they come. */
export type Rendered = string | Iterable<string>;

/**
 * Writes the primary format to --out or standard output, and every --report beside it, each atomically.
 * Problems writing are returned for the exit status.
 */
export function writeOutputs<F extends string>(plan: OutputPlan<F>, render: (format: F) => Rendered, io: CliIo): InputProblem[] {
  const problems: InputProblem[] = [];
  const files = [...(plan.out ? [{ format: plan.format, path: plan.out }] : []), ...plan.targets];
  for (const target of files) attempt(() => (writeFileAtomic(target.path, render(target.format)), true), problems);
  for (const problem of problems) io.stderr(problemLine(problem, plan.lang));
  if (!plan.out) {
    const content = render(plan.format);
    for (const chunk of typeof content === 'string' ? [content] : content) io.stdout(chunk);
  }
  return problems;
}
