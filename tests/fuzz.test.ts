/**
 * Property-based tests: random mutations of the example submissions (deleted keys, wrong types, edge numbers, random
 * Unicode, `{ value, source }` wrappers broken and whole, shuffled and duplicated records, shifted dates, broken bytes)
 * through the library and, for a sample, through the CLI. Generators in tests/fuzz/generators.ts, the deletion oracle
 * in tests/fuzz/reads.ts, the properties in tests/fuzz/properties.ts.
 *
 * Seeded: the same cases on every run. A failure prints its seed and path; replay it with
 *   PLANCHECK_FUZZ_SEED=<seed> PLANCHECK_FUZZ_PATH=<path> npx jest tests/fuzz.test.ts
 * `npm run fuzz` runs many more cases (PLANCHECK_FUZZ_RUNS; PLANCHECK_FUZZ_CLI_RUNS for the CLI's share).
 */
import fc from 'fast-check';
import { Checker, parseSubmission } from '../src';
import { tempDir } from './helpers';
import { cliProperty, fuzzConfig, libraryProperty, newStats, PACKS, parameters } from './fuzz/properties';
import { forbiddenPasses } from './fuzz/reads';

const config = fuzzConfig();
const fuzzing = process.env.PLANCHECK_FUZZ_RUNS !== undefined;
/** Generous: about 40 ms a library case and 150 ms a CLI case on two cores, times ten. */
const timeout = (cases: number, ms: number): number => Math.max(60_000, cases * ms * 10);

const cases = (runs: number): string => (config.path ? `replaying path ${config.path}` : `${runs} mutated submissions`);

describe('property-based fuzzing of submissions', () => {
  const checker = new Checker(PACKS);

  test(`library: ${cases(config.runs)}, seed ${config.seed}`, async () => {
    const stats = newStats();
    await fc.assert(libraryProperty(checker, stats), parameters(config, config.runs));
    if (fuzzing) console.log(`library: ${JSON.stringify(stats)}`);
    // Not vacuous: a good share of the cases gets through the loader, and rules meet absent fields they read.
    if (!config.path && config.runs >= 100) {
      expect(stats.accepted).toBeGreaterThanOrEqual(stats.cases * 0.25);
      expect(stats.rejected).toBeGreaterThanOrEqual(stats.cases * 0.1);
      expect(stats.absentReads).toBeGreaterThanOrEqual(stats.accepted);
      expect(Object.keys(stats.statuses)).toEqual(expect.arrayContaining(['fail', 'missing_data', 'not_applicable', 'pass', 'pending']));
    }
  }, timeout(config.runs, 40));

  test(`CLI: ${cases(config.cliRuns)} through plancheck check --format json, seed ${config.seed}`, async () => {
    const stats = newStats();
    await fc.assert(cliProperty(tempDir(), stats), parameters(config, config.cliRuns));
    if (fuzzing) console.log(`CLI: exit statuses ${JSON.stringify(stats.cliStatuses)}`);
  }, timeout(config.cliRuns, 150));

  // The first case the fuzzer found (seed 20260509, case 1340, shrunk): a stated kind with no basis named passed HN-05.
  test('found by the fuzzer: a certification item with a kind but no basis named does not pass', async () => {
    const text = [
      'bureau: { name: 示例县人力资源和社会保障局, level: county }',
      'year: 2024',
      'functions:',
      '  new_certification_items:',
      '    - { name: 某证明, legal_basis_kind: law }',
      '',
    ].join('\n');
    const result = await checker.evaluate(await parseSubmission('gap.yaml', Buffer.from(text)));
    const rule = PACKS[0].rules.find((r) => 'kind' in r.check && r.check.kind === 'legal_basis');
    const finding = result.findings.find((f) => f.rule === rule?.id);
    expect(forbiddenPasses(rule!, { functions: { new_certification_items: [{ name: '某证明', legal_basis_kind: 'law' }] } })).toHaveLength(1);
    expect(finding?.status).not.toBe('pass');
  });
});
