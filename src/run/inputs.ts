import { dirname, resolve } from 'node:path';
import { bundledHolidayYears, loadHolidayYear } from '../calendar/holiday-notices';
import { WorkingDayCalendar, type HolidayYear } from '../calendar/working-days';
import { attempt, type InputProblem } from '../intake/problem';
import { loadPack } from '../pack/load';
import type { RulePack } from '../pack/types';
import { existsSync } from 'node:fs';
import { BUNDLED_PACK, bundledPackFile } from '../core/paths';
import { packSources } from '../pack/sources';

export { attempt };

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
  const named = packOption.length > 0 ? packOption.map(packPath) : [BUNDLED_PACK];
  const loaded = named.map((path) => ({ path, pack: attempt(() => loadPack(path), problems) }));
  const ok = loaded.filter((entry): entry is { path: string; pack: RulePack } => entry.pack !== undefined);
  return { packPaths: ok.map((e) => e.path), packs: ok.map((e) => e.pack), calendar, holidayYears };
}

/**
 * What `--pack` names: a folder or pack.yaml, or the id of a bundled pack (`cn-national-baseline`). A path that
 * exists wins, so a folder of that name in the working folder is still read as the user's own.
 */
export function packPath(option: string): string {
  if (existsSync(option)) return option;
  return bundledPackFile(option) ?? option;
}

/** Every file the packs are made of: no report may be written over one of them. */
export function packFiles(packs: readonly RulePack[]): string[] {
  return packs.flatMap((pack) => [pack.file, ...packSources(pack).map((source) => resolve(dirname(pack.file), source.file))]);
}
