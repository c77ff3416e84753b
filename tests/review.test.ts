import { join } from 'node:path';
import { csvRows } from '../src/intake/roster';
import { bin, cli } from './helpers';
import { FIXTURE_NAME, RULE_IDS, writeReviewFixture } from './review-fixture';

interface ReviewJson {
  counts: { found: number; evaluated: number; rejected: number };
  rules: { id: string }[];
  bureaus: { file: string; bureau: { name: string; region_code: string }; year: number; summary: Record<string, number>; statuses: Record<string, string> }[];
  rule_counts: ({ rule: string } & Record<string, number>)[];
  regressions: { bureau: string; region_code: string; rule: string; from_year: number; to_year: number; from: string; to: string }[];
  improvements: { region_code: string; rule: string }[];
  duplicates: { region_code: string; year: number; files: string[] }[];
  rejected: { file: string; error: { message: string; line: number; column: number; problems: unknown[] } }[];
}

async function review(root: string, ...args: string[]): Promise<{ status: number; doc: ReviewJson; stderr: string }> {
  const run = await cli('review', root, '--format', 'json', ...args);
  return { status: run.status, doc: JSON.parse(run.stdout), stderr: run.stderr };
}

describe('plancheck review over a folder of 22 submissions across two years', () => {
  let root: string;
  let result: { status: number; doc: ReviewJson; stderr: string };
  beforeAll(async () => {
    root = writeReviewFixture();
    result = await review(root);
  });

  test('finds every submission in the folders below, and the numbers add up', () => {
    expect(result.doc.counts).toEqual({ found: 22, evaluated: 21, rejected: 1 });
    expect(result.doc.bureaus).toHaveLength(21);
  });

  test('a malformed file is listed with its error and exits 2; the others are all evaluated', () => {
    expect(result.status).toBe(2);
    expect(result.doc.rejected).toEqual([{ file: join(root, '2024', 'counties', '430199-broken.yaml'), sha256: expect.any(String), error: expect.objectContaining({ line: 6, column: 25, message: expect.stringContaining('93 有歧义'), problems: [expect.objectContaining({ line: 6, column: 25 })] }) }]);
    expect(result.stderr).toContain('430199-broken.yaml:6:25');
  });

  test('the matrix has a row per bureau-year, sorted by bureau then year, with each rule\'s status', () => {
    const rows = result.doc.bureaus.map((b) => `${b.bureau.region_code} ${b.year}`);
    expect(rows.slice(0, 4)).toEqual(['430100 2023', '430100 2024', '430102 2023', '430102 2024']);
    const row = (code: string, year: number) => result.doc.bureaus.filter((b) => b.bureau.region_code === code && b.year === year);
    expect(row('430102', 2024)[0].statuses['HN-32-collective-study']).toBe('fail');
    expect(row('430102', 2023)[0].statuses['HN-32-collective-study']).toBe('pass');
    expect(row('430108', 2023)[0].statuses['HN-32-law-lectures']).toBe('missing_data');
    expect(row('430106', 2024)).toHaveLength(2);
    expect(Object.keys(result.doc.bureaus[0].statuses)).toEqual(RULE_IDS);
  });

  test('per-rule counts come most-failed first', () => {
    const counts = result.doc.rule_counts;
    expect(counts[0]).toMatchObject({ rule: 'HN-12-archived', fail: 3 });
    expect(counts.slice(1, 4).map((c) => [c.rule, c.fail])).toEqual([
      ['HN-07-online-handling-rate', 2],
      ['HN-31-budget', 2],
      ['HN-32-collective-study', 2],
    ]);
    expect(counts.every((c, i) => i === 0 || counts[i - 1].fail >= c.fail)).toBe(true);
  });

  test('year over year: regressions and improvements by bureau and rule, the duplicate bureau-year left out', () => {
    expect(result.doc.regressions.map((r) => `${r.region_code} ${r.rule} ${r.from_year}→${r.to_year}`)).toEqual([
      '430102 HN-32-collective-study 2023→2024',
      '430105 HN-31-budget 2023→2024',
      '430105 HN-32-collective-study 2023→2024',
      '430107 HN-12-archived 2023→2024',
      '430201 HN-07-online-handling-rate 2023→2024',
    ]);
    expect(result.doc.regressions[0]).toMatchObject({ bureau: FIXTURE_NAME('430102'), from: 'pass', to: 'fail' });
    expect(result.doc.improvements.map((r) => `${r.region_code} ${r.rule}`)).toEqual(['430103 HN-07-online-handling-rate']);
    expect(result.doc.duplicates).toEqual([{ bureau: FIXTURE_NAME('430106'), region_code: '430106', year: 2024, files: [join(root, '2024', 'counties', '430106-resubmitted.yaml'), join(root, '2024', 'counties', '430106.yaml')] }]);
  });

  test('the table lists regressions before improvements and ends with the counts', async () => {
    const { stdout } = await cli('review', root);
    expect(stdout.indexOf('退步')).toBeLessThan(stdout.indexOf('进步'));
    expect(stdout).toContain(`✗ ${FIXTURE_NAME('430102')} (430102) · HN-32-collective-study · 2023 → 2024 · 通过 → 不通过`);
    expect(stdout).toMatch(/430199-broken\.yaml \(1 个问题\):\n {6}第 6 行第 25 列[^\n]*93 有歧义/);
    expect(stdout.trim().split('\n').pop()).toBe('找到 22 个文件:已评估 21 个,无法读取 1 个');
  });

  test.each([
    [['--level', 'city'], ['430100 2023', '430100 2024', '430200 2023', '430200 2024']],
    [['--region', '4302'], ['430200 2023', '430200 2024', '430201 2023', '430201 2024']],
    [['--status', 'fail', '--region', '43010'], ['430102 2024', '430103 2023', '430104 2023', '430104 2024', '430105 2024', '430106 2024', '430107 2024']],
  ])('filters %j', async (args, rows) => {
    const { doc } = await review(root, ...args);
    expect(doc.bureaus.map((b) => `${b.bureau.region_code} ${b.year}`)).toEqual(rows);
    expect(doc.counts.found).toBe(22);
  });

  test('filter by rule: only those columns, and the changes in them', async () => {
    const { doc } = await review(root, '--rule', 'HN-31-budget,HN-12-archived');
    expect(doc.rules.map((r) => r.id)).toEqual(['HN-12-archived', 'HN-31-budget']);
    expect(Object.keys(doc.bureaus[0].statuses)).toEqual(['HN-12-archived', 'HN-31-budget']);
    expect(doc.regressions.map((r) => `${r.region_code} ${r.rule}`)).toEqual(['430105 HN-31-budget', '430107 HN-12-archived']);
  });

  test('--status with a status that does not exist is a command-line error', async () => {
    const run = await cli('review', root, '--status', 'failed');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--status 的取值 "failed" 无效');
  });

  test('the CSV is the matrix alone, one table: a row per bureau-year and one for the rejected file; the roll-up is a CSV of its own', async () => {
    const { stdout } = await cli('review', root, '--format', 'csv');
    expect(stdout.charCodeAt(0)).toBe(0xfeff);
    const records = csvRows(stdout.slice(1)).map((r) => r.fields);
    expect(records).toHaveLength(1 + 21 + 1);
    expect(records.every((r) => r.length === records[0].length)).toBe(true);
    expect(records.filter((r) => r.every((cell) => cell === ''))).toEqual([]);
    const cities = await cli('review', root, '--format', 'csv', '--by', 'city');
    expect(cities.stdout).toMatch(/^\uFEFF年度,市州代码,市州,指标编号/);
  });

  test('the compiled bin with two worker threads gives the same JSON as one thread', () => {
    const two = bin(['review', root, '--format', 'json', '--jobs', '2']);
    const one = bin(['review', root, '--format', 'json', '--jobs', '1']);
    expect(two.status).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout).counts).toEqual({ found: 22, evaluated: 21, rejected: 1 });
  });

  test('no progress bar when standard error is not a terminal', () => {
    const run = bin(['review', root, '--format', 'json']);
    expect(run.stderr).not.toContain('plancheck [');
  });
});
