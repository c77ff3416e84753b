import { byCodePoint } from '../../core/order';
import type { BureauYear } from './bureau-years';
import type { BureauTrend, NotFiled, RuleInfo, TargetTrend, Trend } from './types';

/**
 * Over the years of the review: per target, how many bureaus meet it (pass) of those it applies to, a bureau counted
 * once a year (not-filed bureaus are not in it: they are listed as such); and per bureau its statuses year by year.
 */
export function trendOver(years: readonly number[], shown: readonly BureauYear[], columns: readonly number[], rules: readonly RuleInfo[], notFiled: readonly NotFiled[] = []): Trend {
  const targets: TargetTrend[] = columns.map((c) => ({
    rule: rules[c].id,
    years: years.map((year) => {
      const those = shown.filter((b) => b.year === year && b.statuses[c] !== 'not_applicable');
      return { year, met: those.filter((b) => b.statuses[c] === 'pass').length, of: those.length };
    }),
  }));
  const byBureau = new Map<string, BureauYear[]>();
  for (const b of shown) byBureau.set(b.key, [...(byBureau.get(b.key) ?? []), b]);
  const bureaus: BureauTrend[] = [...byBureau.values()].map((own) => {
    const first = own[0];
    return {
      bureau: first.name,
      ...(first.region_code ? { region_code: first.region_code } : {}),
      level: first.level,
      years: years.map((year) => {
        const row = own.find((b) => b.year === year);
        const missing = !row && notFiled.some((n) => n.year === year && (n.region_code && first.region_code ? n.region_code === first.region_code : n.bureau === first.name));
        return { year, statuses: row ? columns.map((c) => row.statuses[c]) : null, ...(missing ? { not_filed: true as const } : {}) };
      }),
    };
  });
  // A bureau on the roster that filed in no year of the review has its line too: not filed, each year.
  for (const n of notFiled) {
    if (bureaus.some((b) => (n.region_code && b.region_code ? n.region_code === b.region_code : n.bureau === b.bureau))) continue;
    const missing = new Set(notFiled.filter((m) => (m.region_code ?? m.bureau) === (n.region_code ?? n.bureau)).map((m) => m.year));
    bureaus.push({ bureau: n.bureau, ...(n.region_code ? { region_code: n.region_code } : {}), level: n.level, years: years.map((year) => ({ year, statuses: null, ...(missing.has(year) ? { not_filed: true as const } : {}) })) });
  }
  bureaus.sort((a, b) => byCodePoint(a.region_code ?? a.bureau, b.region_code ?? b.bureau));
  return { targets, bureaus };
}
