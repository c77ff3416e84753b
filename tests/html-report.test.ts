import type { Browser, Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, openFile } from './browser/chromium';
import { cli, SPEC_EXAMPLE, tempDir } from './helpers';

/** The HTML report of the contract's reference submission, opened in a real browser. */
describe('the HTML report in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let requests: string[];
  let findings: { rule: string; status: string; citation: { quote: string } }[];

  beforeAll(async () => {
    const dir = tempDir();
    const html = join(dir, 'report.html');
    const json = join(dir, 'findings.json');
    const run = await cli('check', SPEC_EXAMPLE, '--report', `html:${html}`, '--report', `json:${json}`);
    expect(run.status).toBe(1);
    findings = JSON.parse(readFileSync(json, 'utf8')).submissions[0].findings;
    browser = await launchChromium();
    ({ page, requests } = await openFile(browser, html));
  });

  afterAll(async () => {
    await browser?.close();
  });

  const visibleRules = (): Promise<string[]> => page.$$eval('article.finding:not([hidden])', (articles) => articles.map((a) => a.getAttribute('data-rule') ?? ''));

  test('shows every rule id, quote and status of the submission', async () => {
    expect(findings).toHaveLength(34);
    const shown = await page.$$eval('article.finding', (articles) =>
      articles.map((a) => ({ rule: a.getAttribute('data-rule'), status: a.getAttribute('data-status'), quote: a.querySelector('.quote')?.textContent, text: (a as HTMLElement).innerText })),
    );
    expect(shown).toHaveLength(34);
    for (const finding of findings) {
      const article = shown.find((s) => s.rule === finding.rule);
      expect(article).toMatchObject({ status: finding.status, quote: finding.citation.quote });
      expect(article?.text).toContain(finding.rule);
    }
    expect(await page.textContent('body')).toContain('示例市人力资源和社会保障局');
  });

  test('the status filter hides and shows findings', async () => {
    expect(await visibleRules()).toHaveLength(34);
    await page.uncheck('nav.filter input[data-status="pass"]');
    const withoutPasses = await visibleRules();
    expect(withoutPasses).toHaveLength(4);
    expect(withoutPasses).toEqual(expect.arrayContaining(['HN-10-filing', 'HN-12-archived', 'HN-12-comment-period', 'HN-20-gold-mediation-orgs']));
    await page.uncheck('nav.filter input[data-status="not_applicable"]');
    await page.uncheck('nav.filter input[data-status="warn"]');
    expect(await visibleRules()).toEqual(['HN-10-filing', 'HN-12-archived']);
    // Chapters with nothing left to show are hidden with their findings.
    expect(await page.$$eval('section.chapter:not([hidden])', (s) => s.length)).toBe(2);
    await page.check('nav.filter input[data-status="pass"]');
    expect(await visibleRules()).toHaveLength(32);
  });

  test('draws the summary as an inline SVG bar', async () => {
    const segments = await page.$$eval('svg.bar rect title', (titles) => titles.map((t) => t.textContent));
    expect(segments).toEqual(['通过 30', '不通过 2', '警告 1', '不适用 1']);
  });

  test('names the pack, its sha256 and the submission\'s sha256', async () => {
    const provenance = await page.textContent('table.provenance');
    expect(provenance).toContain('hunan-hrss-fazhi-2022-2025 1.0.0');
    expect(provenance).toMatch(/sha256 [0-9a-f]{64}/);
    expect(provenance).toContain('国办发明电〔2022〕16号');
    expect(provenance).toContain(`sha256 ${createHash('sha256').update(readFileSync(SPEC_EXAMPLE)).digest('hex')}`);
  });

  test('made no network request', () => {
    expect(requests).toEqual([]);
  });
});
