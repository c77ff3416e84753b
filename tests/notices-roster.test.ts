/**
 * `plancheck notices --roster` over the reviewer's folder of issue 15 (36 submissions over 2022–2025, a roster naming
 * bureaus that never filed, a county off the roster): each notice opened in Chromium and its listed targets read from
 * the page, compared with exactly what `review --format json` finds for that bureau-year (and the notices to file with
 * the review's not-filed list); each printed by Chromium to PDF and read back page by page with pdftotext, the pack,
 * its sha256 and the submission's sha256 (the roster's for a notice to file) on every page.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser/chromium';
import { bin, DELETE, tempDir } from './helpers';
import { filesIn, read } from './notices-fixture';
import { FIXTURE_NAME, fixtureSubmission, writeFolder } from './review-fixture';
import { NOT_FILED, ROSTER_ROWS, writeRosterCsv, writeSubmissions } from './roster-fixture';

interface ReviewJson {
  packs: { id: string; version: string; sha256: string }[];
  bureaus: { file: string; sha256: string; bureau: { name: string; region_code: string }; year: number; statuses: Record<string, string> }[];
  not_filed: { bureau: string; region_code: string; year: number }[];
  off_roster: { region_code: string; years: number[]; files: string[] }[];
}

/** What a notice page shows, read from the DOM Chromium built: its kind, bureau, year and each item listed. */
interface PageRead {
  kind: string;
  bureau: string;
  region: string;
  year: number;
  items: { rule: string | null; status: string; year: string | null }[];
  headings: string[];
  offRoster: string | null;
  foot: string;
}

async function readPage(page: Page): Promise<PageRead> {
  return page.evaluate(() => {
    const sheet = document.querySelector('table.sheet') as HTMLElement;
    const visible = (el: Element): boolean => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).display !== 'none';
    return {
      kind: sheet.dataset.kind ?? '',
      bureau: sheet.dataset.bureau ?? '',
      region: sheet.dataset.regionCode ?? '',
      year: Number(sheet.dataset.year),
      items: Array.from(document.querySelectorAll('article.item')).filter(visible).map((a) => ({ rule: a.getAttribute('data-rule'), status: a.getAttribute('data-status') ?? '', year: a.getAttribute('data-year') })),
      headings: Array.from(document.querySelectorAll('section.items h2')).map((h) => (h as HTMLElement).innerText),
      offRoster: (document.querySelector('p.off-roster') as HTMLElement | null)?.innerText ?? null,
      foot: (document.querySelector('td.running-foot') as HTMLElement).innerText,
    };
  });
}

function pageCount(pdf: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
}

function pageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
}

let folder: string;
let roster: string;
let out: string;
let review: ReviewJson;
let run: ReturnType<typeof bin>;
let browser: Browser;
/** Every notice page as Chromium read it, by file name (without .html). */
const pages = new Map<string, PageRead>();
/** The same pages printed by Chromium from the browser (playwright's page.pdf), by file name. */
const printed = new Map<string, string>();

beforeAll(async () => {
  folder = writeSubmissions();
  roster = writeRosterCsv(tempDir());
  out = join(tempDir(), '通知');
  run = bin(['notices', folder, '--roster', roster, '--out', out]);
  const reviewed = bin(['review', folder, '--roster', roster, '--format', 'json']);
  expect(reviewed.status).toBe(1);
  review = JSON.parse(reviewed.stdout) as ReviewJson;
  browser = await launchChromium();
  const printDir = tempDir();
  for (const file of filesIn(out).filter((f) => f.endsWith('.html'))) {
    const name = file.replace(/\.html$/, '');
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const url = pathToFileURL(join(out, file)).href;
    // A notice is self-contained: opening it fetches nothing besides itself.
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url() !== url) requests.push(request.url());
    });
    await page.goto(url, { waitUntil: 'load' });
    expect(requests).toEqual([]);
    pages.set(name, await readPage(page));
    const pdf = join(printDir, `${name}.pdf`);
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    printed.set(name, pdf);
    await page.close();
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

/** The bureau-years review finds failing or lacking data: each must have its notice, listing exactly those targets. */
function concerned(): ReviewJson['bureaus'] {
  return review.bureaus.filter((b) => Object.values(b.statuses).some((s) => s === 'fail' || s === 'missing_data'));
}

test('one notice per bureau-year with a failure or missing data and one per bureau-year not filed; exit 1; the summary names the bureau off the roster', () => {
  expect(run.status).toBe(1);
  expect(run.stderr).toBe('');
  const toRectify = concerned();
  expect(toRectify.length).toBeGreaterThanOrEqual(4);
  const expected = [...toRectify.map((b) => `${b.bureau.name}-${b.year}`), ...review.not_filed.map((n) => `${n.bureau}-${n.year}`)].sort();
  expect([...pages.keys()].sort()).toEqual(expected);
  expect(filesIn(out)).toEqual(expected.flatMap((n) => [`${n}.html`, `${n}.pdf`]).sort());
  const met = review.bureaus.length - toRectify.length;
  const [off] = review.off_roster;
  expect(run.stdout).toBe(
    `已写出 ${expected.length} 份通知(网页和 PDF 各一份)到 ${out}:整改通知 ${toRectify.length} 份,催报通知 ${NOT_FILED.length} 份;${met} 份报送全部达标、不缺数据,无需通知;` +
      `名册 ${ROSTER_ROWS.length} 个单位,未报送 ${NOT_FILED.length} 个单位年度,名册外 1 个单位\n` +
      `  ⚠ ${FIXTURE_NAME('439999')}(439999) · 2025 · 名册外:${off.files[0]}\n`,
  );
});

test('in Chromium, each notice to rectify lists exactly the failing, then the missing, targets review finds for its bureau-year', () => {
  for (const bureau of concerned()) {
    const page = pages.get(`${bureau.bureau.name}-${bureau.year}`);
    const entries = Object.entries(bureau.statuses);
    const failing = entries.filter(([, s]) => s === 'fail').map(([rule]) => ({ rule, status: 'fail', year: null }));
    const missing = entries.filter(([, s]) => s === 'missing_data').map(([rule]) => ({ rule, status: 'missing_data', year: null }));
    expect({ kind: page?.kind, region: page?.region, year: page?.year, items: page?.items }).toEqual({ kind: 'rectify', region: bureau.bureau.region_code, year: bureau.year, items: [...failing, ...missing] });
    expect(page?.headings).toEqual([`一、未达到要求的指标(${failing.length} 项)`, `二、缺少数据的指标(${missing.length} 项)`]);
  }
});

test('in Chromium, the notices to file are exactly the roster bureau-years review lists as not filed, each with one not-filed item', () => {
  const toFile = [...pages.values()].filter((p) => p.kind === 'not_filed');
  expect(toFile.map((p) => `${p.region} ${p.year}`).sort()).toEqual([...NOT_FILED].sort());
  expect(review.not_filed.map((n) => `${n.region_code} ${n.year}`)).toEqual(NOT_FILED);
  for (const page of toFile) {
    expect(page.items).toEqual([{ rule: null, status: 'not_filed', year: String(page.year) }]);
    expect(page.headings).toEqual(['一、未报送的年度数据']);
    expect(page.bureau).toBe(FIXTURE_NAME(page.region));
  }
  const html = read(out, `${FIXTURE_NAME('430203')}-2023.html`);
  expect(html).toContain('<h1>关于报送 2023 年度法治建设数据的通知</h1>');
  expect(html).toContain(`你单位列于应报送单位名册(${roster}),应报送 2023 年度法治建设数据。本次审查没有收到你单位 2023 年度的报送(未报送)`);
  expect(html).toMatch(/<p class="reply-by" data-date="\d{4}-\d\d-\d\d">请于 \d{4} 年 \d+ 月 \d+ 日前报送 2023 年度法治建设数据及其出处。<\/p>/);
});

test('the bureau off the roster is flagged in its notice, which lists its failure; no other notice is flagged', () => {
  const off = pages.get(`${FIXTURE_NAME('439999')}-2025`);
  expect(off?.offRoster).toBe(`注:你单位不在应报送单位名册(${roster})中(名册外),请与审查机关核对单位名称和行政区划代码。`);
  expect(off?.items).toEqual([{ rule: 'HN-31-budget', status: 'fail', year: null }]);
  expect([...pages.entries()].filter(([, p]) => p.offRoster !== null).map(([name]) => name)).toEqual([`${FIXTURE_NAME('439999')}-2025`]);
});

describe('every printed page carries the pack, its sha256 and the submission sha256 (the roster sha256 for a notice to file)', () => {
  const rosterSha = (): string => execFileSync('sha256sum', [roster], { encoding: 'utf8' }).split(' ')[0];

  const checkPdf = (name: string, pdf: string): number => {
    const page = pages.get(name) as PageRead;
    const [pack] = review.packs;
    const source = page.kind === 'not_filed' ? `名册:${roster}·sha256${rosterSha()}` : `sha256${review.bureaus.find((b) => `${b.bureau.name}-${b.year}` === name)?.sha256}`;
    const count = pageCount(pdf);
    for (let n = 1; n <= count; n++) {
      // A hash may wrap at the page's edge: the page's text is read without its line breaks.
      const joined = pageText(pdf, n).replace(/\s+/g, '');
      expect({ name, page: n, pack: joined.includes(`规则包:${pack.id}${pack.version}·sha256${pack.sha256}`), source: joined.includes(source.replace(/\s+/g, '')) }).toEqual({ name, page: n, pack: true, source: true });
      expect(joined).toContain(`${page.kind === 'not_filed' ? '催报通知' : '整改通知'}·${page.bureau}·${page.year}年度`);
    }
    return count;
  };

  test('the PDFs plancheck wrote (Chromium over the DevTools pipe), with their page numbers', () => {
    let total = 0;
    for (const name of pages.keys()) {
      const pdf = join(out, `${name}.pdf`);
      const count = checkPdf(name, pdf);
      expect(pageText(pdf, count)).toContain(`第 ${count} 页,共 ${count} 页`);
      total += count;
    }
    expect(total).toBeGreaterThanOrEqual(pages.size);
  });

  test('the pages printed from the browser (playwright page.pdf)', () => {
    for (const [name, pdf] of printed) expect(checkPdf(name, pdf)).toBeGreaterThanOrEqual(1);
  });
});

test('the same folder and roster give the same bytes: every page and every PDF', () => {
  const again = join(tempDir(), '通知');
  expect(bin(['notices', folder, '--roster', roster, '--out', again]).status).toBe(1);
  expect(filesIn(again)).toEqual(filesIn(out));
  for (const name of filesIn(out)) expect({ name, same: readFileSync(join(again, name)).equals(readFileSync(join(out, name))) }).toEqual({ name, same: true });
});

test('--lang en: the summary, the notice to file and the flag off the roster in English', () => {
  const en = join(tempDir(), 'notices-en');
  const english = bin(['notices', folder, '--roster', roster, '--out', en, '--no-pdf', '--lang', 'en']);
  expect(english.status).toBe(1);
  expect(english.stdout).toMatch(
    new RegExp(`^\\d+ notices written to ${en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(web pages\\): \\d+ to rectify, ${NOT_FILED.length} to file; \\d+ submissions meet every target with no data missing: no notice; roster of ${ROSTER_ROWS.length} bureaus: ${NOT_FILED.length} bureau-years not filed, 1 bureau not on it\\n  ⚠ ${FIXTURE_NAME('439999')} \\(439999\\) · 2025 · not on roster: .*439999\\.yaml\\n$`),
  );
  const toFile = read(en, `${FIXTURE_NAME('430105')}-2022.html`);
  expect(toFile).toContain('<h1>Notice to file the rule-of-law data of 2022</h1>');
  expect(toFile).toContain('This review received no submission from your bureau for 2022 (not filed)');
  expect(toFile).toContain(`Roster: ${roster} · sha256 `);
  expect(read(en, `${FIXTURE_NAME('439999')}-2025.html`)).toContain(`Note: your bureau is not on the roster of bureaus expected to file (${roster})`);
});

describe('notices --roster: exit statuses', () => {
  const rosterOf = (codes: [string, 'city' | 'county'][]): string => {
    const file = join(tempDir(), 'roster.csv');
    writeFileSync(file, `region_code,name,level\n${codes.map(([code, level]) => `${code},${FIXTURE_NAME(code)},${level}`).join('\n')}\n`);
    return file;
  };

  test('everyone on the roster filed and met every target: no notice, exit 0', () => {
    const dir = writeFolder({ '430100.yaml': fixtureSubmission('430100', 'city', 2024) });
    const target = join(tempDir(), 'out');
    const done = bin(['notices', dir, '--roster', rosterOf([['430100', 'city']]), '--out', target, '--no-pdf']);
    expect(done.status).toBe(0);
    expect(done.stdout).toBe(`已写出 0 份通知(网页)到 ${target}:整改通知 0 份,催报通知 0 份;1 份报送全部达标、不缺数据,无需通知;名册 1 个单位,未报送 0 个单位年度,名册外 0 个单位\n`);
    expect(existsSync(target)).toBe(false);
  });

  test('a bureau on the roster that has not filed makes the run exit 1 though every submission meets every target', () => {
    const dir = writeFolder({ '430100.yaml': fixtureSubmission('430100', 'city', 2024) });
    const target = join(tempDir(), 'out');
    const done = bin(['notices', dir, '--roster', rosterOf([['430100', 'city'], ['430102', 'county']]), '--out', target, '--no-pdf']);
    expect(done.status).toBe(1);
    expect(filesIn(target)).toEqual([`${FIXTURE_NAME('430102')}-2024.html`]);
  });

  test('a submission that only lacks data, all the roster filed: exit 3; a met bureau off the roster is flagged in the summary, exit unchanged', () => {
    const dir = writeFolder({ '430100.yaml': fixtureSubmission('430100', 'city', 2024, { 'training.law_lectures': DELETE }), '439901.yaml': fixtureSubmission('439901', 'city', 2024) });
    const target = join(tempDir(), 'out');
    const done = bin(['notices', dir, '--roster', rosterOf([['430100', 'city']]), '--out', target, '--no-pdf']);
    expect(done.status).toBe(3);
    expect(filesIn(target)).toEqual([`${FIXTURE_NAME('430100')}-2024.html`]);
    expect(done.stdout).toContain(';名册 1 个单位,未报送 0 个单位年度,名册外 1 个单位\n');
    expect(done.stdout).toContain(`  ⚠ ${FIXTURE_NAME('439901')}(439901) · 2024 · 名册外:${join(dir, '439901.yaml')}\n`);
    expect(read(target, `${FIXTURE_NAME('430100')}-2024.html`)).not.toContain('class="off-roster"');
  });
});

test('a submission named as a roster bureau but with another code: that bureau is not filed, the submission off the roster; two notices, told apart', () => {
  const dir = writeFolder({ 'x.yaml': fixtureSubmission('430199', 'county', 2024, { 'bureau.name': FIXTURE_NAME('430102'), 'leadership.budgeted': false }) });
  const file = join(tempDir(), 'roster.csv');
  writeFileSync(file, `region_code,name,level\n430102,${FIXTURE_NAME('430102')},county\n`);
  const target = join(tempDir(), 'out');
  const done = bin(['notices', dir, '--roster', file, '--out', target, '--no-pdf']);
  expect(done.status).toBe(1);
  const name = `${FIXTURE_NAME('430102')}-2024`;
  expect(filesIn(target)).toEqual([`${name}-2.html`, `${name}.html`]);
  expect(read(target, `${name}.html`)).toContain('data-kind="not_filed"');
  expect(read(target, `${name}-2.html`)).toContain('<p class="off-roster"');
  expect(done.stderr).toBe(`plancheck: ${join(dir, 'x.yaml')}: 与名册中未报送的同名单位(催报通知 ${name})行政区划代码不同,各写一份通知:本份为 ${name}-2\n`);
  const en = bin(['notices', dir, '--roster', file, '--out', join(tempDir(), 'en'), '--no-pdf', '--lang', 'en']);
  expect(en.stderr).toBe(`plancheck: ${join(dir, 'x.yaml')}: same name as a bureau on the roster that has not filed (notice to file ${name}) but another region code; each gets a notice, this one ${name}-2\n`);
});

describe('a bad roster is refused as review refuses it: the same messages, exit 2, nothing written', () => {
  test.each([
    ['unknown level', 'r.csv', '行政区划代码,单位名称,层级\n430100,甲局,市级\n430102,乙局,乡级\n', 'r.csv:3: 层级“乡级”无法识别(应为:省级、市级或县级', 'r.csv:3: Unknown level "乡级"'],
    ['duplicate code', 'r.csv', 'region_code,name,level\n430100,甲局,city\n430100,丙局,city\n', 'r.csv:3: 行政区划代码 430100 重复', 'r.csv:3: The region code 430100 appears twice'],
    ['missing column', 'r.csv', '行政区划代码,单位名称\n430100,甲局\n', 'r.csv:1: 名册缺少“层级”列', 'r.csv:1: The roster has no "level" column'],
    ['YAML unknown level', 'r.yaml', '- region_code: "430100"\n  name: 甲局\n  level: town\n', 'r.yaml:3:10: 层级“town”无法识别', 'r.yaml:3:10: Unknown level "town"'],
    ['not a roster format', 'r.txt', 'x', 'r.txt: 名册应是 .csv、.yaml、.yml 或 .xlsx 文件', 'r.txt: A roster is a .csv, .yaml, .yml or .xlsx file'],
  ])('%s', (_, name, text, zh, en) => {
    const file = join(tempDir(), name);
    writeFileSync(file, text);
    const target = join(tempDir(), 'out');
    for (const [lang, said] of [['zh', zh], ['en', en]]) {
      const notices = bin(['notices', folder, '--roster', file, '--out', target, '--no-pdf', '--lang', lang]);
      const reviewed = bin(['review', folder, '--roster', file, '--lang', lang]);
      expect(reviewed.status).toBe(2);
      expect({ lang, status: notices.status, stdout: notices.stdout, stderr: notices.stderr }).toEqual({ lang, status: 2, stdout: '', stderr: reviewed.stderr });
      expect(notices.stderr).toContain(said);
      expect(notices.stderr).not.toMatch(/at .*\.js:\d+|Error:/);
      expect(existsSync(target)).toBe(false);
    }
  });

  test('a roster that does not exist', () => {
    const file = join(tempDir(), '名册.csv');
    const target = join(tempDir(), 'out');
    const notices = bin(['notices', folder, '--roster', file, '--out', target, '--no-pdf']);
    expect(notices.status).toBe(2);
    expect(notices.stderr).toBe(bin(['review', folder, '--roster', file]).stderr);
    expect(notices.stderr).toBe(`plancheck: ${file}: 无法读取文件:文件不存在(应为:一个存在且可读的名册文件(.csv、.yaml、.yml 或 .xlsx))\n`);
    expect(existsSync(target)).toBe(false);
  });
});
