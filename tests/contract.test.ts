import { spawnSync } from 'node:child_process';
import { loadPack } from '../src/pack/load';
import { BUNDLED_PACK } from '../src/core/paths';
import { bin, cli, ROOT, SPEC_EXAMPLE } from './helpers';

const STATUSES = ['pass', 'fail', 'warn', 'pending', 'not_applicable', 'missing_data', 'waived'];

describe('plancheck check --format json on the contract\'s reference submission', () => {
  let stdout: string;
  let status: number;
  beforeAll(() => {
    ({ stdout, status } = bin(['check', SPEC_EXAMPLE, '--format', 'json']));
  });

  test('is one document of the contract\'s shape, keys in its order, then the provenance', () => {
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['tool', 'packs', 'submissions', 'calendars']);
    // The working-day counts of a 2023 submission whose deadlines reach no further than 2023.
    expect(doc.calendars).toEqual([{ year: 2023, source: expect.stringMatching(/^国办发明电〔2022〕16号 \(chinese-days@\d+\.\d+\.\d+\)$/) }]);
    expect(doc.tool).toEqual({ name: 'plancheck', version: '0.1.0' });
    expect(doc.packs).toEqual([{ id: 'hunan-hrss-fazhi-2022-2025', version: '1.0.0', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    const [submission] = doc.submissions;
    expect(Object.keys(submission)).toEqual(['file', 'sha256', 'bureau', 'year', 'summary', 'findings', 'error', 'notices']);
    expect(submission.file).toBe(SPEC_EXAMPLE);
    expect(submission.bureau).toEqual({ name: '示例市人力资源和社会保障局', level: 'city', region_code: '439900' });
    expect(submission.year).toBe(2023);
    expect(Object.keys(submission.summary)).toEqual(STATUSES);
    // The reference file predates the rules added in 2026-12: their fields are missing data, never a pass.
    expect(submission.summary).toEqual({ pass: 29, fail: 2, warn: 1, pending: 0, not_applicable: 1, missing_data: 36, waived: 0 });
    expect(submission.error).toBeNull();
  });

  test('has one finding per rule of the pack, in the pack\'s order, each with the contract\'s fields', () => {
    const [submission] = JSON.parse(stdout).submissions;
    expect(submission.findings.map((f: { rule: string }) => f.rule)).toEqual(loadPack(BUNDLED_PACK).rules.map((r) => r.id));
    for (const finding of submission.findings) {
      expect(Object.keys(finding).slice(0, 7)).toEqual(['rule', 'status', 'actual', 'expected', 'message', 'citation', 'evidence']);
      expect(finding.pack).toBe('hunan-hrss-fazhi-2022-2025');
      expect(STATUSES).toContain(finding.status);
      expect(Object.keys(finding.expected)).toEqual(['operator', 'value', 'unit']);
      expect(Object.keys(finding.message)).toEqual(['zh', 'en']);
      expect(finding.citation).toEqual(expect.objectContaining({ document: '《湖南省人力资源和社会保障法治建设实施方案(2022—2025年)》', clause: expect.stringMatching(/^\(.+\)$/), quote: expect.any(String) }));
    }
    const online = submission.findings.find((f: { rule: string }) => f.rule === 'HN-07-online-handling-rate');
    expect(online).toMatchObject({ status: 'pass', actual: 0.935, expected: { operator: '>=', value: 0.9, unit: 'ratio' }, citation: { clause: '(七)', quote: '市县级人社服务事项网上可办率不低于90%' } });
  });

  test('exits 1 (it holds failures) and two runs give identical bytes', () => {
    expect(status).toBe(1);
    expect(bin(['check', SPEC_EXAMPLE, '--format', 'json']).stdout).toBe(stdout);
  });
});

describe('the bin as a user runs it', () => {
  test('a folder gives every *.yaml, *.yml and *.json in it, sorted, with paths as named', () => {
    const { status, stdout } = bin(['check', 'examples', '--format', 'json']);
    expect(status).toBe(1);
    expect(JSON.parse(stdout).submissions.map((s: { file: string }) => s.file)).toEqual([
      'examples/city-2023.yaml',
      'examples/city-2024-all-met.yaml',
      'examples/county-2024-with-failures.yaml',
      'examples/province-2024.yaml',
    ]);
  });

  test('a broken file exits 2 with its place and no stack trace', () => {
    const { status, stdout, stderr } = bin(['check', 'tests/fixtures/broken-rate.yaml', 'examples/city-2024-all-met.yaml', '--lang', 'en']);
    expect(status).toBe(2);
    expect(stdout).toContain('line 9, column 25: Online handling rate: the rate 95 is ambiguous');
    expect(stdout).toContain('(services.online_handling_rate)');
    expect(stdout).toContain('示范市人力资源和社会保障局');
    expect(stderr).toBe('');
  });

  test('npm start checks the bundled examples, prints their findings in Chinese and exits 0', () => {
    const run = spawnSync('npm', ['start', '--silent'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('■ examples/county-2024-with-failures.yaml');
    expect(run.stdout).toContain('✗ 不通过  (十六) HN-16-disclosure-7-workdays');
    expect(run.stdout).toContain('合计:4 份报送,已评估 4 份,无法读取 0 份');
  });

  test('the table puts failures first, each with clause, quote and evidence', async () => {
    const { stdout } = await cli('check', 'examples/county-2024-with-failures.yaml');
    const lines = stdout.split('\n');
    const firstPass = lines.findIndex((l) => l.includes('✓ 通过'));
    const lastFail = lines.map((l) => l.includes('✗ 不通过')).lastIndexOf(true);
    expect(lastFail).toBeLessThan(firstPass);
    expect(stdout).toContain('通过 57 · 不通过 5 · 警告 0 · 待到期 1 · 不适用 5 · 缺数据 1 · 已豁免 0');
    expect(stdout).toContain('原文: “征求意见期限一般不少于30日”');
    expect(stdout).toContain('XQ-MD-2024-01 · 第 51 行: 征求意见 2024-05-06 至 2024-06-04,共 29 日,要求 ≥ 30 日(起算日 2024-05-06 当天不计入期限,见《民法典》第二百零一条;满 30 日的截止日应不早于 2024-06-05),且未说明缩短理由');
  });
});
