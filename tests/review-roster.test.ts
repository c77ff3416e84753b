/**
 * The reviewer's year (issue 15, items 1–3): a folder of 40 submissions over 2022–2025 for cities and counties of
 * Hunan, and a roster naming bureaus that never filed. Checked through what the reviewer sees: the built CLI's table,
 * JSON, CSV, Markdown, HTML and workbook (read back with exceljs), and its exit status.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { csvRows } from '../src/intake/roster';
import { bin, tempDir } from './helpers';
import { FIXTURE_NAME } from './review-fixture';
import { FILED, NOT_FILED, ONLINE, ROSTER_ROWS, writeRosterCsv, writeSubmissions, YEARS } from './roster-fixture';

interface JsonReview {
  bureaus: { bureau: { region_code: string; level: string }; year: number; statuses: Record<string, string> }[];
  not_filed: { region_code: string; year: number; city_code?: string }[];
  off_roster: { region_code: string; years: number[] }[];
  cities: { city_code: string; year: number; counties: number; targets: { rule: string; own?: string; met: number; of: number; missed: { region_code: string; status: string }[] }[] }[];
  trend: { targets: { rule: string; years: { year: number; met: number; of: number }[] }[]; bureaus: { region_code?: string; years: { year: number; statuses: string[] | null; not_filed?: boolean }[] }[] };
  regressions: { region_code: string; rule: string; from_year: number; to_year: number; from: string; to: string }[];
}

let folder: string;
let roster: string;
let json: JsonReview;
let jsonStatus: number;
/** The reports of one run, by format, and of a second run of the same review: the same bytes, or the output is not deterministic. */
const FORMATS = ['table', 'json', 'csv', 'markdown', 'html', 'xlsx'] as const;
const reports: Record<string, Buffer> = {};
const again: Record<string, Buffer> = {};

function reviewInto(dir: string, into: Record<string, Buffer>): number {
  const run = bin(['review', folder, '--roster', roster, '--format', 'json', '--out', join(dir, 'r.json'), ...FORMATS.filter((f) => f !== 'json').flatMap((f) => ['--report', `${f}:${join(dir, `r.${f}`)}`])]);
  for (const f of FORMATS) into[f] = readFileSync(join(dir, `r.${f}`));
  return run.status;
}

beforeAll(() => {
  folder = writeSubmissions();
  roster = writeRosterCsv(tempDir());
  jsonStatus = reviewInto(tempDir(), reports);
  reviewInto(tempDir(), again);
  json = JSON.parse(reports.json.toString('utf8')) as JsonReview;
});

test('the folder holds at least 30 submissions over four years, and the review reads them all', () => {
  expect(json.bureaus.length).toBe(FILED.length * 4 - 1 + 1);
  expect(json.bureaus.length).toBeGreaterThanOrEqual(30);
  expect([...new Set(json.bureaus.map((b) => b.year))]).toEqual(YEARS);
});

test('every roster bureau without a submission for a year is not_filed, a bureau off the roster is flagged, and the exit status is 1', () => {
  expect(json.not_filed.map((n) => `${n.region_code} ${n.year}`)).toEqual(NOT_FILED);
  // The city of a county is the first four digits of its code and 00 when the roster leaves it empty.
  expect(json.not_filed.find((n) => n.region_code === '430303')?.city_code).toBe('430300');
  expect(json.off_roster.map((o) => [o.region_code, o.years])).toEqual([['439999', [2025]]]);
  expect(jsonStatus).toBe(1);
});

test('the table lists who has not filed, counts them in the summary line, and exits 1', () => {
  const run = { stdout: reports.table.toString('utf8') };
  for (const entry of NOT_FILED) {
    const [code, year] = entry.split(' ');
    expect(run.stdout).toContain(`○ ${FIXTURE_NAME(code)}(${code}) · 县级 · ${year} · 未报送`);
  }
  expect(run.stdout).toContain(`找到 36 个文件:已评估 36 个,无法读取 0 个;名册 ${ROSTER_ROWS.length} 个单位,未报送 ${NOT_FILED.length} 个单位年度,名册外 1 个单位`);
  expect(run.stdout).toContain(`${FIXTURE_NAME('439999')}(439999) · 2025 · 名册外`);
  expect(run.stdout).toMatch(/9 个单位年度未报送;/);
});

test('with --exit-zero the review exits 0 even though bureaus have not filed', () => {
  expect(bin(['review', folder, '--roster', roster, '--exit-zero', '--format', 'json']).status).toBe(0);
});

/** What a city's roll-up should be in a year, from the bureaus' own statuses in the JSON and the not-filed list. */
function expectedCity(city: string, year: number, rule: string): { met: number; of: number; missed: string[] } {
  const counties = json.bureaus.filter((b) => b.year === year && b.bureau.level === 'county' && b.bureau.region_code.slice(0, 4) === city.slice(0, 4));
  // A county that did not file counts where the target applies to the counties that filed: a province-only target does not.
  const forCounties = json.bureaus.some((b) => b.bureau.level === 'county' && b.statuses[rule] !== 'not_applicable');
  const notFiled = forCounties ? json.not_filed.filter((n) => n.year === year && n.city_code === city).map((n) => `${n.region_code} not_filed`) : [];
  const applies = counties.filter((b) => b.statuses[rule] !== 'not_applicable');
  return {
    met: counties.filter((b) => b.statuses[rule] === 'pass').length,
    of: applies.length + notFiled.length,
    missed: [...counties.filter((b) => ['fail', 'missing_data'].includes(b.statuses[rule])).map((b) => `${b.bureau.region_code} ${b.statuses[rule]}`), ...notFiled].sort(),
  };
}

test('the roll-up by city: its own status and, per target, how many counties meet it and which miss it (latest year)', () => {
  // The county off the roster is rolled up under the city of its code.
  expect(json.cities.map((c) => [c.city_code, c.year, c.counties])).toEqual([['430100', 2025, 4], ['430200', 2025, 2], ['430300', 2025, 2], ['439900', 2025, 1]]);
  const changsha = json.cities[0];
  const online = changsha.targets.find((t) => t.rule === ONLINE);
  expect(online).toMatchObject({ own: 'pass', met: 3, of: 4, missed: [{ region_code: '430105', status: 'not_filed' }] });
  for (const city of json.cities) {
    for (const target of city.targets) {
      const expected = expectedCity(city.city_code, city.year, target.rule);
      expect({ rule: target.rule, met: target.met, missed: target.missed.map((m) => `${m.region_code} ${m.status}`).sort() }).toEqual({ rule: target.rule, met: expected.met, missed: expected.missed });
    }
  }
  // 430103 stopped reporting law lectures in 2025: the city sees it among the counties that miss the target.
  const lectures = Object.entries(json.bureaus.find((b) => b.bureau.region_code === '430103' && b.year === 2025)?.statuses ?? {}).filter(([, s]) => s === 'missing_data').map(([rule]) => rule);
  expect(lectures.length).toBeGreaterThan(0);
  expect(changsha.targets.find((t) => t.rule === lectures[0])?.missed.map((m) => `${m.region_code} ${m.status}`)).toEqual(['430103 missing_data', '430105 not_filed']);
});

test('the trend: per target, bureaus meeting it of those it applies to, in each year; per bureau its statuses year by year', () => {
  for (const target of json.trend.targets) {
    const expected = YEARS.map((year) => {
      const those = json.bureaus.filter((b) => b.year === year && b.statuses[target.rule] !== 'not_applicable');
      return { year, met: those.filter((b) => b.statuses[target.rule] === 'pass').length, of: those.length };
    });
    expect(target.years).toEqual(expected);
  }
  expect(json.trend.targets.find((t) => t.rule === ONLINE)?.years).toEqual([
    { year: 2022, met: 9, of: 9 },
    { year: 2023, met: 7, of: 8 },
    { year: 2024, met: 8, of: 9 },
    { year: 2025, met: 10, of: 10 },
  ]);
  const b203 = json.trend.bureaus.find((b) => b.region_code === '430203');
  expect(b203?.years.map((y) => (y.statuses ? 'filed' : y.not_filed ? 'not_filed' : 'none'))).toEqual(['filed', 'not_filed', 'filed', 'filed']);
  expect(json.trend.bureaus.find((b) => b.region_code === '430105')?.years.every((y) => y.statuses === null && y.not_filed)).toBe(true);
});

test('a target going from pass to missing data is a regression, as pass to fail is', () => {
  const regressions = json.regressions.map((r) => `${r.region_code} ${r.rule} ${r.from_year}→${r.to_year} ${r.from}→${r.to}`);
  expect(regressions).toContain(`430102 ${ONLINE} 2022→2023 pass→fail`);
  expect(regressions).toContain(`430202 ${ONLINE} 2023→2024 pass→fail`);
  expect(regressions.filter((r) => r.startsWith('430103 ') && r.endsWith('2024→2025 pass→missing_data')).length).toBeGreaterThan(0);
  const table = reports.table.toString('utf8');
  expect(table).toContain('退步(上年通过 → 本年不通过或缺数据):');
  expect(table).toMatch(/✗ 审查测试430103人力资源和社会保障局 \(430103\) · HN-32-[a-z-]+ · 2024 → 2025 · 通过 → 缺数据/);
});

test('CSV: the matrix alone, one rectangular table: the not-filed bureau-years as rows, the bureau off the roster marked', () => {
  const rows = csvRows(reports.csv.toString('utf8').replace(/^\uFEFF/, '')).map((r) => r.fields);
  const width = rows[0].length;
  expect(rows.every((r) => r.length === width)).toBe(true);
  // No empty row and no second header: the roll-up and the trend are CSVs of their own (--by city, --by year).
  expect(rows.filter((r) => r.every((cell) => cell === ''))).toEqual([]);
  expect(rows.slice(1).filter((r) => r[0] === '文件')).toEqual([]);
  expect(rows.length).toBe(1 + json.bureaus.length + NOT_FILED.length);
  const notice = rows[0].indexOf('提示');
  const notFiled = rows.filter((r) => r[notice] === '未报送').map((r) => `${r[3]} ${r[5]}`);
  expect(notFiled).toEqual(NOT_FILED);
  expect(rows.find((r) => r[3] === '439999')?.[notice]).toBe('名册外');
});

test('CSV --by city: the roll-up as its own table, a row per city and target, with the provenance', () => {
  const run = bin(['review', folder, '--roster', roster, '--by', 'city', '--format', 'csv']);
  expect(run.status).toBe(1);
  const rows = csvRows(run.stdout.replace(/^\uFEFF/, '')).map((r) => r.fields);
  expect(rows[0].slice(0, 9)).toEqual(['年度', '市州代码', '市州', '指标编号', '指标名称', '本级', '达标的县市区数', '适用的县市区数', '未达标的县市区']);
  expect(rows[0].slice(9, 13)).toEqual(['工具', '规则包', '规则包版本', '规则包sha256']);
  expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
  expect(rows.length).toBe(1 + json.cities.reduce((n, c) => n + c.targets.length, 0));
  const city = rows.find((r) => r[1] === '430100' && r[3] === ONLINE);
  expect(city?.slice(0, 9)).toEqual(['2025', '430100', FIXTURE_NAME('430100'), ONLINE, '人社服务事项网上可办率', '通过', '3', '4', `${FIXTURE_NAME('430105')}(未报送)`]);
  const en = csvRows(bin(['review', folder, '--roster', roster, '--by', 'city', '--format', 'csv', '--lang', 'en']).stdout.replace(/^\uFEFF/, '')).map((r) => r.fields);
  expect(en[0].slice(0, 9)).toEqual(['year', 'city_code', 'city', 'rule', 'title', 'city_status', 'counties_met', 'counties_applicable', 'counties_missing']);
  expect(en.find((r) => r[1] === '430100' && r[3] === ONLINE)?.slice(5, 8)).toEqual(['pass', '3', '4']);
});

test('CSV --by year: the trend as its own table, a row per target with its figures per year', () => {
  const run = bin(['review', folder, '--roster', roster, '--by', 'year', '--format', 'csv']);
  expect(run.status).toBe(1);
  const rows = csvRows(run.stdout.replace(/^\uFEFF/, '')).map((r) => r.fields);
  expect(rows[0].slice(0, 10)).toEqual(['指标编号', '指标名称', ...YEARS.flatMap((y) => [`${y} 年达标单位数`, `${y} 年适用单位数`])]);
  expect(rows[0][10]).toBe('工具');
  expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
  expect(rows.slice(1).map((r) => r[0])).toEqual(json.trend.targets.map((t) => t.rule));
  for (const target of json.trend.targets) {
    expect(rows.find((r) => r[0] === target.rule)?.slice(2, 10)).toEqual(target.years.flatMap((y) => [String(y.met), String(y.of)]));
  }
  expect(rows.find((r) => r[0] === ONLINE)?.slice(2, 10)).toEqual(['9', '9', '7', '8', '8', '9', '10', '10']);
  const en = csvRows(bin(['review', folder, '--by', 'year', '--format', 'csv', '--lang', 'en']).stdout.replace(/^\uFEFF/, '')).map((r) => r.fields);
  expect(en[0].slice(0, 4)).toEqual(['rule', 'title', 'met_2022', 'applicable_2022']);
});

test('--by year prints only the trend: table, JSON, Markdown, HTML and workbook, in Chinese and English', async () => {
  const table = bin(['review', folder, '--roster', roster, '--by', 'year']);
  expect(table.status).toBe(1);
  expect(table.stdout).toContain('逐年趋势:各指标达标的单位数 / 适用的单位数');
  expect(table.stdout).toMatch(new RegExp(`${ONLINE} 人社服务事项网上可办率 · 2022 9/9\\(100%\\) · 2023 7/8\\(87\\.5%\\) · 2024 8/9\\(88\\.9%\\) · 2025 10/10\\(100%\\)`));
  expect(table.stdout).not.toContain('矩阵');
  expect(table.stdout).not.toContain('按市州汇总');
  const en = bin(['review', folder, '--roster', roster, '--by', 'year', '--lang', 'en']);
  expect(en.stdout).toContain('Trend: bureaus meeting each target / bureaus it applies to, per year');
  // Chinese only in the bureaus' own names.
  expect(en.stdout.replace(/审查测试\d{6}人力资源和社会保障局/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
  const trendOnly = JSON.parse(bin(['review', folder, '--roster', roster, '--by', 'year', '--format', 'json']).stdout);
  expect(trendOnly.bureaus).toBeUndefined();
  expect(trendOnly.cities).toBeUndefined();
  expect(trendOnly.trend).toEqual(json.trend);
  expect(trendOnly.not_filed).toEqual(json.not_filed);
  const markdown = bin(['review', folder, '--by', 'year', '--format', 'markdown']).stdout;
  expect(markdown).toContain('## 逐年趋势');
  expect(markdown).not.toContain('## 矩阵');
  const html = bin(['review', folder, '--by', 'year', '--format', 'html']).stdout;
  expect(html.match(/<svg class="spark" data-rule="[^"]+"/g)).toHaveLength(json.trend.targets.length);
  expect(html).not.toContain('<section class="matrix">');
  const file = join(tempDir(), 'trend.xlsx');
  expect(bin(['review', folder, '--by', 'year', '--format', 'xlsx', '--out', file]).status).toBe(1);
  const workbook = new Workbook();
  await workbook.xlsx.readFile(file);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['逐年趋势', '各单位逐年']);
});

test('--by year over one year says there is no trend; --by with another word is refused, exit 2', () => {
  const one = bin(['review', folder, '--year', '2024', '--by', 'year']);
  expect(one.stdout).toContain('审查只有一个年度,没有逐年趋势');
  expect(bin(['review', folder, '--year', '2024', '--by', 'year', '--lang', 'en']).stdout).toContain('The review has one year only: no trend');
  const csv = csvRows(bin(['review', folder, '--year', '2024', '--by', 'year', '--format', 'csv']).stdout.replace(/^\uFEFF/, '')).map((r) => r.fields);
  expect(csv).toHaveLength(1);
  expect(csv[0].slice(0, 3)).toEqual(['指标编号', '指标名称', '工具']);
  const bad = bin(['review', folder, '--by', 'month']);
  expect(bad.status).toBe(2);
  expect(bad.stdout).toBe('');
  expect(bad.stderr).toBe('plancheck: --by: --by 的取值 "month" 无效,应为 city(按市州汇总)或 year(逐年趋势)\n');
  expect(bin(['review', folder, '--by', 'month', '--lang', 'en']).stderr).toBe('plancheck: --by: --by: "month" is not valid; expected city (the roll-up by city) or year (the trend over the years)\n');
});

test('Markdown: the not-filed list, the roll-up and the trend as numbers', () => {
  const run = { stdout: reports.markdown.toString('utf8') };
  expect(run.stdout).toContain('## 未报送(名册中的单位在审查年度没有报送)');
  for (const entry of NOT_FILED) expect(run.stdout).toContain(`- ${FIXTURE_NAME(entry.split(' ')[0])}(${entry.split(' ')[0]}) · 县级 · ${entry.split(' ')[1]} · 未报送`);
  expect(run.stdout).toContain('## 按市州汇总(2025 年):各市本级及所属县市区');
  expect(run.stdout).toMatch(new RegExp(`\\| 9 ${ONLINE} 人社服务事项网上可办率 \\| 9/9\\(100%\\) \\| 7/8\\(87\\.5%\\) \\| 8/9\\(88\\.9%\\) \\| 10/10\\(100%\\) \\|`));
});

test('HTML: the not-filed list, the roll-up, the trend with an inline SVG sparkline per target, no script source and no network', () => {
  const html = reports.html.toString('utf8');
  expect(html.match(/<li class="not-filed"/g)).toHaveLength(NOT_FILED.length);
  const sparks = html.match(/<svg class="spark" data-rule="[^"]+"/g) ?? [];
  expect(sparks).toHaveLength(json.trend.targets.length);
  const online = html.match(new RegExp(`<tr data-rule="${ONLINE}"><td>[^<]*</td>((?:<td class="n"[^>]*>[^<]*</td>){4})`));
  expect(online?.[1]).toContain('data-year="2023" data-met="7" data-of="8"');
  expect(html).toMatch(new RegExp(`<div class="city" data-city="430100">.*?<tr data-rule="${ONLINE}">.*?data-met="3" data-of="4"`, 's'));
  expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
});

test('xlsx: sheets of the not-filed, the roll-up and the trend, read back with exceljs', async () => {
  const workbook = new Workbook();
  await workbook.xlsx.load(reports.xlsx.buffer.slice(reports.xlsx.byteOffset, reports.xlsx.byteOffset + reports.xlsx.byteLength) as ArrayBuffer);
  const values = (name: string): unknown[][] => {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };
  expect(values('未报送').slice(1).map((r) => `${r[1]} ${r[3]}`)).toEqual(NOT_FILED);
  expect(values('名册外').slice(1).map((r) => r[1])).toEqual(['439999']);
  expect(values('按市州汇总').find((r) => r[0] === '430100' && r[3] === ONLINE)?.slice(5, 8)).toEqual(['通过', 3, 4]);
  expect(values('逐年趋势').find((r) => r[0] === ONLINE)?.slice(2)).toEqual([9, 9, 7, 8, 8, 9, 10, 10]);
});

test('--by city prints only the roll-up, in the table and the JSON', () => {
  const table = bin(['review', folder, '--roster', roster, '--by', 'city']);
  expect(table.status).toBe(1);
  expect(table.stdout).toContain('按市州汇总(2025 年):各市本级及所属县市区:');
  expect(table.stdout).toContain(`${FIXTURE_NAME('430100')}(430100):所属县市区 4 个`);
  expect(table.stdout).not.toContain('矩阵');
  const cities = JSON.parse(bin(['review', folder, '--roster', roster, '--by', 'city', '--format', 'json']).stdout);
  expect(cities.bureaus).toBeUndefined();
  expect(cities.cities).toEqual(json.cities);
});

test('without a roster nothing is not filed, and the cities come from the region codes', () => {
  const run = JSON.parse(bin(['review', folder, '--format', 'json']).stdout) as JsonReview;
  expect(run.not_filed).toBeUndefined();
  expect(run.cities.map((c) => [c.city_code, c.counties])).toEqual([['430100', 3], ['430200', 2], ['430300', 1], ['439900', 1]]);
});

test('the same review twice gives the same bytes in every format', () => {
  for (const format of FORMATS) expect({ format, same: reports[format].equals(again[format]) }).toEqual({ format, same: true });
});

test('a roster as YAML or as a workbook gives the same not-filed list as the CSV', async () => {
  const dir = tempDir();
  const yaml = join(dir, 'roster.yaml');
  writeFileSync(yaml, `bureaus:\n${ROSTER_ROWS.map(([code, name, level, city]) => `  - region_code: "${code}"\n    name: ${name}\n    level: ${level}\n${city ? `    city_code: "${city}"\n` : ''}`).join('')}`);
  const xlsx = join(dir, 'roster.xlsx');
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('名册');
  sheet.addRow(['region_code', 'name', 'level', 'city_code']);
  for (const [code, name, level, city] of ROSTER_ROWS) sheet.addRow([code, name, level === '市级' ? 'city' : 'county', city]);
  await workbook.xlsx.writeFile(xlsx);
  for (const file of [yaml, xlsx]) {
    const run = bin(['review', folder, '--roster', file, '--format', 'json']);
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as JsonReview).not_filed.map((n) => `${n.region_code} ${n.year}`)).toEqual(NOT_FILED);
  }
});

describe('a bad roster is refused with its place, in Chinese, exit 2', () => {
  const dir = (): string => tempDir();
  test.each([
    ['unknown level', 'r.csv', '行政区划代码,单位名称,层级\n430100,甲局,市级\n430102,乙局,乡级\n', 'r.csv:3: 层级“乡级”无法识别(应为:省级、市级或县级'],
    ['duplicate code', 'r.csv', 'region_code,name,level\n430100,甲局,city\n430100,丙局,city\n', 'r.csv:3: 行政区划代码 430100 重复'],
    ['missing column', 'r.csv', '行政区划代码,单位名称\n430100,甲局\n', 'r.csv:1: 名册缺少“层级”列'],
    ['code not six digits', 'r.csv', '行政区划代码,单位名称,层级\n4301,甲局,市级\n', 'r.csv:2: 行政区划代码“4301”不是 6 位数字'],
    ['YAML unknown level', 'r.yaml', '- region_code: "430100"\n  name: 甲局\n  level: town\n', 'r.yaml:3:10: 层级“town”无法识别'],
    ['not a roster format', 'r.txt', 'x', 'r.txt: 名册应是 .csv、.yaml、.yml 或 .xlsx 文件'],
  ])('%s', (_, name, text, said) => {
    const file = join(dir(), name);
    writeFileSync(file, text);
    const run = bin(['review', folder, '--roster', file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(said);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+|Error:/);
  });

  test('a workbook roster is placed at its sheet and cell', async () => {
    const file = join(dir(), 'r.xlsx');
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('名册');
    sheet.addRow(['行政区划代码', '单位名称', '层级']);
    sheet.addRow(['430100', '甲局', '地级']);
    await workbook.xlsx.writeFile(file);
    const run = bin(['review', folder, '--roster', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/r\.xlsx[^\n]*名册!C2[^\n]*层级“地级”无法识别/);
  });
});
