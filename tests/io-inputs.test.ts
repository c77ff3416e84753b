import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkJson, cli, CITY_ALL_MET, EXAMPLES, ROOT, tempDir, writeTemp, type CliRun } from './helpers';

/**
 * Issue 9, items 2 and 6 (audit io-2026-12, D4, D11, D14–D17, D19–D24, D26): what plancheck reads, and how it says
 * what it will not read. Every test runs the CLI (in this process, or the built bin where a real process matters:
 * another user, a FIFO, Node's own warnings) and looks at its output and exit status.
 */

const BIN = join(ROOT, 'dist', 'cli', 'main.js');
const IS_ROOT = process.getuid?.() === 0;

/**
 * The built bin in a child process, as uid 65534 (nobody) when `asNobody`: run as root, permissions do not hold,
 * so the run drops to nobody; run as another user already, it runs as that user. A timeout turns a hang into a failure.
 */
function run(args: string[], options: { asNobody?: boolean; cwd?: string } = {}): CliRun {
  const [command, prefix] = options.asNobody && IS_ROOT ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath]] : [process.execPath, []];
  const child = spawnSync(command, [...prefix, BIN, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', timeout: 30_000 });
  if (child.error) throw child.error;
  return { status: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

/** A temporary folder others may enter (mkdtemp makes it 0700), for the runs as nobody. */
function openDir(): string {
  const dir = tempDir();
  chmodSync(dir, 0o755);
  return dir;
}

function copyExample(name: string, dir: string, as = name): string {
  const file = join(dir, as);
  copyFileSync(join(EXAMPLES, name), file);
  chmodSync(file, 0o644);
  return file;
}

interface ReviewJson {
  counts: { found: number; evaluated: number; rejected: number };
  bureaus: { file: string }[];
  rejected: { file: string; error: { message: string; expected?: string; problems: { message: string; expected?: string }[] } }[];
  paths?: { path: string; message: string }[];
}

function reviewJson(out: CliRun): ReviewJson {
  return JSON.parse(out.stdout) as ReviewJson;
}

const STACK_TRACE = /\n\s+at .+\(.+:\d+:\d+\)|internal error/;

// What a Chinese message must not hold: JSON type names, Ajv's words, a regex, English words of Node's errors.
const NOT_FOR_A_CLERK = /\b(string|integer|number|boolean|object|array|null|pattern|format|must|should|required|allowed|NaN|Infinity|Maximum|call stack|Excessive|resource exhaustion)\b|\^\[|\{\d+\}\$|应当是|应当匹配|类型/;

/** The city example with one line replaced: the slip under test. */
function edited(from: string | RegExp, to: string, name = 'submission.yaml'): string {
  const text = readFileSync(CITY_ALL_MET, 'utf8');
  if (!(typeof from === 'string' ? text.includes(from) : from.test(text))) throw new Error(`not in the example: ${from}`);
  return writeTemp(name, text.replace(from, to));
}

interface Problem {
  line?: number;
  column?: number;
  field?: string;
  message: { zh: string; en: string };
  expected?: { zh: string; en: string };
}

/** Runs check --format json on one file and returns its problems; each has an expected, and no English in its Chinese. */
async function problemsOf(file: string, ...args: string[]): Promise<Problem[]> {
  const { status, submissions, stderr } = await checkJson([file], ...args);
  expect(status).toBe(2);
  expect(stderr).not.toMatch(STACK_TRACE);
  const problems = (submissions[0].error?.problems ?? []) as Problem[];
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    expect(problem.expected?.zh).toBeTruthy();
    expect(problem.expected?.en).toBeTruthy();
    expect(problem.message.zh).not.toMatch(NOT_FOR_A_CLERK);
    expect(problem.expected?.zh).not.toMatch(NOT_FOR_A_CLERK);
  }
  return problems;
}

describe('D4: a folder or file that cannot be read is a rejected input, and every other file is evaluated', () => {
  test('review: a locked subfolder is rejected with its cause in words, counted, the readable files evaluated', () => {
    const root = openDir();
    mkdirSync(join(root, 'sub'));
    chmodSync(join(root, 'sub'), 0o755);
    for (const name of ['city-2023.yaml', 'county-2024-with-failures.yaml']) copyExample(name, join(root, 'sub'));
    mkdirSync(join(root, 'sub', 'locked'));
    copyExample('province-2024.yaml', join(root, 'sub', 'locked'));
    chmodSync(join(root, 'sub', 'locked'), 0o000);
    const table = run(['review', join(root, 'sub')], { asNobody: true });
    expect(table.stdout + table.stderr).not.toMatch(STACK_TRACE);
    expect(table.status).toBe(2);
    expect(table.stdout).toContain('locked');
    expect(table.stdout).toContain('没有读取权限');
    const json = run(['review', join(root, 'sub'), '--format', 'json'], { asNobody: true });
    const doc = reviewJson(json);
    expect(doc.counts).toEqual({ found: 3, evaluated: 2, rejected: 1 });
    expect(doc.rejected[0].file).toBe(join(root, 'sub', 'locked'));
    expect(doc.rejected[0].error.message).toContain('这是一个文件夹,无法打开:没有读取权限');
    expect(doc.rejected[0].error.expected).toBeTruthy();
  });

  test('check: a locked folder named beside a file: the folder is rejected, the file evaluated', () => {
    const root = openDir();
    const locked = join(root, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o000);
    const file = copyExample('city-2023.yaml', root);
    const out = run(['check', locked, file, '--format', 'json', '--lang', 'en'], { asNobody: true });
    expect(out.stderr).not.toMatch(STACK_TRACE);
    expect(out.status).toBe(2);
    const doc = JSON.parse(out.stdout) as { submissions: { file: string; error: { message: { en: string; zh: string } } | null; findings: unknown[] }[] };
    expect(doc.submissions.map((s) => s.file)).toEqual([locked, file]);
    expect(doc.submissions[0].error?.message.en).toContain('permission denied');
    expect(doc.submissions[0].error?.message.zh).toBe('无法读取文件:这是一个文件夹,无法打开:没有读取权限(请让文件的所有者或管理员开放读取权限);其中的报送一份也没有检查');
    expect(doc.submissions[1].error).toBeNull();
    expect(doc.submissions[1].findings.length).toBeGreaterThan(30);
  });

  test('an unreadable file says so in words, without the bare error code', () => {
    const root = openDir();
    const file = copyExample('city-2023.yaml', root, 'secret.yaml');
    chmodSync(file, 0o000);
    const out = run(['check', file, CITY_ALL_MET], { asNobody: true });
    expect(out.status).toBe(2);
    expect(out.stdout).toContain('无法读取文件:没有读取权限');
    expect(out.stdout).not.toContain('EACCES');
    expect(out.stdout).toContain('示范市人力资源和社会保障局');
  });
});

describe('D11: symbolic links are followed, each real file evaluated once, loops reported', () => {
  function linkedFolder(): { root: string; dir: string } {
    const root = tempDir();
    const dir = join(root, 'links');
    mkdirSync(dir);
    copyExample('city-2023.yaml', dir);
    symlinkSync(join(EXAMPLES, 'county-2024-with-failures.yaml'), join(dir, 'county.yaml'));
    mkdirSync(join(root, 'elsewhere'));
    copyExample('province-2024.yaml', join(root, 'elsewhere'));
    symlinkSync(join(root, 'elsewhere'), join(dir, 'gathered'));
    return { root, dir };
  }

  test('review follows a linked file and a linked folder; found = evaluated + rejected', async () => {
    const { dir } = linkedFolder();
    const out = await cli('review', dir, '--format', 'json');
    const doc = reviewJson(out);
    expect(doc.counts).toEqual({ found: 3, evaluated: 3, rejected: 0 });
    expect(doc.bureaus.map((b) => b.file).sort()).toEqual([join(dir, 'city-2023.yaml'), join(dir, 'county.yaml'), join(dir, 'gathered', 'province-2024.yaml')].sort());
  });

  test('check DIR follows a linked file (and, not recursive, no subfolder)', async () => {
    const { dir } = linkedFolder();
    const { submissions } = await checkJson([dir]);
    expect(submissions.map((s) => s.file)).toEqual([join(dir, 'city-2023.yaml'), join(dir, 'county.yaml')]);
  });

  test('a file reached twice (itself and a link to it) is evaluated once, and that is said in one line', async () => {
    const { dir } = linkedFolder();
    symlinkSync(join(dir, 'city-2023.yaml'), join(dir, 'same-city.yaml'));
    const out = await cli('review', dir, '--format', 'json');
    expect(reviewJson(out).counts).toEqual({ found: 3, evaluated: 3, rejected: 0 });
    expect(out.stderr).toBe(`plancheck: ${join(dir, 'same-city.yaml')}: 已跳过:与 ${join(dir, 'city-2023.yaml')} 是同一个文件,只检查一次\n`);
    expect(out.status).toBe(1);
  });

  test('a link back to a folder above is a loop: said, not followed, no hang', () => {
    const { dir } = linkedFolder();
    symlinkSync('.', join(dir, 'self'));
    symlinkSync('..', join(dir, 'gathered-parent'));
    const out = run(['review', dir, '--format', 'json', '--lang', 'en']);
    expect(out.status).toBe(1);
    expect(reviewJson(out).counts).toEqual({ found: 3, evaluated: 3, rejected: 0 });
    expect(out.stderr).toContain(`plancheck: ${join(dir, 'self')}: skipped: this symbolic link leads back to the folder ${dir} above it, a loop\n`);
    // `..` is read (it is not above the folder named), and what it holds is each a loop or a folder already read.
    expect(out.stderr).toContain(`plancheck: ${join(dir, 'gathered-parent', 'links')}: skipped: this symbolic link leads back to the folder ${dir} above it, a loop\n`);
    expect(out.stderr).toContain(`plancheck: ${join(dir, 'gathered-parent', 'elsewhere')}: skipped: the same folder as ${join(dir, 'gathered')}, already read\n`);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(3);
  });

  test('a loop of file links and a dangling link are rejected with their cause, counted', async () => {
    const { dir } = linkedFolder();
    symlinkSync(join(dir, 'b.yaml'), join(dir, 'a.yaml'));
    symlinkSync(join(dir, 'a.yaml'), join(dir, 'b.yaml'));
    symlinkSync(join(dir, 'gone.yaml'), join(dir, 'dangling.yaml'));
    const out = await cli('review', dir, '--format', 'json');
    const doc = reviewJson(out);
    expect(out.status).toBe(2);
    expect(doc.counts).toEqual({ found: 6, evaluated: 3, rejected: 3 });
    const said = Object.fromEntries(doc.rejected.map((r) => [r.file.slice(dir.length + 1), r.error.message]));
    expect(said['a.yaml']).toBe('无法读取文件:符号链接形成了循环(链接层层指向,最后又指回自己),找不到真正的文件');
    expect(said['b.yaml']).toContain('符号链接形成了循环');
    expect(said['dangling.yaml']).toBe(`无法读取文件:这是一个符号链接,它指向的 ${join(dir, 'gone.yaml')} 不存在`);
  });
});

describe('D22: FIFOs, devices and files over the size limit are refused without being read', () => {
  test('a FIFO in a folder is rejected at once, not waited on; the other files are evaluated', () => {
    const dir = tempDir();
    copyExample('city-2023.yaml', dir);
    const made = spawnSync('mkfifo', [join(dir, 'pipe.yaml')]);
    expect(made.status).toBe(0);
    const started = Date.now();
    const out = run(['review', dir, '--format', 'json']);
    expect(Date.now() - started).toBeLessThan(20_000);
    const doc = reviewJson(out);
    expect(out.status).toBe(2);
    expect(doc.counts).toEqual({ found: 2, evaluated: 1, rejected: 1 });
    expect(doc.rejected[0].error.message).toBe('无法读取文件:这是命名管道(FIFO),不是普通文件,没有读取');
    const check = run(['check', join(dir, 'pipe.yaml'), '--lang', 'en']);
    expect(check.status).toBe(2);
    expect(check.stdout).toContain('Cannot read the file: it is a named pipe (FIFO), not a regular file; it was not read');
  });

  test('check /dev/zero is refused as a device at once, and its sha256 is not computed', async () => {
    const { status, submissions } = await checkJson(['/dev/zero']);
    expect(status).toBe(2);
    expect(submissions[0].error?.message.zh).toBe('无法读取文件:这是字符设备(如 /dev/zero),不是普通文件,没有读取');
    expect((submissions[0] as unknown as { sha256: unknown }).sha256).toBeNull();
  });

  test('a file over 32 MiB is refused by its size, unread; --max-bytes raises or lowers the limit', async () => {
    const big = writeTemp('big.yaml', '');
    truncateSync(big, 32 * 1024 * 1024 + 1);
    const started = Date.now();
    const { status, submissions } = await checkJson([big, CITY_ALL_MET]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(status).toBe(2);
    expect(submissions[0].error?.message.zh).toBe('无法读取文件:文件有 32.0 MiB,超过了 32 MiB 的上限,没有读取(一份报送通常只有几十 KB;确需检查更大的文件,请用 --max-bytes 放宽上限)');
    expect((submissions[0].error as { expected?: { zh: string } } | null)?.expected?.zh).toBe('不超过 32 MiB(33554432 字节)的文件,或用 --max-bytes 给出更大的上限');
    expect(submissions[1].error).toBeNull();
    // Raised: the file is read, and refused for what it holds (it is all zero bytes), not for its size.
    const raised = await checkJson([big], '--max-bytes', '33M');
    expect(raised.submissions[0].error?.message.zh).not.toContain('上限');
    const lowered = await checkJson([CITY_ALL_MET], '--max-bytes', '1000', '--lang', 'en');
    expect(lowered.status).toBe(2);
    const size = statSync(CITY_ALL_MET).size.toLocaleString('en');
    expect(lowered.submissions[0].error?.message.en).toBe(`Cannot read the file: the file is ${size} bytes, more than the limit of 1,000 bytes, and was not read (a submission is tens of kilobytes; use --max-bytes to raise the limit)`);
  });

  test('review --max-bytes holds in the worker threads too', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'small.yaml'), 'bureau:\n  name: 小县人力资源和社会保障局\n  level: county\nyear: 2024\n');
    copyExample('city-2023.yaml', dir, 'large.yaml');
    for (const jobs of ['1', '2']) {
      const doc = reviewJson(run(['review', dir, '--format', 'json', '--max-bytes', '2000', '--jobs', jobs]));
      expect(doc.counts).toEqual({ found: 2, evaluated: 1, rejected: 1 });
      expect(doc.rejected[0].file).toBe(join(dir, 'large.yaml'));
      expect(doc.rejected[0].error.message).toContain('超过了 2,000 字节的上限');
    }
  });

  test('--max-bytes that is not a size is a command-line error with what to write', async () => {
    for (const command of ['check', 'review']) {
      const out = await cli(command, CITY_ALL_MET, '--max-bytes', 'abc');
      expect(out.status).toBe(2);
      expect(out.stderr).toContain('plancheck: --max-bytes: --max-bytes 的取值“abc”无效:应为大于 0 的字节数(应为:大于 0 的整数,单位为字节,也可写 64M(兆字节)或 512K;默认 32 MiB)');
    }
  });
});

describe('D24: plancheck\'s own JSON reports in a folder are skipped, said in one line, not rejected', () => {
  test('review and check DIR skip an earlier check and review report', async () => {
    const dir = tempDir();
    copyExample('city-2024-all-met.yaml', dir);
    mkdirSync(join(dir, 'out'));
    expect((await cli('check', dir, '--format', 'json', '--out', join(dir, 'out', 'check.json'))).status).toBe(0);
    expect((await cli('review', dir, '--format', 'json', '--out', join(dir, 'out', 'review.json'))).status).toBe(0);
    const review = await cli('review', dir, '--format', 'json');
    expect(review.status).toBe(0);
    expect(reviewJson(review).counts).toEqual({ found: 1, evaluated: 1, rejected: 0 });
    expect(review.stderr).toBe(
      [join(dir, 'out', 'check.json'), join(dir, 'out', 'review.json')].map((file) => `plancheck: ${file}: 已跳过:这是 plancheck 生成的 JSON 报告,不是报送\n`).join(''),
    );
    copyFileSync(join(dir, 'out', 'check.json'), join(dir, 'check.json'));
    const check = await cli('check', dir, '--lang', 'en');
    expect(check.status).toBe(0);
    expect(check.stderr).toBe(`plancheck: ${join(dir, 'check.json')}: skipped: a JSON report made by plancheck, not a submission\n`);
  });

  test('a JSON submission is still read, and so is a JSON whose tool is another one', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'county.json'), JSON.stringify({ bureau: { name: '某县人力资源和社会保障局', level: 'county' }, year: 2024 }));
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ tool: { name: 'othertool' }, bureau: { name: '某市人力资源和社会保障局', level: 'city' }, year: 2024 }));
    const review = await cli('review', dir, '--format', 'json');
    expect(review.stderr).not.toContain('已跳过');
    expect(reviewJson(review).counts).toEqual({ found: 2, evaluated: 1, rejected: 1 });
  });
});

describe('D14: nesting too deep is a depth limit, with an expected, not a syntax error or a stack overflow', () => {
  test.each([
    ['flow lists', () => edited('year: 2024\n', `year: 2024\nx-deep: ${'['.repeat(10000)}${']'.repeat(10000)}\n`)],
    ['block mappings', () => edited('year: 2024\n', `year: 2024\nx-deep:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} 1\n`)],
    ['JSON', () => writeTemp('deep.json', `{"bureau": ${'{"a": '.repeat(5000)}1${'}'.repeat(5000)}}`)],
    ['100 levels, which the parser reads', () => edited('year: 2024\n', `year: 2024\nx-deep: ${'['.repeat(100)}${']'.repeat(100)}\n`)],
  ])('%s', async (_name, make) => {
    const [problem] = await problemsOf(make());
    expect(problem.message.zh).toContain('这里的列表和映射嵌套超过了 64 层,无法读取');
    expect(problem.message.zh).not.toContain('YAML 格式错误');
    expect(problem.expected?.zh).toBe('按模板逐层写出的键和列表,嵌套不超过 64 层');
    expect(problem.line).toBeDefined();
  });

  test('the 65th level is where it is placed when the parser reads the file', async () => {
    const file = edited('year: 2024\n', `year: 2024\nx-deep: ${'['.repeat(100)}${']'.repeat(100)}\n`);
    const [problem] = await problemsOf(file);
    // x-deep is itself the first level: its 64th bracket is the 65th.
    expect(problem).toMatchObject({ line: 8, column: 'x-deep: '.length + 64 });
  });
});

describe('D15: messages that said the wrong thing', () => {
  test('{ value: true, source: "" } says the source is empty', async () => {
    const [problem] = await problemsOf(edited('  budgeted: true', '  budgeted: { value: true, source: "" }'));
    expect(problem.message.zh).toBe('工作经费列入预算的出处是空的:请写上出处,或删去 source');
    expect(problem.message.en).toBe('Funds in the budget: the source is empty: write it, or leave source out');
  });

  test.each([
    ['.nan', '  law_lectures: 2', '  law_lectures: .nan', '法治专题讲座期数 .nan 不是有限的数:请写实际的数字,如 3'],
    ['.inf', '  one_window_rate: 0.85', '  one_window_rate: .inf', '“一窗”分类受理率 .inf 不是有限的数:请写实际的数字,如 "93.5%"'],
    ['1e309', '  law_lectures: 2', '  law_lectures: 1e309', '法治专题讲座期数 1e309 不是有限的数:请写实际的数字,如 3'],
    ['-.inf in { value, source }', '  one_window_rate: 0.85', '  one_window_rate: { value: -.inf, source: 台账 }', '“一窗”分类受理率 -.inf 不是有限的数'],
    ['.nan for the year', 'year: 2024', 'year: .nan', '报告年度 .nan 不是有限的数:请写实际的数字,如 2024'],
  ])('%s says it is not a finite number, as written', async (_name, from, to, zh) => {
    const [problem] = await problemsOf(edited(from, to));
    expect(problem.message.zh).toContain(zh);
    expect(problem.message.en).toContain('is not a finite number');
    expect(problem.message.en).not.toMatch(/Infinity|NaN|null/);
  });

  test('%YAML 1.1 is refused at its line, in words, instead of dates read as timestamps', async () => {
    const file = writeTemp('y11.yaml', `%YAML 1.1\n---\n${readFileSync(CITY_ALL_MET, 'utf8')}`);
    const problems = await problemsOf(file);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 1, column: 1 });
    expect(problems[0].message.zh).toBe('文件声明了 %YAML 1.1:本工具按 YAML 1.2 读取(按 1.1 读,日期会变成时间,yes 和 no 会变成是和否),请删去这一行');
    // 1.2 declared is fine.
    const ok = await checkJson([writeTemp('y12.yaml', `%YAML 1.2\n---\n${readFileSync(CITY_ALL_MET, 'utf8')}`)]);
    expect(ok.status).toBe(0);
  });

  test('JSON with comments says JSON has none, at each comment', async () => {
    const json = JSON.stringify({ bureau: { name: '某县人力资源和社会保障局', level: 'county' }, year: 2024 }, null, 2);
    const file = writeTemp('commented.json', `// 2024 年报送\n${json.replace('"year"', '/* 年度 */ "year"').replace('"level": "county"', '"level": "county" # 县级')}`);
    const problems = await problemsOf(file);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [1, 1],
      [5, 23],
      [7, 3],
    ]);
    expect(problems[0].message.zh).toBe('JSON 文件里不能写注释:请删去这里以 // 开头的注释(需要注释时,可把文件改存为 .yaml,用 # 写注释)');
    expect(problems[0].message.en).toContain('JSON does not allow comments');
    // A // inside a string is no comment.
    const url = writeTemp('url.json', JSON.stringify({ bureau: { name: 'http://x.example/ 某县人力资源和社会保障局', level: 'county' }, year: 2024 }));
    expect((await checkJson([url])).status).toBe(3);
  });

  test.each([
    ['!!binary', '  name: !!binary aGVsbG8='],
    ['!!timestamp', '  name: !!timestamp 2024-01-01'],
    ['!custom', '  name: !custom 示范市人力资源和社会保障局'],
  ])('the tag %s is refused in words, at its place', async (tag, line) => {
    const [problem] = await problemsOf(edited('  name: 示范市人力资源和社会保障局', line));
    expect(problem).toMatchObject({ line: 4, column: 9 });
    expect(problem.message.zh).toBe(`这里的标记 ${tag} 不受支持:请去掉 ${tag},直接写出值`);
  });

  test('!!str, a core tag, is read as it says', async () => {
    const { status } = await checkJson([edited('  region_code: "439901"', '  region_code: !!str 439901')]);
    expect(status).toBe(0);
  });
});

describe('D16: every problem of a submission field has an expected, in words', () => {
  test.each([
    ['year in quotes', 'year: 2024', 'year: "2024"'],
    ['region_code as a number', '  region_code: "439901"', '  region_code: 439901'],
    ['bureau.name as a number', '  name: 示范市人力资源和社会保障局', '  name: 12345'],
    ['a section that is a list', 'services:\n', 'services: [1]\nx-was-services:\n'],
    ['a section that is a value', 'training:\n', 'training: 3\nx-was-training:\n'],
    ['items as a mapping', 'normative_documents:\n  items:\n', 'normative_documents:\n  items: { a: 1 }\n  x-was-items:\n'],
    ['a record missing its required fields', '  decisions:\n    - id: 示范人社罚决〔2024〕11号\n', '  decisions:\n    - {}\n    - id: 示范人社罚决〔2024〕11号\n'],
    ['the year missing', /^year: 2024\n/m, ''],
    ['a bureau as a list', /^bureau:\n(  .*\n)+/m, 'bureau: [示范市]\n'],
  ])('%s', async (_name, from, to) => {
    await problemsOf(edited(from, to));
  });

  test('a required date\'s English expected says what to write, not just the field\'s name', async () => {
    const problems = await problemsOf(edited('  decisions:\n    - id: 示范人社罚决〔2024〕11号\n', '  decisions:\n    - { id: X-1, type: penalty }\n    - id: 示范人社罚决〔2024〕11号\n'));
    const missing = problems.find((p) => p.field === 'enforcement.decisions[0].decided_on');
    expect(missing?.expected?.en).toBe('a date that exists, written YYYY-MM-DD, such as 2024-03-01');
  });
});

describe('D17: the years 0001 to 0099 are read as themselves', () => {
  test('0024/6/3 is advised as 0024-06-03, not refused as a date that does not exist (1924)', async () => {
    const problems = await problemsOf(edited('      decided_on: 2024-06-03', '      decided_on: 0024/6/3'));
    const [problem] = problems.filter((p) => p.field === 'enforcement.decisions[1].decided_on');
    expect(problem.message.zh).toBe('执法决定第 2 条的决定日期“0024/6/3”请写成 0024-06-03(年-月-日,用半角短横线)');
    expect(JSON.stringify(problems)).not.toContain('1924');
  });

  test('0024-02-29 exists (24 is a leap year) and is judged by its own year', async () => {
    const problems = await problemsOf(edited('      decided_on: 2024-06-03', '      decided_on: 0024年2月29日'));
    expect(problems.find((p) => p.field === 'enforcement.decisions[1].decided_on')?.message.zh).toContain('请写成 0024-02-29');
  });
});

describe('D19: the encoding is checked strictly, and a bad byte is placed', () => {
  test('valid UTF-8 holding U+FFFD is read', async () => {
    const { status, submissions } = await checkJson([edited('  name: 示范市人力资源和社会保障局', '  name: 示范市人力资源和社会保障局\uFFFD')]);
    expect(status).toBe(0);
    expect((submissions[0] as unknown as { bureau: { name: string } }).bureau.name).toBe('示范市人力资源和社会保障局\uFFFD');
  });

  test('a GBK byte is placed at its line and column', async () => {
    const file = writeTemp('gbk.yaml', '');
    const text = readFileSync(CITY_ALL_MET, 'utf8').replace('  name: 示范市人力资源和社会保障局', '  name: 示范市XX');
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf('XX');
    // 县 in GBK: 0xCF 0xD8, which no UTF-8 sequence starts so.
    writeFileSync(file, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xcf, 0xd8]), bytes.subarray(at + 2)]));
    const [problem] = await problemsOf(file);
    expect(problem).toMatchObject({ line: 4, column: 12 });
    expect(problem.message.zh).toBe('文件不是 UTF-8 编码:第 4 行第 12 列的字节 0xCF 不能按 UTF-8 读取(文件可能是 GBK 编码),请另存为 UTF-8');
  });

  test('a file saved as UTF-16 says so', async () => {
    const file = writeTemp('utf16.yaml', '');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(CITY_ALL_MET, 'utf8'), 'utf16le')]));
    const [problem] = await problemsOf(file);
    expect(problem.message.zh).toBe('文件是 UTF-16 编码(记事本中叫“Unicode”),请另存为 UTF-8');
  });
});

describe('D20: aliases are limited by what they copy, not by how often one value is named', () => {
  test('101 aliases of one scalar are read', async () => {
    const decisions = Array.from({ length: 101 }, (_, i) => `    - { id: D-${i}, type: ${i === 0 ? '&t penalty' : '*t'}, decided_on: 2024-03-04, published_on: 2024-03-05 }`);
    const { status, submissions } = await checkJson([edited('  decisions:\n    - id: 示范人社罚决〔2024〕11号\n', `  decisions:\n${decisions.join('\n')}\n    - id: 示范人社罚决〔2024〕11号\n`)]);
    expect(submissions[0].error).toBeNull();
    expect(status).toBe(0);
  });

  test('a billion laughs is refused, placed at the alias that passes the limit, in words', async () => {
    const names = 'abcdefghi';
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...names.slice(1).split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${names[i]}`).join(', ')}]`)].join('\n');
    const [problem] = await problemsOf(writeTemp('bomb.yaml', `${bomb}\n`));
    expect(problem.line).toBe(5);
    expect(problem.message.zh).toBe('YAML 中的引用 *d 展开后的内容过多(引用共复制了超过 10 万项),不予展开:请直接写出值,少用 & 和 * 引用');
  });

  test('an alias inside what it names is a loop, refused', async () => {
    const [problem] = await problemsOf(writeTemp('loop.yaml', 'bureau: &b\n  name: 某县人力资源和社会保障局\n  level: county\n  x-self: *b\nyear: 2024\n'));
    expect(problem).toMatchObject({ line: 4, column: 11 });
    expect(problem.message.zh).toContain('YAML 中的引用 *b 指向包含它自己的内容');
  });
});

describe('D21: a key that is a list or mapping', () => {
  test('is an error with its place, and Node prints no warning', () => {
    const file = edited('training:\n', 'training:\n  ? [a, b]\n  : 1\n');
    const out = run(['check', file, '--format', 'json']);
    expect(out.status).toBe(2);
    expect(out.stderr).not.toContain('Warning');
    const [problem] = (JSON.parse(out.stdout) as { submissions: { error: { problems: Problem[] } }[] }).submissions[0].error.problems;
    expect(problem).toMatchObject({ line: 120, column: 5 });
    expect(problem.message.zh).toBe('这里的键是一个列表或映射(如 ? [a, b]),键只能是一个名称:请改写成“名称: 值”');
  });
});

describe('D23: --waiver-date must be a date that exists', () => {
  test('2025-02-30 is refused, in check and in review', async () => {
    const waivers = writeTemp('w.yaml', 'waivers: []\n');
    for (const command of ['check', 'review']) {
      const out = await cli(command, CITY_ALL_MET, '--waivers', waivers, '--waiver-date', '2025-02-30');
      expect(out.status).toBe(2);
      expect(out.stderr).toContain('plancheck: --waiver-date: --waiver-date 的日期 2025-02-30 不存在(应为:存在的日期,写成年-月-日,如 2025-01-15)');
      expect(out.stdout).toBe('');
    }
    const leap = await checkJson([CITY_ALL_MET], '--waivers', waivers, '--waiver-date', '2024-02-29');
    expect(leap.status).toBe(0);
  });
});

describe('D26: file names on standard error, and the bare rate 1', () => {
  test('a newline in a file name is shown escaped and cannot split the file:line:col line', () => {
    const dir = tempDir();
    const file = join(dir, 'bad\nname.yaml');
    writeFileSync(file, 'bureau:\n  name: 某县人力资源和社会保障局\n  level: county\nyear: 2024年\n');
    const out = run(['check', file, '--format', 'json']);
    expect(out.status).toBe(2);
    const lines = out.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${dir}/bad\\nname.yaml:4:7`);
  });

  test('the bare rate 1 is the ratio 1, that is 100%, as the README says; 93 stays ambiguous', async () => {
    const { status, submissions } = await checkJson([edited('  one_window_rate: 0.85', '  one_window_rate: 1')]);
    expect(status).toBe(0);
    expect(submissions[0].findings.find((f) => f.rule === 'HN-07-one-window-rate')?.actual).toBe(1);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('A bare `1` is the ratio 1, that is 100%');
    const [problem] = await problemsOf(edited('  one_window_rate: 0.85', '  one_window_rate: 93'));
    expect(problem.message.zh).toContain('93 有歧义');
  });
});
