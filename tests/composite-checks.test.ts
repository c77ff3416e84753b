import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { cli, CITY_ALL_MET, editedPack, DELETE, ROOT, tempDir, variant, type Edits, type JsonFinding } from './helpers';
import { compileRule, factName } from '../src/engine/compile';
import { kindOf, measure } from '../src/engine/kinds';
import { OPERATOR_NAMES, COMPARE, settled } from '../src/engine/operators';
import { SETTLED } from '../src/engine/conditions';
import { leavesOf } from '../src/pack/check-tree';
import { loadPack } from '../src/pack/load';
import { loadSubmission } from '../src/submission/load';
import { WorkingDayCalendar } from '../src/calendar/working-days';
import { bundledHolidayYears } from '../src/calendar/holiday-notices';
import { readFileSync } from 'node:fs';

const PACK = join(ROOT, 'tests', 'fixtures', 'composite-pack');

interface JsonLeaf {
  path: string;
  kind: string;
  status: string;
  actual: unknown;
  expected: { operator: string; value: unknown; unit: string };
  message: { zh: string; en: string };
  evidence: { record?: string; detail: string; field?: string; line?: number }[];
}

type CompositeFinding = JsonFinding & { leaves?: JsonLeaf[] };

/** The findings of the composite test pack on the city example with edits, and the exit status, through the CLI. */
async function check(edits: Edits, ...args: string[]): Promise<{ status: number; findings: Map<string, CompositeFinding> }> {
  const file = variant(CITY_ALL_MET, edits);
  const run = await cli('check', file, '--pack', PACK, '--format', 'json', ...args);
  const document = JSON.parse(run.stdout) as { submissions: { findings: CompositeFinding[]; error: unknown }[] };
  expect(document.submissions[0].error).toBeNull();
  return { status: run.status, findings: new Map(document.submissions[0].findings.map((f) => [f.rule, f])) };
}

async function statusOf(rule: string, edits: Edits): Promise<string | undefined> {
  return (await check(edits)).findings.get(rule)?.status;
}

const ONLINE = 'services.online_handling_rate';
const WINDOW = 'services.one_window_rate';

describe('all: every check holds', () => {
  const rule = 'CP-07-online-and-one-window';
  test('pass when both hold', async () => expect(await statusOf(rule, {})).toBe('pass'));
  test('fail when one does not', async () => expect(await statusOf(rule, { [ONLINE]: '85%' })).toBe('fail'));
  test('missing_data when one is missing and none fails', async () => expect(await statusOf(rule, { [ONLINE]: DELETE })).toBe('missing_data'));
  test('fail when one fails, even with the other missing', async () => expect(await statusOf(rule, { [ONLINE]: DELETE, [WINDOW]: '50%' })).toBe('fail'));
});

describe('any: one check is enough', () => {
  const rule = 'CP-07-online-or-one-window';
  test('pass when one holds and the other does not', async () => expect(await statusOf(rule, { [ONLINE]: '85%' })).toBe('pass'));
  test('pass when one holds and the other is missing', async () => expect(await statusOf(rule, { [ONLINE]: DELETE })).toBe('pass'));
  test('fail when neither holds', async () => expect(await statusOf(rule, { [ONLINE]: '85%', [WINDOW]: '50%' })).toBe('fail'));
  test('missing_data when none holds and one is missing', async () => expect(await statusOf(rule, { [ONLINE]: DELETE, [WINDOW]: '50%' })).toBe('missing_data'));
});

describe('not: the check does not hold', () => {
  const rule = 'CP-07-online-not-below';
  test('pass when the negated check fails (96.2% is not below 90%)', async () => expect(await statusOf(rule, {})).toBe('pass'));
  test('fail when the negated check holds (85% is below 90%)', async () => expect(await statusOf(rule, { [ONLINE]: '85%' })).toBe('fail'));

  test('a not over missing data is missing_data, never a pass, and the run exits 3', async () => {
    const { status, findings } = await check({ [ONLINE]: DELETE });
    const finding = findings.get(rule);
    expect(finding?.status).toBe('missing_data');
    expect(finding?.leaves).toEqual([expect.objectContaining({ path: 'not', kind: 'threshold', status: 'missing_data', actual: null })]);
    expect(finding?.message.zh).toContain('缺少数据不视为通过');
    // Nothing else fails in this pack with the online rate missing (the any holds by the one-window rate), so 3.
    expect([...findings.values()].some((f) => f.status === 'fail')).toBe(false);
    expect(status).toBe(3);
  });

  test("json-rules-engine's own verdict on a not over missing data is false: the guard, not only plancheck's reading", async () => {
    // The trap (json-rules-engine-notes.md): a `not` over a condition that is false because its value is missing is
    // true. Compiled as plancheck compiles it, the engine itself says the rule is not met.
    const pack = loadPack(PACK);
    const rule = pack.rules.find((r) => r.id === 'CP-07-online-not-below');
    if (!rule) throw new Error('no rule');
    const file = variant(CITY_ALL_MET, { [ONLINE]: DELETE });
    const submission = await loadSubmission(file);
    const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: (value: object, path: string) => (value as Record<string, unknown>)[path] });
    engine.addOperator<unknown, number>(OPERATOR_NAMES['<'], (a, e) => COMPARE['<'](a, e));
    engine.addOperator<unknown, boolean>(SETTLED, (a) => settled(a));
    engine.addRule(compileRule(rule));
    const context = { calendar: new WorkingDayCalendar(bundledHolidayYears()) };
    const facts = Object.fromEntries(leavesOf(rule.check).map((leaf) => [factName(rule.id, leaf.path), measure(leaf.check, submission, context)]));
    const { results, failureResults } = await engine.run(facts);
    expect(results).toHaveLength(0);
    expect(failureResults.map((r) => r.name)).toEqual([rule.id]);

    // Without the guard, the same tree is the trap: the bare `not` passes the missing value.
    const bare = new Engine([], { allowUndefinedFacts: false, pathResolver: (value: object, path: string) => (value as Record<string, unknown>)[path] });
    bare.addOperator<unknown, number>(OPERATOR_NAMES['<'], (a, e) => COMPARE['<'](a, e));
    const [{ check: negated, path }] = leavesOf(rule.check);
    bare.addRule({ name: rule.id, conditions: { not: kindOf(negated).condition(negated, factName(rule.id, path)) }, event: { type: 'target-met' } });
    expect((await bare.run(facts)).results.map((r) => r.name)).toEqual([rule.id]);
  });
});

describe('nested: all over a per-record check and an any', () => {
  const rule = 'CP-12-decisions-nested';
  const FIRST = 'major_decisions.items.0';

  test('pass when every decision is discussed and the any holds', async () => expect(await statusOf(rule, {})).toBe('pass'));

  test('fail on a decision not discussed collectively, naming the record in the evidence', async () => {
    const { findings } = await check({ [`${FIRST}.collective_discussion`]: false });
    const finding = findings.get(rule);
    expect(finding?.status).toBe('fail');
    expect(finding?.leaves?.map((l) => [l.path, l.status])).toEqual([
      ['all[0]', 'fail'],
      ['all[1].any[0]', 'pass'],
      ['all[1].any[1]', 'pass'],
    ]);
    expect(finding?.leaves?.[0].evidence).toEqual([{ record: 'SF-MD-2024-01', detail: '集体讨论决定:否', field: 'major_decisions.items[0].collective_discussion', line: expect.any(Number) }]);
    expect(finding?.evidence).toEqual([expect.objectContaining({ record: 'SF-MD-2024-01', detail: expect.stringMatching(/^条件1:/) })]);
  });

  test('the any holds by its second check when the first fails', async () => {
    const { findings } = await check({ [`${FIRST}.public_consultation.to`]: '2024-04-20' });
    const finding = findings.get(rule);
    expect(finding?.status).toBe('pass');
    expect(finding?.leaves?.map((l) => l.status)).toEqual(['pass', 'fail', 'pass']);
  });

  test('fail when both checks of the any fail, each with its record', async () => {
    const { findings } = await check({ [`${FIRST}.public_consultation.to`]: '2024-04-20', [`${FIRST}.archived`]: false });
    const finding = findings.get(rule);
    expect(finding?.status).toBe('fail');
    expect(finding?.evidence.map((e) => [e.record, e.detail.slice(0, 6)])).toEqual([
      ['SF-MD-2024-01', '条件2.1:'],
      ['SF-MD-2024-01', '条件2.2:'],
    ]);
  });

  test('missing_data when a record cannot be judged and nothing fails', async () => {
    expect(await statusOf(rule, { [`${FIRST}.collective_discussion`]: DELETE })).toBe('missing_data');
  });
});

describe('the finding explains every leaf', () => {
  test('JSON: each leaf with its path, kind, status, actual, expected and message', async () => {
    const { findings } = await check({ [ONLINE]: '85%' });
    const finding = findings.get('CP-07-online-and-one-window');
    expect(finding?.expected).toEqual({ operator: '=', value: true, unit: 'boolean' });
    expect(finding?.actual).toBeNull();
    expect(finding?.leaves).toEqual([
      {
        path: 'all[0]',
        kind: 'threshold',
        status: 'fail',
        actual: 0.85,
        expected: { operator: '>=', value: 0.9, unit: 'ratio' },
        message: { zh: '实际 85%,要求 ≥ 90%,未达到', en: 'found 85%, required ≥ 90%: not met' },
        evidence: [expect.objectContaining({ field: 'services.online_handling_rate', detail: '网上可办率 = 85%' })],
      },
      {
        path: 'all[1]',
        kind: 'threshold',
        status: 'pass',
        actual: 0.85,
        expected: { operator: '>=', value: 0.8, unit: 'ratio' },
        message: { zh: '实际 85%,要求 ≥ 80%,符合', en: 'found 85%, required ≥ 80%: met' },
        evidence: [],
      },
    ]);
  });

  test('table: which condition held and which did not, with the values, in Chinese', async () => {
    const file = variant(CITY_ALL_MET, { [ONLINE]: '85%' });
    const run = await cli('check', file, '--pack', PACK);
    expect(run.status).toBe(1);
    const line = run.stdout.split('\n').find((l) => l.includes('网上可办率与“一窗”分类受理率:'));
    expect(line).toBe('      网上可办率与“一窗”分类受理率:须满足 条件1 且 条件2;条件1(不通过)网上可办率:实际 85%,要求 ≥ 90%,未达到;条件2(通过)“一窗”分类受理率:实际 85%,要求 ≥ 80%,符合');
    expect(run.stdout).toMatch(/· 第 \d+ 行: 条件1:网上可办率 = 85%\n/);
    // Chinese first: the words of the combination are Chinese, not the pack's keys (the rule ids are the pack's own).
    const messages = run.stdout.split('\n').filter((l) => l.includes('须满足'));
    expect(messages).toHaveLength(4);
    for (const message of messages) expect(message.replace(/CP-[0-9]+-[a-z-]+/, '')).not.toMatch(/\b(all|any|not|threshold|every_record)\b/);
  });

  test('English table: the formula and each leaf in English', async () => {
    const file = variant(CITY_ALL_MET, { [ONLINE]: '85%' });
    const run = await cli('check', file, '--pack', PACK, '--lang', 'en');
    expect(run.stdout).toContain(
      'Online handling and one-window acceptance: required: condition 1 and condition 2; condition 1 (fail), Online handling rate: found 85%, required ≥ 90%: not met; condition 2 (pass), One-window acceptance rate: found 85%, required ≥ 80%: met',
    );
    expect(run.stdout).toContain('· line 25: condition 1: Online handling rate = 85%');
  });

  test('markdown, HTML and CSV carry the leaf explanation too', async () => {
    const file = variant(CITY_ALL_MET, { [ONLINE]: '85%' });
    const dir = tempDir();
    const run = await cli('check', file, '--pack', PACK, '--report', `markdown:${dir}/r.md`, '--report', `html:${dir}/r.html`, '--report', `csv:${dir}/r.csv`, '--out', `${dir}/r.txt`);
    expect(run.status).toBe(1);
    for (const name of ['r.md', 'r.html', 'r.csv']) {
      const text = readFileSync(join(dir, name), 'utf8');
      const said = ['条件1(不通过)', '实际 85%,要求 ≥ 90%', '条件2(通过)', '须满足 条件1 且 条件2', '2 项条件中 1 项通过'].filter((words) => !text.includes(words));
      expect({ name, missing: said }).toEqual({ name, missing: [] });
    }
  });
});

describe('statuses beyond pass, fail and missing data', () => {
  test('a rule for another level is not applicable whole, said once, each leaf not applicable', async () => {
    const { findings } = await check({ 'bureau.level': 'province' });
    const finding = findings.get('CP-07-online-and-one-window');
    expect(finding?.status).toBe('not_applicable');
    expect(finding?.message.zh).toBe('网上可办率与“一窗”分类受理率:不适用:本条适用于市级、县级单位,不适用于省级单位');
    expect(finding?.leaves?.map((l) => l.status)).toEqual(['not_applicable', 'not_applicable']);
  });

  test('a shortened comment period with a stated reason warns, and the any over it passes by its other check', async () => {
    const { findings } = await check({ 'major_decisions.items.0.public_consultation.to': '2024-04-20', 'major_decisions.items.0.public_consultation.shortened_reason': '应对突发事件,依法缩短' });
    const finding = findings.get('CP-12-decisions-nested');
    expect(finding?.leaves?.map((l) => l.status)).toEqual(['pass', 'warn', 'pass']);
    expect(finding?.status).toBe('pass');
  });

  test('with the other check of the any failing too, the warning is the any\'s, and the all\'s', async () => {
    const { findings } = await check({
      'major_decisions.items.0.public_consultation.to': '2024-04-20',
      'major_decisions.items.0.public_consultation.shortened_reason': '应对突发事件,依法缩短',
      'major_decisions.items.0.archived': false,
    });
    expect(findings.get('CP-12-decisions-nested')?.status).toBe('warn');
  });
});

describe('the loader proves every leaf', () => {
  const editedComposite = (edit: (text: string) => string): string => editedPack(edit, PACK);


  test("a leaf's wording that does not stand in the rule's quote is refused, with the rule's line", async () => {
    const dir = editedComposite((t) => t.replace('wording: 以上, threshold: { value: 0.8', 'wording: 以下, threshold: { value: 0.8'));
    const run = await cli('check', CITY_ALL_MET, '--pack', dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/pack\.yaml:\d+:\d+ rules\[0\]: 规则 CP-07-online-and-one-window 的措辞“以下”不在引文中/);
  });

  test("a leaf's value that is not its quote's is refused", async () => {
    const dir = editedComposite((t) => t.replace('wording: 以上, threshold: { value: 0.8', 'wording: 以上, threshold: { value: 0.75'));
    const run = await cli('check', CITY_ALL_MET, '--pack', dir, '--lang', 'en');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Rule CP-07-online-and-one-window: the threshold does not match its quote');
  });

  test("a leaf's misspelt field is refused at the leaf's own key, naming the leaf's kind", async () => {
    const dir = editedComposite((t) => t.replace('- { kind: threshold, field: services.one_window_rate', '- { kind: threshold, field: services.one_window_rat'));
    const run = await cli('check', CITY_ALL_MET, '--pack', dir, '--lang', 'en');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/rules\[0\]\.check\.all\[1\]\.field: Rule CP-07-online-and-one-window: the submission schema has no field services\.one_window_rat .*did you mean services\.one_window_rate\?/);
  });

  test('a composite with two operators at once, or an empty all, is refused by the schema', async () => {
    const both = editedComposite((t) => t.replace('    check:\n      any:', '    check:\n      not: { kind: boolean, fields: [services.cross_province_window], wording: 设置 }\n      any:'));
    expect((await cli('check', CITY_ALL_MET, '--pack', both)).status).toBe(2);
    const empty = editedComposite((t) => t.replace(/    check:\n      all:\n        - \{ kind: threshold[^\n]*\n        - \{ kind: threshold[^\n]*\n/, '    check:\n      all: []\n'));
    const run = await cli('check', CITY_ALL_MET, '--pack', empty);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('rules[0].check');
  });
});
