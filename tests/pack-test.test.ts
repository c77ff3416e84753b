import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, tempDir } from './helpers';

/**
 * `plancheck pack test`: cases in the format of docs/pack-tests.md, run against a copy of the Hunan pack with case
 * files written here. What a maintainer sees: a line per case, each mismatch with rule, expected and actual status and
 * the finding's message, the summary line, and exit 0 / 1 / 2.
 */

const HUNAN = join(ROOT, 'rules', 'hunan-hrss-2022-2025');

/** The Hunan pack and its base submissions in a temporary folder, with these case files as its only cases. */
function packWith(files: Record<string, string>): string {
  const dir = join(tempDir(), 'pack');
  mkdirSync(join(dir, 'tests'), { recursive: true });
  for (const name of ['pack.yaml', 'source.txt']) cpSync(join(HUNAN, name), join(dir, name));
  cpSync(join(HUNAN, 'tests', 'bases'), join(dir, 'tests', 'bases'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'tests', name), text);
  return dir;
}

const HEAD = 'base: bases/city-2024-all-met.yaml\ncases:\n';

test('a case that holds and one that does not: each listed, the mismatch explained, exit 1', async () => {
  const dir = packWith({
    'rates.yaml': `${HEAD}  - name: 网上可办率恰为 90%\n    set: { services.online_handling_rate: 90% }\n    expect: { HN-07-online-handling-rate: pass }\n  - name: 写错了期望\n    set: { services.online_handling_rate: 89.9% }\n    expect: { HN-07-online-handling-rate: pass }\n`,
  });
  const file = join(dir, 'tests', 'rates.yaml');
  const run = await cli('pack', 'test', dir);
  expect(run.stdout).toBe(
    [
      '通过    网上可办率恰为 90%',
      `未通过  写错了期望  (${file}:6:11)`,
      '    HN-07-online-handling-rate: 应为 通过,实际 不通过。人社服务事项网上可办率:实际 89.9%,要求 ≥ 90%,未达到',
      '通过 1 个,未通过 1 个',
      '',
    ].join('\n'),
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  const en = await cli('pack', 'test', dir, '--lang', 'en');
  expect(en.stdout).toContain(`FAIL  写错了期望  (${file}:6:11)\n    HN-07-online-handling-rate: expected pass, got fail. `);
  expect(en.stdout.endsWith('\n1 passed, 1 failed\n')).toBe(true);
  expect(en.status).toBe(1);
});

test('others: a rule not named that fails is a mismatch, named with its status', async () => {
  const dir = packWith({
    'others.yaml': `${HEAD}  - name: 改了两处却只说一处\n    set: { services.online_handling_rate: 89.9%, training.law_lectures: 1 }\n    expect: { HN-07-online-handling-rate: fail }\n    others: [pass, not_applicable]\n`,
  });
  const run = await cli('pack', 'test', dir);
  expect(run.stdout).toContain('    HN-32-law-lectures: 应为 通过或不适用,实际 不通过。');
  expect(run.stdout).not.toContain('HN-07-online-handling-rate: 应为');
  expect(run.status).toBe(1);
});

test('message, evidence and detail are held to the finding', async () => {
  const dir = packWith({
    'words.yaml': [
      HEAD.trimEnd(),
      '  - name: 说明、记录与依据都对',
      '    set: { major_decisions.items.0.archived: false }',
      '    expect:',
      '      HN-12-archived: { status: fail, message: SF-MD-2024-01, evidence: [SF-MD-2024-01] }',
      '  - name: 三处都不对',
      '    set: { major_decisions.items.0.archived: false }',
      '    expect:',
      '      HN-12-archived: { status: fail, message: 不存在的字样, evidence: [SF-MD-2099-09], detail: 也不存在 }',
      '',
    ].join('\n'),
  });
  const run = await cli('pack', 'test', dir);
  const lines = run.stdout.split('\n');
  expect(lines[0]).toBe('通过    说明、记录与依据都对');
  expect(lines[1]).toMatch(/^未通过  三处都不对  \(.*words\.yaml:7:11\)$/);
  expect(lines[2]).toMatch(/^    HN-12-archived: 说明中应有“不存在的字样”,实际为:.*SF-MD-2024-01/);
  expect(lines[3]).toMatch(/^    HN-12-archived: 依据记录应为 SF-MD-2099-09,实际为 SF-MD-2024-01。/);
  expect(lines[4]).toMatch(/^    HN-12-archived: 依据中应有“也不存在”。/);
  expect(lines[5]).toBe('通过 1 个,未通过 1 个');
  expect(run.status).toBe(1);
});

test('merge, remove, year and an inline submission build what they say', async () => {
  const dir = packWith({
    'build.yaml': [
      HEAD.trimEnd(),
      '  - name: 深合并:改一个字段,其余保留',
      '    merge: { training: { law_lectures: 1 } }',
      '    expect: { HN-32-law-lectures: fail, HN-32-collective-study: pass }',
      '    others: [pass, not_applicable]',
      '  - name: 删去一个字段即缺数据',
      '    remove: [training.law_lectures]',
      '    expect: { HN-32-law-lectures: missing_data }',
      '  - name: 移到 2025 年,记录随之移动',
      '    year: 2025',
      '    expect: { HN-32-law-lectures: pass, HN-30-annual-report-published: pass }',
      '  - name: 整份报送写在用例中',
      '    submission:',
      '      bureau: { name: 示范县人力资源和社会保障局, level: county, region_code: "439902" }',
      '      year: 2024',
      '      training: { law_lectures: 2 }',
      '    expect: { HN-32-law-lectures: pass, HN-32-court-hearing: missing_data, HN-20-gold-mediation-orgs: not_applicable }',
      '',
    ].join('\n'),
  });
  const run = await cli('pack', 'test', dir, '--lang', 'en');
  expect(run.stdout).toBe(['PASS  深合并:改一个字段,其余保留', 'PASS  删去一个字段即缺数据', 'PASS  移到 2025 年,记录随之移动', 'PASS  整份报送写在用例中', '4 passed, 0 failed', ''].join('\n'));
  expect(run.status).toBe(0);
});

test('a built submission the schema refuses fails its case, with the schema\'s words', async () => {
  const dir = packWith({ 'bad.yaml': `${HEAD}  - name: 比率写成了文字\n    set: { services.online_handling_rate: 很高 }\n    expect: { HN-07-online-handling-rate: pass }\n` });
  const run = await cli('pack', 'test', dir);
  expect(run.stdout).toMatch(/^未通过  比率写成了文字  \(.*bad\.yaml:3:11\)\n    构造出的报送不能检查/);
  expect(run.stdout.trimEnd().endsWith('通过 0 个,未通过 1 个')).toBe(true);
  expect(run.status).toBe(1);
});

describe('a case file that is wrong is refused with its place, exit 2, and no case runs', () => {
  const refused = async (text: string): Promise<{ stderr: string; file: string; stdout: string; status: number }> => {
    const dir = packWith({ 'a-good.yaml': `${HEAD}  - name: 好的\n    expect: { HN-32-law-lectures: pass }\n`, 'wrong.yaml': text });
    const run = await cli('pack', 'test', dir);
    return { ...run, file: join(dir, 'tests', 'wrong.yaml') };
  };

  test('a misspelt rule id, with the id meant', async () => {
    const run = await refused(`${HEAD}  - name: 拼错\n    expect: { HN-32-law-lecture: pass }\n`);
    expect(run.stderr).toBe(`plancheck: ${run.file}:4:15 cases[0].expect.HN-32-law-lecture: 规则包中没有规则 HN-32-law-lecture(是不是 HN-32-law-lectures?)(应为:规则包中的规则编号)\n`);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
  });

  test('an unknown status', async () => {
    const run = await refused(`${HEAD}  - name: 状态写错\n    expect: { HN-32-law-lectures: passed }\n`);
    expect(run.stderr).toMatch(new RegExp(`^plancheck: ${run.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:35`));
    expect(run.stderr).toBe(`plancheck: ${run.file}:4:35 cases[0].expect.HN-32-law-lectures: 取值“passed”不是可选的写法(应为:"pass"、"fail"、"warn"、"pending"、"not_applicable"、"missing_data" 之一)\n`);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
  });

  test('both a base and a whole submission', async () => {
    const run = await refused(`cases:\n  - name: 两者都写\n    base: bases/city-2024-all-met.yaml\n    submission: { year: 2024 }\n    expect: { HN-32-law-lectures: pass }\n`);
    expect(run.stderr).toBe(`plancheck: ${run.file}:4:5 cases[0].submission: 用例“两者都写”既写了 base(基础报送)又写了 submission(完整报送),只能二选一(应为:base 或 submission 之一)\n`);
    expect(run.status).toBe(2);
  });

  test('a case-level base overrides the file\'s, and a submission alone needs no base', async () => {
    const dir = packWith({ 'own.yaml': `cases:\n  - name: 自带基础报送\n    base: bases/province-2024.yaml\n    expect: { HN-32-law-lectures: pass }\n  - name: 整份报送\n    submission: { bureau: { name: 示范县人力资源和社会保障局, level: county, region_code: "439902" }, year: 2024 }\n    expect: { HN-32-law-lectures: missing_data }\n` });
    const run = await cli('pack', 'test', dir, '--lang', 'en');
    expect(run.stdout).toBe('PASS  自带基础报送\nPASS  整份报送\n2 passed, 0 failed\n');
    expect(run.status).toBe(0);
  });

  test('a case with neither base nor submission', async () => {
    const run = await refused(`cases:\n  - name: 什么都没写\n    expect: { HN-32-law-lectures: pass }\n`);
    expect(run.stderr).toContain(`plancheck: ${run.file}:2:11 cases[0].base: 用例“什么都没写”既没有 base(基础报送),也没有 submission(完整报送)`);
    expect(run.status).toBe(2);
  });

  test('a misspelt key of a case', async () => {
    const run = await refused(`${HEAD}  - name: 键写错\n    expcet: { HN-32-law-lectures: pass }\n`);
    expect(run.stderr).toContain(`${run.file}:`);
    expect(run.stderr).toContain('expcet');
    expect(run.status).toBe(2);
  });

  test('a path to remove that is not in the submission', async () => {
    const run = await refused(`${HEAD}  - name: 删不存在的\n    remove: [training.law_lecturez]\n    expect: { HN-32-law-lectures: pass }\n`);
    expect(run.stderr).toBe(`plancheck: ${run.file}:4:14 cases[0].remove[0]: 要删除的 training.law_lecturez 在报送中不存在(是否拼写有误?)\n`);
    expect(run.status).toBe(2);
  });

  test('a base that is not there', async () => {
    const run = await refused(`base: bases/nowhere.yaml\ncases:\n  - name: 没有基础报送\n    expect: { HN-32-law-lectures: pass }\n`);
    expect(run.stderr).toContain(`plancheck: ${run.file}:1:7 base: 无法读取基础报送 bases/nowhere.yaml`);
    expect(run.status).toBe(2);
  });

  test('two cases of one name', async () => {
    const run = await refused(`${HEAD}  - name: 好的\n    expect: { HN-32-law-lectures: pass }\n`);
    expect(run.stderr).toContain(`${run.file}:3:11 cases[0].name: 用例名称“好的”重复`);
    expect(run.status).toBe(2);
  });
});

test('a pack without tests/ has no cases: 0 passed, 0 failed, exit 0', async () => {
  const dir = join(tempDir(), 'bare');
  mkdirSync(dir);
  for (const name of ['pack.yaml', 'source.txt']) cpSync(join(HUNAN, name), join(dir, name));
  const run = await cli('pack', 'test', dir, '--lang', 'en');
  expect(run.stdout).toBe('0 passed, 0 failed\n');
  expect(run.status).toBe(0);
});

test('a pack that cannot be loaded: its problems on standard error, exit 2', async () => {
  const run = await cli('pack', 'test', join(tempDir(), 'no-pack-here'));
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^plancheck: .*no-pack-here/);
  expect(run.status).toBe(2);
});

test('pack and its subcommands have help in Chinese, and in English with --lang en', async () => {
  const zh = await cli('pack', '--help');
  // commander wraps the descriptions at the terminal's width: read them as one line.
  expect(zh.stdout.replace(/\s+/g, ' ')).toContain('运行规则包自带的测试用例');
  expect(zh.stdout).toContain('检查规则包');
  const en = await cli('pack', 'test', '--help', '--lang', 'en');
  expect(en.stdout.replace(/\s+/g, ' ')).toContain("run the test cases in the pack's tests/ folder");
  const missing = await cli('pack', 'test');
  expect(missing.stderr).toContain('缺少规则包(文件夹或其 pack.yaml)');
  expect(missing.status).toBe(2);
});
