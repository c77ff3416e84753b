import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { bin, cli, DELETE, writeTemp } from './helpers';
import { FIXTURE_NAME, fixtureSubmission, RULE_IDS, ruleNo, writeFolder, writeReviewFixture } from './review-fixture';

interface RuleCountJson {
  rule: string;
  fail: number;
  missing_data: number;
  waived: number;
  years: ({ year: number } & Record<string, number>)[];
}

async function reviewJson(...args: string[]): Promise<{ status: number; doc: { rule_counts: RuleCountJson[]; bureaus: { file: string; year: number; statuses: Record<string, string> }[]; counts: Record<string, number>; rejected: { file: string; error: { problems: unknown[] } }[]; paths?: { path: string; message: string }[]; waivers?: Record<string, unknown> } }> {
  const run = await cli('review', ...args, '--format', 'json');
  return { status: run.status, doc: JSON.parse(run.stdout) };
}

const ARCHIVED_MISSED = { 'major_decisions.items.0.archived': false };
const WAIVERS = (expires: string): string => `waivers:
  - id: W-1
    rule: HN-12-archived
    bureau: "430104"
    year: 2024
    justification: 档案馆搬迁
    approver: 省厅法规处
    approval_document: 湘人社函〔2024〕1号
    expires: ${expires}
`;

describe('per-target counts: bureaus per reporting year', () => {
  // 430104 misses the archive in 2023 and in 2024, and sent 2024 twice (both files miss it); 430107 misses it in 2024.
  let root: string;
  beforeAll(() => {
    root = writeFolder({
      '2023/430104.yaml': fixtureSubmission('430104', 'county', 2023, ARCHIVED_MISSED),
      '2024/430104.yaml': fixtureSubmission('430104', 'county', 2024, ARCHIVED_MISSED),
      '2024/430104-更正.yaml': fixtureSubmission('430104', 'county', 2024, { ...ARCHIVED_MISSED, 'training.law_lectures': DELETE }),
      '2024/430107.yaml': fixtureSubmission('430107', 'county', 2024, ARCHIVED_MISSED),
    });
  });

  test('a bureau that sent one year twice is counted once that year, by the worse result; per-year figures beside', async () => {
    const { doc } = await reviewJson(root);
    const archived = doc.rule_counts.find((c) => c.rule === 'HN-12-archived') as RuleCountJson;
    expect(archived.fail).toBe(3);
    expect(archived.years.map((y) => [y.year, y.fail])).toEqual([[2023, 1], [2024, 2]]);
    // Only the corrected file lacks the lectures: the bureau-year counts as lacking them, once.
    expect(doc.rule_counts.find((c) => c.rule === 'HN-32-law-lectures')).toMatchObject({ missing_data: 1, years: [{ year: 2023, missing_data: 0 }, { year: 2024, missing_data: 1 }] });
  });

  test('the table says what is counted, names the duplicate it counted once, and shows a column per year', async () => {
    const { stdout } = await cli('review', root);
    expect(stdout).toContain('各指标不通过的单位数(按报送年度计,同一单位同一年度只计一次;由多到少):');
    expect(stdout).toMatch(new RegExp(` 2023 年 2024 年 {4}合计 指标\n {8}1 {7}2 {7}3 +${ruleNo('HN-12-archived')} HN-12-archived`));
    expect(stdout).toContain(`重复报送只计一次,按其中较差的结果:${FIXTURE_NAME('430104')} 2024(430104-更正.yaml、430104.yaml)`);
  });

  test('--year keeps the reporting years named (repeated or comma-separated)', async () => {
    const one = await reviewJson(root, '--year', '2024');
    expect(one.doc.bureaus.map((b) => b.year)).toEqual([2024, 2024, 2024]);
    expect(one.doc.rule_counts.find((c) => c.rule === 'HN-12-archived')).toMatchObject({ fail: 2, years: [{ year: 2024, fail: 2 }] });
    const both = await reviewJson(root, '--year', '2023,2024');
    expect(both.doc.bureaus).toHaveLength(4);
    expect((await reviewJson(root, '--year', '2023', '--year', '2024')).doc.bureaus).toHaveLength(4);
    const table = (await cli('review', root, '--year', '2024')).stdout;
    expect(table).not.toContain('2023 年');
    const bad = await cli('review', root, '--year', '24');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--year 的取值 "24" 无效,应为 四位数的年度,如 2024');
  });
});

describe('the matrix', () => {
  let root: string;
  beforeAll(() => {
    root = writeReviewFixture();
  });

  test('a 缺数据 column beside 不通过; numbers of three cells so that 9, 10 and 11 stay apart', async () => {
    const lines = (await cli('review', root)).stdout.split('\n');
    const header = lines.find((l) => l.startsWith('单位 ')) as string;
    expect(header).toMatch(/不通过 缺数据 +1  2  3  4  5  6  7  8  9 10 11 12/);
    expect(header).toMatch(new RegExp(` ${RULE_IDS.length - 1} ${RULE_IDS.length}$`));
    const lacking = lines.find((l) => l.startsWith('审查测试430108') && l.includes('2023')) as string;
    expect(lacking).toMatch(/2023 {2}0 {6}1 /);
  });

  test('names drop the common suffix (a note says so), long ones end in "…"; duplicate rows name their file', async () => {
    const folder = writeFolder({ 'a.yaml': fixtureSubmission('433127', 'county', 2024, { 'bureau.name': '湘西土家族苗族自治州永顺县人力资源和社会保障局' }) });
    const { stdout } = await cli('review', folder);
    expect(stdout).toContain('单位名称略去末尾的“人力资源和社会保障局”,过长的名称以“…”截断');
    expect(stdout).toMatch(/\n湘西土家族苗族自治州… {2}433127 /);
    const fixture = (await cli('review', root)).stdout;
    expect(fixture).toMatch(/\n审查测试430106 {9}430106 .*重复报送:430106-resubmitted\.yaml\n/);
    expect(fixture).toMatch(/\n审查测试430106 {9}430106 .*重复报送:430106\.yaml\n/);
    const markdown = (await cli('review', root, '--format', 'markdown')).stdout;
    expect(markdown).toContain(`| ${FIXTURE_NAME('430106')}<br>重复报送:430106-resubmitted.yaml | 430106 | 县级 | 2024 |`);
  });

  test('--rule: 不通过 counts only the columns shown, and a column keeps its number in the pack', async () => {
    const { stdout } = await cli('review', root, '--rule', 'HN-32-collective-study');
    const lines = stdout.split('\n');
    expect(lines.find((l) => l.startsWith('单位 '))).toMatch(new RegExp(`缺数据 +${ruleNo('HN-32-collective-study')}$`));
    // 430105 misses the budget and the collective study in 2024: only the study is shown.
    expect(lines.find((l) => l.startsWith('审查测试430105') && l.includes('2024'))).toMatch(/2024 {2}1 {6}0 {8}✗$/);
    const markdown = (await cli('review', root, '--status', 'fail', '--format', 'markdown')).stdout;
    const failing = ['HN-07-online-handling-rate', 'HN-12-archived', 'HN-31-budget', 'HN-32-collective-study'].map(ruleNo).sort((a, b) => a - b);
    expect(markdown).toContain(`| 单位 | 区划代码 | 层级 | 年度 | 不通过 | 缺数据 | ${failing.join(' | ')} |`);
  });

  test('the Markdown per-target counts are in Chinese, with a column of failures per year', async () => {
    const markdown = (await cli('review', root, '--format', 'markdown')).stdout;
    expect(markdown).toContain('| 指标 | 不通过 | 警告 | 缺数据 | 通过 | 不适用 | 不通过 2023 年 | 不通过 2024 年 |');
    expect(markdown).toContain(`| ${ruleNo('HN-12-archived')} HN-12-archived | 3 | 0 | 0 | 17 | 0 | 1 | 2 |`);
    expect(markdown).not.toMatch(/missing_data|not_applicable|\| warn/);
  });

  test.each(['table', 'csv', 'markdown', 'html', 'json'])('%s: two runs give identical bytes', async (format) => {
    const first = await cli('review', root, '--format', format);
    expect(first.stdout.length).toBeGreaterThan(1000);
    expect((await cli('review', root, '--format', format)).stdout).toBe(first.stdout);
  });
});

describe('exit status and the verdict line', () => {
  test('3 when nothing fails but data is missing, and the summary says so in words; --exit-zero gives 0', async () => {
    const root = writeFolder({ '430108.yaml': fixtureSubmission('430108', 'county', 2023, { 'training.law_lectures': DELETE }) });
    const run = await cli('review', root);
    expect(run.status).toBe(3);
    expect(run.stdout).toContain('资料不全:缺 1 项数据,无法判断是否达标');
    expect((await cli('review', root, '--format', 'json')).status).toBe(3);
    expect((await cli('review', root, '--exit-zero')).status).toBe(0);
    // The missing target filtered out: nothing is missing among what is shown.
    expect((await cli('review', root, '--rule', 'HN-12-archived')).status).toBe(0);
  });

  test('1 when a target shown fails, 0 with --exit-zero; 0 and 全部达标 when all is met', async () => {
    const root = writeFolder({ 'a.yaml': fixtureSubmission('430104', 'county', 2024, ARCHIVED_MISSED) });
    const failing = await cli('review', root);
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('未达标:1 项不通过');
    expect((await cli('review', root, '--exit-zero')).status).toBe(0);
    expect((await cli('review', root, '--rule', 'HN-31-budget')).status).toBe(0);
    const clean = await cli('review', writeFolder({ 'b.yaml': fixtureSubmission('430100', 'city', 2024) }));
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain('全部达标:没有不通过的指标,也不缺数据');
  });

  test('--exit-zero does not hide an unreadable file', async () => {
    const root = writeFolder({ 'a.yaml': fixtureSubmission('430100', 'city', 2024), 'bad.yaml': 'bureau: [\n' });
    expect((await cli('review', root, '--exit-zero')).status).toBe(2);
  });
});

describe('review --waivers', () => {
  let root: string;
  beforeAll(() => {
    root = writeFolder({
      '2024/430104.yaml': fixtureSubmission('430104', 'county', 2024, ARCHIVED_MISSED),
      '2024/430107.yaml': fixtureSubmission('430107', 'county', 2024, ARCHIVED_MISSED),
    });
  });

  test('a waived failure counts as waived in the matrix and the counts, judged on the last day of the reporting year', async () => {
    const file = writeTemp('waivers.yaml', WAIVERS('2024-12-31'));
    const { status, doc } = await reviewJson(root, '--waivers', file);
    expect(status).toBe(1);
    expect(doc.bureaus.map((b) => b.statuses['HN-12-archived'])).toEqual(['waived', 'fail']);
    expect(doc.rule_counts.find((c) => c.rule === 'HN-12-archived')).toMatchObject({ fail: 1, waived: 1 });
    expect(doc.waivers).toMatchObject({ file, applied: ['W-1'], expired: [], unused: [] });
    const table = (await cli('review', root, '--waivers', file)).stdout;
    expect(table).toMatch(new RegExp(`\n审查测试430104 +430104 +2024 {2}0 {6}0 {6}( {2}[✓–]){${ruleNo('HN-12-archived') - 1}} {2}~ `));
    expect(table).toContain(`豁免文件 ${file}:已应用 1 项,已过期 0 项,未使用 0 项`);
  });

  test('--waiver-date judges on another day: after expiry, the failure stays', async () => {
    const file = writeTemp('waivers.yaml', WAIVERS('2024-12-31'));
    const { doc } = await reviewJson(root, '--waivers', file, '--waiver-date', '2025-01-15');
    expect(doc.bureaus.map((b) => b.statuses['HN-12-archived'])).toEqual(['fail', 'fail']);
    expect(doc.waivers).toMatchObject({ applied: [], expired: ['W-1'] });
    const bad = await cli('review', root, '--waivers', file, '--waiver-date', '15.01.2025');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--waiver-date 应为 YYYY-MM-DD 格式的日期');
  });

  test('the compiled bin applies them in its worker threads as in one thread', () => {
    const file = writeTemp('waivers.yaml', WAIVERS('2024-12-31'));
    const two = bin(['review', root, '--format', 'json', '--waivers', file, '--jobs', '2']);
    const one = bin(['review', root, '--format', 'json', '--waivers', file, '--jobs', '1']);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout).bureaus.map((b: { statuses: Record<string, string> }) => b.statuses['HN-12-archived'])).toEqual(['waived', 'fail']);
  });

  test('waivers from all bureaus leave the last one clean: exit 0', async () => {
    const file = writeTemp('waivers.yaml', `${WAIVERS('2025-06-30')}${WAIVERS('2025-06-30').replace('waivers:\n', '').replace('W-1', 'W-2').replace('"430104"', '"430107"')}`);
    expect((await cli('review', root, '--waivers', file)).status).toBe(0);
  });

  test('a bad waiver file: named once above its problems, a closing line, exit 2, the review still shown', async () => {
    const file = writeTemp('badw.yaml', WAIVERS('2024-12-31').replace('    approver: 省厅法规处\n', '').replace('rule: HN-12-archived', 'rule: HN-12-archive'));
    const run = await cli('review', root, '--waivers', file);
    expect(run.status).toBe(2);
    expect(run.stdout.split(`✗ 无法读取 ${file}`)).toHaveLength(2);
    expect(run.stdout).toContain('豁免第 1 条缺少必填项“批准单位”:请写上 approver');
    const lines = run.stdout.trim().split('\n');
    expect(lines[lines.length - 2]).toBe(`✗ 无法读取:${file};本报告的结果没有用到这些文件`);
    expect(run.stdout).toContain('审查测试430104');
  });
});

describe('files and folders that give nothing to review', () => {
  test('every problem of a rejected file, in the table, Markdown, HTML and JSON', async () => {
    const root = writeFolder({ 'a.yaml': fixtureSubmission('430100', 'city', 2024), 'typos.yaml': 'bureau:\n  name: 某县人力资源和社会保障局\n  level: 县\nyear: 2024年\n' });
    const table = (await cli('review', root)).stdout;
    expect(table).toContain(`✗ ${join(root, 'typos.yaml')} (2 个问题):`);
    expect(table).toMatch(/\n {6}第 3 行第 10 列[^\n]*县[^\n]*\n {6}第 4 行第 7 列[^\n]*年度/);
    for (const format of ['markdown', 'html']) {
      const out = (await cli('review', root, '--format', format)).stdout;
      expect(out).toContain('第 3 行第 10 列');
      expect(out).toContain('第 4 行第 7 列');
    }
    const { doc } = await reviewJson(root);
    expect(doc.rejected[0].error.problems).toHaveLength(2);
  });

  test('an empty folder is its own notice, not a rejected file; a missing folder is not a file found', async () => {
    const root = writeFolder({ '2024/a.yaml': fixtureSubmission('430100', 'city', 2024) });
    mkdirSync(join(root, 'empty'));
    const missing = join(root, 'nowhere');
    const run = await cli('review', join(root, '2024'), join(root, 'empty'), missing);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`没有找到报送文件的路径(不计入文件数):\n  ! ${join(root, 'empty')}: 文件夹中没有报送文件或年度报告(.yaml、.yml、.json、.xlsx、.txt、.docx、.pdf、.html 或 .htm)\n  ! ${missing}: 找不到该文件或文件夹`);
    expect(run.stdout).not.toContain('无法读取的文件');
    expect(run.stdout.trim().split('\n').pop()).toBe('找到 1 个文件:已评估 1 个,无法读取 0 个');
    const { doc } = await reviewJson(join(root, 'empty'), missing, join(root, '2024'));
    expect(doc.counts).toEqual({ found: 1, evaluated: 1, rejected: 0 });
    expect(doc.rejected).toEqual([]);
    expect(doc.paths?.map((p) => p.path)).toEqual([join(root, 'empty'), missing]);
  });

  test('the review header names the rule pack', async () => {
    const { stdout } = await cli('review', writeFolder({ 'a.yaml': fixtureSubmission('430100', 'city', 2024) }));
    expect(stdout.split('\n')[0]).toBe('plancheck 0.1.0 · 规则包 hunan-hrss-fazhi-2022-2025 1.0.0');
  });
});
