import { byCodePoint } from '../../core/order';
import type { Roster } from '../../intake/roster';
import { rosterEntryOf } from './roster';
import type { BureauYear } from './bureau-years';
import type { CityRollup, FiledStatus, NotFiled, RuleInfo } from './types';

/** A county's city from its code: the first four digits and `00`. */
export function cityOfCode(code: string): string {
  return `${code.slice(0, 4)}00`;
}

interface Member {
  name: string;
  region_code?: string;
  city_code?: string;
  level: 'city' | 'county';
  statuses: FiledStatus[];
}

/**
 * Each city with its counties for one year: the city's own status per target, and per target how many counties meet
 * it (pass) of those it applies to, and which miss it (fail, missing data, not filed). Cities and their counties come
 * from the roster when there is one (its bureaus not filed among them), else from the region codes of the submissions.
 */
export function cityRollups(year: number, shown: readonly BureauYear[], columns: readonly number[], rules: readonly RuleInfo[], roster?: Roster, notFiled: readonly NotFiled[] = []): CityRollup[] {
  const members: Member[] = [];
  for (const b of shown) {
    if (b.year !== year || b.level === 'province') continue;
    const entry = roster ? rosterEntryOf(roster, { name: b.name, level: b.level, ...(b.region_code ? { region_code: b.region_code } : {}) }) : undefined;
    const code = entry?.region_code ?? b.region_code;
    const city = entry?.city_code ?? (code ? (b.level === 'city' ? code : cityOfCode(code)) : undefined);
    members.push({ name: entry?.name ?? b.name, ...(code ? { region_code: code } : {}), ...(city ? { city_code: city } : {}), level: b.level, statuses: columns.map((c) => b.statuses[c]) });
  }
  // A target that applies to no bureau of a level that filed does not apply to one of that level that did not file.
  const applies = (level: string, c: number): boolean => !shown.some((b) => b.level === level) || shown.some((b) => b.level === level && b.statuses[c] !== 'not_applicable');
  for (const n of notFiled) {
    if (n.year !== year || n.level === 'province') continue;
    const level = n.level;
    members.push({ name: n.bureau, ...(n.region_code ? { region_code: n.region_code } : {}), ...(n.city_code ? { city_code: n.city_code } : {}), level, statuses: columns.map((c): FiledStatus => (applies(level, c) ? 'not_filed' : 'not_applicable')) });
  }
  const codes = new Set(members.flatMap((m) => (m.city_code ? [m.city_code] : [])));
  for (const entry of roster?.bureaus ?? []) if (entry.level === 'city' && entry.city_code) codes.add(entry.city_code);
  return [...codes].sort(byCodePoint).flatMap((cityCode): CityRollup[] => {
    const city = members.find((m) => m.level === 'city' && m.city_code === cityCode);
    const counties = members.filter((m) => m.level === 'county' && m.city_code === cityCode).sort((a, b) => byCodePoint(a.region_code ?? a.name, b.region_code ?? b.name));
    if (!city && counties.length === 0) return [];
    // A city that did not file this year is still named: by the roster, else by its submission of another year.
    const name = city?.name ?? roster?.bureaus.find((e) => e.level === 'city' && e.city_code === cityCode)?.name ?? shown.find((b) => b.level === 'city' && b.region_code === cityCode)?.name ?? cityCode;
    const targets = columns.map((c, i) => {
      const applies = counties.filter((m) => m.statuses[i] !== 'not_applicable');
      const missed = counties.filter((m) => ['fail', 'missing_data', 'not_filed'].includes(m.statuses[i])).map((m) => ({ bureau: m.name, ...(m.region_code ? { region_code: m.region_code } : {}), status: m.statuses[i] }));
      return { rule: rules[c].id, ...(city ? { own: city.statuses[i] } : {}), met: counties.filter((m) => m.statuses[i] === 'pass').length, of: applies.length, missed };
    });
    return [{ city_code: cityCode, name, year, counties: counties.length, targets }];
  });
}
