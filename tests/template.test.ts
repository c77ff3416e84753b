import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { schemaFieldsOf } from '../src/intake/schema-labels';
import { checkJson, cli, ROOT, tempDir, writeTemp } from './helpers';

const FIELDS = schemaFieldsOf('submission.schema.json');
const LEVELS = ['province', 'city', 'county'] as const;
const YEARS = [2023, 2025];

async function templateText(level: string, year: number, ...args: string[]): Promise<string> {
  const out = join(tempDir(), `模板-${level}-${year}.yaml`);
  const run = await cli('template', '--level', level, '--year', String(year), '--out', out, ...args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return readFileSync(out, 'utf8');
}

/** A key line of YAML: its indentation, whether it is a list entry (`- key:`), its key and what follows the colon. */
const KEY_LINE = /^(\s*)(- )?([a-z_]+):(.*)$/;

/** A key line's general path, from the keys above it (`stack`, updated): a list's records are `[]`. */
function pathOf(stack: { column: number; path: string }[], match: RegExpExecArray): string {
  const [, indent, dash, key] = match;
  const column = indent.length + (dash ? 2 : 0);
  while (stack.length > 0 && stack[stack.length - 1].column >= column) stack.pop();
  const parent = stack[stack.length - 1]?.path ?? '';
  const path = parent === '' ? key : FIELDS.get(`${parent}[]`) ? `${parent}[].${key}` : `${parent}.${key}`;
  stack.push({ column, path });
  return path;
}

/** What a person writes for each field, by its general path and kind: values that make a consistent submission. */
function valueFor(path: string, year: number): string | undefined {
  const byPath: Record<string, string> = {
    'bureau.name': '示例县人力资源和社会保障局',
    'bureau.region_code': '"439921"',
    as_of: `${year + 1}-03-31`,
    'leadership.annual_report_published_on': `${year + 1}-03-20`,
    'enforcement.decisions[].id': 'ZF-1',
    'enforcement.decisions[].type': 'penalty',
    'enforcement.decisions[].decided_on': `${year}-03-01`,
    'enforcement.decisions[].published_on': `${year}-03-05`,
    'major_decisions.items[].id': 'JC-1',
    'major_decisions.items[].public_consultation.from': `${year}-03-01`,
    'major_decisions.items[].public_consultation.to': `${year}-04-15`,
    'normative_documents.items[].id': 'WJ-1',
    'functions.new_certification_items[].name': '就业困难人员认定证明',
    'functions.new_certification_items[].legal_basis': '《中华人民共和国就业促进法》第五十二条',
    'functions.new_certification_items[].legal_basis_kind': 'law',
  };
  if (byPath[path] !== undefined) return byPath[path];
  switch (FIELDS.get(path)?.kind) {
    case 'flag':
      return 'true';
    case 'count':
      return '1';
    case 'rate':
      return '"100%"';
    case 'date':
      return `${year}-06-30`;
    case 'text':
      return '示例';
    default:
      return undefined;
  }
}

/**
 * Fills in a template's text as a person would: each empty value written after its colon, each list's example record
 * taken out of its comments (the leading "# " removed) and its values written over. Fields the rules read only where
 * they apply (a lawful ground for withholding, a reason for a shortened period) stay empty.
 */
function fillIn(text: string, year: number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  const stack: { column: number; path: string }[] = [];
  let uncommentAt: string | undefined;
  for (const raw of lines) {
    // A list's example record: its lines are comments at the list's indentation, "# " before the record.
    let line = raw;
    if (uncommentAt !== undefined && line.startsWith(`${uncommentAt}# `) && /^\s*(- )?[a-z_]+:/.test(line.slice(uncommentAt.length + 2))) {
      line = `${uncommentAt}${line.slice(uncommentAt.length + 2)}`;
    } else if (uncommentAt !== undefined && !line.trimStart().startsWith('#')) {
      uncommentAt = undefined;
    }
    const match = KEY_LINE.exec(line);
    if (!match || line.trimStart().startsWith('#')) {
      out.push(line);
      continue;
    }
    const [, indent, dash, key, rest] = match;
    const path = pathOf(stack, match);
    const comment = rest.includes('#') ? rest.slice(rest.indexOf('#')) : '';
    const written = rest.replace(/#.*$/, '').trim();
    if (FIELDS.get(`${path}[]`)) uncommentAt = indent;
    const value = written === '' && /仅在适用时填写|only where it applies/.test(comment) ? undefined : valueFor(path, year);
    out.push(value === undefined || (written !== '' && (path === 'year' || path === 'bureau.level')) ? line : `${indent}${dash ?? ''}${key}: ${value}${comment ? `  ${comment}` : ''}`);
  }
  return out.join('\n');
}

describe('plancheck template: a blank submission for a level and a year', () => {
  test('the $schema line first, then the header; the level and year filled in, every other value empty', async () => {
    const dir = tempDir();
    const out = join(dir, 'sub', '模板.yaml');
    const run = await cli('template', '--level', 'county', '--year', '2024', '--out', out);
    expect(run.status).toBe(0);
    const text = readFileSync(out, 'utf8');
    const first = text.split('\n')[0];
    // Relative to the folder the template is written to, as the YAML language server reads it.
    expect(first).toBe(`# yaml-language-server: $schema=${relative(join(dir, 'sub'), join(ROOT, 'schemas', 'submission.schema.json'))}`);
    expect(text).toContain('# 法治人社建设年度数据报送模板:县级 · 2024 年度');
    expect(text).toContain('  level: county\n');
    expect(text).toContain('\nyear: 2024\n');
    expect(text).toMatch(/\n {2}name:\n/);
    expect(text).toMatch(/\nas_of:\n/);
    // Every field has its label and how to write it above it; a field a rule reads names the clause and requirement.
    expect(text).toContain('  # 网上可办率\n  #   本字段用于:(七) HN-07-online-handling-rate 人社服务事项网上可办率:要求 ≥ 90%\n  #   写法:');
    expect(text).toMatch(/\n {2}online_handling_rate:\n/);
    // A record list: empty (not filled in), not [], with one commented example record under it.
    expect(text).toMatch(/\n {2}decisions:\n {2}# {3}- id: /);
    expect(text).toContain('  #     decided_on: 2024-');
    expect(text).not.toMatch(/: \[\]/);
    // Nothing a county's rules do not read: the province's gold mediation organisations.
    expect(text).not.toContain('gold_mediation_orgs');
    const province = await templateText('province', 2024);
    expect(province).toContain('gold_mediation_orgs:');
    expect(province).not.toContain('online_handling_rate:');
  });

  test('it holds every field the applicable rules read, and nothing else', async () => {
    const catalogue = JSON.parse((await cli('rules', '--level', 'city', '--year', '2023', '--format', 'json')).stdout) as { rules: { fields: { path: string }[] }[] };
    const read = new Set(catalogue.rules.flatMap((r) => r.fields.map((f) => f.path)));
    const text = await templateText('city', 2023);
    const written = new Set<string>();
    const stack: { column: number; path: string }[] = [];
    for (const raw of text.split('\n')) {
      // Commented example records count as written: they are how a record's fields are asked for.
      const line = raw.replace(/^(\s*)# (\s*(- )?[a-z_]+:)/, '$1$2');
      const match = KEY_LINE.exec(line);
      if (!match || line.trimStart().startsWith('#')) continue;
      written.add(pathOf(stack, match));
    }
    for (const path of read) expect(written).toContain(path);
    const basic = ['bureau.name', 'bureau.level', 'bureau.region_code', 'year', 'as_of'];
    const required = ['major_decisions.items[].id', 'normative_documents.items[].id', 'enforcement.decisions[].id', 'enforcement.decisions[].type', 'enforcement.decisions[].decided_on', 'functions.new_certification_items[].name', 'major_decisions.items[].public_consultation.from', 'major_decisions.items[].public_consultation.to'];
    const leaves = [...written].filter((path) => FIELDS.get(path)?.kind !== undefined || FIELDS.get(`${path}[]`) !== undefined || path === 'as_of' || path.startsWith('bureau.'));
    for (const path of leaves) expect([...read, ...basic, ...required]).toContain(path);
  });

  test.each(LEVELS.flatMap((level) => YEARS.map((year) => [level, year] as const)))('%s %i: unfilled it gives only missing data and not applicable (exit 3); filled in it validates and evaluates', async (level, year) => {
    const text = await templateText(level, year);
    const blank = writeTemp('空白.yaml', text);
    const unfilled = await checkJson([blank]);
    expect(unfilled.submissions[0].error).toBeNull();
    expect(unfilled.status).toBe(3);
    const findings0 = unfilled.submissions[0].findings;
    expect([...new Set(findings0.map((f) => f.status))].sort()).toEqual(['missing_data', 'not_applicable']);
    // Not applicable are exactly the rules the catalogue of this level and year leaves out; all else lacks data.
    const inScope = (JSON.parse((await cli('rules', '--level', level, '--year', String(year), '--format', 'json')).stdout) as { rules: { id: string }[] }).rules.map((r) => r.id);
    expect(findings0.filter((f) => f.status === 'missing_data').map((f) => f.rule)).toEqual(inScope);
    expect(unfilled.submissions[0].summary.pass).toBe(0);
    // The table says what is missing, and that the bureau's name is not filled in yet.
    const table = await cli('check', blank);
    expect(table.status).toBe(3);
    expect(table.stdout).toContain('⚠ 单位名称未填写');
    expect(table.stdout).toContain('资料不全');

    const filledText = fillIn(text, year);
    const filled = writeTemp('填好.yaml', filledText);
    const result = await checkJson([filled]);
    expect(result.submissions[0].error).toBeNull();
    expect([0, 1]).toContain(result.status);
    const findings = result.submissions[0].findings;
    expect(findings.filter((f) => f.status === 'missing_data')).toEqual([]);
    expect(findings.filter((f) => f.status === 'pass').length).toBeGreaterThan(50);
  });

  test('an empty list is "not filled in" (missing data); [] is "none this year" (not applicable)', async () => {
    const year = 2024;
    const text = fillIn(await templateText('county', year), year);
    // Take the records out again, as a bureau with no enforcement decision this year would.
    const lines = text.split('\n');
    const at = lines.indexOf('  decisions:');
    const end = lines.findIndex((line, i) => i > at && !/^ {4}|^ {2}#/.test(line));
    const kept = [...lines.slice(0, at + 1), ...lines.slice(end)];
    const empty = writeTemp('empty-list.yaml', kept.join('\n'));
    const rule = (findings: { rule: string; status: string }[]): string | undefined => findings.find((f) => f.rule === 'HN-16-disclosure-7-workdays')?.status;
    const notFilled = await checkJson([empty]);
    expect(rule(notFilled.submissions[0].findings)).toBe('missing_data');
    kept[at] = '  decisions: []';
    const none = writeTemp('none.yaml', kept.join('\n'));
    const noneThisYear = await checkJson([none]);
    expect(rule(noneThisYear.submissions[0].findings)).toBe('not_applicable');
  });

  test('a blank value never passes: one blank flag among filled ones is missing data; a name left out entirely is still refused', async () => {
    const year = 2024;
    const filled = fillIn(await templateText('city', year), year);
    const oneBlank = writeTemp('one-blank.yaml', filled.replace(/\n {2}power_list_published: true/, '\n  power_list_published:'));
    const { submissions } = await checkJson([oneBlank]);
    expect(submissions[0].findings.find((f) => f.rule === 'HN-04-power-list-published')?.status).toBe('missing_data');
    const tilde = writeTemp('tilde.yaml', filled.replace(/\n {2}power_list_published: true/, '\n  power_list_published: ~'));
    expect((await checkJson([tilde])).submissions[0].findings.find((f) => f.rule === 'HN-04-power-list-published')?.status).toBe('missing_data');
    const named = writeTemp('no-name.yaml', filled.replace(/\n {2}name: [^\n]*/, ''));
    const refused = await checkJson([named]);
    expect(refused.status).toBe(2);
    expect(refused.submissions[0].error?.message.zh).toContain('单位名称');
    const blankLevel = writeTemp('no-level.yaml', filled.replace(/\n {2}level: city/, '\n  level:'));
    expect((await checkJson([blankLevel])).status).toBe(2);
  });

  test('English comments with --lang en; the same command gives the same bytes; a wrong level or year exits 2', async () => {
    const en = await templateText('county', 2024, '--lang', 'en');
    expect(en).toContain('# Template of a rule-of-law submission: county · 2024');
    expect(en).not.toContain('# 填写方法');
    const a = await cli('template', '--level', 'county', '--year', '2024');
    const b = await cli('template', '--level', 'county', '--year', '2024');
    expect(a.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(a.stdout.split('\n')[0]).toBe(`# yaml-language-server: $schema=${relative(process.cwd(), join(ROOT, 'schemas', 'submission.schema.json'))}`);
    const badLevel = await cli('template', '--level', '县城', '--year', '2024');
    expect(badLevel.status).toBe(2);
    expect(badLevel.stderr).toContain('层级“县城”无效');
    const outside = await cli('template', '--level', 'county', '--year', '2026');
    expect(outside.status).toBe(2);
    expect(outside.stdout).toBe('');
    expect(outside.stderr).toBe('plancheck: 命令行有误:没有适用于县级单位 2026 年度的指标:规则包适用于 2022—2025 年度(应为:规则包适用年度内的年度,如 2025)\n');
    const noYear = await cli('template', '--level', 'county');
    expect(noYear.status).toBe(2);
    expect(noYear.stderr).toContain('缺少必需的选项 --year');
    const format = await cli('template', '--level', 'county', '--year', '2024', '--format', 'pdf');
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('可选:yaml、xlsx');
    // A workbook is bytes: it needs a file, not the terminal.
    const workbook = await cli('template', '--level', 'county', '--year', '2024', '--format', 'xlsx');
    expect(workbook.status).toBe(2);
    expect(workbook.stdout).toBe('');
    expect(workbook.stderr).toBe('plancheck: 命令行有误:工作簿不能显示在终端上:请用 --out 指定要写入的文件(应为:--out 文件名.xlsx)\n');
  });

  test('a template is written whole to --out and never over an input', async () => {
    const dir = tempDir();
    const target = join(dir, 'old.yaml');
    writeFileSync(target, 'old');
    const run = await cli('template', '--level', 'city', '--year', '2024', '--out', target);
    expect(run.status).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/^# yaml-language-server/);
    const pack = join(ROOT, 'rules', 'hunan-hrss-2022-2025', 'pack.yaml');
    const before = readFileSync(pack, 'utf8');
    expect((await cli('template', '--level', 'city', '--year', '2024', '--out', pack)).status).toBe(2);
    expect(readFileSync(pack, 'utf8')).toBe(before);
  });
});
