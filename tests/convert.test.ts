import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { stringify } from 'yaml';
import { loadWrittenSubmission } from '../src/submission/load';
import { checkJson, cli, CITY_ALL_MET, EXAMPLES, ROOT, SPEC_EXAMPLE, tempDir, writeTemp, type Data } from './helpers';

/**
 * `plancheck convert`: a submission from YAML to a workbook and back, every field kept (`source` included), the
 * converted file checking to the same findings; what cannot be converted as written is refused with its place.
 */

const COUNTY = join(EXAMPLES, 'county-2024-with-failures.yaml');
const SUBMISSIONS = [
  ...['city-2023.yaml', 'city-2024-all-met.yaml', 'county-2024-with-failures.yaml', 'province-2024.yaml'].map((name) => join(EXAMPLES, name)),
  SPEC_EXAMPLE,
  join(ROOT, 'rules', 'cn-national-baseline', 'tests', 'bases', 'city-2024.yaml'),
];

async function convert(file: string, to: 'yaml' | 'xlsx', out: string, ...args: string[]): Promise<string> {
  const run = await cli('convert', file, '--to', to, '--out', out, ...args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return out;
}

/** The data as written, after the reader's own steps (old names read as new, blanks dropped): what must survive. */
async function written(file: string): Promise<Data> {
  return (await loadWrittenSubmission(file)).written;
}

/** Each finding as a reader compares it: rule, status, what was found, what was required, the message, the records. */
async function findings(file: string): Promise<{ status: number; findings: unknown[] }> {
  const { status, submissions } = await checkJson([file]);
  return { status, findings: submissions[0].findings.map((f) => ({ rule: f.rule, status: f.status, actual: f.actual, expected: f.expected, message: f.message, records: f.evidence.map((e) => [e.record, e.detail, e.source]) })) };
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The row of 基本数据 that holds a field. */
function basicRow(workbook: ExcelJS.Workbook, path: string): ExcelJS.Row {
  const sheet = workbook.getWorksheet('基本数据')!;
  for (let row = 2; row <= sheet.rowCount; row++) if (sheet.getRow(row).getCell(1).value === path) return sheet.getRow(row);
  throw new Error(`no row for ${path}`);
}

describe('YAML → xlsx → YAML keeps every field and the findings', () => {
  test.each(SUBMISSIONS.map((file) => [basename(file), file]))('%s', async (_name, file) => {
    const dir = tempDir();
    const workbook = await convert(file, 'xlsx', join(dir, 'converted.xlsx'));
    const back = await convert(workbook, 'yaml', join(dir, 'back.yaml'));
    const original = await written(file);
    expect(await written(workbook)).toEqual(original);
    expect(await written(back)).toEqual(original);
    const expected = await findings(file);
    expect(await findings(workbook)).toEqual(expected);
    expect(await findings(back)).toEqual(expected);
  });
});

describe('what a workbook holds after conversion', () => {
  let workbook: ExcelJS.Workbook;
  const dir = tempDir();
  const file = writeTemp(
    'sourced.yaml',
    stringify({
      bureau: { name: '样例县人力资源和社会保障局', level: 'county', region_code: '430121' },
      year: 2024,
      as_of: '2025-01-10',
      services: { online_handling_rate: { value: '93.50%', source: '2024年度报告 一、(三)' }, one_window_rate: 0.935, bad_review_followup_rate: '100%' },
      normative_documents: { items: [] },
      enforcement: {
        decisions: [
          { id: { value: '长人社罚〔2024〕3号', source: '执法台账 第12行' }, type: 'penalty', decided_on: '2024-03-01', published_on: { value: '2024-03-08', source: '门户网站 2024-03-08 公告' } },
        ],
      },
      major_decisions: { items: [{ id: 'D1', title: '养老服务补贴办法', expert_review: { not_required: '不涉及专业技术问题' } }] },
    }),
    dir,
  );

  beforeAll(async () => {
    workbook = await open(await convert(file, 'xlsx', join(dir, 'sourced.xlsx')));
  });

  test('a percentage is a percent-formatted number showing its decimals; a ratio stays a ratio', () => {
    const rate = basicRow(workbook, 'services.online_handling_rate');
    expect(rate.getCell(4).value).toBe(0.935);
    expect(rate.getCell(4).numFmt).toBe('0.00%');
    expect(rate.getCell(5).value).toBe('2024年度报告 一、(三)');
    expect(basicRow(workbook, 'services.one_window_rate').getCell(4).value).toBe(0.935);
    expect(basicRow(workbook, 'services.one_window_rate').getCell(4).numFmt ?? 'General').toBe('General');
    expect(basicRow(workbook, 'services.bad_review_followup_rate').getCell(4).value).toBe(1);
    expect(basicRow(workbook, 'services.bad_review_followup_rate').getCell(4).numFmt).toBe('0%');
  });

  test('the level is its Chinese word, the date a date cell, the region code text', () => {
    expect(basicRow(workbook, 'bureau.level').getCell(4).value).toBe('县级');
    expect(basicRow(workbook, 'as_of').getCell(4).value).toEqual(new Date(Date.UTC(2025, 0, 10)));
    expect(basicRow(workbook, 'bureau.region_code').getCell(4).value).toBe('430121');
  });

  test('a record field keeps its source as the note of its cell; an empty list says 无', () => {
    const sheet = workbook.getWorksheet('执法决定')!;
    const names = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (name: string): ExcelJS.Cell => sheet.getRow(3).getCell(names.indexOf(name) + 1);
    expect(cell('id').value).toBe('长人社罚〔2024〕3号');
    expect(cell('id').note).toBe('出处:执法台账 第12行');
    expect(cell('type').value).toBe('行政处罚');
    expect(cell('published_on').value).toEqual(new Date(Date.UTC(2024, 2, 8)));
    expect(cell('published_on').note).toBe('出处:门户网站 2024-03-08 公告');
    expect(workbook.getWorksheet('规范性文件')!.getRow(3).getCell(1).value).toBe('无');
  });

  test('a procedure not required by law is 不需要:理由', () => {
    const sheet = workbook.getWorksheet('重大行政决策')!;
    const names = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(sheet.getRow(3).getCell(names.indexOf('expert_review') + 1).value).toBe('不需要:不涉及专业技术问题');
  });

  test('read back, every value and source is as written', async () => {
    expect(await written(join(dir, 'sourced.xlsx'))).toEqual(await written(file));
    const back = await convert(join(dir, 'sourced.xlsx'), 'yaml', join(dir, 'sourced.back.yaml'));
    expect(await written(back)).toEqual(await written(file));
    const text = readFileSync(back, 'utf8');
    expect(text).toContain('online_handling_rate: { value: 93.50%, source: 2024年度报告 一、(三) }');
    expect(text).toContain('由 plancheck convert 从 sourced.xlsx 转换而来');
  });

  test('a source a clerk adds in Excel as a note (出处:…) is read as the source of that value', async () => {
    const sheet = workbook.getWorksheet('执法决定')!;
    const names = (sheet.getRow(1).values as unknown[]).slice(1);
    sheet.getRow(3).getCell(names.indexOf('decided_on') + 1).note = '出处: 处罚决定书 存档号 17';
    const edited = join(dir, 'noted.xlsx');
    await workbook.xlsx.writeFile(edited);
    const data = await written(edited);
    expect((data.enforcement as { decisions: Data[] }).decisions[0].decided_on).toEqual({ value: '2024-03-01', source: '处罚决定书 存档号 17' });
  });
});

describe('same inputs, same bytes', () => {
  test('converting twice writes identical workbooks and identical YAML', async () => {
    const dir = tempDir();
    const [a, b] = [await convert(COUNTY, 'xlsx', join(dir, 'a.xlsx')), await convert(COUNTY, 'xlsx', join(dir, 'b.xlsx'))];
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const [c, d] = [await convert(a, 'yaml', join(dir, 'c.yaml')), await convert(b, 'yaml', join(dir, 'd.yaml'))];
    expect(readFileSync(c, 'utf8')).toBe(readFileSync(d, 'utf8').replace('b.xlsx', 'a.xlsx'));
  });
});

describe('what cannot be converted as written is refused, exit 2', () => {
  test('a submission the schema refuses: its line and the field in Chinese, nothing written', async () => {
    const dir = tempDir();
    const file = writeTemp('bad.yaml', readFileSync(CITY_ALL_MET, 'utf8').replace(/online_handling_rate: .*/, 'online_handling_rate: 很高'), dir);
    const out = join(dir, 'out.xlsx');
    const run = await cli('convert', file, '--to', 'xlsx', '--out', out);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bad\.yaml:\d+:\d+: .*网上可办率/);
    expect(() => statSync(out)).toThrow();
  });

  test('a number with more digits than a cell keeps', async () => {
    const dir = tempDir();
    const file = writeTemp('long.yaml', readFileSync(CITY_ALL_MET, 'utf8').replace(/online_handling_rate: .*/, 'online_handling_rate: 0.89999999999999999999'), dir);
    const run = await cli('convert', file, '--to', 'xlsx', '--out', join(dir, 'out.xlsx'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/long\.yaml:\d+:\d+: 数值 0\.89999999999999999999 的位数超出 Excel 单元格能保存的精度/);
  });

  test('the output is never the input', async () => {
    const dir = tempDir();
    const file = writeTemp('same.yaml', readFileSync(CITY_ALL_MET, 'utf8'), dir);
    const before = readFileSync(file, 'utf8');
    const run = await cli('convert', file, '--to', 'yaml', '--out', file);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('same.yaml');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  test('a workbook is not written to a terminal', async () => {
    const run = await cli('convert', CITY_ALL_MET, '--to', 'xlsx');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('工作簿不能显示在终端上:请用 --out 指定要写入的文件');
  });

  test('a format it cannot convert to, in Chinese; in English with --lang en', async () => {
    const zh = await cli('convert', CITY_ALL_MET, '--to', 'pdf');
    expect(zh.status).toBe(2);
    expect(zh.stderr).toMatch(/plancheck: 命令行有误:.*pdf.*yaml、xlsx/);
    const en = await cli('convert', CITY_ALL_MET, '--to', 'pdf', '--lang', 'en');
    expect(en.stderr).toMatch(/plancheck: command line error: .*pdf/);
  });

  test('a broken workbook: the cell and what is wrong, in English with --lang en', async () => {
    const dir = tempDir();
    const good = await open(await convert(COUNTY, 'xlsx', join(dir, 'good.xlsx')));
    basicRow(good, 'services.online_handling_rate').getCell(4).value = '很高';
    const broken = join(dir, 'broken.xlsx');
    await good.xlsx.writeFile(broken);
    const zh = await cli('convert', broken, '--to', 'yaml', '--out', join(dir, 'x.yaml'));
    expect(zh.status).toBe(2);
    expect(zh.stderr).toMatch(/broken\.xlsx:基本数据!D\d+: .*网上可办率/);
    const en = await cli('convert', broken, '--to', 'yaml', '--out', join(dir, 'x.yaml'), '--lang', 'en');
    expect(en.stderr).toMatch(/broken\.xlsx:基本数据!D\d+ services\.online_handling_rate: Online handling rate: "很高" is not a rate/);
  });

  test('a file not there', async () => {
    const run = await cli('convert', join(tempDir(), 'none.yaml'), '--to', 'xlsx', '--out', join(tempDir(), 'x.xlsx'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/none\.yaml: /);
  });
});

describe('a report workbook beside the submissions is skipped with a note, not refused', () => {
  test('check and review over a folder that holds their own .xlsx reports', async () => {
    const dir = tempDir();
    const folder = join(dir, '报送');
    mkdirSync(folder, { recursive: true });
    copyFileSync(CITY_ALL_MET, join(folder, '市.yaml'));
    await convert(COUNTY, 'xlsx', join(folder, '县.xlsx'));
    expect((await cli('check', folder, '--format', 'xlsx', '--out', join(folder, '检查结果.xlsx'))).status).toBe(1);
    expect((await cli('review', folder, '--format', 'xlsx', '--out', join(folder, '审查.xlsx'))).status).toBe(1);
    const run = await cli('review', folder, '--format', 'json');
    expect(run.status).toBe(1);
    const document = JSON.parse(run.stdout) as { counts: { found: number; rejected: number } };
    expect(document.counts).toMatchObject({ found: 2, rejected: 0 });
    expect(run.stderr).toContain('检查结果.xlsx: 已跳过:这是 plancheck 生成的 Excel 报告,不是报送');
    expect(run.stderr).toContain('审查.xlsx: 已跳过:这是 plancheck 生成的 Excel 报告,不是报送');
  });
});
