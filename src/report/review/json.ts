import type { Lang } from '../../core/i18n';
import type { InputProblem } from '../../intake/problem';
import type { ReviewResult, ReviewRow, YearChange } from '../../run/review/types';
import { positionFields, positionFieldsOrNull } from '../../core/place';
import { rowCompleteness } from '../kit/completeness';

function changeJson(result: ReviewResult, change: YearChange): object {
  return {
    bureau: change.bureau,
    ...(change.region_code ? { region_code: change.region_code } : {}),
    rule: change.rule,
    from_year: change.from_year,
    to_year: change.to_year,
    from: change.from,
    to: change.to,
    from_file: result.rows[change.fromRow].file,
    to_file: result.rows[change.toRow].file,
  };
}

function bureauJson(result: ReviewResult, row: ReviewRow, lang: Lang): object {
  return {
    file: row.file,
    sha256: row.sha256,
    bureau: row.bureau,
    year: row.year,
    summary: { ...row.summary },
    statuses: Object.fromEntries(result.columns.map((c) => [result.rules[c].id, row.statuses[c]])),
    notices: row.notices.map((n) => ({ code: n.code, message: n.message[lang], ...(n.field !== undefined ? { field: n.field } : {}), ...positionFields(n.at) })),
    // Only for a row from a prose report: how many of the targets shown that apply the report states.
    ...statedJson(result, row),
  };
}

function statedJson(result: ReviewResult, row: ReviewRow): object {
  const completeness = rowCompleteness(row, result.columns);
  return completeness ? { origin: row.origin, completeness: { stated: completeness.stated, applicable: completeness.applicable } } : {};
}

function problemJson(problem: Omit<InputProblem, 'file'>, lang: Lang): object {
  return { ...positionFieldsOrNull(problem.at), field: problem.field ?? null, message: problem.message[lang], ...(problem.expected ? { expected: problem.expected[lang] } : {}) };
}

function rejectedJson(row: ReviewRow, lang: Lang): object {
  return { file: row.file, sha256: row.sha256, error: row.error ? { ...problemJson(row.error, lang), problems: row.error.problems.map((p) => problemJson(p, lang)) } : null };
}

/** The roster's findings: who has not filed (`not_filed`), who filed without being on it (`off_roster`). */
function overviewJson(result: ReviewResult): object {
  if (!result.roster) return {};
  const { file, sha256, bureaus, notFiled, offRoster } = result.roster;
  return { roster: { file, sha256, bureaus }, not_filed: notFiled, off_roster: offRoster };
}

/** Stands in for the bureaus while the rest of the document is laid out. */
const PLACEHOLDER = 'plancheck:bureaus';

function indent(text: string, spaces: string): string {
  return text.split('\n').map((line) => spaces + line).join('\n');
}

/**
 * The review as one JSON document: counts, the matrix, per-rule counts, changes, duplicates, rejected files,
 * provenance. The bureaus are written one at a time, in the layout JSON.stringify(document, null, 2) would give.
 */
export function* renderReviewJson(result: ReviewResult, lang: Lang): Iterable<string> {
  const columns = result.columns.map((c) => result.rules[c]);
  const overview = overviewJson(result);
  if (result.by !== undefined) {
    const only = result.by === 'city' ? { cities: result.cities } : { trend: result.trend };
    yield `${JSON.stringify({ tool: { name: result.tool.name, version: result.tool.version }, packs: result.packs.map((p) => ({ id: p.id, version: p.version, sha256: p.sha256 })), counts: { ...result.counts }, ...overview, ...only }, null, 2)}\n`;
    return;
  }
  const document = {
    tool: { name: result.tool.name, version: result.tool.version },
    packs: result.packs.map((p) => ({ id: p.id, version: p.version, sha256: p.sha256 })),
    counts: { ...result.counts },
    filters: { level: result.filters.levels, region: result.filters.regions, rule: result.filters.rules, status: result.filters.statuses, year: result.filters.years },
    years: result.years,
    rules: columns.map((r) => ({ id: r.id, clause: r.clause, title: { zh: r.title.zh, en: r.title.en } })),
    bureaus: result.rows.length > 0 ? [PLACEHOLDER] : [],
    rule_counts: result.ruleCounts.map((rc) => ({ rule: rc.rule, ...rc.counts, years: rc.years.map((y) => ({ year: y.year, ...y.counts })) })),
    regressions: result.regressions.map((c) => changeJson(result, c)),
    improvements: result.improvements.map((c) => changeJson(result, c)),
    duplicates: result.duplicates,
    ...overview,
    cities: result.cities,
    trend: result.trend,
    rejected: result.rejected.map((row) => rejectedJson(row, lang)),
    ...(result.paths.length > 0 ? { paths: result.paths.map((p) => ({ path: p.file, message: p.message[lang] })) } : {}),
    calendars: result.calendars,
    ...(result.waivers ? { waivers: { file: result.waivers.file, sha256: result.waivers.sha256, applied: result.waivers.applied, expired: result.waivers.expired, unused: result.waivers.unused.map((w) => w.id) } } : {}),
    ...(result.generatedAt ? { generated_at: result.generatedAt } : {}),
    ...(result.errors.length > 0 ? { errors: result.errors.map((e) => ({ file: e.file, ...positionFieldsOrNull(e.at), message: e.message[lang] })) } : {}),
  };
  const text = `${JSON.stringify(document, null, 2)}\n`;
  const marker = `    "${PLACEHOLDER}"`;
  const at = text.indexOf(marker);
  if (at < 0) {
    yield text;
    return;
  }
  yield text.slice(0, at);
  for (let i = 0; i < result.rows.length; i++) {
    yield indent(JSON.stringify(bureauJson(result, result.rows[i], lang), null, 2), '    ') + (i + 1 < result.rows.length ? ',\n' : '');
  }
  yield text.slice(at + marker.length);
}
