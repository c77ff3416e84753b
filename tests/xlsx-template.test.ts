import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cli, tempDir } from './helpers';

const LEVELS = ['province', 'city', 'county'] as const;

async function templateFile(level: string, year: number, name = `模板-${level}-${year}.xlsx`): Promise<string> {
  const out = join(tempDir(), name);
  const run = await cli('template', '--level', level, '--year', String(year), '--format', 'xlsx', '--out', out);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return out;
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The rows of 基本数据 by the field path in column A. */
function basicRows(workbook: ExcelJS.Workbook): Map<string, ExcelJS.Row> {
  const sheet = workbook.getWorksheet('基本数据')!;
  const rows = new Map<string, ExcelJS.Row>();
  sheet.eachRow((row, n) => {
    if (n > 1) rows.set(String(row.getCell(1).value), row);
  });
  return rows;
}

describe('plancheck template --format xlsx: the workbook a clerk fills in', () => {
  test('基本数据 holds the basic fields first, then every scalar field the rules read, with label and requirement', async () => {
    const workbook = await open(await templateFile('county', 2024));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['说明', '基本数据', '新设证明事项', '规范性文件', '重大行政决策', '执法决定']);
    const sheet = workbook.getWorksheet('基本数据')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '字段路径', '指标(字段)', '条款与要求', '填报值', '出处(选填)']);
    expect([2, 3, 4, 5, 6].map((n) => sheet.getRow(n).getCell(1).value)).toEqual(['bureau.name', 'bureau.level', 'bureau.region_code', 'year', 'as_of']);
    // The level and year asked for are filled in, as the drop-down's word and a number; the rest is empty.
    expect(sheet.getCell('D3').value).toBe('县级');
    expect(sheet.getCell('D5').value).toBe(2024);
    const rows = basicRows(workbook);
    const online = rows.get('services.online_handling_rate')!;
    expect(online.getCell(2).value).toBe('网上可办率');
    expect(online.getCell(3).value).toBe('(七) 人社服务事项网上可办率:要求 ≥ 90%');
    expect(online.getCell(4).value).toBeNull();
    expect(online.getCell(4).numFmt).toBe('0.0%');
    // Only the fields a county's rules read: not the province's gold mediation organisations.
    expect([...rows.keys()].some((path) => path.includes('gold_mediation'))).toBe(false);
    const province = basicRows(await open(await templateFile('province', 2024)));
    expect([...province.keys()].some((path) => path.includes('gold_mediation'))).toBe(true);
    expect(province.has('services.online_handling_rate')).toBe(false);
    // Frozen header, labels locked and value cells open.
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(online.getCell(2).protection?.locked).not.toBe(false);
    expect(online.getCell(4).protection).toMatchObject({ locked: false });
    expect(sheet.getColumn(3).width).toBeGreaterThan(20);
    // The field paths and the records' field names are for the reader: hidden, the Chinese shown.
    expect(sheet.getColumn(1).hidden).toBe(true);
    expect(sheet.getColumn(2).hidden).toBe(false);
    const decisions = workbook.getWorksheet('执法决定')!;
    expect(decisions.getRow(1).hidden).toBe(true);
    expect(decisions.getRow(2).hidden).toBe(false);
  });

  test('the cells check what is typed: 是/否, the levels, the decision types, dates and whole numbers, in Chinese', async () => {
    const workbook = await open(await templateFile('county', 2024));
    const rows = basicRows(workbook);
    const flag = rows.get('functions.power_list_published')!.getCell(4).dataValidation;
    expect(flag).toMatchObject({ type: 'list', formulae: ['"是,否"'], showErrorMessage: true, error: '只能填写:是、否' });
    expect(rows.get('bureau.level')!.getCell(4).dataValidation).toMatchObject({ type: 'list', formulae: ['"省级,市级,县级"'] });
    expect(rows.get('as_of')!.getCell(4).dataValidation).toMatchObject({ type: 'date', prompt: '填写日期,如 2024-03-01' });
    expect(rows.get('as_of')!.getCell(4).numFmt).toBe('yyyy-mm-dd');
    expect(rows.get('enforcement.officers_total')!.getCell(4).dataValidation).toMatchObject({ type: 'whole', error: '请填写 0 或正整数,不带单位' });
    const decisions = workbook.getWorksheet('执法决定')!;
    expect(decisions.getRow(1).values).toEqual([undefined, 'id', 'type', 'decided_on', 'published_on', 'withheld_under']);
    expect(decisions.getRow(2).values).toEqual([undefined, '决定书文号(必填)', '决定类别(必填)', '决定日期(必填)', '公开日期', '依法不予公开的依据']);
    expect(decisions.getCell('B3').dataValidation).toMatchObject({ type: 'list', formulae: ['"行政许可,行政处罚,行政检查,其他"'] });
    expect(decisions.getCell('C3').dataValidation).toMatchObject({ type: 'date' });
    expect(decisions.getCell('C3').numFmt).toBe('yyyy-mm-dd');
    expect(decisions.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const guide = workbook.getWorksheet('说明')!;
    const text: string[] = [];
    guide.eachRow((row) => text.push(String(row.getCell(1).value)));
    expect(text[0]).toBe('法治人社建设年度数据报送表:县级 · 2024 年度');
    expect(text.join('\n')).toContain('在第 3 行第一格填写“无”');
    // Chinese first: no English word in what the clerk reads (the tool's command, and a pack's identifier, aside).
    expect(text.filter((line) => !line.startsWith('规则包:')).join('\n').replace(/plancheck[^\n]*/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });

  test('every level has its template, and the same request gives the same bytes', async () => {
    for (const level of LEVELS) {
      const first = readFileSync(await templateFile(level, 2024, 'a.xlsx'));
      await new Promise((done) => setTimeout(done, 1100)); // the clock moves on: no date of the run may be in the file
      const second = readFileSync(await templateFile(level, 2024, 'b.xlsx'));
      expect(second.equals(first)).toBe(true);
      expect(first.subarray(0, 2).toString()).toBe('PK');
    }
  });
});
