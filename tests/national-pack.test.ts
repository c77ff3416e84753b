/**
 * The bundled national pack, rules/cn-national-baseline/: its test cases (rules/cn-national-baseline/tests/*.yaml, in
 * the format of docs/pack-tests.md) run here through `plancheck check --pack cn-national-baseline`, as a user runs
 * it, with a passing and a failing case for every rule; and one submission checked against both bundled packs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { sha256Hex } from '../src/intake/format';
import { bin, checkJson, cli, CITY_ALL_MET, readYaml, ROOT, tempDir, variant, variantIn, writeTemp, type Data, type JsonFinding } from './helpers';

const NATIONAL = join(ROOT, 'rules', 'cn-national-baseline');
const CASES_DIR = join(NATIONAL, 'tests');
const BASE = join(CASES_DIR, 'bases', 'city-2024.yaml');
const HUNAN_ID = 'hunan-hrss-fazhi-2022-2025';
const NATIONAL_ID = 'cn-national-baseline';

type Expectation = string | { status: string; message?: string; evidence?: string[]; detail?: string };

interface Case {
  name: string;
  base?: string;
  merge?: Data;
  set?: Record<string, unknown>;
  remove?: string[];
  expect: Record<string, Expectation>;
  others?: string | string[];
}

interface CaseFile {
  base?: string;
  others?: string | string[];
  cases: Case[];
}

const files = readdirSync(CASES_DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const cases = files.flatMap((file) => {
  const parsed = parse(readFileSync(join(CASES_DIR, file), 'utf8')) as CaseFile;
  return parsed.cases.map((c) => ({ file, ...c, base: c.base ?? parsed.base, others: c.others ?? parsed.others }));
});

function deepMerge(target: Data, fragment: Data): void {
  for (const [key, value] of Object.entries(fragment)) {
    const here = target[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && here && typeof here === 'object' && !Array.isArray(here)) deepMerge(here as Data, value as Data);
    else target[key] = value;
  }
}

/** Walks a dotted path (`a.items.0.b`), creating mappings on the way; returns the holder and the last key. */
function holderOf(data: Data, path: string, create: boolean): [Record<string | number, unknown>, string | number] {
  const keys = path.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key));
  let node = data as Record<string | number, unknown>;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === undefined && create) node[key] = {};
    if (node[key] === undefined) throw new Error(`${path}: not in the base`);
    node = node[key] as Record<string | number, unknown>;
  }
  return [node, keys[keys.length - 1]];
}

/** The submission a case checks, built as docs/pack-tests.md says (merge, then set, then remove), as JSON. */
function submissionOf(c: (typeof cases)[number]): string {
  const data = readYaml(join(CASES_DIR, c.base ?? ''));
  if (c.merge) deepMerge(data, c.merge);
  for (const [path, value] of Object.entries(c.set ?? {})) {
    const [holder, key] = holderOf(data, path, true);
    holder[key] = value;
  }
  for (const path of c.remove ?? []) {
    const [holder, key] = holderOf(data, path, false);
    if (!(key in holder)) throw new Error(`${path}: not in the base`);
    delete holder[key];
  }
  return writeTemp('case.json', JSON.stringify(data, null, 2));
}

function expectationOf(expected: Expectation): { status: string; message?: string; evidence?: string[]; detail?: string } {
  return typeof expected === 'string' ? { status: expected } : expected;
}

function records(finding: JsonFinding): string[] {
  return [...new Set(finding.evidence.flatMap((e) => (e.record === undefined ? [] : [e.record])))].sort();
}

describe('the national pack\'s cases, through plancheck check --pack cn-national-baseline', () => {
  test.each(cases.map((c) => [`${c.file}: ${c.name}`, c] as const))('%s', async (_name, c) => {
    const { submissions, status } = await checkJson([submissionOf(c)], '--pack', NATIONAL_ID);
    expect(submissions[0].error).toBeNull();
    const findings = submissions[0].findings;
    for (const [rule, raw] of Object.entries(c.expect)) {
      const expected = expectationOf(raw);
      const finding = findings.find((f) => f.rule === rule);
      expect(finding).toBeDefined();
      const said = finding as JsonFinding;
      expect({ rule, status: said.status }).toEqual({ rule, status: expected.status });
      if (expected.message) expect(said.message.zh).toContain(expected.message);
      if (expected.evidence) expect(records(said)).toEqual([...expected.evidence].sort());
      if (expected.detail) expect(said.evidence.map((e) => e.detail).join('\n')).toContain(expected.detail);
    }
    const others = c.others === undefined ? undefined : ([] as string[]).concat(c.others);
    if (others) {
      for (const finding of findings.filter((f) => !(f.rule in c.expect))) expect({ rule: finding.rule, status: finding.status, allowed: others.includes(finding.status) }).toEqual({ rule: finding.rule, status: finding.status, allowed: true });
    }
    // The exit status follows the statuses, as the contract says.
    const statuses = findings.map((f) => f.status);
    expect(status).toBe(statuses.includes('fail') ? 1 : statuses.includes('missing_data') ? 3 : 0);
  });

  test('every rule of the pack has a passing and a failing case', () => {
    const pack = parse(readFileSync(join(NATIONAL, 'pack.yaml'), 'utf8')) as { rules: { id: string }[] };
    const said = (status: string): Set<string> => new Set(cases.flatMap((c) => Object.entries(c.expect).filter(([, e]) => expectationOf(e).status === status).map(([rule]) => rule)));
    const [passing, failing] = [said('pass'), said('fail')];
    expect(pack.rules.map((r) => r.id).filter((id) => !passing.has(id) || !failing.has(id))).toEqual([]);
    // "一般": the stated exception of 第十五条 and 第二十六条 warns.
    expect([...said('warn')].sort()).toEqual(['CN-MD-15-comment-period', 'CN-MD-26-legality-review-time']);
  });
});

describe('one submission against both bundled packs', () => {
  test('gives one report with both packs\' findings, each naming its pack, and both sha256s', async () => {
    const run = await cli('check', BASE, '--pack', HUNAN_ID, '--pack', NATIONAL_ID, '--format', 'json');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { packs: { id: string; sha256: string }[]; submissions: { findings: (JsonFinding & { pack: string })[] }[] };
    expect(report.packs).toEqual([
      { id: HUNAN_ID, version: '1.0.0', sha256: sha256Hex(readFileSync(join(ROOT, 'rules', 'hunan-hrss-2022-2025', 'pack.yaml'))) },
      { id: NATIONAL_ID, version: '1.0.0', sha256: sha256Hex(readFileSync(join(NATIONAL, 'pack.yaml'))) },
    ]);
    const findings = report.submissions[0].findings;
    const byPack = (id: string): string[] => findings.filter((f) => f.pack === id).map((f) => f.rule);
    expect(byPack(NATIONAL_ID)).toEqual(['CN-GI-26-proactive-disclosure-deadline', 'CN-GI-33-request-answer-deadline', 'CN-GI-49-annual-disclosure-report', 'CN-MD-15-comment-period', 'CN-MD-25-legality-review', 'CN-MD-26-legality-review-time', 'CN-MD-30-collective-discussion', 'CN-MD-32-publication']);
    expect(byPack(HUNAN_ID).every((rule) => rule.startsWith('HN-'))).toBe(true);
    expect(byPack(HUNAN_ID).length + byPack(NATIONAL_ID).length).toBe(findings.length);
    // The Hunan findings first, as the packs were named; every finding passes or does not apply.
    expect(findings[0].pack).toBe(HUNAN_ID);
    expect(findings.filter((f) => !['pass', 'not_applicable'].includes(f.status))).toEqual([]);
  });

  test('the table names each finding\'s pack, and a national article with its regulation', async () => {
    const run = await cli('check', BASE, '--pack', HUNAN_ID, '--pack', NATIONAL_ID);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`规则包 ${HUNAN_ID} 1.0.0, 规则包 ${NATIONAL_ID} 1.0.0`);
    expect(run.stdout).toContain(`《重大行政决策程序暂行条例》第二十六条第二款 CN-MD-26-legality-review-time [重要] · ${NATIONAL_ID}`);
    expect(run.stdout).toContain(`(七) HN-07-online-handling-rate [重要] · ${HUNAN_ID}`);
  });

  test('a failure of either pack fails the run (exit 1), and the failing findings are named by pack', async () => {
    const file = variant(BASE, { 'transparency.disclosure_requests': [{ id: 'YSQ-2024-07', received_on: '2024-04-08', answered_on: '2024-05-09', extended: false }], 'services.online_handling_rate': '89%' });
    const { status, submissions } = await checkJson([file], '--pack', HUNAN_ID, '--pack', NATIONAL_ID);
    expect(status).toBe(1);
    const failed = submissions[0].findings.filter((f) => f.status === 'fail').map((f) => [(f as JsonFinding & { pack: string }).pack, f.rule]);
    expect(failed).toEqual([[HUNAN_ID, 'HN-07-online-handling-rate'], [NATIONAL_ID, 'CN-GI-33-request-answer-deadline']]);
  });

  test('a Hunan-only submission stays valid: its Hunan findings are those of a Hunan-only run, and the national fields it lacks are missing data (exit 3)', async () => {
    const both = await checkJson([CITY_ALL_MET], '--pack', HUNAN_ID, '--pack', NATIONAL_ID);
    const hunan = await checkJson([CITY_ALL_MET]);
    expect(hunan.status).toBe(0);
    expect(both.status).toBe(3);
    expect(both.submissions[0].findings.filter((f) => f.rule.startsWith('HN-'))).toEqual(hunan.submissions[0].findings);
    const national = both.submissions[0].findings.filter((f) => f.rule.startsWith('CN-'));
    expect(national.filter((f) => f.status === 'missing_data').map((f) => f.rule)).toEqual(['CN-GI-26-proactive-disclosure-deadline', 'CN-GI-33-request-answer-deadline', 'CN-GI-49-annual-disclosure-report', 'CN-MD-26-legality-review-time']);
    expect(national.filter((f) => f.status !== 'missing_data').every((f) => f.status === 'pass')).toBe(true);
  });
});

describe('a Hunan rule that restates a national one', () => {
  test('its finding carries the national citation, in JSON, with only the Hunan pack loaded', async () => {
    const { submissions } = await checkJson([CITY_ALL_MET]);
    const finding = submissions[0].findings.find((f) => f.rule === 'HN-12-comment-period') as JsonFinding & { pack: string; citation: Record<string, unknown> };
    expect(finding.pack).toBe(HUNAN_ID);
    expect(finding.citation).toEqual({
      document: '《湖南省人力资源和社会保障法治建设实施方案(2022—2025年)》',
      document_number: '湘人社发〔2022〕51号',
      clause: '(十二)',
      quote: '征求意见期限一般不少于30日',
      restates: {
        pack: NATIONAL_ID,
        rule: 'CN-MD-15-comment-period',
        document: '《重大行政决策程序暂行条例》',
        document_number: '中华人民共和国国务院令第713号',
        clause: '第十五条第一款',
        quote: '公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明',
      },
    });
  });

  test('the table, markdown and HTML show the second citation under the first', async () => {
    const file = variant(CITY_ALL_MET, { 'major_decisions.items.0.collective_discussion': false });
    const table = await cli('check', file);
    expect(table.status).toBe(1);
    expect(table.stdout).toMatch(/原文: “集体讨论率达到100%”\n {6}上位规定: 《重大行政决策程序暂行条例》第三十条第一款 “决策草案应当经决策机关常务会议或者全体会议讨论” \(cn-national-baseline CN-MD-30-collective-discussion\)\n/);
    const english = await cli('check', file, '--lang', 'en');
    expect(english.stdout).toContain('Restates: 《重大行政决策程序暂行条例》第三十条第一款');
    const markdown = await cli('check', file, '--format', 'markdown');
    expect(markdown.stdout).toContain('集体讨论率达到100%<br>上位规定: 《重大行政决策程序暂行条例》第三十条第一款');
    const html = await cli('check', file, '--format', 'html');
    expect(html.stdout).toContain('<blockquote class="restates" lang="zh-CN">上位规定: 《重大行政决策程序暂行条例》第三十条第一款');
  });
});

describe('the national fields of a submission', () => {
  test('an answer dated before its request is an input error with its place (exit 2)', async () => {
    const text = readFileSync(BASE, 'utf8').replace('{ id: YSQ-2024-07, received_on: 2024-04-08, answered_on: 2024-05-08 }', '{ id: YSQ-2024-07, received_on: 2024-04-08, answered_on: 2024-04-03 }');
    const file = writeTemp('answered-early.yaml', text);
    const line = text.split('\n').findIndex((l) => l.includes('answered_on: 2024-04-03')) + 1;
    const run = await cli('check', file, '--pack', NATIONAL_ID);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`第 ${line} 行`);
    expect(run.stdout).toContain('政府信息公开申请第 1 条的答复日期 2024-04-03 早于收到申请日期 2024-04-08');
  });

  test('a legality review opinion dated before the request is an input error too', async () => {
    const file = variant(BASE, { 'major_decisions.items.0.legality_review_period': { requested_on: '2024-05-13', given_on: '2024-05-10' } });
    const { status, submissions } = await checkJson([file], '--pack', NATIONAL_ID);
    expect(status).toBe(2);
    expect(submissions[0].error?.field).toBe('major_decisions.items[0].legality_review_period.given_on');
  });

  test('a working-day count in a year no calendar knows is missing data, not guessed', async () => {
    const file = variantIn(2027, BASE);
    const { submissions } = await checkJson([file], '--pack', NATIONAL_ID);
    const statuses = Object.fromEntries(submissions[0].findings.map((f) => [f.rule, f.status]));
    expect(statuses).toMatchObject({ 'CN-GI-26-proactive-disclosure-deadline': 'missing_data', 'CN-GI-33-request-answer-deadline': 'missing_data', 'CN-MD-26-legality-review-time': 'missing_data', 'CN-MD-15-comment-period': 'pass' });
    const finding = submissions[0].findings.find((f) => f.rule === 'CN-MD-26-legality-review-time') as JsonFinding;
    expect(finding.evidence[0].detail).toContain('缺少 2027 年的节假日安排');
  });
});

describe('--pack names a bundled pack by its id', () => {
  test('from any folder, through the built bin', () => {
    const run = bin(['check', BASE, '--pack', NATIONAL_ID, '--format', 'json'], tempDir());
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { packs: { id: string }[] };
    expect(report.packs.map((p) => p.id)).toEqual([NATIONAL_ID]);
  });

  test('an id that is neither a path nor a bundled pack is an unreadable pack (exit 2)', async () => {
    const run = await cli('check', BASE, '--pack', 'cn-national-baselin');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cn-national-baselin');
  });
});
