import { parse as parseCsv } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, EXAMPLES, tempDir, writeTemp, type JsonSubmission } from './helpers';

const COUNTY = join(EXAMPLES, 'county-2024-with-failures.yaml');
const ALL_EXAMPLES = ['examples'];

async function jsonOf(...args: string[]): Promise<{ submissions: JsonSubmission[] } & Record<string, unknown>> {
  return JSON.parse((await cli('check', ...args, '--format', 'json')).stdout);
}

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('Markdown', () => {
  test('its tables render on GitHub and hold the same findings as the JSON', async () => {
    const markdown = (await cli('check', ...ALL_EXAMPLES, '--format', 'markdown')).stdout;
    const json = await jsonOf(...ALL_EXAMPLES);
    // Parse the finding tables back: | status | item | rule | title | severity | found | required | quote | message | evidence |
    const rows = markdown
      .split('\n')
      .filter((line) => /^\| \S+ \S+ \| \(.+?\) \| HN-/.test(line))
      .map((line) => line.slice(2, -2).split(/ (?<!\\)\| /));
    const expected = json.submissions.flatMap((s) => s.findings);
    expect(rows).toHaveLength(expected.length);
    for (const cells of rows) expect(cells).toHaveLength(10);
    const severities: Record<string, string> = { critical: '关键', major: '重要', minor: '一般' };
    const bySeverity = rows.map((cells) => `${cells[2]}|${cells[4]}`).sort();
    expect(bySeverity).toEqual(expected.map((f) => `${f.rule}|${severities[(f as unknown as { severity: string }).severity]}`).sort());
    const byRuleAndFile = rows.map((cells) => `${cells[2]}|${cells[0]}`).sort();
    const labels: Record<string, string> = { pass: '✓ 通过', fail: '✗ 不通过', warn: '! 警告', pending: '… 待到期', not_applicable: '– 不适用', missing_data: '? 缺数据' };
    expect(byRuleAndFile).toEqual(expected.map((f) => `${f.rule}|${labels[f.status]}`).sort());
    // GitHub renders a table when its first row is followed by a separator row with as many columns.
    const lines = markdown.split('\n');
    lines.forEach((line, i) => {
      if (!line.startsWith('|') || lines[i - 1]?.startsWith('|')) return;
      const columns = line.split(/(?<!\\)\|/).length;
      expect(lines[i + 1]).toMatch(/^\|(---\|)+$/);
      expect(lines[i + 1].split('|').length).toBe(columns);
    });
  });

  test('heads each submission with the bureau and year, the file below; the calendars in Chinese words', async () => {
    const markdown = (await cli('check', COUNTY, '--format', 'markdown')).stdout;
    expect(markdown).toContain(`## 示例县人力资源和社会保障局 2024 年度\n\n县级 · 文件 ${COUNTY}\n`);
    expect(markdown).not.toContain(`## ${COUNTY}`);
    expect(markdown).toMatch(/\| 节假日安排 \| 2024 年:国办发明电〔2023〕7号\(chinese-days \d+\.\d+\.\d+ 数据\)/);
  });

  test('escapes what would break a table cell', async () => {
    const { cell } = await import('../src/report/kit/markdown');
    expect(cell('a | b\nc <d>')).toBe('a \\| b<br>c &lt;d&gt;');
  });
});

describe('CSV', () => {
  test('one row per (submission, rule), UTF-8 with a BOM, parsing back to the JSON findings', async () => {
    const run = await cli('check', ...ALL_EXAMPLES, '--format', 'csv');
    expect(run.stdout.charCodeAt(0)).toBe(0xfeff);
    const all = parseCsv(run.stdout, { bom: true, columns: true }) as Record<string, string>[];
    const json = await jsonOf(...ALL_EXAMPLES);
    const findings = json.submissions.flatMap((s) => s.findings.map((f) => ({ file: s.file, ...f })));
    // A submission that could not be read has one row, with status code error.
    expect(all).toHaveLength(findings.length + json.submissions.filter((s) => s.error).length);
    const records = all.filter((r) => r['状态代码'] !== 'error');
    expect(records).toHaveLength(findings.length);
    records.forEach((record, i) => {
      const finding = findings[i];
      expect(record['文件']).toBe(finding.file);
      expect(record['指标编号']).toBe(finding.rule);
      expect(record['状态代码']).toBe(finding.status);
      expect(record['实际(原值)']).toBe(finding.actual === null ? '' : typeof finding.actual === 'object' ? JSON.stringify(finding.actual) : String(finding.actual));
      expect(record['条目']).toBe((finding as unknown as { citation: { clause: string } }).citation.clause);
      expect(record['原文']).toBe((finding as unknown as { citation: { quote: string } }).citation.quote);
      expect(record['证据'].split('\n').filter(Boolean)).toHaveLength(finding.evidence.length);
      expect(record['工具']).toBe('plancheck 0.1.0');
    });
  });

  test('a file that cannot be read is a row with status code error, and English headers with --lang en', async () => {
    const broken = writeTemp('broken.yaml', 'bureau: [\n');
    const run = await cli('check', broken, '--format', 'csv', '--lang', 'en');
    expect(run.status).toBe(2);
    const [record] = parseCsv(run.stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(record).toMatchObject({ file: broken, status: 'cannot be read', status_code: 'error' });
    expect(record.message).toContain('YAML syntax error');
  });
});

describe('the table', () => {
  test('shows each finding\'s severity, calls an unreadable file 无法读取, and says in words what the run adds up to', async () => {
    const broken = writeTemp('broken.yaml', 'bureau: [\n');
    const run = await cli('check', COUNTY, broken);
    expect(run.stdout).toContain('✗ 不通过  (十四) HN-14-certified-officers [关键]');
    expect(run.stdout).toContain('(七) HN-07-online-handling-rate [重要]');
    expect(run.stdout).toContain('■ ' + broken + '\n  ✗ 无法读取');
    expect(run.stdout).toContain('合计:2 份报送,已评估 1 份,无法读取 1 份');
    expect(run.stdout).not.toContain('无法评估');
    expect(run.stdout).toContain('未达标:5 项不通过');
  });
});

describe('a folder whose submissions lie in subfolders', () => {
  test('check says so and points to plancheck review', async () => {
    const dir = tempDir();
    writeTemp('county.yaml', readFileSync(COUNTY, 'utf8'), (mkdirSync(join(dir, '2024')), join(dir, '2024')));
    const run = await cli('check', dir);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`文件夹中没有报送文件,但其子文件夹中有 1 个;check 只读所给文件夹本身,请用 plancheck review ${dir} 读取全部子文件夹`);
  });
});

describe('reproducible, with provenance', () => {
  test.each(['table', 'json', 'markdown', 'html', 'csv'])('%s: two runs without --timestamp give identical bytes', async (format) => {
    const first = await cli('check', ...ALL_EXAMPLES, '--format', format);
    const second = await cli('check', ...ALL_EXAMPLES, '--format', format);
    expect(first.stdout.length).toBeGreaterThan(1000);
    expect(second.stdout).toBe(first.stdout);
  });

  test.each(['json', 'markdown', 'html', 'csv'])('%s names the tool, the pack and its sha256, each submission and its sha256, and the calendars', async (format) => {
    const { stdout } = await cli('check', COUNTY, '--format', format);
    const packSha = (await jsonOf(COUNTY) as unknown as { packs: { sha256: string }[] }).packs[0].sha256;
    expect(stdout).toContain('plancheck');
    expect(stdout).toContain('0.1.0');
    expect(stdout).toContain(packSha);
    expect(stdout).toContain(sha256(COUNTY));
    expect(stdout).toContain('2024');
  });

  test('--timestamp adds the run time, and only then', async () => {
    const plain = await jsonOf(COUNTY);
    expect(plain.generated_at).toBeUndefined();
    const stamped = JSON.parse((await cli('check', COUNTY, '--format', 'json', '--timestamp')).stdout);
    expect(Date.now() - Date.parse(stamped.generated_at)).toBeLessThan(60_000);
    expect((await cli('check', COUNTY, '--format', 'markdown', '--timestamp')).stdout).toContain('生成时间');
  });
});

describe('several reports from one run', () => {
  test('--report FORMAT:PATH writes each format, the folders made as needed, beside the standard output', async () => {
    const dir = tempDir();
    const run = await cli('check', COUNTY, '--report', `html:${dir}/out/report.html`, '--report', `json:${dir}/out/findings.json`, '--report', `csv:${dir}/csv/f.csv`, '--report', `markdown:${dir}/f.md`);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('示例县人力资源和社会保障局');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['findings.json', 'report.html']);
    expect(readFileSync(join(dir, 'out', 'findings.json'), 'utf8')).toBe((await cli('check', COUNTY, '--format', 'json')).stdout);
    expect(readFileSync(join(dir, 'out', 'report.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(readFileSync(join(dir, 'csv', 'f.csv'), 'utf8').charCodeAt(0)).toBe(0xfeff);
    expect(readFileSync(join(dir, 'f.md'), 'utf8')).toContain('# 法治建设指标检查报告');
  });

  test('a malformed --report, or one aimed at an input, is refused with exit 2', async () => {
    const bad = await cli('check', COUNTY, '--report', 'pdf:out.pdf');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--report 的写法应为 格式:路径');
    const overInput = await cli('check', COUNTY, '--report', `html:${COUNTY}`);
    expect(overInput.status).toBe(2);
    expect(overInput.stderr).toContain('输出文件不能是输入文件之一');
    const overSource = await cli('check', COUNTY, '--report', 'json:rules/hunan-hrss-2022-2025/source.txt');
    expect(overSource.status).toBe(2);
    expect(readFileSync('rules/hunan-hrss-2022-2025/source.txt', 'utf8')).toContain('湖南省人力资源和社会保障法治建设');
  });
});

describe('waivers', () => {
  const WAIVERS = `# yaml-language-server: $schema=../schemas/waivers.schema.json
waivers:
  - id: W-2024-01
    rule: HN-07-online-handling-rate
    bureau: 示例县人力资源和社会保障局
    year: 2024
    justification: 县级政务服务平台迁移期间部分事项暂停网上办理
    approver: 湖南省人力资源和社会保障厅法规处
    approval_document: 湘人社函〔2024〕88号
    expires: 2025-06-30
  - id: W-2024-02
    rule: HN-32-collective-study
    bureau: "439921"
    justification: 疫情期间集体学法改为个人自学
    approver: 湖南省人力资源和社会保障厅法规处
    approval_document: 湘人社函〔2023〕12号
    expires: 2024-06-30
  - id: W-2024-03
    rule: HN-31-budget
    bureau: 示例县人力资源和社会保障局
    justification: 预算调整
    approver: 县财政局
    approval_document: 示财预〔2024〕3号
    expires: 2025-12-31
  - id: W-2024-04
    rule: HN-07-online-handling-rate
    bureau: 不存在县人力资源和社会保障局
    justification: 无
    approver: 无
    approval_document: 无
    expires: 2025-12-31
`;

  test('applied, expired and unused, in the JSON', async () => {
    const file = writeTemp('waivers.yaml', WAIVERS);
    const run = await cli('check', COUNTY, '--waivers', file, '--format', 'json');
    const doc = JSON.parse(run.stdout);
    const findings = doc.submissions[0].findings as { rule: string; status: string; waiver?: Record<string, string> }[];
    const online = findings.find((f) => f.rule === 'HN-07-online-handling-rate');
    expect(online).toMatchObject({ status: 'waived', waiver: { id: 'W-2024-01', state: 'applied', would_be: 'fail', approval_document: '湘人社函〔2024〕88号', expires: '2025-06-30', judged_on: '2024-12-31' } });
    const study = findings.find((f) => f.rule === 'HN-32-collective-study');
    expect(study).toMatchObject({ status: 'fail', waiver: { id: 'W-2024-02', state: 'expired' } });
    expect(doc.submissions[0].summary).toMatchObject({ fail: 4, waived: 1 });
    expect(doc.waivers).toEqual({ file, sha256: sha256(file), applied: ['W-2024-01'], expired: ['W-2024-02'], unused: [{ id: 'W-2024-03', rule: 'HN-31-budget', bureau: '示例县人力资源和社会保障局' }, { id: 'W-2024-04', rule: 'HN-07-online-handling-rate', bureau: '不存在县人力资源和社会保障局' }] });
    expect(run.status).toBe(1);
  });

  test('the table says what the waived finding would have been, and that the other waiver expired', async () => {
    const file = writeTemp('waivers.yaml', WAIVERS);
    const { stdout } = await cli('check', COUNTY, '--waivers', file);
    expect(stdout).toContain('~ 已豁免  (七) HN-07-online-handling-rate');
    expect(stdout).toContain('原为不通过,已豁免:W-2024-01(湘人社函〔2024〕88号,湖南省人力资源和社会保障厅法规处,有效期至 2025-06-30)');
    expect(stdout).toContain('豁免 W-2024-02 已于 2024-06-30 到期(按 2024-12-31 判断),不再适用');
    expect(stdout).toContain('未使用的豁免: W-2024-03, W-2024-04');
  });

  test('--waiver-date judges expiry on another date; a waived failure no longer fails the run', async () => {
    const file = writeTemp('waivers.yaml', WAIVERS);
    const doc = JSON.parse((await cli('check', COUNTY, '--waivers', file, '--waiver-date', '2024-06-01', '--format', 'json')).stdout);
    const study = doc.submissions[0].findings.find((f: { rule: string }) => f.rule === 'HN-32-collective-study');
    expect(study).toMatchObject({ status: 'waived', waiver: { judged_on: '2024-06-01' } });
    const onlyOnline = writeTemp('w.yaml', WAIVERS.split('  - id: W-2024-02')[0]);
    const all = await cli('check', join(EXAMPLES, 'city-2024-all-met.yaml'), '--waivers', onlyOnline);
    expect(all.status).toBe(0);
  });

  test('the HTML and Markdown show the waiver and the unused ones', async () => {
    const file = writeTemp('waivers.yaml', WAIVERS);
    const html = (await cli('check', COUNTY, '--waivers', file, '--format', 'html')).stdout;
    expect(html).toContain('data-status="waived" data-rule="HN-07-online-handling-rate"');
    expect(html).toContain('未使用的豁免');
    const md = (await cli('check', COUNTY, '--waivers', file, '--format', 'markdown', '--lang', 'en')).stdout;
    expect(md).toContain('would fail; waived by W-2024-01');
    expect(md).toContain('## Unused waivers');
  });

  test('a waiver without its justification is refused: exit 2, its place and what is missing', async () => {
    const file = writeTemp('waivers.yaml', WAIVERS.replace('    justification: 预算调整\n', ''));
    const run = await cli('check', COUNTY, '--waivers', file);
    expect(run.status).toBe(2);
    // The waiver schema names its fields for a person, as the submission schema does.
    expect(run.stdout).toContain('第 18 行第 5 列: 豁免第 3 条缺少必填项“豁免理由”:请写上 justification');
    expect(run.stdout).toContain('应为: 该指标无法达到的理由');
    const en = await cli('check', COUNTY, '--waivers', file, '--lang', 'en', '--format', 'json');
    expect(en.stderr).toContain(`${file}:18:5 waivers[2].justification: Waiver 3: the required field Justification (justification) is missing`);
  });

  test('a waiver that expires on 31 December holds for that year\'s report compiled in January, unless --waiver-date says otherwise', async () => {
    const file = writeTemp('waivers.yaml', WAIVERS.replace('expires: 2024-06-30', 'expires: 2024-12-31'));
    const judged = JSON.parse((await cli('check', COUNTY, '--waivers', file, '--format', 'json')).stdout);
    const study = judged.submissions[0].findings.find((f: { rule: string }) => f.rule === 'HN-32-collective-study');
    // as_of is 2025-01-10, but the data covers 2024: the waiver is judged on 2024-12-31, the last day it covers.
    expect(study).toMatchObject({ status: 'waived', waiver: { id: 'W-2024-02', state: 'applied', judged_on: '2024-12-31' } });
    const onTheDay = JSON.parse((await cli('check', COUNTY, '--waivers', file, '--waiver-date', '2025-01-10', '--format', 'json')).stdout);
    expect(onTheDay.submissions[0].findings.find((f: { rule: string }) => f.rule === 'HN-32-collective-study')).toMatchObject({ status: 'fail', waiver: { state: 'expired', judged_on: '2025-01-10' } });
    // A report compiled before the year ends is judged on its as_of.
    const early = writeTemp('early.yaml', readFileSync(COUNTY, 'utf8').replace('as_of: 2025-01-10', 'as_of: 2024-11-30'));
    const earlyDoc = JSON.parse((await cli('check', early, '--waivers', file, '--format', 'json')).stdout);
    expect(earlyDoc.submissions[0].findings.find((f: { rule: string }) => f.rule === 'HN-07-online-handling-rate').waiver.judged_on).toBe('2024-11-30');
  });

  test('a bad waiver file: its problems once under one heading, and a closing line that says the report is without it', async () => {
    const file = writeTemp('badw.yaml', WAIVERS.replace('    justification: 预算调整\n', '').replace('    approver: 无\n', ''));
    const run = await cli('check', COUNTY, '--waivers', file);
    expect(run.status).toBe(2);
    expect(run.stdout.split(`✗ 无法读取 ${file}`)).toHaveLength(2);
    const head = run.stdout.split('\n').slice(0, 8).join('\n');
    expect(head).toContain('豁免第 3 条缺少必填项“豁免理由”');
    expect(head).toContain('豁免第 4 条缺少必填项“批准单位”');
    expect(run.stdout.trim().split('\n').pop()).toBe(`✗ 无法读取:${file};本报告的结果没有用到这些文件`);
  });

  test('a waiver for a rule no pack has is refused', async () => {
    const file = writeTemp('waivers.yaml', WAIVERS.replace('rule: HN-31-budget', 'rule: HN-31-budgett'));
    const run = await cli('check', COUNTY, '--waivers', file);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('豁免 W-2024-03 针对的规则 HN-31-budgett 不在所用规则包中');
  });
});
