import { byCodePoint } from '../../core/order';
import type { Roster, RosterBureau } from '../../intake/roster';
import type { Bureau } from '../../submission/types';
import type { NotFiled, OffRoster, ReviewFilters, RosterReport } from './types';

/** What the roster is matched on: a submission read, by its file, bureau and year (a review's row, a check's result). */
export interface FiledSubmission {
  file: string;
  bureau: Bureau | null;
  year: number | null;
}

function sameName(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.normalize('NFKC').trim() === b.normalize('NFKC').trim();
}

/** Whether a submission's bureau is this roster bureau: by region code when both have one, else by name. */
export function isRosterBureau(entry: RosterBureau, bureau: Bureau): boolean {
  if (entry.region_code && bureau.region_code) return entry.region_code === bureau.region_code;
  return sameName(entry.name, bureau.name);
}

/** The roster's entry for a submission's bureau, if it has one. */
export function rosterEntryOf(roster: Roster, bureau: Bureau): RosterBureau | undefined {
  return roster.bureaus.find((entry) => isRosterBureau(entry, bureau));
}

/** The roster bureaus the level and region filters keep: a review of one city expects only that city's bureaus. */
export function expectedBureaus(roster: Roster, filters: Pick<ReviewFilters, 'levels' | 'regions'>): RosterBureau[] {
  return roster.bureaus.filter(
    (b) => (filters.levels.length === 0 || filters.levels.includes(b.level)) && (filters.regions.length === 0 || filters.regions.some((prefix) => b.region_code?.startsWith(prefix))),
  );
}

function rosterKey(b: { region_code?: string; bureau: string }): string {
  return b.region_code ?? b.bureau;
}

/**
 * The roster against the submissions read (after the level, region and year filters): every expected bureau without
 * a submission for a year of the review is not filed; every bureau that sent one but is not on the roster is off it.
 */
export function filingAgainst(roster: Roster, rows: readonly FiledSubmission[], years: readonly number[], filters: Pick<ReviewFilters, 'levels' | 'regions'>): RosterReport {
  const expected = expectedBureaus(roster, filters);
  const notFiled: NotFiled[] = [];
  for (const entry of expected) {
    for (const year of years) {
      if (rows.some((row) => row.year === year && row.bureau && isRosterBureau(entry, row.bureau))) continue;
      notFiled.push({ bureau: entry.name, ...(entry.region_code ? { region_code: entry.region_code } : {}), level: entry.level, ...(entry.city_code ? { city_code: entry.city_code } : {}), year });
    }
  }
  notFiled.sort((a, b) => byCodePoint(rosterKey(a), rosterKey(b)) || a.year - b.year);
  const off = new Map<string, OffRoster>();
  for (const row of rows) {
    if (!row.bureau || roster.bureaus.some((entry) => isRosterBureau(entry, row.bureau as Bureau))) continue;
    const key = row.bureau.region_code ?? row.bureau.name ?? row.file;
    const seen = off.get(key) ?? { bureau: row.bureau.name ?? '', ...(row.bureau.region_code ? { region_code: row.bureau.region_code } : {}), level: row.bureau.level, years: [], files: [] };
    if (row.year !== null && !seen.years.includes(row.year)) seen.years.push(row.year);
    seen.files.push(row.file);
    off.set(key, seen);
  }
  const offRoster = [...off.values()].map((o) => ({ ...o, years: [...o.years].sort((a, b) => a - b), files: [...o.files].sort(byCodePoint) })).sort((a, b) => byCodePoint(rosterKey(a), rosterKey(b)));
  return { file: roster.file, sha256: roster.sha256, bureaus: expected.length, notFiled, offRoster };
}
