import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, CITY_ALL_MET, editedPack, ROOT, variantIn, type JsonFinding } from './helpers';

const PACK = join(ROOT, 'tests', 'fixtures', 'dated-pack');
const RULE = 'DT-07-online-handling-rate';

type DatedFinding = JsonFinding & { expected: JsonFinding['expected'] & { in_force_from?: string } };

/** The city example moved to a year, its online rate set, checked against the dated test pack through the CLI. */
async function findingIn(year: number, rate: string, rule = RULE): Promise<DatedFinding> {
  const file = variantIn(year, CITY_ALL_MET, { 'services.online_handling_rate': rate });
  const run = await cli('check', file, '--pack', PACK, '--format', 'json');
  const document = JSON.parse(run.stdout) as { submissions: { findings: DatedFinding[]; error: unknown }[] };
  expect(document.submissions[0].error).toBeNull();
  const finding = document.submissions[0].findings.find((f) => f.rule === rule);
  if (!finding) throw new Error(`no finding for ${rule}`);
  return finding;
}

describe('the value in force on the last day of the reporting year', () => {
  test('2023 is judged by the 80% in force from 2023-01-01: 85% passes, and the finding names it', async () => {
    const finding = await findingIn(2023, '85%');
    expect(finding.status).toBe('pass');
    expect(finding.expected).toEqual({ operator: '>=', value: 0.8, unit: 'ratio', in_force_from: '2023-01-01' });
    expect(finding.message.zh).toBe('人社服务事项网上可办率(分时段):实际 85%,要求 ≥ 80%(2023-01-01 起施行),符合');
    expect(finding.message.en).toContain('required ≥ 80% (in force from 2023-01-01): met');
  });

  test('2024 is judged by the 90% in force from 2024-01-01: the same 85% fails', async () => {
    const finding = await findingIn(2024, '85%');
    expect(finding.status).toBe('fail');
    expect(finding.expected).toEqual({ operator: '>=', value: 0.9, unit: 'ratio', in_force_from: '2024-01-01' });
    expect(finding.message.zh).toBe('人社服务事项网上可办率(分时段):实际 85%,要求 ≥ 90%(2024-01-01 起施行),未达到');
  });

  test('a year before the first entry is not applicable, with the reason in words', async () => {
    const finding = await findingIn(2022, '95%');
    expect(finding.status).toBe('not_applicable');
    expect(finding.message.zh).toBe('人社服务事项网上可办率(分时段):不适用:本条标准自 2023-01-01 起施行,2022 年度(截至 2022-12-31)尚无适用的标准值');
    expect(finding.message.en).toContain('the standard takes effect on 2023-01-01; the year 2022 (to 2022-12-31) has no value in force');
    // What the rule will compare with, and from when.
    expect(finding.expected).toEqual({ operator: '>=', value: 0.8, unit: 'ratio', in_force_from: '2023-01-01' });
  });

  test('a per-record kind takes its dated value too, and names it', async () => {
    const finding = await findingIn(2024, '95%', 'DT-16-disclosure-7-workdays');
    expect(finding.status).toBe('pass');
    expect(finding.expected).toEqual({ operator: '<=', value: 7, unit: 'working_days', in_force_from: '2022-01-01' });
    expect(finding.message.zh).toContain('2022-01-01 起施行');
  });

  test('the table says the value in force and the day it took effect, and the exit status follows the finding', async () => {
    const file = variantIn(2024, CITY_ALL_MET, { 'services.online_handling_rate': '85%' });
    const run = await cli('check', file, '--pack', PACK);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('实际 85%,要求 ≥ 90%(2024-01-01 起施行),未达到');
  });
});

describe('the loader proves the dated values', () => {
  const editedDated = (edit: (text: string) => string): string => editedPack(edit, PACK);


  /** The line of the first line of pack.yaml holding `text`, counted from 1. */
  function lineOf(dir: string, text: string): number {
    return readFileSync(join(dir, 'pack.yaml'), 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;
  }

  test('overlapping entries are refused at load, at the later entry, with its line', async () => {
    const dir = editedDated((t) => t.replace('- { from: 2023-01-01, value: 0.8,', '- { from: 2023-01-01, until: 2024-03-31, value: 0.8,'));
    const run = await cli('check', CITY_ALL_MET, '--pack', dir);
    expect(run.status).toBe(2);
    const line = lineOf(dir, 'from: 2024-01-01');
    expect(run.stderr).toContain(`pack.yaml:${line}:`);
    expect(run.stderr).toContain('rules[0].check.threshold.dated[1].from: 规则 DT-07-online-handling-rate 的分时段标准:第 1 个时段与第 2 个时段重叠:2024-01-01 两者都在施行');
  });

  test('unsorted entries are refused at load, with their line', async () => {
    const dir = editedDated((t) => t.replace('- { from: 2024-01-01, value: 0.9 }', '- { from: 2022-06-01, value: 0.9 }'));
    const run = await cli('check', CITY_ALL_MET, '--pack', dir, '--lang', 'en');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`pack.yaml:${lineOf(dir, 'from: 2022-06-01')}:`);
    expect(run.stderr).toContain('entries must be in ascending order of from: entry 2 (from 2022-06-01) comes after entry 1 (from 2023-01-01)');
  });

  test('two entries from the same day overlap', async () => {
    const dir = editedDated((t) => t.replace('- { from: 2024-01-01, value: 0.9 }', '- { from: 2023-01-01, value: 0.9 }'));
    const run = await cli('check', CITY_ALL_MET, '--pack', dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('第 1 个时段与第 2 个时段重叠:2023-01-01 两者都在施行');
  });

  test("an entry's value is proved against its own quote", async () => {
    const dir = editedDated((t) => t.replace('value: 0.8, quote:', 'value: 0.85, quote:'));
    const run = await cli('check', CITY_ALL_MET, '--pack', dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`pack.yaml:${lineOf(dir, 'value: 0.85')}:`);
    expect(run.stderr).toContain('rules[0].check.threshold.dated[0].value: 规则 DT-07-online-handling-rate 的界限与引文不符:引文为 80%,规则为 85%');
  });

  test("an entry without a quote is proved against the rule's quote", async () => {
    const dir = editedDated((t) => t.replace('- { from: 2024-01-01, value: 0.9 }', '- { from: 2024-01-01, value: 0.95 }'));
    const run = await cli('check', CITY_ALL_MET, '--pack', dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('rules[0].check.threshold.dated[1].value: 规则 DT-07-online-handling-rate 的界限与引文不符:引文为 90%,规则为 95%');
  });

  test("an entry's quote that is not in the rule's clause is refused", async () => {
    const dir = editedDated((t) => t.replace('quote: 且80%以上实现“一窗”分类受理', 'quote: 且80%以上实现一窗受理'));
    const run = await cli('check', CITY_ALL_MET, '--pack', dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('rules[0].check.threshold.dated[0].quote: 规则 DT-07-online-handling-rate 第 1 个时段的引文不在条目 (七) 中');
  });

  test('an until before its own from is refused', async () => {
    const dir = editedDated((t) => t.replace('{ from: 2022-01-01, until: 2025-12-31, value: 7 }', '{ from: 2022-01-01, until: 2021-12-31, value: 7 }'));
    const run = await cli('check', CITY_ALL_MET, '--pack', dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('rules[1].check.threshold.dated[0].until: 规则 DT-16-disclosure-7-workdays 的分时段标准:第 1 个时段的截止日 2021-12-31 早于其起始日 2022-01-01');
  });

  test('a dated threshold with a value beside its dates is refused by the schema', async () => {
    const dir = editedDated((t) => t.replace('        unit: ratio\n        dated:', '        unit: ratio\n        value: 0.9\n        dated:'));
    const run = await cli('check', CITY_ALL_MET, '--pack', dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('rules[0].check.threshold');
  });
});
