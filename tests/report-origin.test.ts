/**
 * A submission drafted from a bureau's prose report, checked and reviewed: what the report leaves out is 报告未载明
 * (missing data, never a pass), evidence quotes the report's sentence at 第 N 段第 M 句, and the check's reports carry
 * the section 报告载明情况 (the review a column 已载明) for the report alone. The report is read by a test-only intake
 * (tests/report-stub-intake.ts) through a run's `formats`, the seam the real report format also has.
 */
import { Workbook } from 'exceljs';
import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { check } from '../src/run/check';
import { review } from '../src/run/review';
import { RENDERERS } from '../src/report/check';
import { REVIEW_RENDERERS } from '../src/report/review';
import type { Rendered } from '../src/report/renderer';
import type { CheckResult, Finding, SubmissionResult } from '../src/findings/types';
import type { ReviewResult } from '../src/run/review/types';
import { fieldLabel } from '../src/submission/field-labels';
import { submissionFromDocument } from '../src/submission/load';
import { EXAMPLES, tempDir, writeTemp } from './helpers';
import { launchChromium, openFile } from './browser/chromium';
import { parseReportDraft, reportDraftFormat } from './report-stub-intake';

const ONLINE_SENTENCE = '全县政务服务事项网上可办率达85%。';
const CERTIFIED_SENTENCE = '全局共有执法人员12名,其中持证11名。';

/** What a careful reader takes from a short county report: two figures short of the plan, two that meet it, the rest unsaid. */
const DRAFT = `# 示例县人社局 2024 年法治政府建设年度报告(草稿)
bureau.name = 示例县人力资源和社会保障局
bureau.level = county
year = 2024
functions.power_list_published = true @2.1 | 我局权力清单已在县政府门户网站公布。
services.online_handling_rate = 85% @3.2 | ${ONLINE_SENTENCE}
services.one_window_rate = 95% @3.3 | “一窗”分类受理率达95%。
enforcement.officers_total = 12 @5.1 | ${CERTIFIED_SENTENCE}
enforcement.officers_certified = 11 @5.1 | ${CERTIFIED_SENTENCE}
`;

const ORDINARY = join(EXAMPLES, 'county-2024-with-failures.yaml');

async function text(rendered: Rendered | Promise<Rendered>): Promise<string> {
  const value = await rendered;
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  let out = '';
  for await (const chunk of value as AsyncIterable<string | Uint8Array>) out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  return out;
}

/** A rendered workbook read back with exceljs, as Excel would open it. */
async function workbookOf(rendered: Rendered | Promise<Rendered>): Promise<Workbook> {
  const value = await rendered;
  if (!(value instanceof Uint8Array)) throw new Error('a workbook is bytes');
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(value) as unknown as ArrayBuffer);
  return workbook;
}

function finding(submission: SubmissionResult, rule: string): Finding {
  const found = submission.findings.find((f) => f.rule === rule);
  if (!found) throw new Error(`no finding ${rule}`);
  return found;
}

/** Targets stated of those that apply, counted from the statuses as a reviewer would: all but 不适用, less 缺数据. */
function expectedCounts(submission: SubmissionResult): { stated: number; applicable: number } {
  const applicable = submission.findings.length - submission.summary.not_applicable;
  return { stated: applicable - submission.summary.missing_data, applicable };
}

let draftFile: string;
let result: CheckResult;
let report: SubmissionResult;
let ordinary: SubmissionResult;

beforeAll(async () => {
  draftFile = writeTemp('示例县2024.draft', DRAFT);
  const outcome = await check({ paths: [draftFile, ORDINARY], formats: [reportDraftFormat] });
  if (!outcome.result) throw new Error('the check did not run');
  result = outcome.result;
  [report, ordinary] = result.submissions;
});

describe('a submission from a report, checked', () => {
  test('the check result says where the data came from, for the report only', () => {
    expect(report.error).toBeNull();
    expect(report.origin).toBe('report');
    expect(ordinary.origin).toBeUndefined();
  });

  test('a fact the report does not state is missing data, worded 报告未载明 with the field’s label, in Chinese and English', () => {
    const followup = finding(report, 'HN-07-bad-review-followup');
    expect(followup.status).toBe('missing_data');
    const label = fieldLabel('services.bad_review_followup_rate', 'zh');
    expect(followup.message.zh).toContain(`报告未载明${label}`);
    expect(followup.message.en).toContain(`the report does not state ${fieldLabel('services.bad_review_followup_rate', 'en')}`);
    // Every missing-data finding of the report says so, and none uses the template's words for a blank.
    const missing = report.findings.filter((f) => f.status === 'missing_data');
    expect(missing.length).toBeGreaterThan(10);
    for (const f of missing) {
      expect(f.message.zh).toContain('报告未载明');
      expect(f.message.zh).not.toContain('未填写');
      expect(f.message.en).toContain('the report does not state');
    }
    // The ordinary submission keeps the template's words.
    const blank = ordinary.findings.filter((f) => f.status === 'missing_data');
    for (const f of blank) expect(f.message.zh).not.toContain('报告未载明');
  });

  test('a finding on a stated figure quotes the report’s sentence at its paragraph and sentence', async () => {
    const online = finding(report, 'HN-07-online-handling-rate');
    expect(online.status).toBe('fail');
    expect(online.evidence).toHaveLength(1);
    expect(online.evidence[0].at).toEqual({ paragraph: 3, sentence: 2 });
    expect(online.evidence[0].source).toContain(ONLINE_SENTENCE);
    const table = await text(RENDERERS.table(result, 'zh'));
    expect(table).toMatch(new RegExp(`第 3 段第 2 句: 网上可办率 = 85%.*${ONLINE_SENTENCE}`));
    const english = await text(RENDERERS.table(result, 'en'));
    expect(english).toMatch(new RegExp(`paragraph 3, sentence 2: Online handling rate = 85%.*${ONLINE_SENTENCE}`));
    const markdown = await text(RENDERERS.markdown(result, 'zh'));
    expect(markdown).toContain(`第 3 段第 2 句: 网上可办率 = 85%`);
    const csv = await text(RENDERERS.csv(result, 'zh'));
    expect(csv).toContain(`第 3 段第 2 句: 网上可办率 = 85% [第3段:${ONLINE_SENTENCE}]`);
    const json = JSON.parse(await text(RENDERERS.json(result, 'zh')));
    const evidence = json.submissions[0].findings.find((f: { rule: string }) => f.rule === 'HN-07-online-handling-rate').evidence[0];
    expect(evidence).toMatchObject({ field: 'services.online_handling_rate', paragraph: 3, sentence: 2 });
    expect(evidence.source).toContain(ONLINE_SENTENCE);
  });

  test('the table has the section 报告载明情况 for the report, with the counts and each target’s state', async () => {
    const { stated, applicable } = expectedCounts(report);
    const table = await text(RENDERERS.table(result, 'zh'));
    const [reportPart, ordinaryPart] = table.split(`■ ${ORDINARY}`);
    expect(reportPart).toContain('  报告载明情况\n');
    expect(reportPart).toContain(`报告载明 ${applicable} 项适用指标中的 ${stated} 项:达标 ${report.summary.pass} 项,未达标 ${report.summary.fail + report.summary.warn} 项`);
    expect(reportPart).toMatch(/\n {4}未达标 {2}\S+ HN-07-online-handling-rate {2}/);
    expect(reportPart).toMatch(/\n {4}未载明 {2}\S+ HN-07-bad-review-followup {2}/);
    expect(reportPart).toMatch(/\n {4}达标 {2}\S+ HN-04-power-list-published {2}/);
    expect(ordinaryPart).not.toContain('报告载明情况');
    const english = await text(RENDERERS.table(result, 'en'));
    expect(english).toContain('  What the report states\n');
    expect(english).toContain(`The report states ${stated} of the ${applicable} targets that apply`);
  });

  test('Markdown and HTML have the section for the report alone', async () => {
    const markdown = await text(RENDERERS.markdown(result, 'zh'));
    expect(markdown.match(/### 报告载明情况/g)).toHaveLength(1);
    expect(markdown).toMatch(/\| 未达标 \| [^|]+ \| HN-07-online-handling-rate \| /);
    expect(markdown).toMatch(/\| 未载明 \| [^|]+ \| HN-07-bad-review-followup \| /);
    const html = await text(RENDERERS.html(result, 'zh'));
    expect(html.match(/<section class="completeness">/g)).toHaveLength(1);
    expect(html).toContain('<h3>报告载明情况</h3>');
    expect(html).toMatch(/<tr data-stated="unstated"><td [^>]*>未载明<\/td><td>[^<]*<\/td><td><a href="#s1-HN-07-bad-review-followup"><code>HN-07-bad-review-followup<\/code>/);
    // The section comes inside the report's own submission, before the ordinary one begins.
    expect(html.indexOf('<section class="completeness">')).toBeLessThan(html.indexOf('id="s2"'));
    const english = await text(RENDERERS.html(result, 'en'));
    expect(english).toContain('<h3>What the report states</h3>');
  });

  test('the workbook has the sheet 报告载明情况, read back: one row per target of the report, its state and 已载明 n/m', async () => {
    const workbook = await workbookOf(RENDERERS.xlsx(result, 'zh'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['检查结果', '报告载明情况', '来源']);
    const sheet = workbook.getWorksheet('报告载明情况');
    if (!sheet) throw new Error('no sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['单位', '年度', '文件', '指标编号', '指标名称', '条目', '载明情况', '已载明']);
    const rows = [];
    for (let r = 2; r <= sheet.rowCount; r++) rows.push((sheet.getRow(r).values as unknown[]).slice(1));
    expect(rows).toHaveLength(report.findings.length);
    const { stated, applicable } = expectedCounts(report);
    const online = rows.find((row) => row[3] === 'HN-07-online-handling-rate');
    expect(online).toEqual(['示例县人力资源和社会保障局', 2024, draftFile, 'HN-07-online-handling-rate', finding(report, 'HN-07-online-handling-rate').title.zh, expect.any(String), '未达标', `${stated}/${applicable}`]);
    expect(rows.find((row) => row[3] === 'HN-07-bad-review-followup')?.[6]).toBe('未载明');
    // An ordinary check's workbook has no such sheet.
    const plain = await check({ paths: [ORDINARY] });
    const ordinaryBook = await workbookOf(RENDERERS.xlsx(plain.result as CheckResult, 'zh'));
    expect(ordinaryBook.worksheets.map((s) => s.name)).toEqual(['检查结果', '来源']);
  });

  test('the JSON has origin and completeness on the report’s entry only', async () => {
    const json = JSON.parse(await text(RENDERERS.json(result, 'en')));
    const [entry, plain] = json.submissions;
    expect(entry.origin).toBe('report');
    const { stated, applicable } = expectedCounts(report);
    expect(entry.completeness).toMatchObject({ stated, applicable });
    expect(entry.completeness.counts.unstated).toBe(report.summary.missing_data);
    expect(entry.completeness.counts.not_applicable).toBe(report.summary.not_applicable);
    const states = Object.fromEntries(entry.completeness.rules.map((r: { rule: string; state: string }) => [r.rule, r.state]));
    expect(states).toMatchObject({ 'HN-07-online-handling-rate': 'unmet', 'HN-07-bad-review-followup': 'unstated', 'HN-04-power-list-published': 'met', 'HN-07-one-window-rate': 'met' });
    expect(Object.keys(plain)).toEqual(['file', 'sha256', 'bureau', 'year', 'summary', 'findings', 'error', 'notices']);
  });

  test('the same report gives the same bytes in every format, run after run', async () => {
    const again = (await check({ paths: [draftFile, ORDINARY], formats: [reportDraftFormat] })).result as CheckResult;
    for (const format of ['table', 'json', 'markdown', 'html', 'csv'] as const) expect(await text(RENDERERS[format](again, 'zh'))).toBe(await text(RENDERERS[format](result, 'zh')));
    const [first, second] = await Promise.all([RENDERERS.xlsx(result, 'zh'), RENDERERS.xlsx(again, 'zh')]);
    expect(Buffer.from(second as Uint8Array).equals(Buffer.from(first as Uint8Array))).toBe(true);
  });

  test('a report that does not name its bureau says so in the report’s words', async () => {
    const nameless = writeTemp('无名.draft', DRAFT.replace(/^bureau\.name = .*$/m, 'bureau.name ='), tempDir());
    const outcome = await check({ paths: [nameless], formats: [reportDraftFormat] });
    const notice = outcome.result?.submissions[0].notices.find((n) => n.code === 'bureau_name_missing');
    expect(notice?.message.zh).toContain('报告未载明单位名称');
  });

  test('a record the report names without a fact a rule needs: 报告未载明 that field of that record', async () => {
    const withRecord = `${DRAFT}major_decisions.items.0.id = MD-2024-01 @6.1 | 2024年我局作出重大行政决策1项,即《示例县就业帮扶车间认定办法》。
major_decisions.items.0.title = 示例县就业帮扶车间认定办法 @6.1 | 2024年我局作出重大行政决策1项,即《示例县就业帮扶车间认定办法》。
major_decisions.items.0.collective_discussion = true @6.2 | 该决策经局党组会议集体讨论决定。
`;
    const outcome = await check({ paths: [writeTemp('决策.draft', withRecord)], formats: [reportDraftFormat] });
    const submission = outcome.result?.submissions[0] as SubmissionResult;
    expect(submission.error).toBeNull();
    const archived = finding(submission, 'HN-12-archived');
    expect(archived.status).toBe('missing_data');
    expect(archived.message.zh).toContain(`报告未载明${fieldLabel(['major_decisions', 'items', 0, 'archived'], 'zh')}(1/1 条记录无法判断)`);
    expect(archived.message.en).toContain(`the report does not state ${fieldLabel(['major_decisions', 'items', 0, 'archived'], 'en')} (1 of 1 records cannot be judged)`);
    // What the report does state of the record passes on its own sentence.
    expect(finding(submission, 'HN-12-collective-discussion').status).toBe('pass');
  });

  test('the seam: a submission loads from a ParsedDocument with origin report', () => {
    const submission = submissionFromDocument(parseReportDraft('x.draft', DRAFT));
    expect(submission.origin).toBe('report');
    expect(submission.sources.get('services.online_handling_rate')).toBe(`第3段:${ONLINE_SENTENCE}`);
    expect(submission.evidenceAt(['services', 'online_handling_rate'])).toEqual({ paragraph: 3, sentence: 2 });
  });
});

describe('the section in a browser', () => {
  let browser: Browser;
  afterAll(async () => {
    await browser?.close();
  });

  test('shows the counts and a row per target; a row’s rule leads to its finding, which quotes the report', async () => {
    const file = join(tempDir(), 'report.html');
    writeFileSync(file, await text(RENDERERS.html(result, 'zh')));
    browser = await launchChromium();
    const { page, requests } = await openFile(browser, file);
    expect(requests).toEqual([]);
    const section = page.locator('section#s1 section.completeness');
    expect(await section.isVisible()).toBe(true);
    const { stated, applicable } = expectedCounts(report);
    expect(await section.locator('p.completeness-line').innerText()).toContain(`报告载明 ${applicable} 项适用指标中的 ${stated} 项`);
    expect(await section.locator('tr[data-stated]').count()).toBe(report.findings.length);
    expect(await page.locator('section#s2 section.completeness').count()).toBe(0);
    await section.locator('a[href="#s1-HN-07-online-handling-rate"]').click();
    const target = page.locator('article.finding:target');
    expect(await target.getAttribute('data-rule')).toBe('HN-07-online-handling-rate');
    const shown = await target.innerText();
    expect(shown).toContain('第 3 段第 2 句');
    expect(shown).toContain(ONLINE_SENTENCE);
  });
});

describe('a report in a review', () => {
  let reviewed: ReviewResult;
  beforeAll(async () => {
    const outcome = await review({ paths: [draftFile, ORDINARY], formats: [reportDraftFormat] });
    if (!outcome.result) throw new Error('the review did not run');
    reviewed = outcome.result;
  });

  function rowOf(file: string): number {
    return reviewed.rows.findIndex((row) => row.file === file);
  }

  test('the CSV has the column 已载明, n/m for the report’s row and empty for the other', async () => {
    const csv = (await text(REVIEW_RENDERERS.csv(reviewed, 'zh'))).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    const header = lines[0].split(',');
    const column = header.indexOf('已载明');
    expect(column).toBe(header.indexOf('已豁免') + 1);
    const { stated, applicable } = expectedCounts(report);
    const line = (file: string): string[] => lines[rowOf(file) + 1].split(',');
    expect(line(draftFile)[column]).toBe(`${stated}/${applicable}`);
    expect(line(ORDINARY)[column]).toBe('');
  });

  test('the table, Markdown, HTML, workbook and JSON have it too', async () => {
    const { stated, applicable } = expectedCounts(report);
    const table = await text(REVIEW_RENDERERS.table(reviewed, 'zh'));
    expect(table).toMatch(/单位.*缺数据 *已载明/);
    expect(table).toContain(`${stated}/${applicable}`);
    const markdown = await text(REVIEW_RENDERERS.markdown(reviewed, 'zh'));
    expect(markdown).toMatch(new RegExp(`\\| 缺数据 \\| 已载明 \\|`));
    expect(markdown).toContain(`| ${stated}/${applicable} |`);
    const html = await text(REVIEW_RENDERERS.html(reviewed, 'zh'));
    expect(html).toContain('<th data-key="stated" data-numeric>已载明</th>');
    expect(html).toContain(`>${stated}/${applicable}</td>`);
    const workbook = await workbookOf(REVIEW_RENDERERS.xlsx(reviewed, 'zh'));
    const matrix = workbook.worksheets[0];
    const header = (matrix.getRow(1).values as unknown[]).slice(1);
    const column = header.indexOf('已载明');
    expect(column).toBe(6);
    expect((matrix.getRow(rowOf(draftFile) + 2).values as unknown[]).slice(1)[column]).toBe(`${stated}/${applicable}`);
    const json = JSON.parse(await text(REVIEW_RENDERERS.json(reviewed, 'zh')));
    const bureau = json.bureaus[rowOf(draftFile)];
    expect(bureau).toMatchObject({ origin: 'report', completeness: { stated, applicable } });
    expect(json.bureaus[rowOf(ORDINARY)].origin).toBeUndefined();
  });

  test('a review of submissions written as data has no such column', async () => {
    const outcome = await review({ paths: [ORDINARY] });
    const csv = await text(REVIEW_RENDERERS.csv(outcome.result as ReviewResult, 'zh'));
    expect(csv.split(/\r?\n/)[0]).not.toContain('已载明');
  });
});
