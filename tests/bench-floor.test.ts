import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { review } from '../src/index';
import { createFloor, type FloorStatus } from './bench/floor';
import { syntheticSubmission } from './bench/synthetic';
import { EXAMPLES, ROOT, tempDir } from './helpers';

/** The examples' submissions (the folder also holds a roster). */
const exampleSubmissions = (): string[] => readdirSync(EXAMPLES).filter((name) => name.endsWith('.yaml'));

/**
 * The bench's floor (tests/bench/floor.ts) is only a floor if it does plancheck's work: for every file plancheck
 * accepts, the same status for every rule of the pack. A change of the pack or of plancheck that the floor does
 * not follow fails here.
 */

const YEARS = [2024, 2025, 2022, 2023, 2021];

/** Small edits of a generated file's text that reach the paths the generated files seldom take. */
function edges(base: string): Record<string, string> {
  const replace = (from: RegExp, to: string): string => {
    if (!from.test(base)) throw new Error(`edge case: ${from} not in the base file`);
    return base.replace(from, to);
  };
  return {
    'blank-fields.yaml': replace(/^ {2}budgeted: \w+$/m, '  budgeted:').replace(/^ {6}legality_review: true$/m, '      legality_review:'),
    'many-digits.yaml': replace(/proactive_disclosure_rate: [^ ]+ /, 'proactive_disclosure_rate: 0.99999999999999999999 '),
    'sourced-rate.yaml': replace(/^ {2}online_handling_rate: .*$/m, '  online_handling_rate: { value: 0.9, source: 年度报告 }'),
    'unpublished.yaml': replace(/, published_on: [0-9-]+ \}/, ' }'),
    'zero-officers.yaml': replace(/^ {2}officers_total: \d+$/m, '  officers_total: 0').replace(/^ {2}officers_certified: \d+$/m, '  officers_certified: 0'),
    'report-late.yaml': replace(/^as_of: .*$/m, `as_of: 2025-04-15`).replace(/^ {2}annual_report_published: \w+$/m, '  annual_report_published: false').replace(/^ {2}annual_report_published_on: .*\n/m, ''),
    'report-on-due-day.yaml': replace(/^as_of: .*$/m, `as_of: 2025-04-15`).replace(/^ {2}annual_report_published: \w+$/m, '  annual_report_published: true\n  annual_report_published_on: 2025-03-31').replace(/^ {2}annual_report_published_on: (?!2025-03-31).*\n/m, ''),
    'no-consultation.yaml': base.replace(/^ {6}public_consultation:\n( {8}.*\n)+/gm, '      public_participation: true\n'),
    'empty-lists.yaml': replace(/^ {2}new_certification_items:\n( {4}.*\n)+/m, '  new_certification_items: []\n'),
  };
}

describe('the floor of the benchmark', () => {
  test('gives plancheck’s status for every rule on generated files, edge cases and the examples', async () => {
    const dir = tempDir();
    for (let i = 0; i < 50; i++) {
      writeFileSync(join(dir, `s${String(i).padStart(2, '0')}.yaml`), syntheticSubmission(i * 7 + 1, YEARS[i % YEARS.length], { enforcementRecords: 20 + (i % 5) * 30 }));
    }
    for (const [name, text] of Object.entries(edges(syntheticSubmission(15, 2024, { enforcementRecords: 40 })))) writeFileSync(join(dir, name), text);
    for (const name of exampleSubmissions()) copyFileSync(join(EXAMPLES, name), join(dir, `example-${name}`));

    const outcome = await review({ paths: [dir], jobs: '1' });
    const result = outcome.result;
    if (!result) throw new Error(`review failed: ${JSON.stringify(outcome.problems).slice(0, 500)}`);
    expect(result.rejected.map((r) => r.file)).toEqual([]);

    const floor = createFloor();
    const differences: string[] = [];
    const seen = new Set<FloorStatus>();
    expect(result.rules.map((r) => r.id)).toEqual(floor.ruleIds);
    for (const row of result.rows) {
      const mine = floor.statuses(readFileSync(row.file, 'utf8'));
      floor.ruleIds.forEach((rule, i) => {
        seen.add(mine[i]);
        if (row.statuses[i] !== mine[i]) differences.push(`${row.file} ${rule}: plancheck ${row.statuses[i]}, floor ${mine[i]}`);
      });
    }
    expect(result.rows).toHaveLength(50 + 9 + exampleSubmissions().length);
    expect(differences.slice(0, 20)).toEqual([]);
    // The comparison is worth something only if every status occurs.
    expect([...seen].sort()).toEqual(['fail', 'missing_data', 'not_applicable', 'pass', 'pending', 'warn']);
  });

  test.each(['composite-pack', 'dated-pack'])('follows composite checks and dated thresholds: the test pack %s', async (name) => {
    const packFile = join(ROOT, 'tests', 'fixtures', name, 'pack.yaml');
    const dir = tempDir();
    for (let i = 0; i < 30; i++) {
      writeFileSync(join(dir, `s${String(i).padStart(2, '0')}.yaml`), syntheticSubmission(i * 11 + 3, YEARS[i % YEARS.length], { enforcementRecords: 20 + (i % 4) * 20 }));
    }
    for (const [edge, text] of Object.entries(edges(syntheticSubmission(15, 2024, { enforcementRecords: 40 })))) writeFileSync(join(dir, edge), text);
    for (const example of exampleSubmissions()) copyFileSync(join(EXAMPLES, example), join(dir, `example-${example}`));

    const outcome = await review({ paths: [dir], packs: [packFile], jobs: '1' });
    const result = outcome.result;
    if (!result) throw new Error(`review failed: ${JSON.stringify(outcome.problems).slice(0, 500)}`);
    const floor = createFloor(packFile);
    expect(result.rules.map((r) => r.id)).toEqual(floor.ruleIds);
    const differences: string[] = [];
    const seen = new Set<FloorStatus>();
    for (const row of result.rows) {
      const mine = floor.statuses(readFileSync(row.file, 'utf8'));
      floor.ruleIds.forEach((rule, i) => {
        seen.add(mine[i]);
        if (row.statuses[i] !== mine[i]) differences.push(`${row.file} ${rule}: plancheck ${row.statuses[i]}, floor ${mine[i]}`);
      });
    }
    expect(differences.slice(0, 20)).toEqual([]);
    // Both packs reach a pass, a failure and a year or level they do not apply to.
    expect([...seen]).toEqual(expect.arrayContaining(['pass', 'fail', 'not_applicable']));
  });
});
