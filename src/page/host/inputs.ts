import { bundledHolidayYears } from '../../calendar/holiday-notices';
import { WorkingDayCalendar } from '../../calendar/working-days';
import { attempt } from '../../intake/problem';
import type { RuleInputs } from '../../run/inputs';
import type { RulePack } from '../../pack/types';
import { pageData } from './embedded';

/**
 * run/inputs.ts in the page: the packs of a run are the ones `plancheck page` loaded and proved with its `--pack`
 * options, embedded in the page; the calendar is the bundled one, as for a run given no `--calendar`. The page names
 * no pack or calendar of its own.
 */

export { attempt };
export type { RuleInputs };

export function loadRuleInputs(packOption: readonly string[], calendarFiles: readonly string[]): RuleInputs {
  if (packOption.length > 0 || calendarFiles.length > 0) throw new Error('plancheck: the page reads the packs and calendar it was made with, none by path');
  const { packs } = pageData();
  return { packPaths: packs.map((pack) => pack.file), packs, calendar: new WorkingDayCalendar(bundledHolidayYears()), holidayYears: [] };
}

export function packFiles(packs: readonly RulePack[]): string[] {
  return packs.map((pack) => pack.file);
}
