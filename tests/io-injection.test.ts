import type { Browser } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, openFile } from './browser/chromium';
import { cli, tempDir, writeTemp } from './helpers';
import { fixtureSubmission, writeFolder } from './review-fixture';
import { csvNumber, csvText } from '../src/report/kit/csv';
import { markdownText, terminalText } from '../src/core/text-safety';

/**
 * Issue 9, item 5 (audit io-2026-12, D8, D9, D10, D26): report text comes from users, and no output may be turned
 * against its reader. Every test runs the CLI on crafted submissions and looks at the bytes it writes and its status.
 */

/** Every character a terminal acts on or that reorders a line, except the report's own line feed. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** What Excel reads as the start of a formula (OWASP). */
const FORMULA = /^[=+\-@\t\r]/;

/** A submission of the all-met city example as one bureau and year, with edits (dot paths, list indexes as numbers). */
function submission(code: string, year: number, edits: Record<string, unknown> = {}): string {
  return fixtureSubmission(code, 'city', year, edits);
}

/** Parses CSV as Excel and Python split rows (a bare LF ends a record too); every record has the header's width. */
function csvRecords(csv: string): string[][] {
  const records = parse(csv, { bom: true, record_delimiter: ['\r\n', '\n'], relax_column_count: true }) as string[][];
  for (const record of records) expect(record).toHaveLength(records[0].length);
  return records;
}

function column(records: string[][], name: string): string[] {
  const index = records[0].indexOf(name);
  expect(index).toBeGreaterThanOrEqual(0);
  return records.slice(1).map((record) => record[index]);
}

describe('D8: CSV cells a spreadsheet would evaluate', () => {
  const HYPERLINK = '=HYPERLINK("http://evil.example/","点击")';
  const CALC = "-2+3+cmd|' /C calc'!A0";
  const SUM = "@SUM(1+1)*cmd|' /C calc'!A0";
  let folder: string;
  beforeAll(() => {
    folder = writeFolder({
      'a.yaml': submission('439901', 2024, {
        'bureau.name': HYPERLINK,
        'major_decisions.items.0.id': CALC,
        'major_decisions.items.0.archived': false,
        'normative_documents.items.0.id': SUM,
        'normative_documents.items.0.legality_review': false,
        'services.online_handling_rate': { value: '86%', source: "+cmd|' /C calc'!A0" },
      }),
      'b.yaml': submission('439902', 2024, { 'bureau.name': '\t@SUM(1)', 'major_decisions.items.0.id': '\r=1+1', 'major_decisions.items.0.archived': false }),
      'c.yaml': submission('439903', 2024, { 'bureau.name': '\r-1+1' }),
    });
  });

  test.each(['zh', 'en'])('check --format csv --lang %s: no cell starts a formula; user text that would is prefixed with \'', async (lang) => {
    const run = await cli('check', folder, '--format', 'csv', '--lang', lang);
    expect(run.status).toBe(1);
    const records = csvRecords(run.stdout);
    for (const cell of records.flat()) expect(cell).not.toMatch(FORMULA);
    const bureau = column(records, lang === 'zh' ? '单位' : 'bureau');
    expect(new Set(bureau)).toEqual(new Set([`'${HYPERLINK}`, "'\t@SUM(1)", "'\r-1+1"]));
    const evidence = column(records, lang === 'zh' ? '证据' : 'evidence');
    expect(evidence).toContainEqual(expect.stringMatching(/^'-2\+3\+cmd\|' \/C calc'!A0: /));
    expect(evidence).toContainEqual(expect.stringMatching(/^'@SUM\(1\+1\)\*cmd/));
    expect(evidence).toContainEqual(expect.stringMatching(/^'\r=1\+1: /));
  });

  test('the tool\'s own "required" cell says 等于 100%, never = 100%', async () => {
    const run = await cli('check', folder, '--format', 'csv');
    const records = csvRecords(run.stdout);
    const rules = column(records, '指标编号');
    const required = column(records, '要求');
    expect(required[rules.indexOf('HN-14-certified-officers')]).toBe('等于 100%');
    expect(required.filter((r) => r.startsWith("'"))).toEqual([]);
    const en = csvRecords((await cli('check', folder, '--format', 'csv', '--lang', 'en')).stdout);
    expect(column(en, 'expected')[column(en, 'rule').indexOf('HN-14-certified-officers')]).toBe('equal to 100%');
  });

  test('review --format csv: the same', async () => {
    const run = await cli('review', folder, '--format', 'csv');
    expect(run.status).toBe(1);
    const records = csvRecords(run.stdout);
    for (const cell of records.flat()) expect(cell).not.toMatch(FORMULA);
    // The CSV is the matrix alone: the roll-up and the trend are CSVs of their own (--by city, --by year).
    expect(new Set(column(records, '单位'))).toEqual(new Set([`'${HYPERLINK}`, "'\t@SUM(1)", "'\r-1+1"]));
  });

  test.each([
    ['check', 'zh'],
    ['check', 'en'],
    ['review', 'zh'],
    ['review', 'en'],
  ])('%s --lang %s of the examples: no cell of the tool\'s own is prefixed, none starts a formula, raw values stay numbers', async (command, lang) => {
    const run = await cli(command, 'examples', '--format', 'csv', '--lang', lang);
    const records = csvRecords(run.stdout);
    for (const cell of records.flat()) {
      expect(cell).not.toMatch(FORMULA);
      expect(cell.startsWith("'")).toBe(false);
    }
    if (command === 'check') for (const raw of column(records, lang === 'zh' ? '实际(原值)' : 'actual_raw')) expect(raw).toMatch(/^(|-?\d+(\.\d+)?(e-?\d+)?|true|false|\{.*\})$/);
  });

  test('a number the tool writes stays a number, a negative one too; the same text from a user is prefixed', () => {
    expect(csvText([[csvNumber(-3), '-3', csvNumber(0.5), '=1']])).toBe("-3,'-3,0.5,'=1\r\n");
  });
});

/** The Markdown as a renderer reads it: no HTML but the report's <br>, no raw control, no block the payload opened. */
function expectInertMarkdown(markdown: string): void {
  expect(markdown).not.toMatch(/<(?!br>)[A-Za-z!/?]/);
  expect(markdown).not.toMatch(/\r/);
  expect(markdown).not.toMatch(RAW_CONTROL);
  // CommonMark ends a line at LF, CR or CRLF; U+2028 is checked above.
  const lines = markdown.split(/\r\n|\r|\n/);
  for (const line of lines) expect(line).not.toMatch(/^(?:\s*(?:#{1,6}|[-+*>]|\d+[.)]|\|))*\s*INJECTED/);
  // A table: its header row, then a separator, then rows with as many cells; a row cannot be split or widened.
  lines.forEach((line, i) => {
    if (!line.startsWith('|')) return;
    const cells = (text: string): number => text.split(/(?<!\\)\|/).length;
    let header = i;
    while (lines[header - 1]?.startsWith('|')) header--;
    expect(lines[header + 1]).toMatch(/^\|(---\|)+$/);
    expect(cells(line)).toBe(cells(lines[header]));
  });
}

describe('D9: Markdown shows user text as text, everywhere', () => {
  const NAME = '<img src=x onerror=alert(1)>\n\n# INJECTED';
  const RECORD = 'R-1\r| INJECTED-CELL | x |';
  let folder: string;
  let waivers: string;
  beforeAll(() => {
    folder = writeFolder({
      '2023/a.yaml': submission('439901', 2023, { 'bureau.name': NAME }),
      '2024/a.yaml': submission('439901', 2024, { 'bureau.name': NAME, 'major_decisions.items.0.id': RECORD, 'major_decisions.items.0.archived': false, 'services.online_handling_rate': { value: '86%', source: '[点我](javascript:alert(2)) ![x](http://evil.example/t.png) `code` **粗** <script>alert(3)</script>' } }),
      '2024/dup.yaml': submission('439902', 2024, { 'bureau.name': '<img src=x onerror=alert(4)>\r# INJECTED-DUP' }),
      '2024/<img src=x onerror=alert(5)>\n# INJECTED-DUPFILE.yaml': submission('439902', 2024, { 'bureau.name': '<img src=x onerror=alert(4)>\r# INJECTED-DUP' }),
      '2024/sh.yaml': fixtureSubmission('310000', 'city', 2024, { 'bureau.name': '<img src=x onerror=alert(6)>\u2028# INJECTED-NOTICE' }),
      '2024/<img src=x onerror=alert(9)>.yaml': submission('439903', 2024, { 'bureau.level': '<img src=x onerror=alert(13)>\n# INJECTED-VALUE' }),
      '2024/bad\n# INJECTED-by-filename.yaml': 'bureau:\n  name: 某县人力资源和社会保障局\n  level: county\nyear: 2024年\n',
    });
    waivers = writeTemp('waivers.yaml', 'waivers:\n  - id: W-1\n    rule: HN-31-budget\n    bureau: "<img src=x onerror=alert(8)>\\n# INJECTED-W"\n    justification: "- [x] <b>理由</b>"\n    approver: 某厅\n    approval_document: 某函\n    expires: 2025-06-30\n');
  });

  test.each(['zh', 'en'])('check --format markdown --lang %s: headings, bureau line, errors, unused waivers, tables', async (lang) => {
    const run = await cli('check', join(folder, '2024'), '--waivers', waivers, '--format', 'markdown', '--lang', lang);
    expect(run.status).toBe(2);
    expectInertMarkdown(run.stdout);
    // Shown, as text: the name, the file name, the quoted bad value, the waiver's bureau, the record id.
    expect(run.stdout).toContain('## &lt;img src=x onerror=alert(1)&gt;<br><br>\\# INJECTED 2024');
    expect(run.stdout).toContain('&lt;img src=x onerror=alert(9)&gt;.yaml');
    expect(run.stdout).toContain('&lt;img src=x onerror=alert(13)&gt;<br>\\# INJECTED-VALUE');
    expect(run.stdout).toContain('&lt;img src=x onerror=alert(8)&gt;<br>\\# INJECTED-W');
    expect(run.stdout).toContain('R-1<br>\\| INJECTED-CELL \\| x \\|');
    expect(run.stdout).toContain('bad<br>\\# INJECTED-by-filename.yaml');
    expect(run.stdout).toContain('\\[点我\\](javascript:alert(2)) !\\[x\\](http://evil.example/t.png) \\`code\\` \\*\\*粗\\*\\* &lt;script&gt;');
  });

  test.each(['zh', 'en'])('review --format markdown --lang %s: matrix, changes, notices, duplicates, rejected files, unused waivers', async (lang) => {
    const run = await cli('review', folder, '--waivers', waivers, '--format', 'markdown', '--lang', lang);
    expect(run.status).toBe(2);
    expectInertMarkdown(run.stdout);
    const regressions = run.stdout.split(lang === 'zh' ? '## 退步' : '## Regressions')[1].split('\n## ')[0];
    expect(regressions).toContain('- &lt;img src=x onerror=alert(1)&gt;<br><br>\\# INJECTED (439901) · HN-12-archived');
    expect(run.stdout).toContain('&lt;img src=x onerror=alert(4)&gt;<br>\\# INJECTED-DUP 2024: ');
    expect(run.stdout).toContain('&lt;img src=x onerror=alert(5)&gt;<br>\\# INJECTED-DUPFILE.yaml');
    expect(run.stdout).toContain('&lt;img src=x onerror=alert(6)&gt;<br>\\# INJECTED-NOTICE 2024: ');
    expect(run.stdout).toContain('&lt;img src=x onerror=alert(13)&gt;<br>\\# INJECTED-VALUE');
    expect(run.stdout).toContain('- W-1: HN-31-budget · &lt;img src=x onerror=alert(8)&gt;<br>\\# INJECTED-W');
  });

  test('text cannot open a block after the report\'s own "- " or "## ": list, heading and quote markers are escaped', () => {
    expect(markdownText('- x')).toBe('\\- x');
    expect(markdownText('+ x')).toBe('\\+ x');
    expect(markdownText('1. x')).toBe('1\\. x');
    expect(markdownText('93.5% 1) 2024-01-01')).toBe('93.5% 1) 2024-01-01');
    expect(markdownText('# x #')).toBe('\\# x \\#');
    expect(markdownText('> x')).toBe('&gt; x');
    expect(markdownText('     code')).toBe('&#32;&#32;&#32;&#32;&#32;code');
    expect(markdownText('a\r\nb\rc\nd\u2028e')).toBe('a<br>b<br>c<br>d<br>e');
    expect(markdownText('≥ 90% 第 3 行')).toBe('≥ 90% 第 3 行');
  });
});

describe('D10, D26: terminal escapes and line breaks from user text are shown, never written raw', () => {
  const NAME = '\u001b[2J\u001b[H\u001b[32m全部通过\u001b[0m\r';
  const OSC8 = '\u001b]8;;http://evil.example\u001b\\link\u001b]8;;\u001b\\';
  const SOURCE = '出处\u0007\u009b31m\u202eabc\u2028def\u2029\u2066x\u2069';
  let folder: string;
  beforeAll(() => {
    const edits = {
      'bureau.name': NAME,
      'major_decisions.items.0.id': 'R-1\nFAKE-LINE',
      'major_decisions.items.0.archived': false,
      'major_decisions.items.0.public_consultation.to': '2024-04-20',
      'major_decisions.items.0.public_consultation.shortened_reason': OSC8,
      'services.online_handling_rate': { value: '86%', source: SOURCE },
    };
    folder = writeFolder({
      'a-2023.yaml': submission('439901', 2023, { 'bureau.name': NAME }),
      'a-2024.yaml': submission('439901', 2024, edits),
      'bad\n\u001b[31mname.yaml': 'bureau:\n  name: 某县人力资源和社会保障局\n  level: county\nyear: 2024年\n',
      'level.yaml': submission('439902', 2024, { 'bureau.level': '\u001b]8;;http://evil.example\u001b\\县\u001b]8;;\u001b\\\nplancheck: FAKE' }),
    });
  });

  function expectTerminalSafe(text: string): void {
    expect(text).not.toMatch(RAW_CONTROL);
    for (const line of text.split('\n')) expect(line).not.toMatch(/^(FAKE-LINE|plancheck: FAKE)/);
  }

  function expectStderrLines(stderr: string): void {
    expectTerminalSafe(stderr);
    const lines = stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^plancheck: /);
    expect(stderr).toContain(`${join(folder, 'bad\\n\\x1b[31mname.yaml')}:4:7`);
    expect(stderr).toContain('\\x1b]8;;http://evil.example\\x1b\\县\\x1b]8;;\\x1b\\\\nplancheck: FAKE');
  }

  test.each(['zh', 'en'])('check table --lang %s', async (lang) => {
    const run = await cli('check', folder, '--lang', lang);
    expect(run.status).toBe(2);
    expectTerminalSafe(run.stdout);
    expect(run.stdout).toContain('\\x1b[2J\\x1b[H\\x1b[32m全部通过\\x1b[0m\\r');
    expect(run.stdout).toContain('R-1\\nFAKE-LINE');
    expect(run.stdout).toContain('\\x1b]8;;http://evil.example\\x1b\\link\\x1b]8;;\\x1b\\');
    expect(run.stdout).toContain('出处\\x07\\x9b31m\\u202eabc\\u2028def\\u2029\\u2066x\\u2069');
    expect(run.stdout).toContain(`■ ${join(folder, 'bad\\n\\x1b[31mname.yaml')}`);
  });

  test.each(['zh', 'en'])('review table --lang %s: matrix, changes and rejected files', async (lang) => {
    const run = await cli('review', folder, '--lang', lang);
    expect(run.status).toBe(2);
    expectTerminalSafe(run.stdout);
    // The matrix cuts the name as it is shown: escapes and all, in its 22 cells.
    expect(run.stdout).toMatch(/\n\\x1b\[2J\\x1b\[H\\x1b\[32m… +439901 /);
    expect(run.stdout).toContain('\\x1b[2J\\x1b[H\\x1b[32m全部通过\\x1b[0m\\r (439901) · HN-12-archived');
    expect(run.stdout).toContain(`✗ ${join(folder, 'bad\\n\\x1b[31mname.yaml')} (`);
  });

  test.each([
    ['check', 'zh'],
    ['check', 'en'],
    ['review', 'zh'],
    ['review', 'en'],
  ])('%s --lang %s: every problem on standard error is one "plancheck: file:line:col" line, its controls shown', async (command, lang) => {
    const run = await cli(command, folder, '--format', 'json', '--lang', lang);
    expect(run.status).toBe(2);
    expectStderrLines(run.stderr);
  });

  test('--format json keeps the text as it is: it is data for scripts, not for a terminal', async () => {
    const run = await cli('check', join(folder, 'a-2024.yaml'), '--format', 'json');
    expect(JSON.parse(run.stdout).submissions[0].bureau.name).toBe(NAME);
  });

  test('what the terminal shows: each control by its escape, other text unchanged', () => {
    expect(terminalText('a\u001bb\rc\nd\te\u0007f\u009bg\u202eh\u2028i\u0000')).toBe('a\\x1bb\\rc\\nd\\te\\x07f\\x9bg\\u202eh\\u2028i\\x00');
    expect(terminalText('示范市人力资源和社会保障局 ≥ 90% “引号” C:\\path')).toBe('示范市人力资源和社会保障局 ≥ 90% “引号” C:\\path');
  });
});

describe('HTML: escaped, in attributes too, and controls shown', () => {
  let browser: Browser;
  let folder: string;
  beforeAll(async () => {
    folder = writeFolder({
      'a.yaml': submission('439901', 2024, { 'bureau.name': '<img src=x onerror=alert(1)>\u202e\u001b[2J"\' onmouseover=\'alert(2)', 'major_decisions.items.0.id': '"><svg onload=alert(3)>', 'major_decisions.items.0.archived': false }),
      'q" onmouseover="alert(7)\u202e.yaml': submission('439902', 2024),
      '<img src=x onerror=alert(9)>.yaml': submission('439903', 2024, { 'bureau.level': '<img src=x onerror=alert(13)>\u001b]8;;x\u001b\\' }),
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test.each(['check', 'review'])('%s --format html: no tag, attribute or dialog from user text, no raw control in the page', async (command) => {
    const dir = tempDir();
    const file = join(dir, 'report.html');
    const run = await cli(command, folder, '--format', 'html');
    expect(run.status).toBe(2);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    writeFileSync(file, run.stdout);
    const { page } = await openFile(browser, file);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.locator('[data-file]').first().hover();
    await page.waitForTimeout(100);
    const injected = await page.evaluate(() => document.querySelectorAll('img, svg:not(.bar):not(.rule-chart), [onerror], [onmouseover], [onload], script:not(:last-of-type)').length);
    const files = await page.evaluate(() => Array.from(document.querySelectorAll('[data-file]'), (e) => e.getAttribute('data-file') ?? ''));
    const text = await page.evaluate(() => document.body.textContent ?? '');
    await page.close();
    expect(dialogs).toEqual([]);
    expect(injected).toBe(0);
    // The attribute holds the name as written, its bidi override shown; the rejected file's name and value are text.
    expect(files).toContain(join(folder, 'q" onmouseover="alert(7)\\u202e.yaml'));
    expect(text).toContain(join(folder, '<img src=x onerror=alert(9)>.yaml'));
    expect(text).toContain('<img src=x onerror=alert(13)>\\x1b]8;;x\\x1b\\');
    expect(text).toContain('<img src=x onerror=alert(1)>\\u202e\\x1b[2J"\' onmouseover=\'alert(2)');
  });
});

describe('the same bytes every run, whatever the text', () => {
  test.each(['table', 'markdown', 'html', 'csv', 'json'])('%s, check and review', async (format) => {
    const folder = writeFolder({
      'a.yaml': submission('439901', 2024, { 'bureau.name': '=<img src=x>\u001b[2J\r\n# x', 'major_decisions.items.0.id': '-R\r|', 'major_decisions.items.0.archived': false }),
      'b\n\u001b.yaml': 'year: 2024年\n',
    });
    for (const command of ['check', 'review']) {
      const first = await cli(command, folder, '--format', format);
      const second = await cli(command, folder, '--format', format);
      expect(second.stdout).toBe(first.stdout);
      expect(second.stderr).toBe(first.stderr);
      expect(second.status).toBe(first.status);
    }
  });
});
