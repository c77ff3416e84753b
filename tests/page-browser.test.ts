import type { Browser, Page } from 'playwright-core';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { BUNDLED_PACKS } from '../src/core/paths';
import { readPackCases } from '../src/pack/cases';
import { loadPack } from '../src/pack/load';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './browser/chromium';
import { bin, cli, EXAMPLES, ROOT, SPEC_EXAMPLE, tempDir } from './helpers';
import { schemaPathFor } from '../src/cli/commands/template';
import { template } from '../src/run/template';

/**
 * The self-check page in headless Chromium, opened from file://: each submission loaded through its file input gets
 * the statuses `plancheck check FILE --format json` gives, the downloads are the CLI's bytes, and no request leaves
 * the file.
 */

interface JsonFinding {
  rule: string;
  status: string;
}
interface JsonSubmission {
  findings: JsonFinding[];
  error: { message: { zh: string; en: string } } | null;
}

async function cliStatuses(file: string): Promise<{ statuses: [string, string][]; submission: JsonSubmission }> {
  const run = await cli('check', file, '--format', 'json');
  const submission = (JSON.parse(run.stdout) as { submissions: JsonSubmission[] }).submissions[0];
  return { statuses: submission.findings.map((f) => [f.rule, f.status]), submission };
}

/** Chooses a file in the page's input and waits until its findings (or its problems) are shown. */
async function load(page: Page, file: string): Promise<number> {
  const before = await page.evaluate(() => (window as unknown as { checks?: number }).checks ?? 0);
  const started = Date.now();
  await page.setInputFiles('#file', file);
  await page.waitForFunction((n) => ((window as unknown as { checks?: number }).checks ?? 0) > n, before);
  return Date.now() - started;
}

function shownStatuses(page: Page): Promise<[string, string][]> {
  return page.$$eval('#report article.finding', (articles) => articles.map((a) => [a.getAttribute('data-rule') ?? '', a.getAttribute('data-status') ?? ''] as [string, string]));
}

const byRule = (list: [string, string][]): [string, string][] => [...list].sort(([a], [b]) => a.localeCompare(b));

describe('the self-check page in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let requests: string[];
  let dir: string;
  let pageFile: string;

  beforeAll(async () => {
    dir = tempDir();
    pageFile = join(dir, 'self-check.html');
    expect((await cli('page', '--out', pageFile)).status).toBe(0);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    // Counts the checks the page has shown, so that a test waits for the one it started (on every load of the page).
    await page.addInitScript(() => document.addEventListener('plancheck:checked', () => ((window as unknown as { checks: number }).checks = ((window as unknown as { checks?: number }).checks ?? 0) + 1)));
    requests = [];
    const url = pathToFileURL(pageFile).href;
    page.on('request', (request) => {
      if (request.url() !== url) requests.push(request.url());
    });
    await page.goto(url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(() => {
    expect(requests).toEqual([]);
  });

  const examples = readdirSync(EXAMPLES).filter((name) => name.endsWith('.yaml'));

  test.each(examples)('examples/%s: every rule has the status the CLI gives it, failures first in each chapter', async (name) => {
    const file = join(EXAMPLES, name);
    await load(page, file);
    const expected = await cliStatuses(file);
    const shown = await shownStatuses(page);
    expect(shown.length).toBe(expected.statuses.length);
    expect(byRule(shown)).toEqual(byRule(expected.statuses));
    const chapters = await page.$$eval('#report section.chapter', (sections) => sections.map((s) => Array.from(s.querySelectorAll('article.finding')).map((a) => a.getAttribute('data-status'))));
    for (const statuses of chapters) {
      const firstOther = statuses.findIndex((s) => s !== 'fail');
      if (firstOther >= 0) expect(statuses.slice(firstOther)).not.toContain('fail');
    }
    const fails = expected.statuses.filter(([, s]) => s === 'fail').length;
    const verdict = (await page.textContent('#verdict')) ?? '';
    expect(verdict).toContain(fails > 0 ? `有 ${fails} 项指标未达标` : '可以报送');
  });

  test('the workbook library (exceljs) runs only once a workbook is chosen', async () => {
    // exceljs's browser build sets window.regeneratorRuntime (its regenerator-runtime) when it runs: not for YAML.
    await load(page, join(EXAMPLES, 'city-2023.yaml'));
    expect(await page.evaluate(() => 'regeneratorRuntime' in window)).toBe(false);
  });

  test('the contract reference submission, the same as JSON and as a filled workbook: the CLI statuses each time', async () => {
    const expected = await cliStatuses(SPEC_EXAMPLE);
    const json = join(dir, 'reference.json');
    writeFileSync(json, JSON.stringify(parse(readFileSync(SPEC_EXAMPLE, 'utf8')), null, 2));
    const xlsx = join(dir, 'reference.xlsx');
    expect((await cli('convert', SPEC_EXAMPLE, '--to', 'xlsx', '--out', xlsx)).status).toBe(0);
    for (const file of [SPEC_EXAMPLE, json, xlsx]) {
      await load(page, file);
      expect(byRule(await shownStatuses(page))).toEqual(byRule((await cliStatuses(file)).statuses));
    }
    expect(await page.evaluate(() => 'regeneratorRuntime' in window)).toBe(true);
    expect(byRule((await cliStatuses(xlsx)).statuses)).toEqual(byRule(expected.statuses));
  });

  test('bad input shows the CLI message, and says it cannot be filed', async () => {
    const file = join(ROOT, 'tests', 'fixtures', 'broken-rate.yaml');
    await load(page, file);
    const { submission } = await cliStatuses(file);
    expect(submission.error).not.toBeNull();
    expect(await page.textContent('#report')).toContain(submission.error?.message.zh);
    expect(await page.textContent('#verdict')).toContain('不能报送');
    expect(await page.$$('#report article.finding')).toHaveLength(0);
  });

  test('a file that is no submission is refused in words', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, '2024 年度报告');
    await load(page, file);
    expect(await page.textContent('#verdict')).toBe('notes.txt: 只能检查 .yaml、.yml、.json 或 .xlsx 文件');
  });

  test('the downloaded report has the bytes `plancheck check FILE --format html` writes', async () => {
    const file = join(dir, 'county-2024-with-failures.yaml');
    copyFileSync(join(EXAMPLES, basename(file)), file);
    await load(page, file);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-report')]);
    const saved = readFileSync((await download.path()) as string, 'utf8');
    const run = bin(['check', basename(file), '--format', 'html'], dir);
    expect(run.status).toBe(1);
    expect(saved).toBe(run.stdout);
  });

  test('the downloaded YAML has the bytes `plancheck convert FILE --to yaml` writes beside the page, and checks the same', async () => {
    const file = join(dir, 'city-2023.yaml');
    copyFileSync(join(EXAMPLES, basename(file)), file);
    await load(page, file);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-yaml')]);
    expect(download.suggestedFilename()).toBe('city-2023.yaml');
    const saved = join(dir, 'downloaded.yaml');
    await download.saveAs(saved);
    const converted = bin(['convert', basename(file), '--to', 'yaml', '--out', 'converted.yaml'], dir);
    expect(converted.status).toBe(0);
    expect(readFileSync(saved, 'utf8')).toBe(readFileSync(join(dir, 'converted.yaml'), 'utf8'));
    expect((await cliStatuses(saved)).statuses).toEqual((await cliStatuses(file)).statuses);
  });

  test('the downloaded workbook reads back with the CLI to the same statuses', async () => {
    const file = join(EXAMPLES, 'county-2024-with-failures.yaml');
    await load(page, file);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-xlsx')]);
    expect(download.suggestedFilename()).toBe('county-2024-with-failures.xlsx');
    const saved = join(dir, 'downloaded.xlsx');
    await download.saveAs(saved);
    const statuses = (await cliStatuses(saved)).statuses;
    expect(statuses).toEqual((await cliStatuses(file)).statuses);
    expect(statuses.some(([, status]) => status === 'fail')).toBe(true);
  });

  test("no data download for a file that does not read (convert would refuse it)", async () => {
    await load(page, join(ROOT, 'tests', 'fixtures', 'broken-rate.yaml'));
    expect(await page.isVisible('#download-report')).toBe(true);
    expect(await page.isVisible('#download-yaml')).toBe(false);
    expect(await page.isVisible('#download-xlsx')).toBe(false);
  });

  test("the form's way in: a plain object goes the way of a loaded file, to the CLI's statuses", async () => {
    const object = parse(readFileSync(join(EXAMPLES, 'province-2024.yaml'), 'utf8')) as unknown;
    const before = await page.evaluate(() => (window as unknown as { checks?: number }).checks ?? 0);
    await page.evaluate((data) => (window as unknown as { plancheckPage: { onData(d: unknown): Promise<void> } }).plancheckPage.onData(data), object);
    await page.waitForFunction((n) => ((window as unknown as { checks?: number }).checks ?? 0) > n, before);
    expect(byRule(await shownStatuses(page))).toEqual(byRule((await cliStatuses(join(EXAMPLES, 'province-2024.yaml'))).statuses));
    // A mistake in the form's data: the CLI's message for the same data in a file.
    const wrong = { ...(object as Record<string, unknown>), year: '二〇二四' };
    const file = join(dir, '表单数据.json');
    writeFileSync(file, `${JSON.stringify(wrong, null, 2)}\n`);
    const { submission } = await cliStatuses(file);
    await page.evaluate((data) => (window as unknown as { plancheckPage: { onData(d: unknown): Promise<void> } }).plancheckPage.onData(data), wrong);
    expect(await page.textContent('#report')).toContain(submission.error?.message.zh);
  });

  test('the template the form is drawn from is the one `plancheck template --level --year` builds', async () => {
    const shown = await page.evaluate(() => (window as unknown as { plancheckPage: { formTemplate(l: string, y: number): { template?: unknown } } }).plancheckPage.formTemplate('county', 2024).template);
    const expected = template({ level: 'county', year: 2024, schemaPath: schemaPathFor(pageFile) }).template;
    expect(expected).toBeDefined();
    expect(shown).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  test('a file dropped on the page is checked as one chosen', async () => {
    const file = join(EXAMPLES, 'city-2024-all-met.yaml');
    const before = await page.evaluate(() => (window as unknown as { checks?: number }).checks ?? 0);
    const text = readFileSync(file, 'utf8');
    await page.evaluate(([name, content]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], name, { type: 'application/yaml' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, [basename(file), text]);
    await page.waitForFunction((n) => ((window as unknown as { checks?: number }).checks ?? 0) > n, before);
    expect(byRule(await shownStatuses(page))).toEqual(byRule((await cliStatuses(file)).statuses));
    expect(await page.textContent('#verdict')).toContain('可以报送:各项指标均已检查');
  });

  test('the level and year chosen say how many targets apply, as `plancheck template` counts them', async () => {
    await page.selectOption('#level', 'city');
    await page.selectOption('#year', '2023');
    const expected = template({ level: 'city', year: 2023, schemaPath: '' }).template?.ruleCount;
    expect(await page.textContent('#scope-note')).toBe(`市级单位 2023 年度适用 ${expected} 项指标。`);
  });

  test('a reload keeps the file checked; 清空 forgets it', async () => {
    const file = join(EXAMPLES, 'city-2023.yaml');
    await load(page, file);
    const before = await shownStatuses(page);
    await page.reload();
    await page.waitForSelector('#report article.finding');
    expect(await shownStatuses(page)).toEqual(before);
    await page.click('#clear');
    expect(await page.$$('#report article.finding')).toHaveLength(0);
    expect(await page.textContent('#verdict')).toBe('尚未选择文件,也未填写表单。填写任一项后即开始检查。');
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await page.reload();
    await page.waitForLoadState('load');
    expect(await page.$$('#report article.finding')).toHaveLength(0);
  });

  test('an example shows its findings within a second of being chosen', async () => {
    const times: number[] = [];
    for (let i = 0; i < 3; i += 1) times.push(await load(page, join(EXAMPLES, 'county-2024-with-failures.yaml')));
    process.stdout.write(`page: findings shown ${times.join(', ')} ms after the file was chosen\n`);
    expect(Math.min(...times)).toBeLessThan(1000);
  });
});

describe('the self-check page with both bundled packs, on every case of their own tests', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('each case submission loaded through the file input gets, rule by rule, the statuses the CLI gives it', async () => {
    const dir = tempDir();
    const packs = ['hunan-hrss-fazhi-2022-2025', 'cn-national-baseline'];
    const pageFile = join(dir, 'two-packs.html');
    expect((await cli('page', '--out', pageFile, ...packs.flatMap((p) => ['--pack', p]))).status).toBe(0);
    const files = Object.values(BUNDLED_PACKS).flatMap((packFile) => {
      const { cases, problems } = readPackCases(packFile, loadPack(packFile).rules.map((rule) => rule.id));
      expect(problems).toEqual([]);
      return cases.map((c, i) => {
        const file = join(dir, `${basename(dirname(packFile))}-${String(i + 1).padStart(3, '0')}.yaml`);
        writeFileSync(file, stringify(c.submission));
        return file;
      });
    });
    expect(files.length).toBeGreaterThan(150);
    const run = await cli('check', ...files, ...packs.flatMap((p) => ['--pack', p]), '--format', 'json');
    const expected = (JSON.parse(run.stdout) as { submissions: JsonSubmission[] }).submissions.map((s) => (s.error ? `error: ${s.error.message.zh}` : byRule(s.findings.map((f) => [f.rule, f.status]))));
    page = await browser.newPage();
    await page.addInitScript(() => document.addEventListener('plancheck:checked', () => ((window as unknown as { checks: number }).checks = ((window as unknown as { checks?: number }).checks ?? 0) + 1)));
    const url = pathToFileURL(pageFile).href;
    page.on('request', (request) => {
      if (request.url() !== url) requests.push(request.url());
    });
    await page.goto(url, { waitUntil: 'load' });
    const shown: unknown[] = [];
    for (const file of files) {
      await load(page, file);
      const statuses = await shownStatuses(page);
      shown.push(statuses.length > 0 ? byRule(statuses) : `error: ${(await page.textContent('#report ul.error li')) ?? ''}`);
    }
    expect(shown).toEqual(expected);
    expect(requests).toEqual([]);
  }, 300_000);

  test('in a browser without the functions of 2021 (Object.hasOwn, at, replaceAll: Chromium before 93), the same statuses', async () => {
    const dir = tempDir();
    const pageFile = join(dir, 'old-browser.html');
    expect((await cli('page', '--out', pageFile)).status).toBe(0);
    const old = await browser.newPage();
    const errors: string[] = [];
    old.on('pageerror', (error) => errors.push(error.message));
    await old.addInitScript(() => {
      const gone = (target: object, name: string): boolean => Reflect.deleteProperty(target, name);
      gone(Object, 'hasOwn');
      gone(Array.prototype, 'at');
      gone(String.prototype, 'at');
      gone(String.prototype, 'replaceAll');
      document.addEventListener('plancheck:checked', () => ((window as unknown as { checks: number }).checks = ((window as unknown as { checks?: number }).checks ?? 0) + 1));
    });
    await old.goto(pathToFileURL(pageFile).href, { waitUntil: 'load' });
    const file = join(EXAMPLES, 'county-2024-with-failures.yaml');
    await load(old, file);
    expect(errors).toEqual([]);
    expect(byRule(await shownStatuses(old))).toEqual(byRule((await cliStatuses(file)).statuses));
    await old.close();
  });

  test('in English (--lang en): the words of the page and the CLI messages in English', async () => {
    const dir = tempDir();
    const pageFile = join(dir, 'en.html');
    expect((await cli('page', '--out', pageFile, '--lang', 'en')).status).toBe(0);
    const en = await browser.newPage();
    await en.addInitScript(() => document.addEventListener('plancheck:checked', () => ((window as unknown as { checks: number }).checks = ((window as unknown as { checks?: number }).checks ?? 0) + 1)));
    await en.goto(pathToFileURL(pageFile).href, { waitUntil: 'load' });
    expect(await en.textContent('#verdict')).toBe('No file chosen and nothing filled in yet. Checking begins with the first value filled in.');
    const file = join(ROOT, 'tests', 'fixtures', 'broken-rate.yaml');
    await load(en, file);
    const { submission } = await cliStatuses(file);
    expect(await en.textContent('#report')).toContain(submission.error?.message.en);
    expect(await en.textContent('#verdict')).toContain('Cannot be filed');
    await en.close();
  });
});
