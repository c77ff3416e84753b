import { dirname, join } from 'node:path';
import { loadCalendar } from '../calendar/holiday-notices';
import type { WorkingDayCalendar } from '../calendar/working-days';
import { bi, type Lang } from '../i18n';
import { isInputError, type InputProblem } from '../input/problem';
import { loadPack } from '../pack/load';
import type { RulePack } from '../pack/types';
import { BUNDLED_PACK } from '../paths';
import { assertNotAnInput } from './write-output';

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

export interface RuleInputs {
  packPaths: string[];
  packs: RulePack[];
  calendar: WorkingDayCalendar;
}

/** The packs (the bundled Hunan pack unless named) and the holiday calendars, each problem kept for the report. */
export function loadRuleInputs(packOption: readonly string[], calendarFiles: readonly string[], problems: InputProblem[]): RuleInputs {
  const calendar = attempt(() => loadCalendar(calendarFiles), problems) ?? loadCalendar();
  const named = packOption.length > 0 ? [...packOption] : [BUNDLED_PACK];
  const loaded = named.map((path) => ({ path, pack: attempt(() => loadPack(path), problems) }));
  const ok = loaded.filter((entry): entry is { path: string; pack: RulePack } => entry.pack !== undefined);
  return { packPaths: ok.map((e) => e.path), packs: ok.map((e) => e.pack), calendar };
}

/** Every file the packs are made of: no report may be written over one of them. */
export function packFiles(packs: readonly RulePack[]): string[] {
  return packs.flatMap((pack) => [pack.file, join(dirname(pack.file), pack.source.file)]);
}

/** Refuses output paths that are inputs; true when every output may be written. */
export function outputsAllowed(outputs: readonly string[], inputs: readonly string[], problems: InputProblem[]): boolean {
  return outputs.every((out) => attempt(() => (assertNotAnInput(out, inputs), true), problems) === true);
}

/** One line on standard error for a problem: file:line:column field: message (expected). */
export function problemLine(problem: InputProblem, lang: Lang): string {
  const place = problem.line !== undefined ? `:${problem.line}:${problem.column}` : '';
  // A labelled problem names its field in its Chinese message; the path stays for English and for scripts.
  const field = problem.field && !(problem.label && lang === 'zh') ? ` ${problem.field}` : '';
  const expected = problem.expected ? (lang === 'zh' ? `(应为:${problem.expected.zh})` : ` (expected: ${problem.expected.en})`) : '';
  return `plancheck: ${problem.file}${place}${field}: ${problem.message[lang]}${expected}\n`;
}

export interface ReportTarget<F extends string> {
  format: F;
  path: string;
}

/** `--report html:out/report.html` → the format and the path (a path may itself hold colons). */
export function parseReportTargets<F extends string>(specs: readonly string[], formats: readonly F[], problems: InputProblem[]): ReportTarget<F>[] {
  const targets: ReportTarget<F>[] = [];
  for (const spec of specs) {
    const colon = spec.indexOf(':');
    const format = spec.slice(0, Math.max(colon, 0)) as F;
    const path = colon > 0 ? spec.slice(colon + 1) : '';
    if (formats.includes(format) && path) {
      targets.push({ format, path });
      continue;
    }
    problems.push({
      file: '--report',
      message: bi(`--report 的写法应为 格式:路径,如 html:out/report.html;收到 "${spec}"`, `--report takes FORMAT:PATH, e.g. html:out/report.html; got "${spec}"`),
      expected: bi(`格式为 ${formats.join('、')} 之一`, `a format among ${formats.join(', ')}`),
    });
  }
  return targets;
}
