import type { Browser, Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, openFile } from './browser/chromium';
import { cli, SPEC_EXAMPLE, tempDir } from './helpers';
import { RULE_IDS } from './review-fixture';

/** The HTML report of the contract's reference submission, opened in a real browser. */
describe('the HTML report in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let requests: string[];
  let findings: { rule: string; status: string; severity: string; citation: { quote: string } }[];
  let summary: Record<string, number>;

  beforeAll(async () => {
    const dir = tempDir();
    const html = join(dir, 'report.html');
    const json = join(dir, 'findings.json');
    const run = await cli('check', SPEC_EXAMPLE, '--report', `html:${html}`, '--report', `json:${json}`);
    expect(run.status).toBe(1);
    ({ findings, summary } = JSON.parse(readFileSync(json, 'utf8')).submissions[0]);
    browser = await launchChromium();
    ({ page, requests } = await openFile(browser, html));
  });

  afterAll(async () => {
    await browser?.close();
  });

  const visibleRules = (): Promise<string[]> => page.$$eval('article.finding:not([hidden])', (articles) => articles.map((a) => a.getAttribute('data-rule') ?? ''));

  test('shows every rule id, quote, status and severity of the submission', async () => {
    expect(findings.map((f) => f.rule)).toEqual(RULE_IDS);
    const shown = await page.$$eval('article.finding', (articles) =>
      articles.map((a) => ({ rule: a.getAttribute('data-rule'), status: a.getAttribute('data-status'), quote: a.querySelector('.quote')?.textContent, severity: a.querySelector('.severity')?.textContent, text: (a as HTMLElement).innerText })),
    );
    expect(shown).toHaveLength(RULE_IDS.length);
    const severities: Record<string, string> = { critical: '关键', major: '重要', minor: '一般' };
    for (const finding of findings) {
      const article = shown.find((s) => s.rule === finding.rule);
      expect(article).toMatchObject({ status: finding.status, quote: finding.citation.quote, severity: severities[finding.severity] });
      expect(article?.text).toContain(finding.rule);
    }
  });

  test('heads the submission with the bureau and year, the file path below', async () => {
    expect(await page.textContent('section.submission h2')).toBe('示例市人力资源和社会保障局 2023 年度');
    expect(await page.textContent('section.submission p.file')).toBe(`市级 · 文件 ${SPEC_EXAMPLE}`);
  });

  test('the status filter hides and shows findings', async () => {
    const rulesWith = (hidden: string[]): string[] => findings.filter((f) => !hidden.includes(f.status)).map((f) => f.rule).sort();
    expect(await visibleRules()).toHaveLength(RULE_IDS.length);
    await page.uncheck('nav.filter input[data-status="pass"]');
    const withoutPasses = await visibleRules();
    expect(withoutPasses.sort()).toEqual(rulesWith(['pass']));
    expect(withoutPasses).toEqual(expect.arrayContaining(['HN-10-filing', 'HN-12-archived', 'HN-12-comment-period', 'HN-20-gold-mediation-orgs']));
    await page.uncheck('nav.filter input[data-status="not_applicable"]');
    await page.uncheck('nav.filter input[data-status="warn"]');
    await page.uncheck('nav.filter input[data-status="missing_data"]');
    expect((await visibleRules()).sort()).toEqual(['HN-10-filing', 'HN-12-archived']);
    // Chapters with nothing left to show are hidden with their findings.
    const chapters = await page.$$eval('section.chapter', (s) => s.map((c) => [c.hasAttribute('hidden'), c.querySelectorAll('article.finding:not([hidden])').length] as const));
    expect(chapters.filter(([hidden]) => !hidden).length).toBeGreaterThan(0);
    for (const [hidden, visible] of chapters) expect(hidden).toBe(visible === 0);
    await page.check('nav.filter input[data-status="pass"]');
    expect((await visibleRules()).sort()).toEqual(rulesWith(['not_applicable', 'warn', 'missing_data']));
  });

  test('draws the summary as an inline SVG bar', async () => {
    const segments = await page.$$eval('svg.bar rect title', (titles) => titles.map((t) => t.textContent));
    const labels: Record<string, string> = { pass: '通过', fail: '不通过', warn: '警告', pending: '待到期', not_applicable: '不适用', missing_data: '缺数据', waived: '已豁免' };
    expect(segments).toEqual(Object.entries(summary).filter(([, n]) => n > 0).map(([status, n]) => `${labels[status]} ${n}`));
    expect(segments).toEqual(expect.arrayContaining(['不通过 2', '警告 1']));
  });

  test('names the pack, its sha256 and the submission\'s sha256', async () => {
    const provenance = await page.textContent('table.provenance');
    expect(provenance).toContain('hunan-hrss-fazhi-2022-2025 1.0.0');
    expect(provenance).toMatch(/sha256 [0-9a-f]{64}/);
    expect(provenance).toMatch(/2023 年:国办发明电〔2022〕16号\(chinese-days \d+\.\d+\.\d+ 数据\)/);
    expect(provenance).toContain(`sha256 ${createHash('sha256').update(readFileSync(SPEC_EXAMPLE)).digest('hex')}`);
  });

  test('made no network request', () => {
    expect(requests).toEqual([]);
  });
});
