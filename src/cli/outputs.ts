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

/**
 * Writes the primary format to --out or standard output, and every --report beside it, each atomically.
 * A format is rendered once even when it is asked for twice. Problems writing are returned for the exit status.
 */
export function writeOutputs<F extends string>(plan: OutputPlan<F>, render: (format: F) => string, io: CliIo): InputProblem[] {
  const rendered = new Map<F, string>();
  const content = (format: F): string => {
    if (!rendered.has(format)) rendered.set(format, render(format));
    return rendered.get(format) as string;
  };
  const problems: InputProblem[] = [];
  const files = [...(plan.out ? [{ format: plan.format, path: plan.out }] : []), ...plan.targets];
  for (const target of files) attempt(() => (writeFileAtomic(target.path, content(target.format)), true), problems);
  for (const problem of problems) io.stderr(problemLine(problem, plan.lang));
  if (!plan.out) io.stdout(content(plan.format));
  return problems;
}
