import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { isInputError, type InputProblem } from '../src/intake/problem';
import { template } from '../src/run/template';
import { parseSubmission } from '../src/submission/load';
import { launchChromium, openFile } from './browser/chromium';
import { EXAMPLES, readYaml, ROOT, tempDir } from './helpers';

/**
 * The self-check page's form (src/page/form/) in Chromium: a harness page (tests/browser/form-harness.ts, bundled
 * here with esbuild for the browser, as the page is) mounts it in a <form> with the county 2024 template; what
 * `onChange` emits is read back from `window`.
 */

type Data = Record<string, unknown>;

let browser: Browser;
let harnessFile: string;
let page: Page;
let requests: string[];

/** A harness page: the template and the first data as JSON, then the bundled form. */
async function harness(initial: unknown, lang = 'zh'): Promise<string> {
  const outcome = template({ level: 'county', year: 2024, schemaPath: 'submission.schema.json' });
  const bundle = await build({ entryPoints: [join(ROOT, 'tests', 'browser', 'form-harness.ts')], bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'silent' });
  const json = (value: unknown): string => JSON.stringify(value ?? null).replace(/</g, '\\u003c');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>form</title></head><body><form id="form-root"></form>
<script>window.formTemplate = ${json(outcome.template)}; window.formLang = ${json(lang)}; window.formInitial = ${initial === undefined ? 'undefined' : json(initial)};</script>
<script>${bundle.outputFiles[0].text.replace(/<\/script/gi, '<\\/script')}</script></body></html>`;
  const file = join(tempDir(), 'form.html');
  writeFileSync(file, html);
  return file;
}

/** The control a label names, exactly (a value's 出处 is named after it: 网上可办率 出处). */
function label(text: string): ReturnType<Page['getByLabel']> {
  return page.getByLabel(text, { exact: true });
}

async function last(): Promise<Data> {
  return page.evaluate(() => {
    const emitted = (window as unknown as { formEmitted: Data[] }).formEmitted;
    return emitted[emitted.length - 1];
  });
}

async function emittedCount(): Promise<number> {
  return page.evaluate(() => (window as unknown as { formEmitted: Data[] }).formEmitted.length);
}

async function setData(data: unknown): Promise<void> {
  await page.evaluate((d) => (window as unknown as { formHandle: { setData(x: unknown): void } }).formHandle.setData(d), data);
}

async function showProblems(problems: InputProblem[]): Promise<void> {
  await page.evaluate((p) => (window as unknown as { formHandle: { showProblems(x: unknown): void } }).formHandle.showProblems(p), problems);
}

/** The problems the CLI's own reading of a submission finds in data (as a JSON file: JSON is YAML). */
async function problemsOf(data: Data): Promise<InputProblem[]> {
  try {
    await parseSubmission('自查.json', Buffer.from(JSON.stringify(data)));
    return [];
  } catch (error) {
    if (isInputError(error)) return [...error.problems];
    throw error;
  }
}

beforeAll(async () => {
  harnessFile = await harness(undefined);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  ({ page, requests } = await openFile(browser, harnessFile));
});

afterEach(async () => {
  await page.close();
  expect(requests).toEqual([]);
});

describe('the self-check form in Chromium (src/page/form/)', () => {
  test('a new form shows the plan’s chapters with their fields, and emits only the template’s level and year', async () => {
    expect(await last()).toEqual({ bureau: { level: 'county' }, year: 2024 });
    const sections = await page.locator('details.pcf-chapter > summary').allTextContents();
    expect(sections[0]).toBe('报送单位与年度');
    expect(sections).toContain('五、完善执法体系,严格规范公正执法');
    // A field's hint gives the clause and the requirement of the rule that reads it; the value is labelled in Chinese.
    const rate = label('网上可办率');
    expect(await rate.getAttribute('name')).toBe('services.online_handling_rate');
    const hint = page.locator('[id="pcf-services.online_handling_rate-hint"]');
    expect(await hint.textContent()).toContain('要求 ≥ 90%');
    expect(await rate.getAttribute('aria-describedby')).toContain('pcf-services.online_handling_rate-hint');
    expect(await label('单位层级').locator('option').allTextContents()).toEqual(['未填写', '省级', '市级', '县级']);
    expect(await label('权责清单公开').locator('option').allTextContents()).toEqual(['未填写', '是', '否']);
    expect(await label('数据截止日').getAttribute('type')).toBe('date');
  });

  test('values typed in are emitted as the parsed YAML would hold them; a question put back to 未填写 is left out', async () => {
    await label('单位名称').fill('示例县人力资源和社会保障局');
    // The page mounts the form in a <form>: submitting it (Enter, a button) does not reload the page and lose what is typed.
    await page.evaluate(() => (document.getElementById('form-root') as HTMLFormElement).requestSubmit());
    await page.waitForTimeout(200);
    expect((await last()).bureau).toEqual({ name: '示例县人力资源和社会保障局', level: 'county' });
    expect(await label('单位名称').inputValue()).toBe('示例县人力资源和社会保障局');
    await label('单位层级').selectOption({ label: '市级' });
    await label('数据截止日').fill('2025-01-10');
    await label('网上可办率').fill('93.5');
    await label('“一窗”分类受理率').fill('80%');
    await label('执法人员数').fill('12');
    const before = await emittedCount();
    await label('权责清单公开').selectOption({ label: '是' });
    // A drop-down fires both input and change: one change, one call.
    expect(await emittedCount()).toBe(before + 1);
    await label('法治建设年度报告公开').selectOption({ label: '否' });
    await page.locator('[id="pcf-services.one_window_rate.source"]').fill('2024年度报告 一、(三)');
    expect(await last()).toEqual({
      bureau: { name: '示例县人力资源和社会保障局', level: 'city' },
      year: 2024,
      as_of: '2025-01-10',
      functions: { power_list_published: true },
      services: { online_handling_rate: '93.5%', one_window_rate: { value: '80%', source: '2024年度报告 一、(三)' } },
      enforcement: { officers_total: 12 },
      leadership: { annual_report_published: false },
    });
    await label('法治建设年度报告公开').selectOption({ label: '未填写' });
    await label('网上可办率').fill('');
    const data = await last();
    expect(data.leadership).toBeUndefined();
    expect((data.services as Data).online_handling_rate).toBeUndefined();
    // What the form emits is a submission the CLI reads without a problem.
    expect(await problemsOf(data)).toEqual([]);
    // A rate typed as 93.5 is held as the exact ratio 935/1000, as `93.5%` in a YAML file is.
    await label('网上可办率').fill('93.5');
    const submission = await parseSubmission('自查.json', Buffer.from(JSON.stringify(await last())));
    expect((submission.data.services as Data).online_handling_rate).toBe(0.935);
    expect(submission.exacts.get('services.online_handling_rate')).toEqual({ num: 187n, den: 200n });
  });

  test('record rows are added, filled, removed (the rows below renamed) and 无 is [], distinct from not filled in', async () => {
    const add = page.locator('[data-list="enforcement.decisions"] .pcf-add');
    await add.click();
    await add.click();
    await add.click();
    expect(await last()).toMatchObject({ enforcement: { decisions: [{}, {}, {}] } });
    await label('执法决定第 1 条 决定书文号').fill('示例县人社罚决〔2024〕1号');
    await label('执法决定第 2 条 决定书文号').fill('示例县人社罚决〔2024〕2号');
    await label('执法决定第 2 条 决定类别').selectOption({ label: '行政处罚' });
    await label('执法决定第 2 条 决定日期').fill('2024-02-08');
    await label('执法决定第 3 条 决定书文号').fill('示例县人社检〔2024〕5号');
    await label('执法决定第 3 条 决定日期').fill('2024-07-01');
    expect(await label('执法决定第 2 条 决定日期').getAttribute('name')).toBe('enforcement.decisions[1].decided_on');
    await page.getByRole('button', { name: '删除执法决定第 1 条' }).click();
    expect(await label('执法决定第 1 条 决定日期').inputValue()).toBe('2024-02-08');
    expect(await label('执法决定第 1 条 决定日期').getAttribute('name')).toBe('enforcement.decisions[0].decided_on');
    expect(await label('执法决定第 2 条 决定日期').getAttribute('id')).toBe('pcf-enforcement.decisions[1].decided_on');
    await page.locator('[id="pcf-enforcement.decisions[1].decided_on.source"]').evaluate((input) => (input.closest('details') as HTMLDetailsElement).open = true);
    await page.locator('[id="pcf-enforcement.decisions[1].decided_on.source"]').fill('执法台账');
    expect((await last()).enforcement).toEqual({
      decisions: [
        { id: '示例县人社罚决〔2024〕2号', type: 'penalty', decided_on: '2024-02-08' },
        { id: '示例县人社检〔2024〕5号', decided_on: { value: '2024-07-01', source: '执法台账' } },
      ],
    });
    // 无 with rows written: the list is [] and the rows are put aside, back when 无 is unticked.
    const decisionsNone = page.locator('[id="pcf-enforcement.decisions-none"]');
    await decisionsNone.check();
    expect((await last()).enforcement).toEqual({ decisions: [] });
    expect(await label('执法决定第 1 条 决定书文号').isVisible()).toBe(false);
    await decisionsNone.uncheck();
    expect(((await last()).enforcement as Data).decisions).toHaveLength(2);
    const none = label('本年度没有此类记录(无)').first();
    const certificationNone = page.locator('[id="pcf-functions.new_certification_items-none"]');
    await certificationNone.check();
    expect((await last()).functions).toEqual({ new_certification_items: [] });
    await certificationNone.uncheck();
    expect((await last()).functions).toBeUndefined();
    expect(await none.count()).toBe(1);
    // The CLI reads the rows as records, and misses the second one's type, which goes on its cell.
    const data = await last();
    const problems = await problemsOf({ ...data, bureau: { name: '示例县人力资源和社会保障局', level: 'county' } });
    expect(problems.map((p) => [p.field, p.message.zh])).toEqual([['enforcement.decisions[1].type', '执法决定第 2 条缺少必填项“决定类别”:请写上 type']]);
    await showProblems(problems);
    expect(await label('执法决定第 2 条 决定类别').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[id="pcf-enforcement.decisions[1].type-msg"]').textContent()).toContain('执法决定第 2 条缺少必填项“决定类别”');
  });

  test('a procedure not required by law is { not_required: 理由 }', async () => {
    await page.locator('[data-list="major_decisions.items"] .pcf-add').click();
    await label('重大行政决策第 1 条 编号').fill('XQ-MD-2024-01');
    await label('重大行政决策第 1 条 专家论证').selectOption({ label: '依法不需要' });
    await page.locator('[id="pcf-major_decisions.items[0].expert_review.not_required"]').fill('不涉及专业性、技术性较强的问题');
    await label('重大行政决策第 1 条 征求意见公告发布日').fill('2024-05-06');
    expect((await last()).major_decisions).toEqual({ items: [{ id: 'XQ-MD-2024-01', expert_review: { not_required: '不涉及专业性、技术性较强的问题' }, public_consultation: { from: '2024-05-06' } }] });
  });

  const examples = readdirSync(EXAMPLES).filter((name) => name.endsWith('.yaml'));

  test.each(examples)('setData(%s) gives back the parsed YAML, and a change keeps the rest of it', async (file) => {
    const data = readYaml(join(EXAMPLES, file));
    const before = await emittedCount();
    await setData(data);
    expect(await emittedCount()).toBe(before + 1);
    expect(await last()).toEqual(data);
    await label('单位名称').fill('改过的单位');
    expect(await last()).toEqual({ ...data, bureau: { ...(data.bureau as Data), name: '改过的单位' } });
    await label('单位名称').fill((data.bureau as Data).name as string);
    expect(await last()).toEqual(data);
  });

  test('a loaded rate written as a ratio is shown as a percentage and kept as written until it is changed', async () => {
    const data = readYaml(join(EXAMPLES, 'city-2024-all-met.yaml'));
    await setData(data);
    const oneWindow = label('“一窗”分类受理率');
    expect(await oneWindow.inputValue()).toBe('85%');
    expect(((await last()).services as Data).one_window_rate).toBe(0.85);
    await oneWindow.fill('86');
    expect(((await last()).services as Data).one_window_rate).toBe('86%');
    expect(await label('网上可办率').inputValue()).toBe('96.2%');
    expect(await page.locator('[id="pcf-services.online_handling_rate.source"]').inputValue()).toBe('2024年度法治政府建设情况报告 一、(三)');
  });

  test('a loaded value the form cannot show as its kind is kept as written, seen, and named by the check', async () => {
    const data = readYaml(join(EXAMPLES, 'county-2024-with-failures.yaml'));
    const enforcement = data.enforcement as Data;
    const [first, ...others] = enforcement.decisions as Data[];
    const odd = {
      ...data,
      as_of: '2025/01/10',
      bureau: { ...(data.bureau as Data), region_code: 439921 },
      functions: { ...(data.functions as Data), power_list_published: '是' },
      enforcement: { ...enforcement, decisions: [{ ...first, type: 'fine', id: { value: first.id, source: '台账' } }, others[0], { ...others[1], decided_on: '2024-02-30' }] },
    };
    await setData(odd);
    expect(await last()).toEqual(odd);
    expect(await label('数据截止日').getAttribute('type')).toBe('text');
    expect(await label('数据截止日').inputValue()).toBe('2025/01/10');
    expect(await label('执法决定第 3 条 决定日期').inputValue()).toBe('2024-02-30');
    expect(await label('权责清单公开').locator('option:checked').textContent()).toBe('载入的值:是');
    expect(await label('执法决定第 1 条 决定类别').locator('option:checked').textContent()).toBe('载入的值:fine');
    const problems = await problemsOf(odd);
    const fields = problems.map((p) => p.field);
    for (const field of ['as_of', 'bureau.region_code', 'functions.power_list_published', 'enforcement.decisions[0].type']) expect(fields).toContain(field);
    await showProblems(problems);
    for (const name of ['as_of', 'bureau.region_code', 'functions.power_list_published', 'enforcement.decisions[0].type']) {
      expect(await page.locator(`[id="pcf-${name}"]`).getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator(`[id="pcf-${name}-msg"]`).isVisible()).toBe(true);
    }
    // Chosen again, the value is the form's own.
    await label('权责清单公开').selectOption({ label: '是' });
    expect(((await last()).functions as Data).power_list_published).toBe(true);
  });

  test('clear() empties the form back to the template’s level and year', async () => {
    await setData(readYaml(join(EXAMPLES, 'county-2024-with-failures.yaml')));
    await page.evaluate(() => (window as unknown as { formHandle: { clear(): void } }).formHandle.clear());
    expect(await last()).toEqual({ bureau: { level: 'county' }, year: 2024 });
    expect(await label('执法决定第 1 条 决定书文号').count()).toBe(0);
  });

  test('in English, the labels, the choices and the words of the form are English', async () => {
    const file = await harness(readYaml(join(EXAMPLES, 'county-2024-with-failures.yaml')), 'en');
    const english = await browser.newPage();
    await english.goto(`file://${file}`);
    expect(await english.getByLabel('Online handling rate', { exact: true }).inputValue()).toBe('85%');
    expect(await english.getByLabel('Power and responsibility list published', { exact: true }).locator('option').allTextContents()).toEqual(['not filled in', 'yes', 'no']);
    expect(await english.locator('details.pcf-chapter > summary').first().textContent()).toBe('Bureau and year');
    expect(await english.locator('[data-list="functions.new_certification_items"] .pcf-none').textContent()).toBe('None this year');
    expect(await english.locator('[id="pcf-functions.new_certification_items-none"]').isChecked()).toBe(true);
    await english.close();
  });

  test('showProblems puts the CLI’s messages on the field and the record cell, and clears the old ones', async () => {
    const data = readYaml(join(EXAMPLES, 'county-2024-with-failures.yaml'));
    const services = data.services as Data;
    const decisions = (data.enforcement as Data).decisions as Data[];
    const bad = { ...data, services: { ...services, online_handling_rate: '百分之八十五' }, enforcement: { ...(data.enforcement as Data), decisions: [decisions[0], { ...decisions[1], decided_on: '2024-13-45' }, decisions[2]] } };
    await setData(bad);
    const problems = await problemsOf(await last());
    expect(problems.map((p) => p.field).sort()).toEqual(['enforcement.decisions[1].decided_on', 'services.online_handling_rate']);
    await showProblems(problems);
    const rate = label('网上可办率');
    expect(await rate.getAttribute('aria-invalid')).toBe('true');
    const rateMessage = page.locator('[id="pcf-services.online_handling_rate-msg"]');
    expect(await rateMessage.isVisible()).toBe(true);
    const rateProblem = problems.find((p) => p.field === 'services.online_handling_rate') as InputProblem;
    expect(await rateMessage.textContent()).toContain(rateProblem.message.zh);
    const cell = label('执法决定第 2 条 决定日期');
    expect(await cell.getAttribute('aria-invalid')).toBe('true');
    // The message stands in the cell, next to the value.
    const cellMessage = page.locator('[id="pcf-enforcement.decisions[1].decided_on-msg"]');
    expect(await cellMessage.isVisible()).toBe(true);
    expect(await cellMessage.evaluate((m) => m.closest('td')?.querySelector('input')?.name)).toBe('enforcement.decisions[1].decided_on');
    expect(await label('执法决定第 1 条 决定日期').getAttribute('aria-invalid')).toBeNull();
    // A source's problem goes to the 出处 of the value; a record's to its row; a problem of no field above the form.
    await showProblems([
      { file: 'x', field: 'services.bad_review_followup_rate.source', message: { zh: '出处不能为空', en: 'empty source' } },
      { file: 'x', field: 'enforcement.decisions[2]', message: { zh: '第 3 条记录有误', en: 'record 3' } },
      { file: 'x', field: 'enforcement.decisions[0].published_on.source', message: { zh: '出处有误', en: 'bad source' } },
      { file: 'x', message: { zh: '报送文件应为一个映射', en: 'a mapping' } },
    ]);
    expect(await rate.getAttribute('aria-invalid')).toBeNull();
    expect(await rateMessage.isVisible()).toBe(false);
    expect(await page.locator('[id="pcf-services.bad_review_followup_rate.source"]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[id="pcf-services.bad_review_followup_rate-msg"]').textContent()).toBe('出处不能为空');
    expect(await page.locator('[id="pcf-enforcement.decisions[2]-msg"]').textContent()).toBe('第 3 条记录有误');
    expect(await page.locator('.pcf-unplaced').textContent()).toContain('报送文件应为一个映射');
    // A cell's 出处 is folded: its problem unfolds it.
    const cellSource = page.locator('[id="pcf-enforcement.decisions[0].published_on.source"]');
    expect(await cellSource.getAttribute('aria-invalid')).toBe('true');
    expect(await cellSource.isVisible()).toBe(true);
    expect(await page.locator('[id="pcf-enforcement.decisions[0].published_on-msg"]').textContent()).toBe('出处有误');
    await showProblems([]);
    expect(await page.locator('[aria-invalid]').count()).toBe(0);
    expect(await page.locator('.pcf-unplaced').isVisible()).toBe(false);
  });
});
