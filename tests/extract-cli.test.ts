import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { launchChromium } from './browser/chromium';
import { checkJson, cli, tempDir, type Data } from './helpers';
import { docxOf, FIXTURES, govPage, plainPage, PRINT_STYLES, printPdf, reports, type Report } from './prose/report-files';

/**
 * `plancheck extract REPORT` and `plancheck check REPORT`, as a clerk or a reviewer runs them on a bureau's own
 * report: the draft names the bureau, level and year, writes each figure with its sentence and leaves out what the
 * report does not state (listed at the top); the same report as a Word file, a web page, a PDF or GBK text gives the
 * same draft; a check quotes the report's sentences and says 报告未载明 for what it does not state.
 */

interface AnswerKey {
  bureau: { name: string; level: string };
  year: number;
  take: { field: string; value: unknown; paragraphs: number[] }[];
}

const key = (report: Report): AnswerKey => parse(readFileSync(join(FIXTURES, `${report.name}.answers.yaml`), 'utf8')) as AnswerKey;
const txtOf = (report: Report): string => join(FIXTURES, `${report.name}.txt`);

async function extracted(file: string, ...args: string[]): Promise<{ text: string; data: Data }> {
  const run = await cli('extract', file, ...args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return { text: run.stdout, data: parse(run.stdout) as Data };
}

/** A value as the draft writes it, `{ value, source }`, at a dotted path. */
function valueAt(data: Data, path: string): { value: unknown; source: string } | undefined {
  return path.split('.').reduce<unknown>((node, part) => (node !== null && typeof node === 'object' ? (node as Data)[part] : undefined), data) as { value: unknown; source: string } | undefined;
}

/** The draft without the line that names the file it came from. */
const body = (text: string): string => text.replace(/^# 由 plancheck extract 从 .*$/m, '');

describe.each(reports)('plancheck extract $name', (report) => {
  test('writes the bureau, level and year, and every figure of the answer key with its paragraph and sentence', async () => {
    const { text, data } = await extracted(txtOf(report));
    const answers = key(report);
    expect(data.bureau).toEqual({ name: answers.bureau.name, level: answers.bureau.level });
    expect(data.year).toBe(answers.year);
    for (const take of answers.take) {
      const written = valueAt(data, take.field);
      expect([take.field, written?.value]).toEqual([take.field, take.value]);
      expect(written?.source).toMatch(new RegExp(`^第(${take.paragraphs.join('|')})段:`));
      // The source is the report's own sentence, verbatim.
      const paragraph = Number(/^第(\d+)段/.exec(written?.source ?? '')?.[1]);
      const paragraphs = readFileSync(txtOf(report), 'utf8').split(/\r?\n/).map((line) => line.normalize('NFC').replace(/\s+/g, ' ').trim()).filter(Boolean);
      expect(paragraphs[paragraph - 1]).toContain(written?.source.replace(/^第\d+段:/, ''));
    }
    // What is not stated is left out, and listed at the top.
    expect(text).toMatch(/^# 报告未载明的字段\(\d+ 项/m);
    expect(text).toContain('#   - 网上可办率(services.online_handling_rate)');
    expect(valueAt(data, 'services.online_handling_rate')).toBeUndefined();
  });
});

describe('the same report in every kind of file gives the same draft', () => {
  let browser: Browser;
  const report = reports.find((r) => r.name === 'report-wuhan-city-2022') as Report;
  let expected: string;
  beforeAll(async () => {
    browser = await launchChromium();
    expected = body((await extracted(txtOf(report))).text);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  test.each([
    ['GBK text', 'report.txt', async () => iconv.encode(readFileSync(txtOf(report), 'utf8'), 'gbk')],
    ['UTF-16 text with a BOM', 'report.txt', async () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(txtOf(report), 'utf8'), 'utf16le')])],
    ['Word file', 'report.docx', async () => docxOf(report)],
    ['government web page, navigation around the text', 'report.html', async () => Buffer.from(govPage(report, 'utf-8'))],
  ])('%s', async (_kind, name, make) => {
    const file = join(tempDir(), name);
    writeFileSync(file, await make());
    expect(body((await extracted(file)).text)).toBe(expected);
  });

  test('PDF printed by Chromium: the same fields and values (a space where a line wraps may be missing in a sentence)', async () => {
    const file = join(tempDir(), 'report.pdf');
    writeFileSync(file, await printPdf(browser, plainPage(report, PRINT_STYLES.official)));
    const values = (text: string): string[] => body(text).split('\n').filter((line) => /^\s+\w+: \{ value: /.test(line)).map((line) => line.replace(/, source: .*$/, ''));
    const pdfDraft = (await extracted(file)).text;
    expect(values(pdfDraft)).toEqual(values(expected));
    expect(values(expected).length).toBeGreaterThanOrEqual(key(report).take.length);
  }, 120_000);
});

describe('--out chooses the format by its ending', () => {
  test('a .xlsx draft: the stated values in column D with the sentence in 出处, the rest left empty', async () => {
    const out = join(tempDir(), '草稿.xlsx');
    const report = reports[1];
    const run = await cli('extract', txtOf(report), '--out', out);
    expect(run.status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('基本数据') as ExcelJS.Worksheet;
    const rows = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row) => rows.set(String(row.getCell(1).value), row));
    expect(rows.get('bureau.name')?.getCell(4).value).toBe('武汉市人力资源和社会保障局');
    const collective = rows.get('training.collective_law_study_sessions') as ExcelJS.Row;
    expect(collective.getCell(4).value).toBe(7);
    expect(String(collective.getCell(5).value)).toMatch(/^第5段:/);
    expect(rows.get('services.online_handling_rate')?.getCell(4).value ?? null).toBeNull();
    // The workbook checks as the report does.
    const fromWorkbook = await checkJson([out]);
    const fromReport = await checkJson([txtOf(report)]);
    const statuses = (s: typeof fromReport): string[] => s.submissions[0].findings.map((f) => `${f.rule} ${f.status}`);
    expect(statuses(fromWorkbook)).toEqual(statuses(fromReport));
  });

  test('the draft is never written over the report', async () => {
    const dir = tempDir();
    const file = join(dir, 'report.txt');
    writeFileSync(file, readFileSync(txtOf(reports[1])));
    const run = await cli('extract', file, '--out', file);
    expect(run.status).toBe(2);
    expect(readFileSync(file)).toEqual(readFileSync(txtOf(reports[1])));
  });
});

describe('plancheck check REPORT', () => {
  test('checks the report in one run: evidence quotes its sentence, what it does not state is 报告未载明', async () => {
    const report = reports.find((r) => r.name === 'report-wuhan-city-2022') as Report;
    const { status, submissions } = await checkJson([txtOf(report)]);
    expect(status).toBe(3);
    const [submission] = submissions;
    expect((submission as unknown as { bureau: unknown }).bureau).toEqual({ name: '武汉市人力资源和社会保障局', level: 'city' });
    const study = submission.findings.find((f) => f.rule === 'HN-32-collective-study');
    expect(study?.status).toBe('pass');
    expect(JSON.stringify(study?.evidence)).toContain('局党组中心组集中开展法治学习7次');
    const online = submission.findings.find((f) => f.rule === 'HN-07-online-handling-rate');
    expect(online?.status).toBe('missing_data');
    expect(online?.message.zh).toContain('报告未载明');
    const table = await cli('check', txtOf(report));
    expect(table.stdout).toContain('报告未载明网上可办率');
    expect(table.stdout).toContain('报告载明情况');
  });

  test('a report whose title gives no year is refused with what to do, and the other files are still checked', async () => {
    const dir = tempDir();
    const file = join(dir, '工作总结.txt');
    writeFileSync(file, '某县人力资源和社会保障局法治建设工作总结\n本局认真落实法治政府建设各项任务。\n');
    const run = await cli('check', file, txtOf(reports[1]), '--format', 'json');
    expect(run.status).toBe(2);
    const submissions = (JSON.parse(run.stdout) as { submissions: { file: string; error: unknown }[] }).submissions;
    expect(submissions.map((s) => s.error === null)).toEqual([false, true]);
    expect(run.stderr).toContain('未能从报告的标题和开头读出');
    expect(run.stderr).toContain('报告年度');
    expect(run.stderr).toContain(`plancheck extract ${file} --out 草稿.yaml`);
    const extract = await cli('extract', file);
    expect(extract.status).toBe(2);
    const given = await cli('extract', file, '--year', '2023');
    expect(given.status).toBe(0);
    expect(parse(given.stdout)).toMatchObject({ bureau: { level: 'county' }, year: 2023 });
  });

  test('a scanned PDF (no text layer) says so, exit 2', async () => {
    const browser = await launchChromium();
    try {
      const file = join(tempDir(), 'scan.pdf');
      writeFileSync(file, await printPdf(browser, '<!DOCTYPE html><html><body><svg width="400" height="300"><rect width="400" height="300" fill="#888"/></svg></body></html>'));
      const run = await cli('check', file);
      expect(run.status).toBe(2);
      expect(run.stdout + run.stderr).toMatch(/文字层|扫描/);
      expect(run.stdout + run.stderr).not.toMatch(/at .*\.js:\d+/);
    } finally {
      await browser.close();
    }
  }, 120_000);

  test('review over a folder of reports: one row each, the 已载明 column, a note beside them skipped', async () => {
    const dir = tempDir();
    for (const report of reports) writeFileSync(join(dir, `${report.name}.txt`), readFileSync(txtOf(report)));
    writeFileSync(join(dir, '说明.txt'), '本文件夹收到各单位的年度报告。\n');
    const run = await cli('review', dir, '--format', 'json');
    const result = JSON.parse(run.stdout) as { bureaus: { file: string; origin?: string; completeness?: { stated: number; applicable: number } }[] };
    expect(result.bureaus.map((r) => r.file.slice(dir.length + 1)).sort()).toEqual(reports.map((r) => `${r.name}.txt`).sort());
    expect(result.bureaus.every((r) => r.origin === 'report')).toBe(true);
    expect(run.stderr).toContain('说明.txt: 已跳过:不是报送,也看不出是法治政府建设年度报告');
    const table = await cli('review', dir);
    expect(table.stdout).toContain('已载明');
  });
});
