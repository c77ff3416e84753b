import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fieldLabel } from '../src/submission/field-labels';
import { checkJson, cli, findingOf, ROOT, SPEC_EXAMPLE, writeTemp } from './helpers';

/** The messages a county clerk meets while filling in a submission (audit user-trial-2026-12, §1.3 and §1.4). */

const HEAD = ['bureau:', '  name: 湘溪县人力资源和社会保障局', '  level: county', 'year: 2024'];

interface Place {
  line: number;
  column: number;
}

interface JsonProblem {
  line?: number;
  column?: number;
  field?: string;
  message: { zh: string; en: string };
  expected?: { zh: string; en: string };
}

/** A submission from lines; `HEAD` first unless the lines replace it. */
function file(lines: string[], head = HEAD): string {
  return writeTemp('报送.yaml', [...head, ...lines, ''].join('\n'));
}

/** The place of `needle` on line `line` (1-based) of a file, found in the text, so a test states where it points. */
function at(path: string, line: number, needle: string): Place {
  const text = readFileSync(path, 'utf8').split('\n')[line - 1];
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" is not on line ${line}: ${text}`);
  return { line, column: index + 1 };
}

// What a Chinese message must not hold: JSON type names, Ajv's words, a regex.
const NOT_FOR_A_CLERK = /\b(string|integer|number|boolean|object|array|null|pattern|format|must|should|required|allowed)\b|\^\[|\{\d+\}\$|应当是|应当匹配|类型/;

/**
 * Runs the file in both languages and proves one problem: its place "第 N 行第 M 列", its Chinese and English
 * message, exit status 2, an `expected` in both languages, and no JSON type name or regex in the Chinese.
 */
async function expectProblem(path: string, place: Place, zh: string, en: string): Promise<JsonProblem> {
  const table = await cli('check', path);
  expect(table.status).toBe(2);
  expect(table.stdout).toContain(`第 ${place.line} 行第 ${place.column} 列: ${zh}`);
  const english = await cli('check', path, '--lang', 'en');
  expect(english.status).toBe(2);
  expect(english.stdout).toContain(`line ${place.line}, column ${place.column}: ${en}`);
  const { status, submissions } = await checkJson([path]);
  expect(status).toBe(2);
  const problems = (submissions[0].error?.problems ?? []) as JsonProblem[];
  for (const problem of problems) {
    expect(problem.expected?.zh).toBeTruthy();
    expect(problem.expected?.en).toBeTruthy();
    expect(problem.message.zh).not.toMatch(NOT_FOR_A_CLERK);
    expect(problem.expected?.zh).not.toMatch(NOT_FOR_A_CLERK);
  }
  const found = problems.find((p) => p.line === place.line && p.column === place.column && p.message.zh.includes(zh));
  expect(found).toBeDefined();
  expect(found?.message.en).toContain(en);
  return found as JsonProblem;
}

describe('a wrong value is named by its Chinese label and says what to write instead', () => {
  test('level: 县 → 县级请写 county; the allowed values show their meaning', async () => {
    const path = file([], ['bureau:', '  name: 湘溪县人力资源和社会保障局', '  level: 县', 'year: 2024']);
    const problem = await expectProblem(path, at(path, 3, '县'), '单位层级写了“县”:县级请写 county', 'Level: "县" means county; write county');
    expect(problem.field).toBe('bureau.level');
    expect(problem.expected?.zh).toBe('province(省级)、city(市级)、county(县级) 之一');
  });

  test('type: 行政处罚 → 行政处罚请写 penalty', async () => {
    const path = file(['enforcement:', '  decisions:', '    - id: A1', '      type: 行政处罚', '      decided_on: 2024-03-01']);
    const problem = await expectProblem(path, at(path, 8, '行政处罚'), '执法决定第 1 条的决定类别写了“行政处罚”:行政处罚请写 penalty', 'Enforcement decision 1, type: "行政处罚" means penalty; write penalty');
    expect(problem.expected?.zh).toContain('penalty(行政处罚)');
  });

  test('region_code: 431099 without quotes → 请加引号', async () => {
    const path = file([], ['bureau:', '  name: 湘溪县人力资源和社会保障局', '  level: county', '  region_code: 431099', 'year: 2024']);
    await expectProblem(path, at(path, 4, '431099'), '行政区划代码请加引号,写成 "431099"', 'Region code: put it in quotes: "431099"');
  });

  test('region_code: "43109" → 6 位数字, in words, not a regex', async () => {
    const path = file([], ['bureau:', '  name: 湘溪县人力资源和社会保障局', '  level: county', '  region_code: "43109"', 'year: 2024']);
    await expectProblem(path, at(path, 4, '"43109"'), '行政区划代码应为 6 位数字,如 "431099"', 'Region code: write 6 digits, such as "431099"');
  });

  test('year: 2024年 → 写成 4 位数字', async () => {
    const path = file([], ['bureau:', '  name: 湘溪县人力资源和社会保障局', '  level: county', 'year: 2024年']);
    await expectProblem(path, at(path, 4, '2024年'), '报告年度写成 4 位数字,如 2024', 'Reporting year: write 4 digits, such as 2024');
  });

  test('as_of: 2024年12月10日 → the same date written 2024-12-10', async () => {
    const path = file(['as_of: 2024年12月10日']);
    await expectProblem(path, at(path, 5, '2024年'), '数据截止日“2024年12月10日”请写成 2024-12-10', 'Data compiled on: write "2024年12月10日" as 2024-12-10');
  });

  test.each([
    ['是', '权责清单公开“是”请写成 true(是)', 'write true for "是"'],
    ['yes', '权责清单公开“yes”请写成 true(是)', 'write true for "yes"'],
    ['否', '权责清单公开“否”请写成 false(否)', 'write false for "否"'],
  ])('a flag written %s → true or false, with the space before it', async (written, zh, en) => {
    const path = file(['functions:', `  power_list_published: ${written}`]);
    const problem = await expectProblem(path, at(path, 6, written), zh, `Power and responsibility list published: ${en}`);
    expect(problem.expected?.zh).toBe('true(是)或 false(否)');
  });

  test('95%以上 and ８０％ → 请用半角百分号 %,只写数字; full-width characters are named', async () => {
    const path = file(['services:', '  online_handling_rate: 95%以上', '  one_window_rate: ８０％']);
    await expectProblem(path, at(path, 6, '95%'), '网上可办率“95%以上”含有数字以外的文字:请用半角百分号 %,只写数字,如 "95%"', 'Online handling rate: "95%以上" holds words beside the number');
    await expectProblem(path, at(path, 7, '８'), '“一窗”分类受理率“８０％”用了全角字符:请用半角百分号 %,只写数字,如 "80%"', 'One-window acceptance rate: "８０％" uses full-width characters');
  });

  test('a quoted count "4" → 数字不要加引号; 7次 → 只写数字', async () => {
    const path = file(['training:', '  special_trainings: "4"', '  collective_law_study_sessions: 7次']);
    await expectProblem(path, at(path, 6, '"4"'), '专题培训期数的数字不要加引号,写成 4', 'Special trainings: write the number without quotes: 4');
    await expectProblem(path, at(path, 7, '7次'), '集体学法次数“7次”只写数字,如 7', 'Collective law-study sessions: "7次": write the number only, such as 7');
  });
});

describe('keys: typos, the wrong section, `{value, source}`', () => {
  test('a typo is an unknown field, with the field it most likely meant', async () => {
    const path = file(['services:', '  online_handle_rate: 95%']);
    await expectProblem(path, at(path, 6, 'online_handle_rate'), '行政服务效能中有未知字段 online_handle_rate(是否拼写有误?是不是 online_handling_rate(网上可办率)?)', 'Service efficiency: unknown field online_handle_rate (a typo? did you mean online_handling_rate?)');
  });

  test('budgeted under training says it belongs to leadership', async () => {
    const path = file(['training:', '  budgeted: true']);
    const problem = await expectProblem(path, at(path, 6, 'budgeted'), 'budgeted 不属于依法行政能力:budgeted 属于 leadership(领导与保障),请移到那里', 'Training: budgeted does not belong here: it belongs in leadership (Leadership and support)');
    expect(problem.expected?.zh).toBe('移到 leadership 下');
  });

  test('{ value: 95%, sorce: 台账 } names the unknown key sorce, not the value', async () => {
    const path = file(['services:', '  online_handling_rate: { value: 95%, sorce: 台账 }']);
    const problem = await expectProblem(path, at(path, 6, 'sorce'), '网上可办率中有未知的键 sorce(是不是 source?):带出处的值只能写 value(数值)和 source(出处)', 'Online handling rate: unknown key sorce (did you mean source?)');
    expect(problem.message.zh).not.toContain('95%');
    const { submissions } = await checkJson([path]);
    expect(submissions[0].error?.problems).toHaveLength(1);
  });

  test('a comma that cuts a source short is an error at the cut, advising quotes', async () => {
    const path = file(['services:', '  online_handling_rate: { value: 100%, source: 报告 一、(二)1. 共191条,实施率100% }']);
    const problem = await expectProblem(
      path,
      at(path, 6, '实施率'),
      '网上可办率的出处在逗号处被截断了:逗号后面的“实施率100%”被当成了另一个键。含逗号的文字请整个加引号,写成 source: "报告 一、(二)1. 共191条,实施率100%"',
      'Online handling rate: the source was cut short at a comma, and "实施率100%" after it became a key of its own; put text with a comma in quotes: source: "报告 一、(二)1. 共191条,实施率100%"',
    );
    expect(problem.field).toBe('services.online_handling_rate.source');
  });

  test('a comma in a record\'s text in a flow mapping is caught the same way', async () => {
    const path = file(['enforcement:', '  decisions:', '    - { id: A1, title: 某公司,拖欠工资案, type: penalty, decided_on: 2024-03-01 }']);
    await expectProblem(path, at(path, 7, '拖欠'), '执法决定第 1 条的案件名称在逗号处被截断了', 'Enforcement decision 1: the title was cut short at a comma, and "拖欠工资案" after it became a key of its own; put text with a comma in quotes: title: "某公司,拖欠工资案"');
  });

  test('a blank value still means missing data, not an error', async () => {
    const path = writeTemp('blank.yaml', readFileSync(SPEC_EXAMPLE, 'utf8').replace('  budgeted: true', '  budgeted:'));
    const finding = await findingOf(path, 'HN-31-budget');
    expect(finding.status).toBe('missing_data');
  });
});

describe('YAML slips a clerk can see and fix', () => {
  test('a full-width colon is named, on its line', async () => {
    const path = file(['leadership:', '  annual_report_published: true', '  leading_group：true', '  budgeted: true']);
    await expectProblem(path, at(path, 7, '：'), 'YAML 格式错误:第 7 行用了全角冒号“：”,请改为半角冒号“:”后加空格,写成 leading_group: true', 'YAML syntax error: line 7 has a full-width colon "："; write an ASCII colon and a space: leading_group: true');
  });

  test('a full-width colon that YAML reads as a value is named too', async () => {
    const path = file(['leadership:', '  leading_group：true']);
    await expectProblem(path, at(path, 6, '：'), 'YAML 格式错误:第 6 行用了全角冒号“：”,请改为半角冒号“:”后加空格,写成 leading_group: true', 'YAML syntax error: line 6 has a full-width colon');
  });

  test('an over-indented line is reported once, at that line', async () => {
    const path = file(['functions:', '  power_list_published: true', '    fee_list_published: true', '  approval_items_published: true']);
    await expectProblem(path, at(path, 7, 'fee_list_published'), 'YAML 格式错误:第 7 行缩进多了:上一行的 power_list_published 已经写了值,fee_list_published 应与它左对齐(缩进 2 个空格)', 'YAML syntax error: line 7 is indented too far');
    const { submissions } = await checkJson([path]);
    expect(submissions[0].error?.problems).toHaveLength(1);
  });

  test('a full-width space before a key says to indent with spaces', async () => {
    const path = file(['leadership:', '\u3000budgeted: true']);
    await expectProblem(path, { line: 6, column: 1 }, '报送文件中的“\u3000budgeted”开头是全角空格:缩进请改用半角空格', 'The submission: "\u3000budgeted" starts with a full-width space');
  });
});

describe('the problems of one file come in line order, records counted from 1', () => {
  test('semantic problems are sorted by line and name the record by its number', async () => {
    const path = file([
      'as_of: 2023-06-30',
      'enforcement:',
      '  officers_total: 8',
      '  officers_certified: 9',
      '  decisions:',
      '    - { id: A1, type: penalty, decided_on: 2024-03-01, published_on: 2024-03-04 }',
      '    - { id: A1, type: penalty, decided_on: 2024-03-05, published_on: 2024-03-08 }',
    ]);
    const { status, submissions } = await checkJson([path]);
    expect(status).toBe(2);
    const problems = (submissions[0].error?.problems ?? []) as JsonProblem[];
    const lines = problems.map((p) => p.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(problems.map((p) => p.message.zh)).toEqual(
      expect.arrayContaining([expect.stringContaining('数据截止日 2023-06-30 早于报告年度 2024 的开始'), '持证执法人员数 9 超过执法人员数 8', '执法决定第 2 条的决定书文号 A1 重复(第 1 条已用过)']),
    );
    const table = await cli('check', path);
    expect(table.stdout).toContain(`第 ${at(path, 11, 'A1').line} 行第 ${at(path, 11, 'A1').column} 列: 执法决定第 2 条的决定书文号 A1 重复(第 1 条已用过)`);
  });

  test('the Chinese table names fields in words; the English one adds the path in parentheses', async () => {
    const path = file(['services:', '  online_handling_rate: 95']);
    const zh = await cli('check', path);
    expect(zh.stdout).toContain('网上可办率 95 有歧义');
    expect(zh.stdout).not.toContain('services.online_handling_rate');
    const en = await cli('check', path, '--lang', 'en');
    expect(en.stdout).toContain('Online handling rate: the rate 95 is ambiguous');
    expect(en.stdout).toContain('(services.online_handling_rate)');
  });
});

describe('the schema labels every field', () => {
  interface Node {
    properties?: Record<string, Node & { title?: unknown; 'x-title-en'?: unknown; description?: unknown }>;
    [key: string]: unknown;
  }
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'submission.schema.json'), 'utf8')) as Node;

  /** Every property anywhere in the schema (sections, leaves, records, the `{value, source}` keys), by path. */
  function properties(node: unknown, path: string): [string, Record<string, unknown>][] {
    if (node === null || typeof node !== 'object') return [];
    if (Array.isArray(node)) return node.flatMap((item, i) => properties(item, `${path}[${i}]`));
    const record = node as Record<string, unknown>;
    const own = Object.entries((record.properties ?? {}) as Record<string, Record<string, unknown>>).map(([name, child]) => [`${path}.${name}`, child] as [string, Record<string, unknown>]);
    return [...own, ...Object.entries(record).flatMap(([key, child]) => properties(child, `${path}/${key}`))];
  }

  test('every property has a Chinese title, an English x-title-en and a Chinese description', () => {
    const all = properties(schema, '#');
    expect(all.length).toBeGreaterThan(60);
    const lacking = all.filter(([, node]) => ['title', 'x-title-en', 'description'].some((key) => typeof node[key] !== 'string' || node[key] === ''));
    expect(lacking.map(([path]) => path)).toEqual([]);
    const untranslated = all.filter(([, node]) => !/[\u4e00-\u9fff]/.test(String(node.title)) || !/[\u4e00-\u9fff]/.test(String(node.description)));
    expect(untranslated.map(([path]) => path)).toEqual([]);
  });

  test('labels read on their own, and records are counted from 1', () => {
    expect(fieldLabel('enforcement.decisions[3].published_on', 'zh')).toBe('执法决定第 4 条的公开日期');
    expect(fieldLabel('enforcement.three_systems.publicity', 'zh')).toBe('执法公示制度');
    expect(fieldLabel('major_decisions.items[0].collective_discussion', 'zh')).toBe('重大行政决策第 1 条的集体讨论决定');
    expect(fieldLabel('functions.new_certification_items[1]', 'zh')).toBe('新设证明事项第 2 条');
    expect(fieldLabel('normative_documents.items[0].id', 'en')).toBe('Normative document 1, document number');
    expect(fieldLabel('enforcement.officers_certified', 'zh')).toBe('持证执法人员数');
  });

  test('the start of a comment period is the day the notice is published, not counted (《民法典》第二百零一条)', () => {
    const from = (((((schema.properties?.major_decisions as Node).properties?.items as Node).items as Node).properties?.public_consultation as Node).properties?.from ?? {}) as { description?: string };
    expect(from.description).toContain('征求意见公告发布之日(起算日,不计入期限,见《民法典》第二百零一条)');
  });
});

describe('the command line speaks Chinese unless --lang en is on it', () => {
  test('--help: every command and option in Chinese; in English with --lang en', async () => {
    const zh = await cli('check', '--help');
    expect(zh.status).toBe(0);
    for (const text of ['用法: plancheck check [选项]', '选项:', '显示帮助', '--waivers <文件>']) expect(zh.stdout).toContain(text);
    // The help wraps between Chinese characters at 80 columns: the choices may go on to the next line.
    expect(zh.stdout).toMatch(/输出格式\(可选:table、json、markdown、html、csv、\s*xlsx;默认:\s*table\)/);
    expect(zh.stdout).not.toMatch(/Usage|Options|display help|output format/);
    const top = await cli('--help');
    expect(top.stdout).toContain('命令:');
    expect(top.stdout).toContain('review [选项] <报送文件夹...>');
    const en = await cli('check', '--help', '--lang', 'en');
    expect(en.stdout).toContain('Usage: plancheck check [options] <paths...>');
    expect(en.stdout).toMatch(/output format \(choices: table, json, markdown,\s+html, csv, xlsx, default: table\)/);
  });

  test.each([
    [['check', SPEC_EXAMPLE, '--ot', 'x'], '未知选项 --ot(是不是 --out?)', "unknown option '--ot'\n(Did you mean --out?)"],
    [['chek', SPEC_EXAMPLE], '未知命令 chek(是不是 check?)', "unknown command 'chek'\n(Did you mean check?)"],
    [['check', SPEC_EXAMPLE, '--out'], '选项 --out 后面缺少取值', "option '-o, --out <file>' argument missing"],
    [['review', '--format', 'docx', 'x'], '选项 --format 的取值“docx”无效,可选:table、json、markdown、html、csv、xlsx', "option '-f, --format <format>' argument 'docx' is invalid."],
  ])('%j: commander\'s own error in Chinese, exit 2', async (args, zh, en) => {
    const chinese = await cli(...args);
    expect(chinese.status).toBe(2);
    expect(chinese.stderr).toBe(`plancheck: 命令行有误:${zh}\n`);
    const english = await cli(args[0], '--lang', 'en', ...args.slice(1));
    expect(english.status).toBe(2);
    expect(english.stderr).toContain(`plancheck: command line error: ${en}`);
  });
});
