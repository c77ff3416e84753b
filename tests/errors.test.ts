import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkJson, cli, CITY_ALL_MET, ROOT, SPEC_EXAMPLE, tempDir, writeTemp } from './helpers';

const example = readFileSync(SPEC_EXAMPLE, 'utf8');

/** The reference submission with one line changed: the mistakes a bureau makes filling it in. */
function edited(from: string, to: string): string {
  if (!example.includes(from)) throw new Error(`not in the example: ${from}`);
  return writeTemp('submission.yaml', example.replace(from, to));
}

interface BadInput {
  file: () => string;
  line: number;
  column: number;
  /** The dotted path: in the JSON's `field` and in the English table, never in the Chinese one. */
  field?: string;
  zh: string;
  en: string;
}

const CASES: Record<string, BadInput> = {
  'malformed YAML (an unclosed bracket)': { file: () => edited('cross_province_window: true', 'cross_province_window: [true'), line: 32, column: 26, zh: 'YAML 格式错误:第 32 行的“[”没有对应的“]”', en: 'YAML syntax error: the bracket [ on line 32 is never closed' },
  'a duplicate key': { file: () => edited('  budgeted: true', '  budgeted: true\n  budgeted: false'), line: 101, column: 3, zh: 'YAML 格式错误:budgeted 在同一层出现了两次', en: 'budgeted appears twice in one mapping' },
  'a schema violation (text for a count)': { file: () => edited('law_lectures: 2', 'law_lectures: 两期'), line: 104, column: 17, field: 'training.law_lectures', zh: '法治专题讲座期数“两期”只写数字,如 2', en: 'Law lectures: "两期": write the number only, such as 2' },
  'an ambiguous rate': { file: () => edited('online_handling_rate: 93.5%', 'online_handling_rate: 93'), line: 28, column: 25, field: 'services.online_handling_rate', zh: '网上可办率 93 有歧义', en: 'Online handling rate: the rate 93 is ambiguous' },
  'an ambiguous rate inside {value, source}': { file: () => edited('value: 80%', 'value: 80'), line: 30, column: 12, field: 'services.one_window_rate', zh: '“一窗”分类受理率 80 有歧义', en: 'One-window acceptance rate: the rate 80 is ambiguous' },
  'an unknown level': { file: () => edited('level: city ', 'level: town '), line: 13, column: 10, field: 'bureau.level', zh: '单位层级“town”不是可选的写法', en: 'Level: "town" is not one of the allowed values' },
  'a date that does not exist': { file: () => edited('decided_on: 2023-09-28', 'decided_on: 2023-02-30'), line: 79, column: 19, field: 'enforcement.decisions[0].decided_on', zh: '执法决定第 1 条的决定日期 2023-02-30 不存在', en: 'Enforcement decision 1, decided on: the date 2023-02-30 does not exist' },
  'a required field missing': { file: () => edited('  level: city                 # province | city | county\n', ''), line: 12, column: 3, field: 'bureau.level', zh: '报送单位缺少必填项“单位层级”:请写上 level', en: 'Reporting bureau: the required field Level (level) is missing' },
  'an unknown field (a typo)': { file: () => edited('  law_lectures: 2', '  law_lecture: 2'), line: 104, column: 3, field: 'training.law_lecture', zh: '依法行政能力中有未知字段 law_lecture(是否拼写有误?是不是 law_lectures(法治专题讲座期数)?)', en: 'unknown field law_lecture (a typo? did you mean law_lectures?)' },
  'a record id used twice': { file: () => edited('id: MD-2023-02', 'id: MD-2023-01'), line: 58, column: 11, field: 'major_decisions.items[1].id', zh: '重大行政决策第 2 条的编号 MD-2023-01 重复(第 1 条已用过)', en: 'Major decision 2, ID: MD-2023-01 is used twice (first by record 1)' },
  'published before the decision': { file: () => edited('published_on: 2023-11-20', 'published_on: 2023-10-20'), line: 84, column: 21, field: 'enforcement.decisions[1].published_on', zh: '执法决定第 2 条的公开日期 2023-10-20 早于决定日期 2023-11-01', en: 'Enforcement decision 2, published on: 2023-10-20 is before the decision of 2023-11-01' },
  'more certified officers than officers': { file: () => edited('officers_certified: 40', 'officers_certified: 41'), line: 70, column: 23, field: 'enforcement.officers_certified', zh: '持证执法人员数 41 超过执法人员数 40', en: 'Certified officers: 41 is more than the 40 officers in all' },
};

describe.each(Object.entries(CASES))('%s', (_name, bad) => {
  test('Chinese by default: place and message naming the field in words; exit 2; no stack trace', async () => {
    const file = bad.file();
    const run = await cli('check', file);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`第 ${bad.line} 行第 ${bad.column} 列: ${bad.zh}`);
    if (bad.field) expect(run.stdout).not.toContain(bad.field);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });

  test('--lang en: the table adds the path; the JSON error has line, column and field', async () => {
    const file = bad.file();
    const table = await cli('check', file, '--lang', 'en');
    expect(table.status).toBe(2);
    expect(table.stdout).toContain(`line ${bad.line}, column ${bad.column}: `);
    expect(table.stdout).toContain(bad.en);
    if (bad.field) expect(table.stdout).toContain(`(${bad.field})`);
    const { status, submissions, stderr } = await checkJson([file], '--lang', 'en');
    expect(status).toBe(2);
    expect(stderr).toContain(`${file}:${bad.line}:${bad.column}`);
    expect(stderr).toContain(bad.en);
    const { error, findings } = submissions[0];
    expect(findings).toEqual([]);
    expect(error).toMatchObject({ line: bad.line, column: bad.column, ...(bad.field ? { field: bad.field } : {}) });
    expect(error?.message.en).toContain(bad.en);
    expect(error?.message.zh).toContain(bad.zh);
  });
});

describe('nothing is lost because another file is broken', () => {
  test('the good files named beside a broken one are still evaluated and reported', async () => {
    const broken = edited('online_handling_rate: 93.5%', 'online_handling_rate: 93');
    const { status, submissions } = await checkJson([CITY_ALL_MET, broken, SPEC_EXAMPLE]);
    expect(status).toBe(2);
    expect(submissions.map((s) => s.error === null)).toEqual([true, false, true]);
    // One finding per rule of the bundled pack, for each good file.
    expect(submissions[0].findings.length).toBeGreaterThan(30);
    expect(submissions[0].findings).toHaveLength(submissions[2].findings.length);
    expect(submissions[2].summary.fail).toBe(2);
  });

  test('a file that does not exist is reported by name, and the others go on', async () => {
    const run = await cli('check', 'no-such-file.yaml', CITY_ALL_MET, '--lang', 'en');
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('no-such-file.yaml');
    expect(run.stdout).toContain('Cannot read the file: no such file');
    expect(run.stdout).toContain('示范市人力资源和社会保障局');
  });

  test('a file that is not UTF-8 (saved as GBK) says so', async () => {
    const file = writeTemp('gbk.yaml', '');
    writeFileSync(file, Buffer.from([0x62, 0x75, 0x72, 0x65, 0x61, 0x75, 0x3a, 0x20, 0xca, 0xbe, 0xc0, 0xfd, 0x0a]));
    const run = await cli('check', file);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('不是 UTF-8 编码');
  });

  test('an empty file says a submission is a mapping', async () => {
    const run = await cli('check', writeTemp('empty.yaml', ''), '--lang', 'en');
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('A submission is a mapping');
  });

  test('an alias bomb is refused, not expanded', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n');
    const run = await cli('check', writeTemp('bomb.yaml', `${bomb}\n`));
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('YAML');
  });

  test('a folder with no submissions in it is an error', async () => {
    const run = await cli('check', tempDir());
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('文件夹中没有');
  });
});

describe('the command line', () => {
  test.each([
    [['check', CITY_ALL_MET, '--format', 'xml'], '选项 --format 的取值“xml”无效,可选:table、json、markdown、html、csv、xlsx'],
    [['check', CITY_ALL_MET, '--no-such-option'], '未知选项 --no-such-option'],
    [['check'], '缺少要检查的报送文件或文件夹'],
    [['check', CITY_ALL_MET, '--lang', 'fr'], '选项 --lang 的取值“fr”无效,可选:zh、en'],
  ])('%j exits 2 and says what is wrong, in Chinese', async (args, says) => {
    const run = await cli(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`plancheck: 命令行有误:${says}\n`);
  });

  test.each([
    [['check', CITY_ALL_MET, '--format', 'xml', '--lang', 'en'], "option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are table, json, markdown, html, csv, xlsx."],
    [['check', CITY_ALL_MET, '--no-such-option', '--lang', 'en'], "unknown option '--no-such-option'"],
    [['check', '--lang', 'en'], "missing required argument 'paths'"],
  ])('%j exits 2 and says what is wrong, in English', async (args, says) => {
    const run = await cli(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`plancheck: command line error: ${says}\n`);
  });

  test('--help and --version exit 0', async () => {
    expect((await cli('--version')).stdout.trim()).toBe('0.1.0');
    const help = await cli('check', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--format');
  });
});

describe('packs that do not hold against their source are refused', () => {
  function brokenPack(from: string, to: string): string {
    const dir = join(tempDir(), 'pack');
    cpSync(join(ROOT, 'rules', 'hunan-hrss-2022-2025'), dir, { recursive: true });
    const file = join(dir, 'pack.yaml');
    const text = readFileSync(file, 'utf8');
    if (!text.includes(from)) throw new Error(`not in the pack: ${from}`);
    writeFileSync(file, text.replace(from, to));
    return dir;
  }

  test.each([
    ['a quote not in the source', 'quote: 每年至少集体学法3次', 'quote: 每年至少集体学法4次', '规则 HN-32-collective-study 的引文不在原文中'],
    ['a quote cited to the wrong item', 'citation: { clause: (三十二), quote: 每年至少集体学法3次 }', 'citation: { clause: (三十一), quote: 每年至少集体学法3次 }', '引文不在条目 (三十一) 中'],
    ['a wording that contradicts the operator (以上 is ≥, not >)', 'field: legal_education.contact_villages, operator: ">="', 'field: legal_education.contact_villages, operator: ">"', '措辞“以上”对应 >='],
    ['a source text that was changed', 'sha256: 349847f9', 'sha256: 000000f9', '原文文件的 sha256 与规则包记载的不一致'],
    ['a rule id used twice', 'id: HN-31-budget', 'id: HN-31-leading-group', '规则编号 HN-31-leading-group 重复'],
  ])('%s', async (_name, from, to, says) => {
    const run = await cli('check', CITY_ALL_MET, '--pack', brokenPack(from, to));
    expect(run.status).toBe(2);
    // With no pack to check against there is no report: the problems go to standard error.
    expect(run.stderr).toContain(says);
    expect(run.stderr).toMatch(/pack\.yaml:\d+:\d+/);
  });
});

describe('outputs', () => {
  test('--out never overwrites an input file', async () => {
    const input = writeTemp('city.yaml', readFileSync(CITY_ALL_MET, 'utf8'));
    const before = readFileSync(input, 'utf8');
    const run = await cli('check', input, '--format', 'json', '--out', input);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('输出文件不能是输入文件之一');
    expect(readFileSync(input, 'utf8')).toBe(before);
  });

  test('--out creates its folders and writes the same report as standard output, leaving no temporary file', async () => {
    const dir = tempDir();
    const out = join(dir, 'reports', '2024', 'findings.json');
    const written = await cli('check', SPEC_EXAMPLE, '--format', 'json', '--out', out);
    const printed = await cli('check', SPEC_EXAMPLE, '--format', 'json');
    expect(written.status).toBe(1);
    expect(written.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(printed.stdout);
    expect(readdirSync(join(dir, 'reports', '2024'))).toEqual(['findings.json']);
    expect(existsSync(`${out}.tmp`)).toBe(false);
  });
});
