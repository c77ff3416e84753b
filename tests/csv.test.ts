import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, EXAMPLES, writeTemp } from './helpers';
import { fixtureSubmission, writeFolder } from './review-fixture';

const COUNTY = join(EXAMPLES, 'county-2024-with-failures.yaml');

/**
 * Parses as Python's csv module and Excel split rows: a bare LF outside quotes ends a record as CRLF does.
 * Every record must then have the header's number of fields.
 */
function strictRecords(csv: string): string[][] {
  const records = parse(csv, { bom: true, record_delimiter: ['\r\n', '\n'], relax_column_count: true }) as string[][];
  for (const record of records) expect(record).toHaveLength(records[0].length);
  return records;
}

/** The matrix's rows: up to the empty row after which the roll-up and the trend follow. */
function asObjects(records: string[][]): Record<string, string>[] {
  const [header, ...all] = records;
  const end = all.findIndex((row) => row.every((cell) => cell === ''));
  const rows = end < 0 ? all : all.slice(0, end);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
}

/** Letters that are an English word; file names, rule ids, hashes and the calendar package's name are taken out first. */
function englishWords(text: string): string[] {
  return text.replace(/HN-[\w-]+/g, '').replace(/chinese-days/g, '').match(/[A-Za-z]{2,}/g) ?? [];
}

describe('check CSV', () => {
  let records: string[][];
  beforeAll(async () => {
    const run = await cli('check', 'examples', '--format', 'csv');
    records = strictRecords(run.stdout);
  });

  test('a finding with two evidence lines stays one record: the cell is quoted, the line break kept', async () => {
    const json = JSON.parse((await cli('check', 'examples', '--format', 'json')).stdout) as { submissions: { findings: unknown[] }[] };
    expect(records).toHaveLength(1 + json.submissions.reduce((n, s) => n + Math.max(1, s.findings.length), 0));
    const officers = asObjects(records).find((r) => r['文件'].endsWith('county-2024-with-failures.yaml') && r['指标编号'] === 'HN-14-certified-officers');
    expect(officers?.['证据'].split('\n')).toHaveLength(2);
    const { stdout } = await cli('check', 'examples', '--format', 'csv');
    expect(stdout).toContain(`,"${officers?.['证据'].replace(/"/g, '""')}",`);
  });

  test('values in Chinese, each with its raw value in its own column', () => {
    const rows = asObjects(records);
    const officers = rows.find((r) => r['文件'].endsWith('county-2024-with-failures.yaml') && r['指标编号'] === 'HN-14-certified-officers') as Record<string, string>;
    expect(officers).toMatchObject({ 状态: '不通过', 状态代码: 'fail', 层级: '县级', 严重程度: '关键', '实际(原值)': '0.9166666666666666', 要求: '等于 100%' });
    expect(officers['实际']).toMatch(/91\.6+\d*%$/);
    const evaluated = rows.filter((r) => r['状态代码'] !== 'error');
    expect(new Set(evaluated.map((r) => r['状态']))).toEqual(new Set(['通过', '不通过', '警告', '待到期', '不适用', '缺数据']));
    expect(['省级', '市级', '县级']).toEqual(expect.arrayContaining([...new Set(evaluated.map((r) => r['层级']))]));
    expect(new Set(evaluated.map((r) => r['严重程度']))).toEqual(new Set(['关键', '重要', '一般']));
    expect(rows.find((r) => r['指标编号'] === 'HN-07-online-handling-rate' && r['文件'].endsWith('county-2024-with-failures.yaml'))).toMatchObject({ 实际: '85%', '实际(原值)': '0.85' });
    expect(rows[0]['节假日安排']).toMatch(/^20\d\d 年:国办发明电〔20\d\d〕\d+号\(chinese-days \d+\.\d+\.\d+ 数据\)/);
  });

  test('no English word in a Chinese CSV apart from file names, rule ids, hashes and the raw columns', () => {
    const [header, ...rows] = records;
    expect(englishWords(header.filter((h) => h !== 'sha256' && h !== '规则包sha256').join(','))).toEqual([]);
    // Messages and evidence details are the findings' own words; the columns this report writes are checked here.
    const mine = ['单位', '层级', '年度', '指标名称', '严重程度', '状态', '实际', '要求', '条目', '原文', '豁免', '规则包版本', '节假日安排', '生成时间'];
    const words = rows.flatMap((row) => mine.flatMap((h) => englishWords(row[header.indexOf(h)])));
    expect(words).toEqual([]);
  });

  test('a file that cannot be read: status 无法读取, code error, and all its problems', async () => {
    const broken = writeTemp('broken.yaml', 'bureau:\n  name: 某县人力资源和社会保障局\n  level: 县\nyear: 2024年\n');
    const run = await cli('check', broken, '--format', 'csv');
    const [row] = asObjects(strictRecords(run.stdout));
    expect(row).toMatchObject({ 文件: broken, 状态: '无法读取', 状态代码: 'error' });
    expect(row['说明'].split('\n')).toHaveLength(2);
    expect(row['说明']).toMatch(/^第 3 行第 10 列[^\n]*\n第 4 行第 7 列/);
  });
});

describe('review CSV', () => {
  let root: string;
  let rows: Record<string, string>[];
  let header: string[];
  beforeAll(async () => {
    root = writeFolder({
      '2024/430102.yaml': fixtureSubmission('430102', 'county', 2024, { 'training.collective_law_study_sessions': 2 }),
      '2024/430103.yaml': fixtureSubmission('430103', 'county', 2024),
      '2024/broken.yaml': 'bureau:\n  name: 某县人力资源和社会保障局\n  level: 县\nyear: 2024年\n',
    });
    const run = await cli('review', root, '--format', 'csv');
    const records = strictRecords(run.stdout);
    header = records[0];
    rows = asObjects(records);
  });

  test('Chinese status headers and cells, level in Chinese', () => {
    expect(header.slice(0, 13)).toEqual(['文件', 'sha256', '单位', '行政区划代码', '层级', '年度', '通过', '不通过', '警告', '待到期', '不适用', '缺数据', '已豁免']);
    const failing = rows.find((r) => r['行政区划代码'] === '430102') as Record<string, string>;
    expect(failing).toMatchObject({ 层级: '县级', 不通过: '1', 'HN-32-collective-study': '不通过', 'HN-04-power-list-published': '通过', 'HN-20-gold-mediation-orgs': '不适用' });
    const words = rows.slice(0, 2).flatMap((r) => header.filter((h) => !/^(文件|sha256|规则包|规则包sha256|豁免文件sha256|工具)$/.test(h)).flatMap((h) => englishWords(r[h])));
    expect(words).toEqual([]);
    expect(englishWords(header.filter((h) => !/sha256/.test(h)).join(','))).toEqual([]);
  });

  test('carries the provenance on every row: tool, pack id, version and sha256, calendars', async () => {
    const packSha = (JSON.parse((await cli('check', COUNTY, '--format', 'json')).stdout) as { packs: { sha256: string }[] }).packs[0].sha256;
    for (const row of rows) {
      expect(row).toMatchObject({ 工具: 'plancheck 0.1.0', 规则包: 'hunan-hrss-fazhi-2022-2025', 规则包版本: '1.0.0', 规则包sha256: packSha });
      expect(row['节假日安排']).toContain('2024 年:国办发明电〔2023〕7号(chinese-days');
    }
  });

  test('a rejected file has one record with all its problems, quoted', () => {
    const broken = rows.find((r) => r['文件'].endsWith('broken.yaml')) as Record<string, string>;
    expect(broken['无法读取的原因'].split('\n')).toHaveLength(2);
    expect(broken['sha256']).toBe(createHash('sha256').update(readFileSync(join(root, '2024', 'broken.yaml'))).digest('hex'));
  });
});
