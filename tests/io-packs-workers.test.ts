import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { bundledHolidayYears } from '../src/calendar/holiday-notices';
import { MAX_SOURCE_BYTES } from '../src/pack/load';
import { CITY_ALL_MET, cli, editedPack, EXAMPLES, ROOT, tempDir, writeTemp, type CliRun } from './helpers';

// Issue 9, items 3 and 4 (audit io-audit-2026-12: D3, D7, D16, D22, D25). Worker tests run the compiled bin: `npm run build` first.

const CORES = availableParallelism();
const BIN = join(ROOT, 'dist', 'cli', 'main.js');

/** The bin with extra environment, and a time limit: a run that hangs fails the test instead of stalling it. */
function binWith(args: string[], env: NodeJS.ProcessEnv = {}, timeout = 60_000): CliRun & { timedOut: boolean } {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout });
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr, timedOut: run.error !== undefined || run.signal !== null };
}

/** The cap notice is the one line a larger `--jobs` adds: without it, two runs must say the same. */
function withoutCapNotice(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !/--jobs \d+ (多于|is more than)/.test(line))
    .join('\n');
}


/** Replaces one exact text of the pack, which must be there. */
const replace = (from: string, to: string) => (text: string) => text.replace(from, to);

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('D3: review with a bad --calendar on worker threads', () => {
  const bad: Record<string, string> = {
    malformed: 'year: 2027\nnotice: x\nrest_days: [2027-01-01\n',
    'without a notice': 'year: 2027\nrest_days: [2027-01-01]\nworking_weekends: []\n',
    'a weekday worked in exchange': 'year: 2027\nnotice: x\nrest_days: [2027-01-01]\nworking_weekends: [2027-01-04]\n',
    'a date that does not exist': 'year: 2027\nnotice: x\nrest_days: [2027-02-30]\nworking_weekends: []\n',
    'a list': '- 2027-01-01\n',
  };

  test.each(Object.entries(bad))('%s: every file is evaluated, and --jobs 2 says byte for byte what --jobs 1 says', (_, text) => {
    const calendar = writeTemp('bad-calendar.yaml', text);
    const two = binWith(['review', EXAMPLES, '--calendar', calendar, '--jobs', '2', '--format', 'json']);
    const one = binWith(['review', EXAMPLES, '--calendar', calendar, '--jobs', '1', '--format', 'json']);
    expect(two.stderr).not.toContain('internal error');
    expect(two.status).toBe(2);
    expect(JSON.parse(two.stdout).counts).toEqual({ found: 4, evaluated: 4, rejected: 0 });
    expect(two.stdout).toBe(one.stdout);
    expect(withoutCapNotice(two.stderr)).toBe(one.stderr);
    expect(one.stderr).toContain(`${calendar}:`);
  });

  test('the table too, and in English', () => {
    const calendar = writeTemp('bad-calendar.yaml', bad.malformed);
    const two = binWith(['review', EXAMPLES, '--calendar', calendar, '--jobs', '2', '--lang', 'en']);
    const one = binWith(['review', EXAMPLES, '--calendar', calendar, '--jobs', '1', '--lang', 'en']);
    expect(two.status).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    expect(withoutCapNotice(two.stderr)).toBe(one.stderr);
    expect(two.stdout).toContain('YAML syntax error');
  });

  test('a good calendar beside a bad one is used by every worker, and the bad one is reported', () => {
    const dir = tempDir();
    const year2024 = bundledHolidayYears().find((y) => y.year === 2024);
    if (!year2024) throw new Error('no bundled 2024');
    const good = writeTemp('2024.yaml', `year: 2024\nnotice: 测试通知〔2024〕1号\nrest_days: [${[...year2024.restDays].join(', ')}]\nworking_weekends: [${[...year2024.workingWeekends].join(', ')}]\n`, dir);
    const broken = writeTemp('2027.yaml', bad.malformed, dir);
    const args = ['review', EXAMPLES, '--calendar', good, '--calendar', broken, '--format', 'json'];
    const two = binWith([...args, '--jobs', '2']);
    const one = binWith([...args, '--jobs', '1']);
    expect(two.status).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    expect(withoutCapNotice(two.stderr)).toBe(one.stderr);
    const doc = JSON.parse(two.stdout) as { calendars: { year: number; source: string }[]; counts: unknown; errors: { file: string }[] };
    expect(doc.counts).toEqual({ found: 4, evaluated: 4, rejected: 0 });
    expect(doc.calendars).toContainEqual({ year: 2024, source: `测试通知〔2024〕1号 (${good})` });
    expect(doc.errors.map((e) => e.file)).toEqual([broken]);
  });

  test('without --jobs, 100 files (the size at which the pool starts) with a bad calendar are all evaluated', () => {
    const dir = tempDir();
    for (let i = 0; i < 100; i++) copyFileSync(CITY_ALL_MET, join(dir, `s${String(i).padStart(3, '0')}.yaml`));
    const calendar = writeTemp('bad-calendar.yaml', bad.malformed);
    const run = binWith(['review', dir, '--calendar', calendar, '--format', 'json']);
    expect(run.stderr).not.toContain('internal error');
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout).counts).toEqual({ found: 100, evaluated: 100, rejected: 0 });
  });
});

// A module preloaded into every thread (`--require` reaches workers too) breaks the workers, not the main thread.
const FAULTS = `
const { isMainThread, parentPort } = require('node:worker_threads');
if (!isMainThread) {
  if (process.env.PLANCHECK_TEST_FAULT === 'exit') parentPort.on('message', () => process.exit(7));
  if (process.env.PLANCHECK_TEST_FAULT === 'throw') parentPort.on('message', () => { throw new Error('boom in a worker'); });
  if (process.env.PLANCHECK_TEST_FAULT === 'start') throw new Error('a worker that cannot start');
}
`;

// Workers start only with two cores or more, as on the CI machine (2 cores) and every machine this project runs on.
describe('a worker that dies or throws: an error with its cause, never a hang', () => {
  const faults = writeTemp('faults.js', FAULTS);
  const run = (fault: string, ...extra: string[]) => binWith(['review', EXAMPLES, '--jobs', '2', ...extra], { PLANCHECK_TEST_FAULT: fault, NODE_OPTIONS: `--require ${faults}` }, 30_000);

  test('a worker that exits while checking a file', () => {
    const result = run('exit');
    expect(result.timedOut).toBe(false);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^plancheck: 工作线程在检查 \S+\.yaml 时出错,审查中止:/);
    expect(result.stderr.endsWith('工作线程意外退出(退出码 7)\n')).toBe(true);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('a worker that throws, in English', () => {
    const result = run('throw', '--lang', 'en');
    expect(result.timedOut).toBe(false);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^plancheck: A worker thread failed while checking .+\.yaml, and the review stopped: Error: boom in a worker\n$/);
  });

  test('a worker that cannot start', () => {
    const result = run('start');
    expect(result.timedOut).toBe(false);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('plancheck: 工作线程出错,审查中止:Error: a worker that cannot start\n');
  });
});

describe('D16, D25: --jobs', () => {
  test.each(['abc', '0', '-1', '1.5', '', '2x'])('--jobs "%s" is refused in Chinese, as written', async (value) => {
    const run = await cli('review', EXAMPLES, '--jobs', value);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`plancheck: --jobs: --jobs 应为 1 或更大的整数,收到“${value}”\n`);
  });

  test('and in English with --lang en', async () => {
    const run = await cli('review', EXAMPLES, '--jobs', 'abc', '--lang', 'en');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('plancheck: --jobs: --jobs takes a whole number, 1 or more; got "abc"\n');
  });

  test('more jobs than cores runs one worker per core, and says so in one line', () => {
    const many = binWith(['review', EXAMPLES, '--jobs', '9999', '--format', 'json']);
    const one = binWith(['review', EXAMPLES, '--jobs', '1', '--format', 'json']);
    expect(many.status).toBe(one.status);
    expect(many.stdout).toBe(one.stdout);
    expect(many.stderr).toBe(`plancheck: --jobs 9999 多于本机可用的 ${CORES} 个处理器核心,按 ${CORES} 个工作线程运行\n`);
    const en = binWith(['review', EXAMPLES, '--jobs', '9999', '--format', 'json', '--lang', 'en']);
    expect(en.stderr).toBe(`plancheck: --jobs 9999 is more than the ${CORES} cores available here; running ${CORES} worker threads\n`);
  });

  test('as many jobs as cores says nothing', async () => {
    const run = await cli('review', EXAMPLES, '--jobs', String(CORES), '--format', 'json');
    expect(run.stderr).toBe('');
  });
});

describe('D7: the fields a rule names are proved against the submission schema when the pack loads', () => {
  test('a list that is not a list is refused with the rule and its place, in check and in review, with no stack trace', async () => {
    const pack = editedPack(replace('list: normative_documents.items, conditions: [{ field: legality_review', 'list: normative_documents.post_enactment_evaluations, conditions: [{ field: legality_review'));
    const text = readFileSync(join(pack, 'pack.yaml'), 'utf8');
    const line = lineOf(text, 'list: normative_documents.post_enactment_evaluations');
    for (const command of ['check', 'review']) {
      const run = await cli(command, EXAMPLES, '--pack', pack);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `plancheck: ${join(pack, 'pack.yaml')}:${line}:39 rules[16].check.first_given[0].list: 规则 HN-10-legality-review:normative_documents.post_enactment_evaluations(制定后评估件数) 为数量字段(整数),而 every_record 检查在这里需要记录列表(应为:报送格式(schemas/submission.schema.json)中的记录列表)\n`,
      );
    }
    const compiled = binWith(['review', EXAMPLES, '--pack', pack, '--jobs', '2']);
    expect(compiled.status).toBe(2);
    expect(compiled.stderr).not.toMatch(/internal error|TypeError/);
  });

  test('a misspelt field is an error naming the rule, its place and the field meant, not 69 × missing_data', async () => {
    const pack = editedPack(replace('field: services.online_handling_rate', 'field: services.online_handlng_rate'));
    const line = lineOf(readFileSync(join(pack, 'pack.yaml'), 'utf8'), 'online_handlng_rate');
    const zh = await cli('check', CITY_ALL_MET, '--pack', pack);
    expect(zh.status).toBe(2);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toBe(
      `plancheck: ${join(pack, 'pack.yaml')}:${line}:38 rules[8].check.field: 规则 HN-07-online-handling-rate:报送格式中没有字段 services.online_handlng_rate(services 中没有 online_handlng_rate,是不是 services.online_handling_rate?)(应为:报送格式(schemas/submission.schema.json)中的比率字段)\n`,
    );
    const en = await cli('check', CITY_ALL_MET, '--pack', pack, '--lang', 'en');
    expect(en.stderr).toContain('rules[8].check.field: Rule HN-07-online-handling-rate: the submission schema has no field services.online_handlng_rate (services has no online_handlng_rate; did you mean services.online_handling_rate?) (expected: a rate of the submission schema');
  });

  test.each([
    ['__proto__ as a list', 'list: normative_documents.items, conditions: [{ field: legality_review', 'list: __proto__, conditions: [{ field: legality_review', 'rules[16].check.first_given[0].list: 规则 HN-10-legality-review:字段 __proto__ 不是报送中的字段名,而是 JavaScript 对象的内部名称'],
    ['constructor inside a path', 'fields: [functions.power_list_published]', 'fields: [functions.constructor]', 'rules[0].check.fields[0]: 规则 HN-04-power-list-published:字段 functions.constructor 中的 constructor 不是报送中的字段名'],
    ['prototype as a record field', 'conditions: [{ field: legality_review', 'conditions: [{ field: prototype', 'rules[16].check.first_given[0].conditions[0].field: 规则 HN-10-legality-review:字段 prototype 不是报送中的字段名'],
    ['a field in another section', 'fields: [functions.power_list_published]', 'fields: [services.budgeted]', 'rules[0].check.fields[0]: 规则 HN-04-power-list-published:报送格式中没有字段 services.budgeted(services 中没有 budgeted;budgeted 在 leadership.budgeted)'],
    ['a count for a yes/no field', 'fields: [functions.power_list_published]', 'fields: [training.law_lectures]', 'rules[0].check.fields[0]: 规则 HN-04-power-list-published:training.law_lectures(法治专题讲座期数) 为数量字段(整数),而 boolean 检查在这里需要是/否字段(true/false)'],
    ['a section for a yes/no field', 'fields: [functions.power_list_published]', 'fields: [functions.service_lists]', 'rules[0].check.fields[0]: 规则 HN-04-power-list-published:functions.service_lists'],
    ['a rate for a count', 'field: training.law_lectures', 'field: services.one_window_rate', 'rules[66].check.field: 规则 HN-32-law-lectures:services.one_window_rate'],
    ['a rate as a numerator', 'numerator: enforcement.officers_certified', 'numerator: services.one_window_rate', 'rules[28].check.first_given[0].numerator: 规则 HN-14-certified-officers:services.one_window_rate'],
    ['a misspelt denominator', 'denominator: enforcement.officers_total', 'denominator: enforcement.officer_total', 'rules[28].check.first_given[0].denominator: 规则 HN-14-certified-officers:报送格式中没有字段 enforcement.officer_total(enforcement 中没有 officer_total,是不是 enforcement.officers_total?)'],
    ['a misspelt record field', 'conditions: [{ field: legality_review', 'conditions: [{ field: legality_reviewd', 'rules[16].check.first_given[0].conditions[0].field: 规则 HN-10-legality-review:报送格式中没有字段 legality_reviewd(normative_documents.items 的记录中没有 legality_reviewd,是不是 legality_review?)'],
    ['a text for a yes/no condition', 'conditions: [{ field: legality_review', 'conditions: [{ field: title', 'rules[16].check.first_given[0].conditions[0].field: 规则 HN-10-legality-review:title(文件名称) 为文字字段,而 every_record 检查在这里需要是/否字段(true/false)'],
    ['a dotted record field', 'conditions: [{ field: legality_review', 'conditions: [{ field: items.legality_review', 'rules[16].check.first_given[0].conditions[0].field: 规则 HN-10-legality-review:items.legality_review 应为 normative_documents.items 的记录中的一个字段名,不含“.”'],
    ['a misspelt satisfied_by', 'satisfied_by: public_consultation', 'satisfied_by: public_consultaton', 'check.conditions[1].satisfied_by: 规则 HN-12-legal-procedures:报送格式中没有字段 public_consultaton'],
    ['a misspelt unless', 'unless: withheld_under', 'unless: withheld_undr', 'check.conditions[1].unless: 规则 HN-12-legal-procedures:报送格式中没有字段 withheld_undr'],
    ['a misspelt exempt_when', 'exempt_when: { field: withheld_under }', 'exempt_when: { field: withheld }', '.check.exempt_when.field: 规则 HN-12-public-participation:报送格式中没有字段 withheld'],
    ['a misspelt legal-basis text', 'text: legal_basis', 'text: legal_bases', 'rules[6].check.text: 规则 HN-05-certification-legal-basis:报送格式中没有字段 legal_bases'],
    ['a misspelt kind_field', 'kind_field: legal_basis_kind', 'kind_field: basis_kind', 'rules[6].check.kind_field: 规则 HN-05-certification-legal-basis:报送格式中没有字段 basis_kind'],
    ['a misspelt record_id', 'record_id: name', 'record_id: nmae', 'rules[6].check.record_id: 规则 HN-05-certification-legal-basis:报送格式中没有字段 nmae'],
    ['a misspelt period', 'period: public_consultation', 'period: consultation', 'check.period: 规则 HN-12-comment-period:报送格式中没有字段 consultation'],
    ['a misspelt end of the period', 'to: to', 'to: until', 'check.to: 规则 HN-12-comment-period:报送格式中没有字段 until(major_decisions.items 记录的 public_consultation 中没有 until'],
    ['a misspelt exception', 'exception: shortened_reason', 'exception: shortened', 'check.exception: 规则 HN-12-comment-period:报送格式中没有字段 shortened'],
    ['a misspelt select', 'select: { field: type, in', 'select: { field: kind, in', 'rules[33].check.select.field: 规则 HN-16-disclosure-7-workdays:报送格式中没有字段 kind'],
    ['a choice select does not have', 'in: [licensing, penalty]', 'in: [licencing, penalty]', 'rules[33].check.select.in[0]: 规则 HN-16-disclosure-7-workdays:licencing 不是 type 的可选值(应为:licensing、penalty、inspection、other 之一)'],
    ['a misspelt decision date', 'from: decided_on', 'from: decided', 'rules[33].check.from: 规则 HN-16-disclosure-7-workdays:报送格式中没有字段 decided'],
    ['a text for a publication date', 'to: published_on', 'to: title', 'rules[33].check.to: 规则 HN-16-disclosure-7-workdays:title(案件名称) 为文字字段,而 disclosure_deadline 检查在这里需要日期字段'],
    ['a misspelt done', 'done: leadership.annual_report_published', 'done: leadership.annual_report_publish', 'check.done: 规则 HN-30-annual-report-published:报送格式中没有字段 leadership.annual_report_publish'],
    ['a flag for a date', 'date: leadership.annual_report_published_on', 'date: leadership.annual_report_published', 'check.date: 规则 HN-30-annual-report-published:leadership.annual_report_published'],
    ['a misspelt not_applicable_when', 'field: services.named_bad_reviews', 'field: services.named_bad_review', 'rules[14].not_applicable_when.field: 规则 HN-07-bad-review-followup:报送格式中没有字段 services.named_bad_review'],
  ])('%s', async (_, from, to, said) => {
    const pack = editedPack(replace(from, to));
    const run = await cli('check', CITY_ALL_MET, '--pack', pack);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(said);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^plancheck: \S+pack\.yaml:\d+:\d+ rules\[\d+\]\./);
  });

  test('the bundled pack, and every example, still load and run', async () => {
    const run = await cli('check', EXAMPLES, '--format', 'json');
    expect(run.stderr).not.toContain('pack.yaml');
    expect(JSON.parse(run.stdout).submissions).toHaveLength(4);
  });
});

describe('unknown keys are refused anywhere in a pack, each with its place', () => {
  test.each([
    ['at the top', 'issuer: ', 'isuer: x\nissuer: ', '未知字段 isuer(是否拼写有误?是不是 issuer?)'],
    ['in a rule', '    severity: major\n', '    severty: major\n    severity: major\n', '未知字段 severty'],
    ['in a check', 'fields: [functions.power_list_published], wording: 向社会公开 }', 'fields: [functions.power_list_published], wording: 向社会公开, feild: x }', 'rules[0].check.feild: 未知字段 feild'],
    ['in a threshold', 'threshold: { value: 0.9, unit: ratio }', 'threshold: { value: 0.9, unit: ratio, strict: true }', 'rules[8].check.threshold.strict: 未知字段 strict'],
    ['in a condition, even __proto__', 'conditions: [{ field: legality_review, test: is_true }]', 'conditions: [{ field: legality_review, test: is_true, __proto__: { x: 1 } }]', '未知字段 __proto__'],
    ['in the source', '  sha256: ', '  sha: x\n  sha256: ', '未知字段 sha'],
    ['in the jurisdiction', 'region_prefix: "43",', 'region_prefix: "43", province: x,', '未知字段 province'],
  ])('%s', async (_, from, to, said) => {
    const pack = editedPack(replace(from, to));
    const run = await cli('check', CITY_ALL_MET, '--pack', pack);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(said);
    expect(run.stderr).toMatch(/^plancheck: \S+pack\.yaml:\d+:\d+/);
  });

  test('a check without a kind is one problem, not one for every kind it might have been', async () => {
    const pack = editedPack(replace('check: { kind: boolean, fields: [functions.power_list_published]', 'check: { fields: [functions.power_list_published]'));
    const run = await cli('check', CITY_ALL_MET, '--pack', pack);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining('rules[0].check.kind: 缺少必填字段 kind')]);
  });
});

describe('D22: a pack\'s source.file is a regular file inside the pack\'s folder, of a plan\'s size', () => {
  const sourceFile = (path: string) => replace('  file: source.txt', `  file: ${JSON.stringify(path)}`);

  test.each([
    ['a path out of the folder', '../../../../../../../../etc/passwd', '规则包的原文文件 ../../../../../../../../etc/passwd 不在规则包所在的文件夹'],
    ['an absolute path elsewhere', '/etc/passwd', '规则包的原文文件 /etc/passwd 不在规则包所在的文件夹'],
    ['a device', '/dev/zero', '规则包的原文文件 /dev/zero 不在规则包所在的文件夹'],
    ['a file that is not there', 'missing.txt', '找不到规则包的原文文件'],
    ['the folder itself', '.', '规则包的原文文件 {pack} 不是普通文件,而是文件夹'],
  ])('%s is refused in words, and nothing of it is read or hashed', (_, path, said) => {
    const pack = editedPack(sourceFile(path));
    const run = binWith(['check', CITY_ALL_MET, '--pack', pack], {}, 20_000);
    expect(run.timedOut).toBe(false);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`source.file: ${said.replace('{pack}', pack)}`);
    expect(run.stderr).not.toContain('sha256');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('a link in the folder that points out of it is refused', () => {
    const pack = editedPack(sourceFile('linked.txt'));
    symlinkSync('/etc/passwd', join(pack, 'linked.txt'));
    const run = binWith(['check', CITY_ALL_MET, '--pack', pack]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('source.file: 规则包的原文文件 linked.txt 不在规则包所在的文件夹');
    expect(run.stderr).toContain('它是指向 /etc/passwd 的链接');
  });

  test('a named pipe (FIFO) is refused without waiting for a writer', () => {
    const pack = editedPack(sourceFile('pipe.txt'));
    execFileSync('mkfifo', [join(pack, 'pipe.txt')]);
    const run = binWith(['check', CITY_ALL_MET, '--pack', pack], {}, 20_000);
    expect(run.timedOut).toBe(false);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('不是普通文件,而是命名管道(FIFO)');
  });

  test('a file larger than a plan is refused, in English too', async () => {
    const pack = editedPack(sourceFile('huge.txt'));
    writeFileSync(join(pack, 'huge.txt'), '');
    truncateSync(join(pack, 'huge.txt'), MAX_SOURCE_BYTES + 1);
    const run = await cli('check', CITY_ALL_MET, '--pack', pack, '--lang', 'en');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`source.file: The pack's source text ${join(pack, 'huge.txt')} is too large (${MAX_SOURCE_BYTES + 1} bytes; at most ${MAX_SOURCE_BYTES})`);
  });

  test('a source in a subfolder, or named by its absolute path inside the folder, is read', async () => {
    const sub = editedPack(sourceFile('text/source.txt'));
    mkdirSync(join(sub, 'text'));
    copyFileSync(join(sub, 'source.txt'), join(sub, 'text', 'source.txt'));
    const absolute = editedPack(() => '');
    writeFileSync(join(absolute, 'pack.yaml'), sourceFile(join(absolute, 'source.txt'))(readFileSync(join(ROOT, 'rules', 'hunan-hrss-2022-2025', 'pack.yaml'), 'utf8')));
    for (const pack of [sub, absolute]) {
      const run = await cli('check', CITY_ALL_MET, '--pack', pack, '--format', 'json');
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
  });
});
