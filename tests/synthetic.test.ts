import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSubmission } from '../src/submission/load';
import { enforcementCount, isLarge, LARGE_RECORDS, levelOf, RANGES, syntheticPath, syntheticSubmission, writeSubmission, writeSynthetic } from './bench/synthetic';
import { tempDir } from './helpers';

type Sections = Record<string, Record<string, unknown[]>>;

async function parsed(index: number, year = 2024, enforcementRecords?: number): Promise<Sections> {
  const text = syntheticSubmission(index, year, enforcementRecords === undefined ? {} : { enforcementRecords });
  const submission = await parseSubmission(join('bench', `${index}.yaml`), Buffer.from(text));
  expect(submission.bureau.level).toBe(levelOf(index));
  return submission.data as Sections;
}

/** The benchmark's inputs are only worth measuring if they are valid, full submissions of the sizes it says. */
describe('synthetic submissions for the benchmark', () => {
  test.each([0, 1, 15, 136, 5000])('#%i is valid and fills every section at realistic sizes', async (index) => {
    const data = await parsed(index);
    expect(Object.keys(data)).toEqual(
      expect.arrayContaining(['functions', 'services', 'normative_documents', 'major_decisions', 'enforcement', 'emergency', 'disputes', 'legal_education', 'transparency', 'oversight', 'leadership', 'training']),
    );
    expect(data.major_decisions.items.length).toBeGreaterThanOrEqual(RANGES.majorDecisions[0]);
    expect(data.major_decisions.items.length).toBeLessThanOrEqual(RANGES.majorDecisions[1]);
    expect(data.enforcement.decisions.length).toBe(enforcementCount(index));
    expect(data.enforcement.decisions.length).toBeGreaterThanOrEqual(RANGES.enforcement[0]);
    expect(data.enforcement.decisions.length).toBeLessThanOrEqual(RANGES.enforcement[1]);
  });

  test('a large submission (one in twenty) is valid and has 10,000 enforcement decisions', async () => {
    expect(isLarge(19)).toBe(true);
    const data = await parsed(19);
    expect(data.enforcement.decisions).toHaveLength(LARGE_RECORDS);
  });

  test('other years and a fixed record count are valid too', async () => {
    for (const year of [2022, 2025]) await parsed(3, year);
    expect((await parsed(3, 2024, 250)).enforcement.decisions).toHaveLength(250);
  });

  test('record counts span their ranges, each drawn once, and about 5 % of submissions are large', () => {
    const counts = Array.from({ length: 2000 }, (_, i) => enforcementCount(i));
    const normal = counts.filter((_, i) => !isLarge(i));
    const [min, max] = RANGES.enforcement;
    expect(Math.min(...normal)).toBeLessThan(min + 50);
    expect(Math.max(...normal)).toBeGreaterThan(max - 50);
    const mean = normal.reduce((a, b) => a + b, 0) / normal.length;
    expect(mean).toBeGreaterThan((min + max) / 2 - 100);
    expect(mean).toBeLessThan((min + max) / 2 + 100);
    const large = counts.filter((c) => c === LARGE_RECORDS).length / counts.length;
    expect(large).toBeGreaterThan(0.04);
    expect(large).toBeLessThan(0.06);
    // The count in the file is the count drawn (the old loop re-drew its bound at every step: 104–235 records).
    for (const index of [2, 7, 11]) {
      const records = syntheticSubmission(index).match(/^ {4}- \{ id: 合成人社决/gm) ?? [];
      expect(records).toHaveLength(enforcementCount(index));
    }
    const decisions = Array.from({ length: 200 }, (_, i) => (syntheticSubmission(i, 2024, { enforcementRecords: 0 }).match(/^ {4}- id: MD-/gm) ?? []).length);
    expect(Math.min(...decisions)).toBeLessThan(RANGES.majorDecisions[0] + 5);
    expect(Math.max(...decisions)).toBeGreaterThan(RANGES.majorDecisions[1] - 5);
  });

  test('the same index gives the same bytes, in a string or written in chunks; one province is 1 + 14 + 122 bureaus', () => {
    expect(syntheticSubmission(42)).toBe(syntheticSubmission(42));
    const dir = tempDir();
    writeSubmission(join(dir, 'big.yaml'), 19);
    expect(readFileSync(join(dir, 'big.yaml'), 'utf8')).toBe(syntheticSubmission(19));
    writeSynthetic(dir, 3);
    expect(readFileSync(syntheticPath(dir, 2), 'utf8')).toBe(syntheticSubmission(2));
    const levels = Array.from({ length: 137 }, (_, i) => levelOf(i));
    expect([levels.filter((l) => l === 'province').length, levels.filter((l) => l === 'city').length, levels.filter((l) => l === 'county').length]).toEqual([1, 14, 122]);
  });
});
