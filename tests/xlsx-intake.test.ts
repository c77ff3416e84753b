import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { stringify } from 'yaml';
import { schemaFieldsOf } from '../src/intake/schema-labels';
import { checkJson, cli, CITY_ALL_MET, EXAMPLES, PROVINCE, readYaml, ROOT, tempDir, writeTemp, type Data } from './helpers';

const FIELDS = schemaFieldsOf('submission.schema.json');
const COUNTY = join(EXAMPLES, 'county-2024-with-failures.yaml');
const SUBMISSIONS = [
  { level: 'province', file: PROVINCE },
  { level: 'city', file: CITY_ALL_MET },
  { level: 'county', file: COUNTY },
] as const;

async function template(level: string, year = 2024): Promise<string> {
  const out = join(tempDir(), `模板-${level}.xlsx`);
  const run = await cli('template', '--level', level, '--year', String(year), '--format', 'xlsx', '--out', out);
  expect(run.status).toBe(0);
  return out;
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function at(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Data)[key] : undefined), data);
}

function setAt(data: Data, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = data;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Data;
  node[keys[keys.length - 1]] = value;
}

/** How a person types a value into a cell, varied as people vary: the ways Excel may hold the same value. */
class Typist {
  private dates = 0;
  private flags = 0;
  private rates = 0;

  cell(general: string, value: unknown): ExcelJS.CellValue {
    const field = FIELDS.get(general);
    const zh = field?.enumZh?.[String(value)]?.[0];
    if (zh) return zh; // from the drop-down: 县级, 行政处罚
    if (typeof value === 'object' && value !== null && 'not_required' in value) return `不需要:${String((value as Data).not_required)}`;
    if (typeof value === 'boolean') return this.flags++ % 3 === 0 ? value : value ? '是' : '否'; // TRUE/FALSE or 是/否
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      const date = new Date(`${value}T00:00:00Z`);
      // A date cell, mostly; now and then the serial number Excel keeps under it.
      return this.dates++ % 4 === 3 ? date.getTime() / 86_400_000 + 25569 : date;
    }
    if (typeof value === 'string' && /%$/.test(value) && field?.kind === 'rate') {
      // 85% typed into a percent cell is the ratio 0.85; now and then it is typed as the text 85%.
      return this.rates++ % 3 === 2 ? value : Number((Number(value.slice(0, -1)) / 100).toPrecision(12));
    }
    return value as ExcelJS.CellValue;
  }
}

/**
 * Fills a template workbook from a submission's data as a clerk would, and returns the data it holds, as the YAML
 * equivalent: what a field cannot hold in a cell (a `{ not_required: … }`) is left out of both.
 */
async function fill(templateFile: string, data: Data, out: string): Promise<Data> {
  const workbook = await open(templateFile);
  const typist = new Typist();
  const equivalent: Data = {};
  const basic = workbook.getWorksheet('基本数据')!;
  basic.eachRow((row, n) => {
    if (n === 1) return;
    const path = String(row.getCell(1).value);
    const written = at(data, path);
    if (written === undefined || written === null) return;
    const sourced = typeof written === 'object' && 'value' in (written as Data) ? (written as { value: unknown; source?: string }) : undefined;
    const value = sourced ? sourced.value : written;
    if (typeof value === 'object') return;
    row.getCell(4).value = typist.cell(path, value);
    if (sourced?.source) row.getCell(5).value = sourced.source;
    setAt(equivalent, path, written);
  });
  for (const sheet of workbook.worksheets.slice(2)) {
    const names = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const list = { 新设证明事项: 'functions.new_certification_items', 规范性文件: 'normative_documents.items', 重大行政决策: 'major_decisions.items', 执法决定: 'enforcement.decisions' }[sheet.name]!;
    const records = at(data, list) as Data[] | undefined;
    if (!Array.isArray(records)) continue;
    if (records.length === 0) sheet.getCell('A3').value = '无';
    const kept = records.map((record, i) => {
      const copy: Data = {};
      names.forEach((name, column) => {
        const value = at(record, name);
        const notRequired = typeof value === 'object' && value !== null && 'not_required' in value;
        if (value === undefined || value === null || (typeof value === 'object' && !notRequired)) return;
        sheet.getRow(3 + i).getCell(column + 1).value = typist.cell(`${list}[].${name}`, value);
        setAt(copy, name, value);
      });
      return copy;
    });
    setAt(equivalent, list, kept);
  }
  await workbook.xlsx.writeFile(out);
  return equivalent;
}

function statuses(submission: { findings: { rule: string; status: string }[] }): Record<string, string> {
  return Object.fromEntries(submission.findings.map((f) => [f.rule, f.status]));
}

describe('check reads a filled-in workbook as it reads YAML', () => {
  test.each(SUBMISSIONS)('a $level workbook filled as a clerk would gives the statuses of the same data in YAML', async ({ level, file }) => {
    const dir = tempDir();
    const workbook = join(dir, `${level}.xlsx`);
    const equivalent = await fill(await template(level), readYaml(file), workbook);
    const yaml = writeTemp(`${level}.yaml`, stringify(equivalent), dir);
    const fromXlsx = await checkJson([workbook]);
    const fromYaml = await checkJson([yaml]);
    expect(fromXlsx.submissions[0].error).toBeNull();
    expect(fromXlsx.stderr).toBe(fromYaml.stderr);
    expect(statuses(fromXlsx.submissions[0])).toEqual(statuses(fromYaml.submissions[0]));
    expect(fromXlsx.status).toBe(fromYaml.status);
    // The comparison means something: the data were read, not all missing.
    expect(Object.values(statuses(fromXlsx.submissions[0]))).toContain('pass');
  });

  test('a failing value read from a percent cell is told as the YAML tells it, with its cell as evidence', async () => {
    const dir = tempDir();
    const workbook = join(dir, 'county.xlsx');
    await fill(await template('county'), readYaml(COUNTY), workbook);
    const { submissions, status } = await checkJson([workbook]);
    expect(status).toBe(1);
    const online = submissions[0].findings.find((f) => f.rule === 'HN-07-online-handling-rate')!;
    expect(online.status).toBe('fail');
    expect(online.message.zh).toBe('人社服务事项网上可办率:实际 85%,要求 ≥ 90%,未达到');
    expect(online.evidence[0]).toMatchObject({ field: 'services.online_handling_rate', sheet: '基本数据' });
    expect((online.evidence[0] as { cell?: string }).cell).toMatch(/^D\d+$/);
    const late = submissions[0].findings.find((f) => f.rule === 'HN-16-disclosure-7-workdays')!;
    expect(late.status).toBe('fail');
    // A source written in column E is the evidence's source, as `{ value, source }` is in YAML.
    const followup = submissions[0].findings.find((f) => f.rule === 'HN-07-bad-review-followup')!;
    expect(followup.evidence[0]).toMatchObject({ source: '县政务服务中心好差评台账 2024年12月', sheet: '基本数据' });
    // The late decision is the first record: row 3 of 执法决定, its publication date in column D.
    expect(late.evidence.find((e) => e.field === 'enforcement.decisions[0].published_on')).toMatchObject({ sheet: '执法决定', cell: 'D3' });
  });

  test('an unfilled template gives only missing data and what does not apply: exit 3', async () => {
    for (const { level } of SUBMISSIONS) {
      const { submissions, status } = await checkJson([await template(level)]);
      expect(submissions[0].error).toBeNull();
      expect(new Set(submissions[0].findings.map((f) => f.status))).toEqual(new Set(['missing_data', 'not_applicable']));
      expect(status).toBe(3);
    }
  });
});

describe('review reads workbooks beside YAML files', () => {
  test('a filled workbook is evaluated, a broken one rejected, and the YAML beside them still reviewed', async () => {
    const dir = tempDir();
    await fill(await template('county'), readYaml(COUNTY), join(dir, '示例县.xlsx'));
    const broken = await open(join(dir, '示例县.xlsx'));
    broken.getWorksheet('执法决定')!.name = '执法';
    await broken.xlsx.writeFile(join(dir, '改过的.xlsx'));
    writeTemp('示范市.yaml', stringify(readYaml(CITY_ALL_MET)), dir);
    const run = await cli('review', dir, '--format', 'json');
    const document = JSON.parse(run.stdout) as { counts: Record<string, number>; rejected: { file: string; error: { sheet?: string; cell?: string } }[] };
    expect(document.counts).toEqual({ found: 3, evaluated: 2, rejected: 1 });
    expect(document.rejected[0].file).toContain('改过的.xlsx');
    expect(document.rejected[0].error).toMatchObject({ sheet: '执法', cell: 'A1' });
    expect(run.status).toBe(2);
  });
});

describe('a workbook that is not a template, or whose layout was broken, is refused with its cell', () => {
  async function broken(edit: (workbook: ExcelJS.Workbook) => void): Promise<string> {
    const dir = tempDir();
    const file = join(dir, 'broken.xlsx');
    await fill(await template('county'), readYaml(COUNTY), file);
    const workbook = await open(file);
    edit(workbook);
    await workbook.xlsx.writeFile(file);
    return file;
  }

  async function refused(file: string): Promise<string> {
    const run = await cli('check', file, CITY_ALL_MET, '--format', 'json');
    expect(run.status).toBe(2);
    const document = JSON.parse(run.stdout) as { submissions: { file: string; error: unknown; findings: { status: string }[] }[] };
    // The other file of the run is still evaluated.
    const other = document.submissions.find((s) => s.file.endsWith('city-2024-all-met.yaml'))!;
    expect(other.error).toBeNull();
    expect(other.findings.length).toBeGreaterThan(0);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
    return run.stderr;
  }

  test('a renamed sheet', async () => {
    const file = await broken((workbook) => {
      workbook.getWorksheet('执法决定')!.name = '执法决定书';
    });
    expect(await refused(file)).toContain('broken.xlsx:执法决定书!A1: 工作表“执法决定书”不是报送表中的工作表(是否改过名称?)');
  });

  test('a column whose field name in row 1 was changed', async () => {
    const file = await broken((workbook) => {
      workbook.getWorksheet('执法决定')!.getCell('C1').value = 'decided';
    });
    expect(await refused(file)).toContain('broken.xlsx:执法决定!C1: 工作表“执法决定”第 1 行(隐藏的字段名行)的“decided”不是这类记录的字段:请勿修改第 1 行');
  });

  test('a word not in a drop-down list: the list is said in its Chinese words, as the clerk picks them', async () => {
    const file = await broken((workbook) => {
      workbook.getWorksheet('基本数据')!.getCell('D3').value = '区级';
    });
    const stderr = await refused(file);
    expect(stderr).toContain('broken.xlsx:基本数据!D3: 单位层级“区级”不是可选的写法(应为:省级、市级、县级 之一(从下拉列表中选择))');
    expect(stderr).not.toContain('county');
  });

  test('a text in a date cell', async () => {
    const file = await broken((workbook) => {
      workbook.getWorksheet('执法决定')!.getCell('C4').value = '去年三月';
    });
    expect(await refused(file)).toMatch(/broken\.xlsx:执法决定!C4: .*日期/);
  });

  test('无 in a record sheet that has records under it', async () => {
    const file = await broken((workbook) => {
      const sheet = workbook.getWorksheet('执法决定')!;
      sheet.spliceRows(3, 0, ['无']);
    });
    expect(await refused(file)).toContain('broken.xlsx:执法决定!A4: 第 3 行第一格写了“无”(本年度没有此类记录),下面却又填了记录');
  });

  test('the messages in English with --lang en', async () => {
    const file = await broken((workbook) => {
      workbook.getWorksheet('执法决定')!.name = 'Sheet9';
    });
    const run = await cli('check', file, '--lang', 'en');
    expect(run.status).toBe(2);
    expect(run.stdout + run.stderr).toContain('Sheet9!A1: Sheet “Sheet9” is no sheet of the template (was it renamed?)');
  });

  test('a workbook that is no plancheck template at all', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').getCell('A1').value = '网上可办率';
    const file = join(tempDir(), '别的表.xlsx');
    await workbook.xlsx.writeFile(file);
    expect(await refused(file)).toContain('别的表.xlsx:Sheet1!A1: 这不是 plancheck 的报送表:没有“基本数据”工作表');
  });
});

describe('exceljs loads only when a workbook is read or written', () => {
  /** The packages the built bin loaded for a command (tests/fixtures/loaded-modules.js records them). */
  function packagesLoadedBy(...args: string[]): string[] {
    const out = join(tempDir(), 'loaded.txt');
    spawnSync(process.execPath, ['-r', join(__dirname, 'fixtures', 'loaded-modules.js'), join(ROOT, 'dist', 'cli', 'main.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PLANCHECK_LOADED: out } });
    return readFileSync(out, 'utf8').split('\n').filter((f) => f.includes('/node_modules/')).map((f) => f.split('/node_modules/').pop()?.split('/')[0] ?? '');
  }

  test('a check of YAML and a YAML template load none of it; a check of a workbook does', async () => {
    expect(packagesLoadedBy('check', CITY_ALL_MET)).not.toContain('exceljs');
    expect(packagesLoadedBy('template', '--level', 'city', '--year', '2024')).not.toContain('exceljs');
    const workbook = await template('city');
    expect(packagesLoadedBy('check', workbook)).toContain('exceljs');
  });
});
