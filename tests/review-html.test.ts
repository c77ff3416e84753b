import type { Browser, Page } from 'playwright-core';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { terminalProgress } from '../src/cli/progress';
import { launchChromium, openFile } from './browser/chromium';
import { cli, tempDir } from './helpers';
import { FIXTURE_NAME, writeReviewFixture } from './review-fixture';

describe('the review page in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let requests: string[];

  beforeAll(async () => {
    const html = join(tempDir(), 'review.html');
    const run = await cli('review', writeReviewFixture(), '--report', `html:${html}`);
    expect(run.status).toBe(2);
    browser = await launchChromium();
    ({ page, requests } = await openFile(browser, html));
  });

  afterAll(async () => {
    await browser?.close();
  });

  const column = (key: string): Promise<string[]> =>
    page.$$eval(`table.matrix tbody tr`, (rows, k) => {
      const index = Array.from(document.querySelectorAll('table.matrix th')).findIndex((th) => th.getAttribute('data-key') === k);
      return rows.map((row) => (row as HTMLTableRowElement).cells[index].textContent ?? '');
    }, key);

  test('shows the matrix: 21 bureau-years × 34 rules, failures marked', async () => {
    expect(await page.$$eval('table.matrix tbody tr', (rows) => rows.length)).toBe(21);
    expect(await page.$$eval('table.matrix tbody tr:first-child td.cell', (cells) => cells.length)).toBe(34);
    // archived 3 + online handling 2 + budget 2 + collective study 2
    expect(await page.$$eval('td.cell.s-fail', (cells) => cells.length)).toBe(9);
  });

  test('sorting by a column header orders the rows, and again reverses them', async () => {
    await page.click('th[data-key="fails"]');
    const ascending = (await column('fails')).map(Number);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await page.click('th[data-key="fails"]');
    const descending = (await column('fails')).map(Number);
    expect(descending[0]).toBe(2);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(await page.getAttribute('th[data-key="fails"]', 'aria-sort')).toBe('descending');
    await page.click('th[data-key="bureau"]');
    const names = await column('bureau');
    expect(names).toEqual([...names].sort());
  });

  test('a cell links to that bureau\'s finding for that rule', async () => {
    const row = page.locator('table.matrix tbody tr', { hasText: FIXTURE_NAME('430102') }).filter({ hasText: '2024' });
    await row.locator('td.cell[data-rule="HN-32-collective-study"] a').click();
    const target = await page.evaluate(() => {
      const article = document.querySelector(':target');
      return { rule: article?.getAttribute('data-rule'), status: article?.getAttribute('data-status'), bureau: article?.closest('section.bureau')?.querySelector('h3')?.textContent };
    });
    expect(target).toEqual({ rule: 'HN-32-collective-study', status: 'fail', bureau: `${FIXTURE_NAME('430102')} · 县市区 · 2024` });
    expect(await page.isVisible(':target')).toBe(true);
  });

  test('draws the per-rule bar chart, most-failed first', async () => {
    const bars = await page.$$eval('svg.rule-chart g.rule-bar', (groups) => groups.map((g) => [g.getAttribute('data-rule'), Number(g.getAttribute('data-fail'))]));
    expect(bars[0]).toEqual(['HN-12-archived', 3]);
  });

  test('lists regressions first, and the file it could not read', async () => {
    const sections = await page.$$eval('body > section', (s) => s.map((x) => x.className));
    expect(sections.indexOf('regressions')).toBeLessThan(sections.indexOf('improvements'));
    expect(await page.textContent('section.rejected')).toContain('430199-broken.yaml');
  });

  test('made no network request', () => {
    expect(requests).toEqual([]);
  });
});

describe('the progress bar', () => {
  const tty = (): NodeJS.WriteStream => Object.assign(new PassThrough(), { isTTY: true }) as unknown as NodeJS.WriteStream;

  test('is offered at a terminal', () => {
    expect(terminalProgress(tty(), { isTTY: true }, {})).toBeDefined();
  });

  test.each([
    ['under CI', tty(), { isTTY: true }, { CI: 'true' }],
    ['when the output is piped', tty(), { isTTY: false }, {}],
    ['when standard error is redirected', new PassThrough() as unknown as NodeJS.WriteStream, { isTTY: true }, {}],
  ])('is quiet %s', (_name, stream, output, env) => {
    expect(terminalProgress(stream, output, env)).toBeUndefined();
  });
});
