import type { Browser, Page } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './browser/chromium';
import { cli, EXAMPLES, readYaml, ROOT, tempDir, type Data } from './helpers';

/**
 * The self-check page's form, as a clerk uses it, in headless Chromium from file://: a county's submission filled in
 * from an empty page, value by value through the controls, the findings changing as it goes; the page reloaded and
 * the data still there; the YAML downloaded and checked with the CLI. And a file loaded is shown in the form, its
 * mistakes on their fields. No request leaves the file.
 */

const EXAMPLE = join(EXAMPLES, 'county-2024-with-failures.yaml');
const CHECKING = '正在检查……';

type Statuses = [string, string][];

async function cliStatuses(file: string): Promise<{ status: number; statuses: Statuses }> {
  const run = await cli('check', file, '--format', 'json');
  const submission = (JSON.parse(run.stdout) as { submissions: { findings: { rule: string; status: string }[] }[] }).submissions[0];
  return { status: run.status, statuses: byRule(submission.findings.map((f) => [f.rule, f.status])) };
}

const byRule = (list: Statuses): Statuses => [...list].sort(([a], [b]) => a.localeCompare(b));

function shownStatuses(page: Page): Promise<Statuses> {
  return page.$$eval('#report article.finding', (articles) => articles.map((a) => [a.getAttribute('data-rule') ?? '', a.getAttribute('data-status') ?? ''] as [string, string])).then(byRule);
}

function statusOf(statuses: Statuses, rule: string): string | undefined {
  return statuses.find(([id]) => id === rule)?.[1];
}

function count(statuses: Statuses, status: string): number {
  return statuses.filter(([, s]) => s === status).length;
}

function checksShown(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { checks?: number }).checks ?? 0);
}

/**
 * Waits until the check of what was last typed is shown: a check was shown since `before`, none is running, and no
 * other starts within a moment (each value typed starts one, and only the last one's findings are drawn).
 */
async function settled(page: Page, before: number): Promise<void> {
  await page.waitForFunction((n) => ((window as unknown as { checks?: number }).checks ?? 0) > n, before);
  for (;;) {
    await page.waitForFunction((checking) => document.getElementById('verdict')?.textContent !== checking, CHECKING);
    const shown = await checksShown(page);
    await page.waitForTimeout(150);
    if ((await checksShown(page)) === shown && (await page.textContent('#verdict')) !== CHECKING) return;
  }
}

/** The control of the value at a path (`services.online_handling_rate`, `enforcement.decisions[1].decided_on`). */
function control(page: Page, path: string): ReturnType<Page['locator']> {
  return page.locator(`[id="pcf-${path}"]`);
}

async function setValue(page: Page, path: string, value: unknown): Promise<void> {
  const input = control(page, path);
  if ((await input.count()) !== 1) throw new Error(`the form has no control for ${path}`);
  const tag = await input.evaluate((node) => node.tagName);
  if (tag === 'SELECT') await input.selectOption(String(value));
  else await input.fill(String(value));
}

/** A cell's 出处 is folded under its own summary: opened, as a clerk clicks it, before it is typed in. */
async function setSource(page: Page, path: string, source: string): Promise<void> {
  const input = control(page, `${path}.source`);
  await input.evaluate((node) => {
    const fold = node.closest('details');
    if (fold) fold.open = true;
  });
  await input.fill(source);
}

/**
 * Types a submission's data into the form through its controls, in the order it is written: a record table's rows
 * added with its button, a list of none ticked 无, a procedure not required chosen with its reason, a source typed
 * beside its value. `after` is called after each value.
 */
async function fill(page: Page, node: unknown, path: string, after: (path: string) => Promise<void>): Promise<void> {
  if (Array.isArray(node)) {
    if (node.length === 0) {
      await control(page, `${path}-none`).check();
    } else {
      const add = page.locator(`[data-list="${path}"] .pcf-add`);
      for (let i = 0; i < node.length; i++) await add.click();
      for (const [i, record] of node.entries()) await fill(page, record, `${path}[${i}]`, after);
    }
    return after(path);
  }
  if (node !== null && typeof node === 'object') {
    const object = node as Data;
    if ('not_required' in object) {
      await setValue(page, path, 'not_required');
      await control(page, `${path}.not_required`).fill(String(object.not_required));
      return after(path);
    }
    if ('value' in object) {
      await setValue(page, path, object.value);
      if (typeof object.source === 'string') await setSource(page, path, object.source);
      return after(path);
    }
    for (const [key, child] of Object.entries(object)) await fill(page, child, path ? `${path}.${key}` : key, after);
    return;
  }
  await setValue(page, path, node);
  await after(path);
}

describe('the self-check page’s form in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let requests: string[];
  let dir: string;
  let url: string;

  beforeAll(async () => {
    dir = tempDir();
    const pageFile = join(dir, '自查.html');
    expect((await cli('page', '--out', pageFile, '--level', 'county', '--year', '2024')).status).toBe(0);
    url = pathToFileURL(pageFile).href;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    // A new context each time: its own localStorage, so that no test finds what another typed.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    await page.addInitScript(() => document.addEventListener('plancheck:checked', () => ((window as unknown as { checks: number }).checks = ((window as unknown as { checks?: number }).checks ?? 0) + 1)));
    requests = [];
    page.on('request', (request) => {
      if (request.url() !== url) requests.push(request.url());
    });
    await page.goto(url, { waitUntil: 'load' });
  });

  afterEach(async () => {
    await page.context().close();
    expect(requests).toEqual([]);
  });

  test('a county filled in from empty: the findings change as values are typed, a reload keeps them, the YAML downloaded checks the same with the CLI', async () => {
    // Empty: the form for a county in 2024, nothing checked yet.
    expect(await page.inputValue('#level')).toBe('county');
    expect(await page.inputValue('#year')).toBe('2024');
    expect(await page.textContent('#scope-note')).toMatch(/^县级单位 2024 年度适用 \d+ 项指标。$/);
    expect(await page.textContent('#verdict')).toBe('尚未选择文件,也未填写表单。填写任一项后即开始检查。');
    expect(await page.$$('#report article.finding')).toHaveLength(0);
    expect(await control(page, 'bureau.level').inputValue()).toBe('county');

    // The first value typed: every target is checked, and each lacks its data.
    let before = await checksShown(page);
    await control(page, 'bureau.name').fill('示例县人力资源和社会保障局');
    await settled(page, before);
    const first = await shownStatuses(page);
    expect(first.length).toBeGreaterThan(30);
    expect(count(first, 'pass')).toBe(0);
    expect(count(first, 'fail')).toBe(0);
    expect(statusOf(first, 'HN-07-online-handling-rate')).toBe('missing_data');
    expect(await page.textContent('#verdict')).toContain('暂不能报送');

    // One rate, under and then at its threshold: that target fails, then passes, the others unchanged.
    before = await checksShown(page);
    await control(page, 'services.online_handling_rate').fill('89.9');
    await settled(page, before);
    const under = await shownStatuses(page);
    expect(statusOf(under, 'HN-07-online-handling-rate')).toBe('fail');
    expect(under.filter(([rule]) => rule !== 'HN-07-online-handling-rate')).toEqual(first.filter(([rule]) => rule !== 'HN-07-online-handling-rate'));
    before = await checksShown(page);
    await control(page, 'services.online_handling_rate').fill('90%');
    await settled(page, before);
    expect(statusOf(await shownStatuses(page), 'HN-07-online-handling-rate')).toBe('pass');
    await control(page, 'services.online_handling_rate').fill('');

    // The whole example typed in, value by value: the targets lacking data only ever fewer, until none lacks it.
    const example = readYaml(EXAMPLE);
    delete (example.bureau as Data).level;
    delete example.year;
    // A decision's title is no field of the template, which has what the rules read (as the workbook's columns):
    // a loaded file's titles are kept as loaded (tests/page-form.test.ts). No rule reads it, so the statuses stay.
    for (const item of (example.major_decisions as { items: Data[] }).items) delete item.title;
    let missing = count(first, 'missing_data');
    const seen: number[] = [];
    await fill(page, example, '', async (path) => {
      // Checked at each chapter's end, as a clerk looks up from the form.
      if (!['functions.licensing_lists', 'enforcement.minor_violation_exemption_list', 'training.constitutional_oath', 'oversight.enforcement_supervisors'].some((end) => path.startsWith(end))) return;
      await page.waitForTimeout(50);
      await settled(page, (await checksShown(page)) - 1);
      const now = count(await shownStatuses(page), 'missing_data');
      expect(now).toBeLessThanOrEqual(missing);
      seen.push(now);
      missing = now;
    });
    await page.waitForTimeout(50);
    await settled(page, (await checksShown(page)) - 1);
    // Five looks: after 二、三项 (its last two fields), 五、, 八、 and the last chapter.
    expect(seen).toHaveLength(5);
    expect(seen[0]).toBeLessThan(count(first, 'missing_data'));
    const expected = await cliStatuses(EXAMPLE);
    const typed = await shownStatuses(page);
    expect(typed).toEqual(expected.statuses);
    expect(count(typed, 'fail')).toBeGreaterThan(0);
    const verdict = await page.textContent('#verdict');
    expect(verdict).toContain(`有 ${count(typed, 'fail')} 项指标未达标`);
    // The report drawn is of the form's data.
    expect(await page.textContent('#report')).toContain('表单数据.json');

    // A reload: the form holds what was typed, and the same findings are shown.
    before = await checksShown(page);
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => ((window as unknown as { checks?: number }).checks ?? 0) > 0);
    expect(await control(page, 'bureau.name').inputValue()).toBe('示例县人力资源和社会保障局');
    expect(await control(page, 'services.online_handling_rate').inputValue()).toBe('85%');
    expect(await control(page, 'services.bad_review_followup_rate.source').inputValue()).toBe('县政务服务中心好差评台账 2024年12月');
    expect(await control(page, 'enforcement.decisions[1].withheld_under').inputValue()).toBe('《中华人民共和国政府信息公开条例》第十五条');
    expect(await control(page, 'major_decisions.items[0].expert_review.not_required').inputValue()).toContain('不涉及专业性');
    expect(await control(page, 'normative_documents.items-none').isChecked()).toBe(true);
    expect(await shownStatuses(page)).toEqual(expected.statuses);
    expect(await page.textContent('#verdict')).toBe(verdict);

    // The YAML downloaded: the CLI reads it to the same statuses and exit status as the example it was typed from.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-yaml')]);
    expect(download.suggestedFilename()).toBe('表单数据.yaml');
    const saved = join(dir, '表单数据.yaml');
    await download.saveAs(saved);
    expect(readFileSync(saved, 'utf8')).toContain('name: 示例县人力资源和社会保障局');
    const downloaded = await cliStatuses(saved);
    expect(downloaded).toEqual(expected);
  });

  test('a file chosen is shown in the form, its mistake on its field; corrected there, it is checked as typed', async () => {
    const file = join(ROOT, 'tests', 'fixtures', 'broken-rate.yaml');
    let before = await checksShown(page);
    await page.setInputFiles('#file', file);
    await settled(page, before);
    expect(await page.textContent('#verdict')).toContain('不能报送');
    expect(await control(page, 'bureau.name').inputValue()).toBe('错误示例县人力资源和社会保障局');
    const rate = control(page, 'services.online_handling_rate');
    expect(await rate.getAttribute('aria-invalid')).toBe('true');
    const message = (await page.textContent('[id="pcf-services.online_handling_rate-msg"]')) ?? '';
    const run = await cli('check', file, '--format', 'json');
    const error = (JSON.parse(run.stdout) as { submissions: { error: { problems: { message: { zh: string } }[] } }[] }).submissions[0].error;
    expect(message).toContain(error.problems[0].message.zh);
    // The report is the file's, under its name, until something is typed.
    expect(await page.textContent('#report')).toContain('broken-rate.yaml');
    before = await checksShown(page);
    await rate.fill('95%');
    await settled(page, before);
    expect(await rate.getAttribute('aria-invalid')).toBeNull();
    expect(await page.isHidden('[id="pcf-services.online_handling_rate-msg"]')).toBe(true);
    expect(statusOf(await shownStatuses(page), 'HN-07-online-handling-rate')).toBe('pass');
    expect(await page.textContent('#report')).toContain('表单数据.json');
  });

  test('a city’s file chosen: the level and year follow it, and the city’s targets are shown in the form', async () => {
    const file = join(EXAMPLES, 'city-2023.yaml');
    const before = await checksShown(page);
    await page.setInputFiles('#file', file);
    await settled(page, before);
    expect(await page.inputValue('#level')).toBe('city');
    expect(await page.inputValue('#year')).toBe('2023');
    expect(await page.textContent('#scope-note')).toMatch(/^市级单位 2023 年度适用 \d+ 项指标。$/);
    expect(await control(page, 'bureau.name').inputValue()).toBe((readYaml(file).bureau as Data).name);
    expect(await shownStatuses(page)).toEqual((await cliStatuses(file)).statuses);
  });

  test('the level changed in the drop-down: the form is drawn for it, what was typed is kept and checked for the new level', async () => {
    let before = await checksShown(page);
    await control(page, 'bureau.name').fill('示例市人力资源和社会保障局');
    await control(page, 'services.online_handling_rate').fill('95%');
    await settled(page, before);
    before = await checksShown(page);
    await page.selectOption('#level', 'city');
    await settled(page, before);
    expect(await control(page, 'bureau.level').inputValue()).toBe('city');
    expect(await control(page, 'bureau.name').inputValue()).toBe('示例市人力资源和社会保障局');
    expect(await control(page, 'services.online_handling_rate').inputValue()).toBe('95%');
    expect(await page.textContent('#scope-note')).toMatch(/^市级单位 2024 年度适用/);
    // The same data as a file for a city: the statuses the CLI gives it.
    const file = join(dir, 'city.yaml');
    writeFileSync(file, 'bureau:\n  name: 示例市人力资源和社会保障局\n  level: city\nyear: 2024\nservices:\n  online_handling_rate: 95%\n');
    expect(await shownStatuses(page)).toEqual((await cliStatuses(file)).statuses);
    // And the other way: the level chosen in the form moves the drop-down.
    before = await checksShown(page);
    await control(page, 'bureau.level').selectOption('county');
    await settled(page, before);
    expect(await page.inputValue('#level')).toBe('county');
    expect(await control(page, 'services.online_handling_rate').inputValue()).toBe('95%');
  });

  test('清空 empties the form and the findings, and a reload finds nothing kept', async () => {
    const before = await checksShown(page);
    await control(page, 'bureau.name').fill('示例县人力资源和社会保障局');
    await settled(page, before);
    await page.click('#clear');
    expect(await control(page, 'bureau.name').inputValue()).toBe('');
    expect(await page.$$('#report article.finding')).toHaveLength(0);
    await page.reload({ waitUntil: 'load' });
    await page.waitForTimeout(300);
    expect(await control(page, 'bureau.name').inputValue()).toBe('');
    expect(await page.textContent('#verdict')).toBe('尚未选择文件,也未填写表单。填写任一项后即开始检查。');
    expect(await checksShown(page)).toBe(0);
  });
});
