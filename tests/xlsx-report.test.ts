/**
 * `check --format xlsx` and `review --format xlsx`: the workbooks are written through the CLI and read back with
 * exceljs, as Excel or WPS would open them; their cells say what the JSON says, their colours follow the status, and
 * the same inputs give the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValueType, Workbook, type Worksheet } from 'exceljs';
import { runCli } from '../src/cli/program';
import { STATUS_LABELS, STATUS_SYMBOLS } from '../src/report/kit/labels';
import { statusFill } from '../src/report/kit/xlsx';
import type { Status } from '../src/findings/types';
import { CITY_ALL_MET, cli, EXAMPLES, ROOT, tempDir, variant } from './helpers';
import { writeReviewFixture } from './review-fixture';

const EXAMPLE_FILES = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')).map((f) => join('examples', f)).sort();

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

async function workbookOf(file: string): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return workbook;
}

function sheet(workbook: Workbook, name: string): Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}: ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  return found;
}

/** The rows of a table sheet as records by its header, from row 2 down. */
function records(ws: Worksheet): Record<string, unknown>[] {
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const values = ws.getRow(r).values as unknown[];
    out.push(Object.fromEntries(header.map((h, i) => [h, values[i + 1] ?? ''])));
  }
  return out;
}

function fillOf(ws: Worksheet, row: number, column: number): string | undefined {
  const fill = ws.getRow(row).getCell(column).fill;
  return fill && fill.type === 'pattern' ? fill.fgColor?.argb : undefined;
}

function columnNumber(ws: Worksheet, header: string): number {
  const index = (ws.getRow(1).values as unknown[]).findIndex((v) => typeof v === 'string' && (v === header || v.endsWith(`\n${header}`)));
  if (index < 1) throw new Error(`no column ${header}`);
  return index;
}

const WORDS_TO_STATUS = new Map(Object.entries(STATUS_LABELS).map(([status, words]) => [words.zh, status as Status]));
const SYMBOL_TO_STATUS = new Map(Object.entries(STATUS_SYMBOLS).map(([status, symbol]) => [symbol, status as Status]));

interface CheckJson {
  packs: { id: string; sha256: string }[];
  submissions: { file: string; sha256: string; findings: { rule: string; status: Status; message: { zh: string } }[] }[];
}

describe('check --format xlsx', () => {
  let dir: string;
  let json: CheckJson;
  let status: number;
  let findingsSheet: Worksheet;
  let workbook: Workbook;
  beforeAll(async () => {
    dir = tempDir();
    const out = join(dir, 'findings.xlsx');
    const run = await cli('check', ...EXAMPLE_FILES, '--format', 'xlsx', '--out', out);
    status = run.status;
    json = JSON.parse((await cli('check', ...EXAMPLE_FILES, '--format', 'json')).stdout) as CheckJson;
    workbook = await workbookOf(out);
    findingsSheet = sheet(workbook, '检查结果');
  });

  test('the sheets are 检查结果 and 来源, the exit status that of the check', async () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['检查结果', '来源']);
    expect(status).toBe((await cli('check', ...EXAMPLE_FILES, '--format', 'json')).status);
  });

  test('every (submission, rule) has its row, with the status of the JSON in words and the JSON message', () => {
    const rows = records(findingsSheet);
    const expected = json.submissions.flatMap((s) => s.findings.map((f) => ({ file: s.file, rule: f.rule, status: f.status, message: f.message.zh })));
    expect(rows).toHaveLength(expected.length);
    expect(rows.map((r) => ({ file: r['文件'], rule: r['指标编号'], status: WORDS_TO_STATUS.get(String(r['状态'])), message: r['说明'] }))).toEqual(expected);
  });

  test('each status cell is filled with its status colour; the header is frozen and filtered', () => {
    const column = columnNumber(findingsSheet, '状态');
    const rows = records(findingsSheet);
    const seen = new Set<Status>();
    rows.forEach((row, i) => {
      const s = WORDS_TO_STATUS.get(String(row['状态'])) as Status;
      seen.add(s);
      expect([s, fillOf(findingsSheet, i + 2, column)]).toEqual([s, statusFill(s)]);
    });
    expect(seen.has('fail') && seen.has('pass')).toBe(true);
    expect(new Set([...seen].map(statusFill)).size).toBe(seen.size);
    expect(findingsSheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(findingsSheet.autoFilter).toBe(`A1:S${rows.length + 1}`);
    expect(findingsSheet.getRow(1).font?.bold).toBe(true);
    // The Chinese title column is as wide as its longest title, two columns a character.
    expect(findingsSheet.getColumn(columnNumber(findingsSheet, '指标名称')).width).toBeGreaterThan(20);
  });

  test('a failing finding carries its requirement, clause, verbatim quote and evidence', async () => {
    const rows = records(findingsSheet);
    const failing = rows.find((r) => r['状态'] === '不通过' && String(r['证据']).length > 0);
    expect(failing).toBeDefined();
    const { stdout } = await cli('explain', String(failing?.['指标编号']), '--format', 'json');
    const explained = JSON.stringify(JSON.parse(stdout));
    expect(explained).toContain(JSON.stringify(failing?.['原文']).slice(1, -1));
    for (const column of ['实际', '要求', '条目']) expect(String(failing?.[column]).length).toBeGreaterThan(0);
    expect(String(failing?.['证据'])).not.toMatch(/undefined|\[object/);
  });

  test('来源 names the tool, the pack and its sha256, and every submission with its sha256', () => {
    const text = records(sheet(workbook, '来源')).map((r) => `${r['项目']} ${r['内容']}`).join('\n');
    expect(text).toContain('工具 plancheck 0.1.0');
    expect(text).toContain(json.packs[0].sha256);
    for (const file of EXAMPLE_FILES) expect(text).toContain(`${file} · sha256 ${sha256(join(ROOT, file))}`);
    expect(text).toContain('节假日安排');
  });

  test('--report xlsx:F writes the same workbook beside another report', async () => {
    const out = join(dir, 'beside.xlsx');
    const run = await cli('check', ...EXAMPLE_FILES, '--format', 'json', '--report', `xlsx:${out}`);
    expect(JSON.parse(run.stdout).submissions).toHaveLength(EXAMPLE_FILES.length);
    expect(readFileSync(out)).toEqual(readFileSync(join(dir, 'findings.xlsx')));
  });

  test('two runs give the same bytes; --timestamp changes the provenance sheet only', async () => {
    const again = join(dir, 'again.xlsx');
    await new Promise((done) => setTimeout(done, 2100)); // a zip's times are to two seconds
    await cli('check', ...EXAMPLE_FILES, '--format', 'xlsx', '--out', again);
    expect(readFileSync(again).equals(readFileSync(join(dir, 'findings.xlsx')))).toBe(true);
    const stamped = join(dir, 'stamped.xlsx');
    await cli('check', ...EXAMPLE_FILES, '--format', 'xlsx', '--out', stamped, '--timestamp');
    const book = await workbookOf(stamped);
    expect(records(sheet(book, '检查结果'))).toEqual(records(findingsSheet));
    expect(book.created.toISOString()).toBe(workbook.created.toISOString());
    expect(book.modified.toISOString()).toBe(workbook.modified.toISOString());
    const time = records(sheet(book, '来源')).find((r) => r['项目'] === '生成时间');
    expect(Date.now() - Date.parse(String(time?.['内容']))).toBeLessThan(60_000);
    expect(records(sheet(workbook, '来源')).some((r) => r['项目'] === '生成时间')).toBe(false);
  });

  test('--lang en: English sheet names, headers and words', async () => {
    const out = join(dir, 'en.xlsx');
    await cli('check', ...EXAMPLE_FILES, '--format', 'xlsx', '--out', out, '--lang', 'en');
    const book = await workbookOf(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Findings', 'Provenance']);
    const rows = records(sheet(book, 'Findings'));
    const english = new Set(Object.values(STATUS_LABELS).map((w) => w.en));
    expect(rows.every((r) => english.has(String(r['Status'])))).toBe(true);
    expect(rows.map((r) => r['Rule'])).toEqual(records(findingsSheet).map((r) => r['指标编号']));
  });
});

interface ReviewJson {
  rules: { id: string }[];
  bureaus: { file: string; bureau: { name: string; region_code: string }; year: number; statuses: Record<string, Status> }[];
  rule_counts: ({ rule: string } & Record<string, number>)[];
  regressions: { region_code: string; rule: string; from: Status; to: Status }[];
  improvements: { region_code: string; rule: string }[];
  rejected: { file: string }[];
  packs: { sha256: string }[];
}

describe('review --format xlsx', () => {
  let root: string;
  let out: string;
  let json: ReviewJson;
  let workbook: Workbook;
  beforeAll(async () => {
    root = writeReviewFixture();
    out = join(tempDir(), 'review.xlsx');
    await cli('review', root, '--format', 'xlsx', '--out', out);
    json = JSON.parse((await cli('review', root, '--format', 'json')).stdout) as ReviewJson;
    workbook = await workbookOf(out);
  });

  test('its sheets: matrix, counts per rule, changes, the roll-up by city, the trend, rejected files, notes, provenance', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['矩阵', '各指标计数', '逐年变化', '按市州汇总', '逐年趋势', '各单位逐年', '无法读取的文件', '说明', '来源']);
  });

  test('the matrix has every bureau-year and every rule, each status the JSON gives, in its colour', () => {
    const matrix = sheet(workbook, '矩阵');
    const rows = records(matrix);
    expect(rows.map((r) => `${r['区划代码']} ${r['年度']} ${r['文件']}`)).toEqual(json.bureaus.map((b) => `${b.bureau.region_code} ${b.year} ${b.file}`));
    for (const rule of json.rules) {
      const column = columnNumber(matrix, rule.id);
      json.bureaus.forEach((bureau, i) => {
        const cell = matrix.getRow(i + 2).getCell(column).value;
        const s = bureau.statuses[rule.id];
        expect([rule.id, i, SYMBOL_TO_STATUS.get(String(cell)), fillOf(matrix, i + 2, column)]).toEqual([rule.id, i, s, statusFill(s)]);
      });
    }
    // The header names the rule by number and short title, then its id.
    expect(matrix.getRow(1).getCell(columnNumber(matrix, json.rules[0].id)).value).toMatch(new RegExp(`^1 \\S+\\n${json.rules[0].id}$`));
    expect(matrix.views[0]).toMatchObject({ state: 'frozen', xSplit: 4, ySplit: 1 });
    expect((matrix.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['单位', '区划代码', '层级', '年度']);
  });

  test('the counts per rule are those of the JSON', () => {
    const counts = records(sheet(workbook, '各指标计数'));
    expect(counts.map((c) => [c['指标编号'], c['不通过'], c['通过'], c['缺数据']])).toEqual(json.rule_counts.map((c) => [c.rule, c.fail, c.pass, c.missing_data]));
  });

  test('the changes: 退步 first, then 进步, as the JSON lists them', () => {
    const changes = records(sheet(workbook, '逐年变化'));
    expect(changes.map((c) => `${c['变化']} ${c['区划代码']} ${c['指标编号']}`)).toEqual([
      ...json.regressions.map((r) => `退步 ${r.region_code} ${r.rule}`),
      ...json.improvements.map((r) => `进步 ${r.region_code} ${r.rule}`),
    ]);
    expect(changes[0]['上年状态']).toBe('通过');
    expect(changes[0]['本年状态']).toBe('不通过');
    expect(fillOf(sheet(workbook, '逐年变化'), 2, 9)).toBe(statusFill('fail'));
  });

  test('the rejected file with its problem, and the provenance with every sha256', () => {
    const rejected = records(sheet(workbook, '无法读取的文件'));
    expect(rejected.map((r) => r['文件'])).toEqual(json.rejected.map((r) => r.file));
    expect(String(rejected[0]['问题'])).toContain('93 有歧义');
    const provenance = records(sheet(workbook, '来源')).map((r) => `${r['项目']} ${r['内容']}`).join('\n');
    expect(provenance).toContain(json.packs[0].sha256);
    for (const bureau of json.bureaus) expect(provenance).toContain(`${bureau.file} · sha256 ${sha256(bureau.file)}`);
    expect(provenance).toContain(`${json.rejected[0].file} · sha256 ${sha256(json.rejected[0].file)}`);
  });

  test('a second run gives the same bytes', async () => {
    const again = join(tempDir(), 'again.xlsx');
    await new Promise((done) => setTimeout(done, 2100));
    await cli('review', root, '--format', 'xlsx', '--out', again);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
  });

  test('--lang en: English sheet names and words', async () => {
    const en = join(tempDir(), 'en.xlsx');
    await cli('review', root, '--format', 'xlsx', '--out', en, '--lang', 'en');
    const book = await workbookOf(en);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Matrix', 'Rule counts', 'Changes', 'By city', 'Trend', 'Bureaus by year', 'Rejected files', 'Notes', 'Provenance']);
    expect(records(sheet(book, 'Changes'))[0]['Change']).toBe('regression');
    expect((sheet(book, 'Matrix').getRow(1).values as unknown[]).slice(1, 5)).toEqual(['Bureau', 'Region code', 'Level', 'Year']);
  });
});

describe('user text in a workbook', () => {
  test('a name that looks like a formula stays text, and its control characters are shown, not kept', async () => {
    const name = '=HYPERLINK("http://evil.example/","点击")\u001b[31m\u202e\u0007';
    const file = variant(CITY_ALL_MET, { 'bureau.name': name });
    const out = join(tempDir(), 'named.xlsx');
    await cli('check', file, '--format', 'xlsx', '--out', out);
    const ws = sheet(await workbookOf(out), '检查结果');
    const cell = ws.getRow(2).getCell(1);
    expect(cell.type).toBe(ValueType.String); // never a formula
    expect(cell.value).toBe('=HYPERLINK("http://evil.example/","点击")\\x1b[31m\\u202e\\x07');
  });
});

describe('a workbook and standard output', () => {
  test('to a terminal it is refused in Chinese, exit 2, and nothing is written', async () => {
    for (const args of [['check', join(EXAMPLES, 'city-2023.yaml')], ['review', EXAMPLES]]) {
      let stdout = '';
      let stderr = '';
      const bytes: Uint8Array[] = [];
      const status = await runCli([...args, '--format', 'xlsx'], { stdout: (t) => void (stdout += t), stdoutBytes: (b) => void bytes.push(b), stderr: (t) => void (stderr += t), stdoutIsTerminal: () => true });
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(bytes).toEqual([]);
      expect(stderr).toContain('plancheck: 标准输出: xlsx 格式是二进制文件(Excel 工作簿),不能显示在终端上;请用 --out 写入文件');
    }
  });

  test('--report xlsx:- to a terminal is refused too, naming the option', async () => {
    let stderr = '';
    const status = await runCli(['check', join(EXAMPLES, 'city-2023.yaml'), '--format', 'json', '--out', join(tempDir(), 'f.json'), '--report', 'xlsx:-'], { stdout: () => undefined, stderr: (t) => void (stderr += t), stdoutIsTerminal: () => true });
    expect(status).toBe(2);
    expect(stderr).toContain('plancheck: --report xlsx:-: xlsx 格式是二进制文件');
  });

  test('to a pipe it is written as bytes, the same as --out writes', async () => {
    const file = join(tempDir(), 'city.xlsx');
    await cli('check', join(EXAMPLES, 'city-2023.yaml'), '--format', 'xlsx', '--out', file);
    const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'check', join(EXAMPLES, 'city-2023.yaml'), '--format', 'xlsx'], { cwd: ROOT });
    expect(run.status).toBe(1);
    expect(run.stdout.subarray(0, 2).toString()).toBe('PK');
    expect(run.stdout.equals(readFileSync(file))).toBe(true);
  });
});
