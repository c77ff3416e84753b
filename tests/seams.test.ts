/**
 * The seams the coming formats plug into (issue 10): one place type written by one function, one intake registry
 * that the folder walk asks, and the runner under the commands, which gives the library the CLI's own result.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, formatPlace, formatPosition, INTAKE_FORMATS, intakeFormatOf, review, type Position } from '../src';
import { positionFields, positionFieldsOrNull, positionWords } from '../src/core/place';
import { collectFiles } from '../src/intake/files';
import { supportedEndings } from '../src/intake/registry';
import { RENDERERS } from '../src/report/check';
import { REVIEW_RENDERERS } from '../src/report/review';
import { CITY_ALL_MET, cli, EXAMPLES, PROVINCE, SPEC_EXAMPLE, tempDir, writeTemp } from './helpers';

describe('one place type, written by one function', () => {
  const line: Position = { line: 12, column: 3 };
  const lineOnly: Position = { line: 41 };
  const cell: Position = { sheet: '基本数据', cell: 'D12' };
  const paragraph: Position = { paragraph: 4, sentence: 2 };

  test('after a file name, as compilers write it', () => {
    expect(formatPlace({ file: 'a.yaml', at: line }, 'zh')).toBe('a.yaml:12:3');
    expect(formatPlace({ file: 'a.xlsx', at: cell }, 'zh')).toBe('a.xlsx:基本数据!D12');
    expect(formatPlace({ file: 'a.txt', at: paragraph }, 'en')).toBe('a.txt:¶4.2');
    expect(formatPlace({ file: 'a.yaml' }, 'zh')).toBe('a.yaml');
  });

  test('in words, in both languages; a cell as Excel names it', () => {
    expect(formatPosition(line, 'words', 'zh')).toBe('第 12 行第 3 列');
    expect(formatPosition(line, 'words', 'en')).toBe('line 12, column 3');
    expect(formatPosition(lineOnly, 'words', 'zh')).toBe('第 41 行');
    expect(formatPosition(cell, 'words', 'en')).toBe('基本数据!D12');
    expect(formatPosition(paragraph, 'words', 'zh')).toBe('第 4 段第 2 句');
    expect(formatPosition(paragraph, 'words', 'en')).toBe('paragraph 4, sentence 2');
    expect(positionWords(undefined, 'zh')).toBe('');
  });

  test("in JSON under the contract's names, keys in a fixed order", () => {
    expect(positionFields(line)).toEqual({ line: 12, column: 3 });
    expect(Object.keys(positionFields(cell))).toEqual(['sheet', 'cell']);
    expect(positionFields(undefined)).toEqual({});
    expect(positionFieldsOrNull(undefined)).toEqual({ line: null, column: null });
  });

  test('a problem from the loader carries its place: file:line:column on standard error, in words in the table', async () => {
    const file = writeTemp('bad.yaml', 'bureau: [\n');
    const json = await cli('check', file, '--format', 'json');
    expect(json.status).toBe(2);
    expect(json.stderr.startsWith(`plancheck: ${file}:1:9: YAML 格式错误`)).toBe(true);
    expect(JSON.parse(json.stdout).submissions[0].error).toEqual(expect.objectContaining({ line: 1, column: 9 }));
    const table = await cli('check', file);
    expect(table.stdout).toContain('第 1 行第 9 列: YAML 格式错误');
  });
});

describe('the intake registry', () => {
  test('YAML, JSON, Excel workbooks and prose reports are formats of the registry, each naming its endings', () => {
    expect(INTAKE_FORMATS.map((f) => f.id)).toEqual(['yaml', 'json', 'xlsx', 'report']);
    expect(intakeFormatOf('报送/2024.XLSX')?.id).toBe('xlsx');
    expect(intakeFormatOf('a/B.YML')?.id).toBe('yaml');
    expect(intakeFormatOf('x.json')?.id).toBe('json');
    expect(intakeFormatOf('年度报告.DOCX')?.id).toBe('report');
    expect(intakeFormatOf('report.odt')).toBeUndefined();
    expect(supportedEndings()).toEqual({ zh: '.yaml、.yml、.json、.xlsx、.txt、.docx、.pdf、.html 或 .htm', en: '.yaml, .yml, .json, .xlsx, .txt, .docx, .pdf, .html or .htm' });
  });

  test('the folder walk takes what the registry reads and asks each format to leave out what is not its own (plancheck reports, a note)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), 'year: 2024\n');
    writeFileSync(join(dir, 'b.JSON'), '{"year": 2024}\n');
    writeFileSync(join(dir, 'notes.txt'), 'not a submission\n');
    writeFileSync(join(dir, 'report.json'), '{"tool": {"name": "plancheck", "version": "0"}}\n');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'c.yml'), 'year: 2024\n');
    const flat = collectFiles([dir]);
    expect(flat.files.map((f) => f.slice(dir.length + 1))).toEqual(['a.yaml', 'b.JSON']);
    // The note is no rule-of-law report; the subfolder's submission is named, with the command that reads it.
    expect(flat.notes.map((n) => n.file)).toEqual([join(dir, 'notes.txt'), join(dir, 'report.json'), dir]);
    expect(collectFiles([dir], true).files.map((f) => f.slice(dir.length + 1))).toEqual(['a.yaml', 'b.JSON', join('sub', 'c.yml')]);
  });
});

describe('the runner under the commands', () => {
  test.each([
    ['all met', [CITY_ALL_MET]],
    ['the reference submission', [SPEC_EXAMPLE]],
    ['the examples folder', [EXAMPLES]],
  ])('check() as a library gives the JSON and exit status of plancheck check (%s)', async (_name, paths) => {
    const run = await cli('check', ...paths, '--format', 'json');
    const outcome = await check({ paths });
    expect(outcome.result).toBeDefined();
    expect(RENDERERS.json(outcome.result!, 'zh')).toBe(run.stdout);
    expect(outcome.exitStatus).toBe(run.status);
  });

  test('a file that cannot be read: the library reports it with its place and exit status 2, as the CLI does', async () => {
    const file = writeTemp('broken.yaml', 'year: 2024\nbureau: [\n');
    const run = await cli('check', file, CITY_ALL_MET, '--format', 'json');
    const outcome = await check({ paths: [file, CITY_ALL_MET] });
    expect(RENDERERS.json(outcome.result!, 'zh')).toBe(run.stdout);
    expect([outcome.exitStatus, run.status]).toEqual([2, 2]);
    expect(outcome.result?.submissions[0].error?.at).toEqual(expect.objectContaining({ line: expect.any(Number) }));
  });

  test('a request the runner refuses gives no result and exit status 2, with the problem in words', async () => {
    const outcome = await check({ paths: [PROVINCE], waiverDate: '2025-02-30' });
    expect(outcome.result).toBeUndefined();
    expect(outcome.exitStatus).toBe(2);
    expect(outcome.problems.map((p) => p.message.zh)).toEqual(['--waiver-date 的日期 2025-02-30 不存在']);
  });

  test('review() as a library gives the JSON and exit status of plancheck review', async () => {
    const run = await cli('review', EXAMPLES, '--format', 'json', '--jobs', '1');
    const outcome = await review({ paths: [EXAMPLES], jobs: '1' });
    expect(outcome.result).toBeDefined();
    expect([...REVIEW_RENDERERS.json(outcome.result!, 'zh')].join('')).toBe(run.stdout);
    expect(outcome.exitStatus).toBe(run.status);
  });
});
