import { dirname, resolve } from 'node:path';
import { bundledHolidayYears, loadHolidayYear } from '../calendar/holiday-notices';
import { WorkingDayCalendar, type HolidayYear } from '../calendar/working-days';
import { bi, type Lang } from '../core/i18n';
import { isInputError, type InputProblem } from '../intake/problem';
import { terminalText } from '../core/text-safety';
import { loadPack } from '../pack/load';
import type { RulePack } from '../pack/types';
import { BUNDLED_PACK } from '../core/paths';
import { formatPosition } from '../core/place';

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
  /** The `--calendar` years that loaded, in the order given: what `calendar` adds to the bundled years (workers get them). */
  holidayYears: HolidayYear[];
}

/**
 * The packs (the bundled Hunan pack unless named) and the holiday calendars, each problem kept for the report.
 * Each `--calendar` file is loaded on its own: a bad one is reported and left out, the others are used.
 */
export function loadRuleInputs(packOption: readonly string[], calendarFiles: readonly string[], problems: InputProblem[]): RuleInputs {
  const holidayYears = calendarFiles.flatMap((file) => attempt(() => [loadHolidayYear(file)], problems) ?? []);
  // A user's year replaces the bundled one: the calendar keeps the last entry it is given for a year.
  const calendar = new WorkingDayCalendar([...bundledHolidayYears(), ...holidayYears]);
  const named = packOption.length > 0 ? [...packOption] : [BUNDLED_PACK];
  const loaded = named.map((path) => ({ path, pack: attempt(() => loadPack(path), problems) }));
  const ok = loaded.filter((entry): entry is { path: string; pack: RulePack } => entry.pack !== undefined);
  return { packPaths: ok.map((e) => e.path), packs: ok.map((e) => e.pack), calendar, holidayYears };
}

/** Every file the packs are made of: no report may be written over one of them. */
export function packFiles(packs: readonly RulePack[]): string[] {
  return packs.flatMap((pack) => [pack.file, resolve(dirname(pack.file), pack.source.file)]);
}

/**
 * One line on standard error for a problem: file:line:column field: message (expected). A control character or line
 * break in the file name or the quoted value is shown (`\x1b`, `\n`), so that it can neither act on the terminal
 * nor split the line.
 */
export function problemLine(problem: InputProblem, lang: Lang): string {
  const place = problem.at ? `:${formatPosition(problem.at, 'terse', lang)}` : '';
  // A labelled problem names its field in its Chinese message; the path stays for English and for scripts.
  const field = problem.field && !(problem.label && lang === 'zh') ? ` ${problem.field}` : '';
  const expected = problem.expected ? (lang === 'zh' ? `(应为:${problem.expected.zh})` : ` (expected: ${problem.expected.en})`) : '';
  return `${terminalText(`plancheck: ${problem.file}${place}${field}: ${problem.message[lang]}${expected}`)}\n`;
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
