import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, tempDir } from './helpers';
import { DEFAULT_REPLY_BY, filesIn, itemsOf, LATEST_AS_OF, MISSING_ONLY_NAME, read, writeNoticesFixture } from './notices-fixture';

/**
 * `plancheck notices`, run as a reviewer runs it (the built bin) over a folder of several submissions: one notice per
 * bureau-year with a failing or missing target, listing exactly what `review --format json` finds for it.
 */

interface ReviewJson {
  packs: { id: string; version: string; sha256: string }[];
  bureaus: { file: string; sha256: string; bureau: { name: string }; year: number; statuses: Record<string, string> }[];
}

const COUNTY = '示例县人力资源和社会保障局-2024';
const CITY_2023 = '示例市人力资源和社会保障局-2023';
const MISSING_ONLY = '缺数据市人力资源和社会保障局_测试_分局-2024';

describe('plancheck notices over a folder of submissions', () => {
  let folder: string;
  let out: string;
  let again: string;
  let review: ReviewJson;
  let status: number;
  let stdout: string;

  beforeAll(() => {
    folder = writeNoticesFixture();
    out = join(tempDir(), '通知');
    again = join(tempDir(), '通知');
    const run = bin(['notices', folder, '--out', out]);
    ({ status, stdout } = run);
    expect(run.stderr).toBe('');
    expect(bin(['notices', folder, '--out', again]).status).toBe(1);
    const reviewed = bin(['review', folder, '--format', 'json']);
    expect(reviewed.status).toBe(1);
    review = JSON.parse(reviewed.stdout) as ReviewJson;
  }, 240_000);

  test('one page and one PDF per bureau-year that fails or lacks data, none for the one that meets everything; exit 1 as review', () => {
    expect(filesIn(out)).toEqual([`${CITY_2023}.html`, `${CITY_2023}.pdf`, `${MISSING_ONLY}.html`, `${MISSING_ONLY}.pdf`, `${COUNTY}.html`, `${COUNTY}.pdf`].sort());
    expect(status).toBe(1);
    expect(stdout).toBe(`已写出 3 份整改通知(网页和 PDF 各一份)到 ${out};1 份报送全部达标、不缺数据,无需通知\n`);
    for (const name of filesIn(out)) expect(readFileSync(join(out, name)).length).toBeGreaterThan(1000);
  });

  test('each notice lists exactly the targets review finds failing or missing for that bureau-year, failures first', () => {
    const concerned = review.bureaus.filter((b) => Object.values(b.statuses).some((s) => s === 'fail' || s === 'missing_data'));
    expect(concerned).toHaveLength(3);
    for (const bureau of concerned) {
      const name = bureau.bureau.name === MISSING_ONLY_NAME ? MISSING_ONLY : `${bureau.bureau.name}-${bureau.year}`;
      const expected = Object.entries(bureau.statuses).filter(([, s]) => s === 'fail' || s === 'missing_data');
      const failing = expected.filter(([, s]) => s === 'fail').map(([rule]) => ({ rule, status: 'fail' }));
      const missing = expected.filter(([, s]) => s === 'missing_data').map(([rule]) => ({ rule, status: 'missing_data' }));
      const html = read(out, `${name}.html`);
      expect(itemsOf(html)).toEqual([...failing, ...missing]);
      expect(html).toContain(`未达到要求的指标(${failing.length} 项)`);
      expect(html).toContain(`缺少数据的指标(${missing.length} 项)`);
    }
    // The bureau that only lacks data is told so, with no failure listed.
    expect(itemsOf(read(out, `${MISSING_ONLY}.html`))).toEqual([
      { rule: 'HN-31-budget', status: 'missing_data' },
      { rule: 'HN-32-special-training', status: 'missing_data' },
    ]);
  });

  test('a target is shown with its clause and document, the verbatim quote, what was found and required, and its records', () => {
    const html = read(out, `${COUNTY}.html`);
    const article = /<article class="item" data-rule="HN-16-disclosure-7-workdays"[\s\S]*?<\/article>/.exec(html)?.[0] ?? '';
    expect(article).toContain('《湖南省人力资源和社会保障法治建设实施方案(2022—2025年)》(湘人社发〔2022〕51号)(十六)');
    expect(article).toContain('“<span class="quote" lang="zh-CN">行政许可、行政处罚的执法决定信息在执法决定作出之日起7个工作日内公开</span>”');
    expect(article).toContain('<dd class="found">8 个工作日</dd>');
    expect(article).toContain('<dd class="required">≤ 7 个工作日</dd>');
    expect(article).toContain('<strong>示例县人社罚决〔2024〕2号 · 第 66 行</strong>:2024-02-08 作出决定,2024-02-26 公开,为决定后第 8 个工作日');
    expect(html).toContain('<p class="addressee">示例县人力资源和社会保障局:</p>');
    expect(html).toContain('关于 2024 年度法治建设指标整改的通知');
  });

  test('blanks for the document number and for signature and seal', () => {
    const html = read(out, `${COUNTY}.html`);
    expect(html).toContain('文号:<span class="blank" data-blank="document-number"></span>');
    expect(html).toContain('签发:<span class="blank short" data-blank="signature"></span>');
    expect(html).toContain('<div class="seal-box" data-blank="seal">(盖章)</div>');
  });

  test('the running foot, repeated on every printed page, names the pack, its version and sha256 and the submission sha256', () => {
    const [pack] = review.packs;
    for (const bureau of review.bureaus.filter((b) => Object.values(b.statuses).some((s) => s === 'fail' || s === 'missing_data'))) {
      const name = bureau.bureau.name === MISSING_ONLY_NAME ? MISSING_ONLY : `${bureau.bureau.name}-${bureau.year}`;
      const html = read(out, `${name}.html`);
      const foot = /<tfoot><tr><td class="running-foot">([\s\S]*?)<\/td><\/tr><\/tfoot>/.exec(html)?.[1];
      expect(foot).toBe(`规则包:${pack.id} ${pack.version} · sha256 ${pack.sha256}<br>报送文件:${bureau.file} · sha256 ${bureau.sha256}`);
    }
  });

  test('the reply date is the 15th working day after the latest as_of of the folder, not of the clock', () => {
    for (const name of [COUNTY, CITY_2023, MISSING_ONLY]) {
      const html = read(out, `${name}.html`);
      expect(html).toContain(`<p class="reply-by" data-date="${DEFAULT_REPLY_BY}">请于 2025 年 2 月 11 日前书面回复整改情况`);
      expect(html).toContain(`本期限为本批报送数据截止日中最晚的 ${LATEST_AS_OF} 之后第 15 个工作日`);
    }
  });

  test('the same folder gives the same bytes, page and PDF', () => {
    expect(filesIn(again)).toEqual(filesIn(out));
    for (const name of filesIn(out)) expect(readFileSync(join(again, name)).equals(readFileSync(join(out, name)))).toBe(true);
    // The PDF states the reply date's reference day as when it was made, never the run's time.
    expect(readFileSync(join(out, `${COUNTY}.pdf`), 'latin1')).toContain("/CreationDate (D:20250115000000+00'00')");
  });
});

describe('plancheck notices: dates, exit statuses and mistakes', () => {
  test('--reply-by names the date; English with --lang en', () => {
    const folder = writeNoticesFixture();
    const out = join(tempDir(), 'out');
    const run = bin(['notices', folder, '--out', out, '--no-pdf', '--reply-by', '2025-03-31', '--lang', 'en']);
    expect(run.status).toBe(1);
    expect(filesIn(out)).toEqual([`${CITY_2023}.html`, `${MISSING_ONLY}.html`, `${COUNTY}.html`].sort());
    const html = read(out, `${COUNTY}.html`);
    expect(html).toContain('<p class="reply-by" data-date="2025-03-31">Please reply in writing by 2025-03-31;');
    expect(html).toContain('This date was set by the reviewing office.');
    expect(run.stdout).toBe(`3 rectification notices written to ${out} (web pages); 1 submission meet every target with no data missing: no notice\n`);
  });

  test('a reply date that does not exist is refused before anything is written, in Chinese', () => {
    const out = join(tempDir(), 'out');
    const run = bin(['notices', writeNoticesFixture(), '--out', out, '--reply-by', '2025-02-30']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('plancheck: --reply-by: 回复期限 --reply-by 的日期 2025-02-30 不存在(应为:存在的日期,写成年-月-日,如 2025-03-31)\n');
    expect(existsSync(out)).toBe(false);
  });

  test('--out must be a folder, and is required', () => {
    const folder = writeNoticesFixture();
    const file = join(folder, '2024', 'county.yaml');
    const before = readFileSync(file);
    const run = bin(['notices', folder, '--out', file, '--no-pdf']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`plancheck: ${file}: --out 应为存放通知的文件夹,这里是一个文件\n`);
    expect(readFileSync(file).equals(before)).toBe(true);
    const missing = bin(['notices', folder]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('plancheck: 命令行有误:缺少必需的选项 --out\n');
  });

  test('a folder whose bureaus meet everything gets no notice and exits 0; one that only lacks data exits 3', () => {
    const folder = writeNoticesFixture();
    const met = join(tempDir(), 'met');
    const run = bin(['notices', join(folder, '2024', 'city-met.yaml'), '--out', met, '--no-pdf']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`已写出 0 份整改通知(网页)到 ${met};1 份报送全部达标、不缺数据,无需通知\n`);
    expect(existsSync(met)).toBe(false);
    const missing = join(tempDir(), 'missing');
    expect(bin(['notices', join(folder, '2024', 'city-missing.yaml'), '--out', missing, '--no-pdf']).status).toBe(3);
    expect(filesIn(missing)).toEqual([`${MISSING_ONLY}.html`]);
  });

  test('a file that cannot be read is told with its place and exits 2; the others still get their notices', () => {
    const folder = writeNoticesFixture();
    const broken = join(folder, '2024', 'broken.yaml');
    require('node:fs').writeFileSync(broken, 'bureau:\n  name: 坏文件县人力资源和社会保障局\n  level: 县\nyear: 2024\n');
    const out = join(tempDir(), 'out');
    const run = bin(['notices', folder, '--out', out, '--no-pdf']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`plancheck: ${broken}:3:10`);
    expect(run.stdout).toContain('1 份无法读取,未写通知');
    expect(filesIn(out)).toHaveLength(3);
  });

  test('a Chromium that cannot print leaves no file behind: every notice is written, or none', () => {
    const out = join(tempDir(), 'out');
    const run = bin(['notices', writeNoticesFixture(), '--out', out, '--chromium', '/bin/false']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^plancheck: --chromium: 无法启动 Chromium\(\/bin\/false\):.*;本次运行的通知都没有写出,原有文件保持原样\n$/);
    expect(existsSync(out)).toBe(false);
    const nowhere = bin(['notices', writeNoticesFixture(), '--out', out, '--chromium', '/no/such/chromium']);
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr).toBe('plancheck: --chromium: 找不到可以运行的 Chromium:/no/such/chromium(应为:Chromium 可执行文件的路径,如 /usr/bin/chromium)\n');
  });
});
