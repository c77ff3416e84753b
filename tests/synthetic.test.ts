import { join } from 'node:path';
import { parseSubmission } from '../src/submission/load';
import { levelOf, syntheticSubmission } from './bench/synthetic';

/** The benchmark's inputs are only worth measuring if they are valid, full submissions. */
describe('synthetic submissions for the benchmark', () => {
  test.each([0, 1, 15, 136, 5000])('#%i is valid and fills every section at realistic sizes', async (index) => {
    const submission = await parseSubmission(join('bench', `${index}.yaml`), Buffer.from(syntheticSubmission(index)));
    const data = submission.data as Record<string, Record<string, unknown[]>>;
    expect(submission.bureau.level).toBe(levelOf(index));
    expect(Object.keys(data)).toEqual(expect.arrayContaining(['functions', 'services', 'normative_documents', 'major_decisions', 'enforcement', 'disputes', 'legal_education', 'transparency', 'leadership', 'training']));
    expect(data.major_decisions.items.length).toBeGreaterThanOrEqual(10);
    expect(data.major_decisions.items.length).toBeLessThanOrEqual(50);
    expect(data.enforcement.decisions.length).toBeGreaterThanOrEqual(100);
    expect(data.enforcement.decisions.length).toBeLessThanOrEqual(2000);
  });

  test('the same index gives the same bytes; one province is 1 + 14 + 122 bureaus', () => {
    expect(syntheticSubmission(42)).toBe(syntheticSubmission(42));
    const levels = Array.from({ length: 137 }, (_, i) => levelOf(i));
    expect([levels.filter((l) => l === 'province').length, levels.filter((l) => l === 'city').length, levels.filter((l) => l === 'county').length]).toEqual([1, 14, 122]);
  });
});
