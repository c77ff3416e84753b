import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, editedPack, ROOT, tempDir, writeTemp } from './helpers';

/**
 * `plancheck pack lint`: each mistake a maintainer makes, caught with its place, its rule, the problem in words and a
 * fix, exit 1; the bundled pack clean, exit 0; a pack that cannot be read at all, exit 2. Every broken pack is a copy
 * of the Hunan pack in a temporary folder (rules/ is never edited).
 */

const HUNAN = join(ROOT, 'rules', 'hunan-hrss-2022-2025');

/** The 1-based line of pack.yaml that holds `text` (the copy's lines are the original's, edited in place). */
function lineOf(dir: string, text: string): number {
  const lines = readFileSync(join(dir, 'pack.yaml'), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`no line holds ${text}`);
  return index + 1;
}

interface Lint {
  status: number;
  stdout: string;
  stderr: string;
  lines: string[];
}

async function lint(dir: string, ...args: string[]): Promise<Lint> {
  const run = await cli('pack', 'lint', dir, ...args);
  return { ...run, lines: run.stdout.trimEnd().split('\n') };
}

/** A copy of the Hunan pack (pack.yaml, source, tests) in a temporary folder, to break something other than pack.yaml. */
function copiedPack(): string {
  const dir = join(tempDir(), 'pack');
  cpSync(HUNAN, dir, { recursive: true });
  return dir;
}

/** The problem line of pack.yaml at `line`, of `rule`, that says `words`; and the fix printed under it. */
function problemAt(run: Lint, dir: string, line: number, rule: string, words: string): { message: string; hint: string } {
  const prefix = `${join(dir, 'pack.yaml')}:${line}:`;
  const index = run.lines.findIndex((l) => l.startsWith(prefix) && l.includes(`: ${rule}: `) && l.includes(words));
  if (index < 0) throw new Error(`no problem of ${rule} at line ${line} saying ${words} in:\n${run.stdout}`);
  return { message: run.lines[index], hint: run.lines[index + 1] };
}

test('the bundled Hunan pack is clean: exit 0, and the last line says so with its cases', async () => {
  const run = await lint(HUNAN);
  expect(run.stdout).toMatch(/^规则包 hunan-hrss-fazhi-2022-2025 检查无误\(9 个用例文件,\d+ 个用例\)\n$/);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const en = await lint(HUNAN, '--lang', 'en');
  expect(en.stdout).toMatch(/^pack hunan-hrss-fazhi-2022-2025: no problems \(9 case files, \d+ cases\)\n$/);
});

test('a changed quote: the words no longer stand in the source', async () => {
  const dir = editedPack((t) => t.replace('quote: 动态调整并向社会公开人社部门权责清单', 'quote: 动态调整并向社会公开人社部门责任清单'));
  const run = await lint(dir);
  const { message, hint } = problemAt(run, dir, lineOf(dir, '人社部门责任清单'), 'HN-04-power-list-published', '的引文不在原文中');
  expect(message).toContain('规则 HN-04-power-list-published 的引文不在原文中:“动态调整并向社会公开人社部门责任清单”');
  expect(hint).toBe('    修改建议:从 source.txt 中逐字复制引文(比较前按 NFKC 统一全角半角,其余一字不差)');
  expect(run.lines[run.lines.length - 1]).toMatch(/^规则包 hunan-hrss-fazhi-2022-2025 有 1 个问题/);
  expect(run.status).toBe(1);
});

test('a missing item: the rule cites a clause the source does not have', async () => {
  const dir = editedPack((t) => t.replace('citation: { clause: (四), quote: 动态调整并向社会公开人社部门权责清单 }', 'citation: { clause: (四十), quote: 动态调整并向社会公开人社部门权责清单 }'));
  const run = await lint(dir);
  const { message, hint } = problemAt(run, dir, lineOf(dir, 'clause: (四十)'), 'HN-04-power-list-published', '引用的条目');
  expect(message).toContain('规则 HN-04-power-list-published 引用的条目 (四十) 不在原文中');
  expect(hint).toContain('修改建议:把 citation.clause 改为原文中引文所在的条目或条款编号');
  expect(run.status).toBe(1);
});

test('a threshold that contradicts its quote: 不低于90% read as 0.85', async () => {
  const dir = editedPack((t) => t.replace('field: services.online_handling_rate, operator: ">=", wording: 不低于, threshold: { value: 0.9, unit: ratio }', 'field: services.online_handling_rate, operator: ">=", wording: 不低于, threshold: { value: 0.85, unit: ratio }'));
  const run = await lint(dir);
  const { message, hint } = problemAt(run, dir, lineOf(dir, '市县级人社服务事项网上可办率不低于90%'), 'HN-07-online-handling-rate', '的界限');
  expect(message).toContain('规则 HN-07-online-handling-rate 的界限与引文不符:引文为 90%,规则为 85%');
  expect(hint).toContain('把 threshold 改为引文中的数(比率写成小数:90% 写作 0.9)');
  expect(run.status).toBe(1);
  const en = await lint(dir, '--lang', 'en');
  expect(en.stdout).toContain('HN-07-online-handling-rate: Rule HN-07-online-handling-rate: the threshold does not match its quote: the quote says 90%, the rule 85%');
  expect(en.stdout).toContain('    fix: set the threshold to the number of the quote');
});

test('a misspelt field: it is not in the submission schema, and the fix names the field meant', async () => {
  const dir = editedPack((t) => t.replace('fields: [functions.fee_list_published]', 'fields: [functions.fee_list_publishd]'));
  const run = await lint(dir);
  const { message, hint } = problemAt(run, dir, lineOf(dir, 'functions.fee_list_publishd'), 'HN-04-fee-list-published', 'functions.fee_list_publishd');
  expect(message).toContain('functions.fee_list_publishd');
  expect(`${message}\n${hint}`).toContain('functions.fee_list_published');
  expect(hint).toMatch(/^    修改建议:/);
  expect(run.status).toBe(1);
});

test('overlapping dated values: the earlier entry runs past the day the next takes effect', async () => {
  const dated = 'threshold: { unit: ratio, dated: [ { from: 2022-01-01, until: 2024-06-30, value: 0.85 }, { from: 2024-01-01, value: 0.9 } ] }';
  const dir = editedPack((t) => t.replace('wording: 不低于, threshold: { value: 0.9, unit: ratio }', `wording: 不低于, ${dated}`));
  const run = await lint(dir);
  const { message, hint } = problemAt(run, dir, lineOf(dir, 'from: 2024-01-01'), 'HN-07-online-handling-rate', '重叠');
  expect(message).toContain('规则 HN-07-online-handling-rate 的分时段标准:第 1 个时段与第 2 个时段重叠:2024-01-01 两者都在施行');
  expect(hint).toContain('前一段的 until 须早于后一段的 from');
  expect(run.status).toBe(1);
});

test('dated values that follow each other without a shared day are not an overlap', async () => {
  const dated = 'threshold: { unit: ratio, dated: [ { from: 2022-01-01, until: 2023-12-31, value: 0.85 }, { from: 2024-01-01, value: 0.9 } ] }';
  const dir = editedPack((t) => t.replace('wording: 不低于, threshold: { value: 0.9, unit: ratio }', `wording: 不低于, ${dated}`));
  const run = await lint(dir);
  expect(run.stdout).not.toContain('分时段标准');
});

test('a rule without a failing case', async () => {
  const dir = copiedPack();
  const cases = join(dir, 'tests', '10-leadership.yaml');
  const text = readFileSync(cases, 'utf8');
  const without = text.replace('  - name: 旁听人民法院庭审:不达标\n    set: { training.court_hearing_visits: 0 }\n    expect: { HN-32-court-hearing: fail }\n', '');
  expect(without).not.toBe(text);
  writeFileSync(cases, without);
  const run = await lint(dir);
  const { message, hint } = problemAt(run, dir, lineOf(dir, '- id: HN-32-court-hearing'), 'HN-32-court-hearing', '没有应不通过');
  expect(message).toContain('规则 HN-32-court-hearing 没有应不通过的测试用例');
  expect(hint).toBe('    修改建议:在 tests/ 的用例文件中加一个用例,其 expect 写 HN-32-court-hearing: fail(见 docs/pack-tests.md)');
  expect(run.lines.filter((l) => l.includes('没有应'))).toHaveLength(1);
  expect(run.status).toBe(1);
});

test('two rules that check the same thing, unless marked with same_check_as and a reason', async () => {
  const twin = (t: string): string => t.replace('check: { kind: boolean, fields: [functions.fee_list_published], wording: 公布 }', 'check: { kind: boolean, fields: [functions.power_list_published], wording: 公布 }');
  const dir = editedPack(twin);
  const run = await lint(dir);
  const { message, hint } = problemAt(run, dir, lineOf(dir, 'fields: [functions.power_list_published], wording: 公布'), 'HN-04-fee-list-published', '同一件事');
  expect(message).toContain('规则 HN-04-fee-list-published 与 HN-04-power-list-published 检查的是同一件事(同一种检查、同样的字段、同样的要求)');
  expect(hint).toContain('same_check_as: { rules: [HN-04-power-list-published], reason: 分列的理由 }');
  expect(run.status).toBe(1);

  const marked = editedPack((t) =>
    twin(t).replace(
      'check: { kind: boolean, fields: [functions.power_list_published], wording: 公布 }',
      'check: { kind: boolean, fields: [functions.power_list_published], wording: 公布 }\n    same_check_as: { rules: [HN-04-power-list-published], reason: 两处分别考核 }',
    ),
  );
  const accepted = await lint(marked);
  expect(accepted.stdout).not.toContain('同一件事');
  expect(accepted.status).toBe(0);
});

test('a same_check_as marker that names a missing rule, or a rule checking something else, is stale', async () => {
  const dir = editedPack((t) =>
    t.replace(
      'check: { kind: boolean, fields: [functions.fee_list_published], wording: 公布 }',
      'check: { kind: boolean, fields: [functions.fee_list_published], wording: 公布 }\n    same_check_as: { rules: [HN-04-power-list-publishd, HN-04-service-lists], reason: 旧的标注 }',
    ),
  );
  const run = await lint(dir);
  const line = lineOf(dir, 'same_check_as:');
  expect(run.stdout).toContain(`:${line}:`);
  expect(run.stdout).toContain('规则 HN-04-fee-list-published 的 same_check_as 指向不存在的规则 HN-04-power-list-publishd');
  expect(run.stdout).toContain('规则 HN-04-fee-list-published 标注与 HN-04-service-lists 检查同一件事,但两者的检查并不相同');
  expect(run.status).toBe(1);
});

test('a changed source: the sha256 differs, and the fix gives the hash to write', async () => {
  const dir = copiedPack();
  const source = join(dir, 'source.txt');
  writeFileSync(source, `${readFileSync(source, 'utf8')}\n`);
  const run = await lint(dir);
  const line = lineOf(dir, 'sha256:');
  expect(run.stdout).toContain(`${join(dir, 'pack.yaml')}:${line}:`);
  expect(run.stdout).toContain('原文文件的 sha256 与规则包记载的不一致');
  expect(run.stdout).toMatch(/修改建议:核对 source\.txt 确为原文后,把 source\.sha256 改为 [0-9a-f]{64}/);
  expect(run.status).toBe(1);
});

test('every problem at once, not one refusal; and as JSON with file, line, column, rule and fix', async () => {
  const dir = editedPack((t) =>
    t
      .replace('quote: 动态调整并向社会公开人社部门权责清单', 'quote: 动态调整并向社会公开人社部门责任清单')
      .replace('threshold: { value: 0.9, unit: ratio }', 'threshold: { value: 0.85, unit: ratio }'),
  );
  const run = await lint(dir, '--format', 'json');
  const document = JSON.parse(run.stdout) as { pack: { id: string }; summary: { problems: number }; problems: { file: string; line: number; column: number; rule: string; code: string; message: { zh: string }; hint: { zh: string } }[] };
  expect(document.pack.id).toBe('hunan-hrss-fazhi-2022-2025');
  expect(document.problems.map((p) => [p.rule, p.line, p.code])).toEqual([
    ['HN-04-power-list-published', lineOf(dir, '人社部门责任清单'), 'proof'],
    ['HN-07-online-handling-rate', lineOf(dir, '市县级人社服务事项网上可办率不低于90%'), 'proof'],
  ]);
  expect(document.problems.every((p) => p.file === join(dir, 'pack.yaml') && p.column > 0 && p.hint.zh.length > 0)).toBe(true);
  expect(document.summary.problems).toBe(2);
  expect(run.status).toBe(1);
});

test('a case file with a misspelt rule id is a lint problem with its place', async () => {
  const dir = copiedPack();
  const file = writeTemp('zz-extra.yaml', 'base: bases/city-2024-all-met.yaml\ncases:\n  - name: 拼错的规则\n    expect: { HN-07-online-handling-rat: pass }\n', join(dir, 'tests'));
  const run = await lint(dir);
  expect(run.stdout).toContain(`${file}:4:15: 规则包中没有规则 HN-07-online-handling-rat(是不是 HN-07-online-handling-rate?)`);
  expect(run.status).toBe(1);
});

test('a pack that cannot be read at all: not found, or not YAML, exit 2 with its place in Chinese', async () => {
  const missing = await cli('pack', 'lint', join(tempDir(), 'nothing-here'));
  expect(missing.stdout).toBe('');
  expect(missing.stderr).toMatch(/^plancheck: .*nothing-here.*: .*(找不到|不存在)/);
  expect(missing.status).toBe(2);
  const dir = editedPack((t) => `${t}\nrules: [unclosed\n`);
  const broken = await cli('pack', 'lint', dir);
  expect(broken.stderr).toMatch(new RegExp(`^plancheck: ${join(dir, 'pack.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+`));
  expect(broken.stderr).not.toMatch(/at .*\.ts:\d+/);
  expect(broken.status).toBe(2);
});
