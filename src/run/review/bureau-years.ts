import { byCodePoint } from '../../core/order';
import type { Status } from '../../findings/types';
import type { Level } from '../../pack/types';
import { bureauKey, worse } from './aggregate';
import type { ReviewRow } from './types';

/** One bureau's statuses for one year: two files for the year count once, by the worse of their statuses. */
export interface BureauYear {
  key: string;
  name: string;
  region_code?: string;
  level: Level;
  year: number;
  statuses: Status[];
}

/** The rows as bureau-years, in the order of their key then year. */
export function bureauYears(rows: readonly ReviewRow[]): BureauYear[] {
  const byKey = new Map<string, BureauYear>();
  for (const row of rows) {
    if (!row.bureau || row.year === null) continue;
    const key = `${bureauKey(row)}\u0000${row.year}`;
    const seen = byKey.get(key);
    if (seen) seen.statuses = seen.statuses.map((status, c) => worse(status, row.statuses[c]));
    else byKey.set(key, { key: bureauKey(row), name: row.bureau.name ?? '', ...(row.bureau.region_code ? { region_code: row.bureau.region_code } : {}), level: row.bureau.level, year: row.year, statuses: [...row.statuses] });
  }
  return [...byKey.values()].sort((a, b) => byCodePoint(a.key, b.key) || a.year - b.year);
}
