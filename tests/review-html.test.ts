import type { Browser, Page } from 'playwright-core';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { terminalProgress } from '../src/cli/progress';
import { launchChromium, openFile } from './browser/chromium';
import { cli, tempDir } from './helpers';
import { FIXTURE_NAME, RULE_IDS, ruleNo, writeReviewFixture } from './review-fixture';

/** The matrix leaves out the suffix every bureau's name ends in. */
const SHORT_NAME = (code: string): string => FIXTURE_NAME(code).replace(/人力资源和社会保障局$/, '');

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

  test('shows the matrix: 21 bureau-years × every rule, failures marked, each column numbered as in the pack', async () => {
    expect(await page.$$eval('table.matrix tbody tr', (rows) => rows.length)).toBe(21);
    expect(await page.$$eval('table.matrix tbody tr:first-child td.cell', (cells) => cells.length)).toBe(RULE_IDS.length);
    // A target's head is its Chinese title, its number below, the id and clause on hover.
    expect(await page.textContent(`table.matrix th[data-key="HN-12-archived"] span`)).toBe('重大行政决策立卷归档');
    expect(await page.textContent(`table.matrix th[data-key="HN-12-archived"] small`)).toBe(String(ruleNo('HN-12-archived')));
    expect(await page.getAttribute(`table.matrix th[data-key="HN-12-archived"]`, 'title')).toContain('HN-12-archived (十二)');
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
    const names = (await column('bureau')).map((name) => name.replace(/重复报送.*$/, ''));
    expect(names).toEqual([...names].sort());
  });

  test('a bureau lacking data sorts after the clean ones by 不通过 (fails, then missing data), and has its 缺数据 count', async () => {
    await page.click('th[data-key="bureau"]');
    await page.click('th[data-key="fails"]');
    const rows = await page.$$eval('table.matrix tbody tr', (trs) => {
      const head = Array.from(document.querySelectorAll('table.matrix th')).map((th) => th.getAttribute('data-key'));
      return trs.map((tr) => {
        const cells = (tr as HTMLTableRowElement).cells;
        return { code: cells[head.indexOf('code')].textContent, year: cells[head.indexOf('year')].textContent, fails: Number(cells[head.indexOf('fails')].textContent), missing: Number(cells[head.indexOf('missing')].textContent) };
      });
    });
    const lacking = rows.findIndex((r) => r.code === '430108' && r.year === '2023');
    expect(rows[lacking]).toMatchObject({ fails: 0, missing: 1 });
    expect(rows.slice(0, lacking).every((r) => r.fails === 0 && r.missing === 0)).toBe(true);
    expect(rows.slice(lacking + 1).every((r) => r.fails > 0)).toBe(true);
  });

  test('a duplicate row names its file', async () => {
    const notes = await page.$$eval('table.matrix td.name small.file', (smalls) => smalls.map((s) => s.textContent));
    expect(notes.sort()).toEqual(['重复报送:430106-resubmitted.yaml', '重复报送:430106.yaml']);
  });

  test('a cell links to that bureau\'s finding for that rule', async () => {
    const row = page.locator('table.matrix tbody tr', { hasText: SHORT_NAME('430102') }).filter({ hasText: '2024' });
    await row.locator('td.cell[data-rule="HN-32-collective-study"] a').click();
    const target = await page.evaluate(() => {
      const article = document.querySelector(':target');
      return { rule: article?.getAttribute('data-rule'), status: article?.getAttribute('data-status'), bureau: article?.closest('section.bureau')?.querySelector('h3')?.textContent };
    });
    expect(target).toEqual({ rule: 'HN-32-collective-study', status: 'fail', bureau: `${FIXTURE_NAME('430102')} 2024 年度` });
    expect(await page.isVisible(':target')).toBe(true);
  });

  test('the matrix is filtered by a name, a code or a year, and to the bureaus needing attention', async () => {
    const visible = (): Promise<string[]> => page.$$eval('table.matrix tbody tr:not([hidden]) td.name a', (links) => links.map((a) => a.textContent ?? ''));
    await page.fill('.matrix-filter input[type=search]', '430102 2024');
    expect(await visible()).toEqual([SHORT_NAME('430102')]);
    expect(await page.textContent('.matrix-filter output')).toBe('1 / 21');
    await page.fill('.matrix-filter input[type=search]', '');
    await page.check('.matrix-filter input[name=attention]');
    const attention = await page.$$eval('table.matrix tbody tr:not([hidden])', (rows) => rows.map((row) => [(row as HTMLTableRowElement).querySelectorAll('td.s-fail, td.s-missing_data').length]));
    expect(attention.length).toBeGreaterThan(0);
    expect(attention.length).toBeLessThan(21);
    expect(attention.every(([n]) => n > 0)).toBe(true);
    await page.uncheck('.matrix-filter input[name=attention]');
    expect(await page.textContent('.matrix-filter output')).toBe('21 / 21');
  });

  test('the name column drops the common suffix and keeps the full name on hover', async () => {
    const cell = page.locator('table.matrix td.name', { hasText: SHORT_NAME('430102') }).first();
    expect(await cell.locator('a').textContent()).toBe(SHORT_NAME('430102'));
    expect(await cell.getAttribute('title')).toBe(FIXTURE_NAME('430102'));
  });

  test('at 1280 px wide every column of the matrix is on screen: nothing cut off, no sideways scrolling', async () => {
    const wide = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await wide.goto(page.url());
    const fit = await wide.evaluate(() => {
      const scroll = document.querySelector('.scroll') as HTMLElement;
      const cells = Array.from(document.querySelectorAll('table.matrix thead th'));
      return { overflow: scroll.scrollWidth - scroll.clientWidth, right: Math.max(...cells.map((th) => th.getBoundingClientRect().right)), width: document.documentElement.clientWidth, heads: cells.length };
    });
    await wide.close();
    expect(fit.heads).toBe(6 + RULE_IDS.length);
    expect(fit.overflow).toBeLessThanOrEqual(0);
    expect(fit.right).toBeLessThanOrEqual(fit.width);
  });

  test('printed, the matrix is split across landscape pages, the bureau column on each, no column cut off', async () => {
    const paper = await browser.newPage();
    await paper.goto(page.url());
    await paper.emulateMedia({ media: 'print' });
    // A4 landscape less the page's 10 mm margins: 277 mm at 96 px to the inch.
    const printable = (277 / 25.4) * 96;
    await paper.setViewportSize({ width: Math.floor(printable), height: 700 });
    const parts = await paper.$$eval('table.paper', (tables) =>
      tables.map((table) => ({
        right: table.getBoundingClientRect().right,
        first: table.querySelector('thead th')?.textContent,
        numbers: Array.from(table.querySelectorAll('thead th.rule small')).map((small) => Number(small.textContent)),
        rows: table.querySelectorAll('tbody tr').length,
      })),
    );
    expect(await paper.isVisible('.scroll')).toBe(false);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.flatMap((p) => p.numbers)).toEqual(RULE_IDS.map((id) => ruleNo(id)));
    for (const part of parts) {
      expect(part.first).toBe('单位');
      expect(part.rows).toBe(21);
      expect(part.right).toBeLessThanOrEqual(printable);
    }
    const pdf = await paper.pdf({ preferCSSPageSize: true, printBackground: true });
    await paper.close();
    // Every page landscape A4: its media box 842 × 595 points.
    const boxes = pdf.toString('latin1').match(/\/MediaBox \[[^\]]*\]/g) ?? [];
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box).toMatch(/^\/MediaBox \[0 0 841\.9\d* 59[45]\.9?\d*\]$/);
  });

  test('draws the per-rule bar chart, most-failed first: Chinese labels, the figures its bar draws, a legend under Chinese titles', async () => {
    const bars = await page.$$eval('svg.rule-chart g.rule-bar', (groups) =>
      groups.map((g) => ({
        rule: g.getAttribute('data-rule'),
        fail: Number(g.getAttribute('data-fail')),
        label: g.querySelector('text.label')?.childNodes[1]?.textContent,
        tooltip: g.querySelector('text.label title')?.textContent,
        figures: g.querySelector('text.figures')?.textContent,
        segments: Array.from(g.querySelectorAll('rect')).map((r) => ({ status: r.getAttribute('data-status'), width: Number(r.getAttribute('width')) })),
      })),
    );
    expect(bars[0]).toMatchObject({ rule: 'HN-12-archived', fail: 3, label: `${ruleNo('HN-12-archived')} 重大行政决策立卷归档`, figures: '不通过 3' });
    expect(bars[0].tooltip).toContain('HN-12-archived');
    const lectures = bars.find((b) => b.rule === 'HN-32-law-lectures');
    expect(lectures).toMatchObject({ fail: 0, figures: '缺数据 1' });
    // The bar of 3 failures is three times as long as the bar of 1 missing figure: lengths and figures agree.
    expect(lectures?.segments.map((x) => x.status)).toEqual(['missing_data']);
    expect(lectures?.segments[0].width).toBeCloseTo(bars[0].segments[0].width / 3, 1);
    for (const bar of bars) expect(bar.label).not.toMatch(/HN-/);
    const legend = await page.$$eval('ul.chart-legend li', (items) => items.map((li) => [li.textContent, getComputedStyle(li.querySelector('.swatch') as Element).backgroundColor]));
    expect(legend).toEqual([['不通过', 'rgb(198, 40, 40)'], ['警告', 'rgb(239, 108, 0)'], ['缺数据', 'rgb(106, 27, 154)']]);
    expect(await page.textContent('section.rule-counts h2')).toBe('各指标不通过、警告、缺数据的单位数(按报送年度计,同一单位同一年度只计一次)');
  });

  test('with two years, a table of failures per year, and the duplicate it counted once', async () => {
    const row = await page.$$eval('table.year-counts tr[data-rule="HN-12-archived"] td', (tds) => tds.map((td) => td.textContent));
    expect(row).toEqual([`${ruleNo('HN-12-archived')} 重大行政决策立卷归档`, '1', '2', '3']);
    expect(await page.textContent('p.counted-once')).toContain('430106-resubmitted.yaml、430106.yaml');
  });

  test('lists regressions first, and the file it could not read', async () => {
    const sections = await page.$$eval('body > section', (s) => s.map((x) => x.className));
    expect(sections.indexOf('regressions')).toBeLessThan(sections.indexOf('improvements'));
    expect(await page.textContent('section.rejected')).toContain('430199-broken.yaml');
    expect(await page.textContent('header .sub')).toContain('规则包 hunan-hrss-fazhi-2022-2025 1.0.0');
    expect(await page.textContent('header .verdict')).toBe('未达标:9 项不通过;另缺 1 项数据');
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
