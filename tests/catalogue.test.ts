import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, editedPack, ROOT, tempDir } from './helpers';

/** The catalogue's JSON (docs/catalogue.md), as much of it as the tests read. */
interface CatalogueJson {
  tool: { name: string; version: string };
  packs: { id: string; version: string; sha256: string; title: { zh: string; en: string }; document_number: string }[];
  scope: { level: string | null; year: number | null };
  rules: {
    id: string;
    pack: string;
    title: { zh: string; en: string };
    citation: { document: string; document_number: string; clause: string; quote: string };
    chapter: { number: string; title: { zh: string; en: string } } | null;
    levels: string[];
    years: { from: number; to: number };
    kind: string;
    requirement: { zh: string; en: string };
    fields: { path: string; label: { zh: string; en: string }; shape: string; example: string | null; only_when_applies: boolean; choices: { value: string; zh: string }[] | null }[];
    statuses: string[];
  }[];
}

async function catalogueJson(...args: string[]): Promise<CatalogueJson> {
  const run = await cli('rules', '--format', 'json', ...args);
  expect(run.status).toBe(0);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as CatalogueJson;
}

const ids = (catalogue: CatalogueJson): string[] => catalogue.rules.map((r) => r.id);
const SOURCE = readFileSync(join(ROOT, 'rules', 'hunan-hrss-2022-2025', 'source.txt'), 'utf8').normalize('NFKC');

describe('plancheck rules: the catalogue of targets', () => {
  test('every rule of the pack, in its order, each with its clause, verbatim quote, levels, requirement and fields', async () => {
    const all = await catalogueJson();
    const pack = readFileSync(join(ROOT, 'rules', 'hunan-hrss-2022-2025', 'pack.yaml'), 'utf8');
    const packIds = [...pack.matchAll(/^  - id: (\S+)$/gm)].map((m) => m[1]);
    expect(ids(all)).toEqual(packIds);
    expect(all.scope).toEqual({ level: null, year: null });
    expect(all.packs.map((p) => p.id)).toEqual(['hunan-hrss-fazhi-2022-2025']);
    for (const rule of all.rules) {
      expect(SOURCE).toContain(rule.citation.quote.normalize('NFKC'));
      expect(rule.citation.document).toBe('《湖南省人力资源和社会保障法治建设实施方案(2022—2025年)》');
      expect(rule.requirement.zh).not.toBe('');
      expect(rule.chapter).not.toBeNull();
      expect(rule.fields.length).toBeGreaterThan(0);
      for (const field of rule.fields) expect(field.label.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    const online = all.rules.find((r) => r.id === 'HN-07-online-handling-rate');
    expect(online).toMatchObject({
      citation: { clause: '(七)', quote: '市县级人社服务事项网上可办率不低于90%' },
      levels: ['city', 'county'],
      kind: 'threshold',
      requirement: { zh: '≥ 90%', en: '≥ 90%' },
      chapter: { number: '二' },
      fields: [{ path: 'services.online_handling_rate', label: { zh: '网上可办率' }, shape: 'rate', only_when_applies: false }],
    });
    expect(online?.fields[0].example).toMatch(/%$/);
    // A record list and the fields of its records, each with the list's label; a lawful ground is only where it applies.
    const disclosure = all.rules.find((r) => r.id === 'HN-16-disclosure-7-workdays');
    expect(disclosure?.fields.map((f) => f.path)).toEqual(['enforcement.decisions', 'enforcement.decisions[].type', 'enforcement.decisions[].decided_on', 'enforcement.decisions[].published_on', 'enforcement.decisions[].withheld_under']);
    expect(disclosure?.fields.find((f) => f.path.endsWith('withheld_under'))?.only_when_applies).toBe(true);
    expect(disclosure?.fields.find((f) => f.path.endsWith('type'))?.choices?.map((c) => c.value)).toEqual(expect.arrayContaining(['licensing', 'penalty']));
    expect(disclosure?.requirement.zh).toBe('每条记录 ≤ 7 个工作日');
    // The rule's own field (not applicable when there were no named bad reviews) is a field it reads.
    expect(all.rules.find((r) => r.id === 'HN-07-bad-review-followup')?.fields.map((f) => f.path)).toEqual(['services.bad_review_followup_rate', 'services.named_bad_reviews']);
    // A due year is part of the requirement.
    expect(all.rules.find((r) => r.id === 'HN-20-gold-mediation-orgs')?.requirement.zh).toContain('2025 年底前');
  });

  test('--level county lists only what applies to a county: no province-only target', async () => {
    const county = await catalogueJson('--level', 'county');
    expect(county.scope).toEqual({ level: 'county', year: null });
    expect(ids(county)).not.toContain('HN-20-gold-mediation-orgs');
    expect(ids(county)).toContain('HN-07-online-handling-rate');
    expect(county.rules.every((r) => r.levels.includes('county'))).toBe(true);
    const province = await catalogueJson('--level', 'province');
    expect(ids(province)).toContain('HN-20-gold-mediation-orgs');
    expect(ids(province)).not.toContain('HN-07-online-handling-rate');
    const all = await catalogueJson();
    expect(county.rules.length + 1).toBe(all.rules.length);
    // The Chinese name of a level is understood too.
    expect(ids(await catalogueJson('--level', '县级'))).toEqual(ids(county));
  });

  test('--year lists what applies in that year: nothing outside the plan\'s 2022–2025', async () => {
    const in2024 = await catalogueJson('--level', 'city', '--year', '2024');
    expect(in2024.scope).toEqual({ level: 'city', year: 2024 });
    expect(in2024.rules.length).toBeGreaterThan(60);
    const after = await catalogueJson('--year', '2026');
    expect(after.rules).toEqual([]);
    const table = await cli('rules', '--year', '2026');
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('没有适用的指标');
  });

  test('the table, in Chinese by default: chapters, rules, quotes, requirements and fields', async () => {
    const run = await cli('rules', '--level', 'county', '--year', '2024');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('指标说明:县级 · 2024 年度 · 共 68 项指标');
    expect(run.stdout).toContain('二、优化部门职能,更好发挥政府作用');
    expect(run.stdout).toContain('  HN-07-online-handling-rate  人社服务事项网上可办率  [重要]');
    expect(run.stdout).toContain('原文:“市县级人社服务事项网上可办率不低于90%”');
    expect(run.stdout).toContain('适用:市级、县级 · 要求:≥ 90%');
    expect(run.stdout).toContain('填写:services.online_handling_rate 网上可办率(比率');
    expect(run.stdout).not.toContain('HN-20-gold-mediation-orgs');
    const en = await cli('rules', '--level', 'county', '--lang', 'en');
    expect(en.stdout).toContain('Catalogue of targets: county · all years · 68 targets');
    expect(en.stdout).toContain('applies to: city, county · required: ≥ 90%');
  });

  test('the Markdown: a GitHub table per chapter', async () => {
    const run = await cli('rules', '--level', 'county', '--format', 'markdown');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^# 指标说明\n/);
    expect(run.stdout).toContain('## 二、优化部门职能,更好发挥政府作用');
    expect(run.stdout).toContain('| 编号 | 指标 | 出处与原文 | 适用层级 | 要求 | 填写字段 | 示例 | 严重程度 |');
    const rows = run.stdout.split('\n').filter((line) => /^\| HN-/.test(line));
    expect(rows).toHaveLength(68);
    expect(rows.find((row) => row.includes('HN-07-online-handling-rate'))).toContain('≥ 90%');
  });

  test('the HTML stands alone and prints on A4: one table per chapter, header repeated, no row cut, nothing fetched', async () => {
    const out = join(tempDir(), '指标说明.html');
    const run = await cli('rules', '--level', 'county', '--year', '2024', '--format', 'html', '--out', out);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('table.catalogue thead { display: table-header-group; }');
    expect(html).toContain('table.catalogue tr { break-inside: avoid; page-break-inside: avoid; }');
    expect(html).not.toMatch(/<script|<link|src=|href="http/);
    const json = await catalogueJson('--level', 'county', '--year', '2024');
    const chapters = new Set(json.rules.map((r) => r.chapter?.number));
    expect(html.match(/<section class="chapter">/g)).toHaveLength(chapters.size);
    expect(html.match(/<table class="catalogue">/g)).toHaveLength(chapters.size);
    const rows = [...html.matchAll(/<tr id="([^"]+)" data-rule="\1" data-levels="[^"]*">/g)].map((m) => m[1]);
    expect(rows).toEqual(ids(json));
    expect(html).toContain('<span class="quote">市县级人社服务事项网上可办率不低于90%</span>');
    expect(html).toContain(json.packs[0].sha256);
  });

  test('the same command gives the same bytes, in every format', async () => {
    for (const format of ['table', 'json', 'markdown', 'html']) {
      const first = await cli('rules', '--level', 'city', '--format', format);
      const second = await cli('rules', '--level', 'city', '--format', format);
      expect(second.stdout).toBe(first.stdout);
    }
  });

  test('a wrong level or year, or a pack that cannot be read, exits 2 with a Chinese message', async () => {
    const level = await cli('rules', '--level', 'township');
    expect(level.status).toBe(2);
    expect(level.stdout).toBe('');
    expect(level.stderr).toBe('plancheck: 命令行有误:层级“township”无效(应为:province(省级)、city(市级)或 county(县级))\n');
    const year = await cli('rules', '--year', '二〇二四');
    expect(year.status).toBe(2);
    expect(year.stderr).toContain('年度“二〇二四”无效');
    const pack = editedPack((text) => text.replace('quote: 市县级人社服务事项网上可办率不低于90%', 'quote: 市县级人社服务事项网上可办率不低于95%'));
    const broken = await cli('rules', '--pack', pack);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('pack.yaml');
  });

  test('a catalogue is never written over an input: the pack it reads', async () => {
    const pack = join(ROOT, 'rules', 'hunan-hrss-2022-2025', 'pack.yaml');
    const before = readFileSync(pack, 'utf8');
    const run = await cli('rules', '--out', pack);
    expect(run.status).toBe(2);
    expect(readFileSync(pack, 'utf8')).toBe(before);
  });
});

/** `explain --format json`, as much as the tests read. */
interface ExplainJson {
  rule: CatalogueJson['rules'][number];
  sentence: { before: string; quote: string; after: string };
  statuses: { status: string; when: { zh: string; en: string } }[];
}

async function explainJson(id: string): Promise<ExplainJson> {
  const run = await cli('explain', id, '--format', 'json');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as ExplainJson;
}

describe('plancheck explain: one rule in full', () => {
  test('a threshold: the quote marked in its whole sentence, its chapter, the check, the field, each status and when', async () => {
    const run = await cli('explain', 'HN-07-online-handling-rate');
    expect(run.status).toBe(0);
    const text = run.stdout;
    expect(text).toContain('【市县级人社服务事项网上可办率不低于90%】;除对场地有特殊要求的事项外,人社服务事项进驻政务服务机构基本实现“应进必进”,且80%以上实现“一窗”分类受理。');
    expect(text).toContain('(七)(湘人社发〔2022〕51号)');
    expect(text).toContain('所在章节:二、优化部门职能,更好发挥政府作用');
    expect(text).toContain('检查类型:一个数值与目标值精确比较');
    expect(text).toContain('要求:≥ 90%');
    expect(text).toContain('services.online_handling_rate 网上可办率');
    expect(text).toContain('缺数据:所需字段未填写(网上可办率)');
    expect(text).toContain('不适用:单位不是市级、县级单位;或报告年度不在 2022—2025 年内');
    expect(text).toContain('适用层级:市级、县级');
    // Not a yearly count and no due day: it cannot be pending.
    expect(text).not.toContain('  待到期:');
    // Chinese output holds no kind or status codes.
    expect(text).not.toMatch(/threshold|missing_data|not_applicable/);
  });

  test('the sentence is the source\'s own text around the quote, within the item the rule cites', async () => {
    for (const id of ['HN-07-one-window-rate', 'HN-12-comment-period', 'HN-26-proactive-disclosure', 'HN-23-contact-village']) {
      const { sentence, rule } = await explainJson(id);
      expect(sentence.quote).toBe(rule.citation.quote.normalize('NFKC'));
      expect(SOURCE).toContain(`${sentence.before}${sentence.quote}${sentence.after}`);
      expect(sentence.before).not.toMatch(/[。!?]/);
      expect(sentence.after.slice(0, -1)).not.toMatch(/[。!?]/);
    }
  });

  test('a per-record rule: every procedure\'s field, the lawful ground only where it applies, and when it fails', async () => {
    const { rule, statuses } = await explainJson('HN-12-legal-procedures');
    expect(rule.kind).toBe('every_record');
    expect(rule.fields.map((f) => f.path)).toEqual(expect.arrayContaining(['major_decisions.items', 'major_decisions.items[].initiation', 'major_decisions.items[].public_consultation', 'major_decisions.items[].withheld_under']));
    expect(rule.fields.find((f) => f.path === 'major_decisions.items[].withheld_under')?.only_when_applies).toBe(true);
    expect(statuses.map((s) => s.status)).toEqual(['pass', 'fail', 'missing_data', 'not_applicable']);
    expect(statuses.find((s) => s.status === 'fail')?.when.zh).toBe('至少有一条记录不符合要求;报告逐条列出这些记录');
    expect(statuses.find((s) => s.status === 'not_applicable')?.when.zh).toContain('记录列表填写为 []');
  });

  test('a milestone, a due date and a comment period say when they fall due and when they warn', async () => {
    const gold = await cli('explain', 'HN-20-gold-mediation-orgs');
    expect(gold.stdout).toContain('要求:≥ 300;须于 2025 年底前达到');
    expect(gold.stdout).toContain('适用层级:省级');
    expect(gold.stdout).toContain('待到期:尚未达到,但在数据截止日(as_of)时尚未到期:须于 2025 年底前达到');
    // The pack's readings are written in English: shown in English, kept out of the Chinese text.
    expect(gold.stdout).not.toContain('is a number for the whole province');
    expect((await cli('explain', 'HN-20-gold-mediation-orgs', '--lang', 'en')).stdout).toContain('打造300家 is a number for the whole province');
    const report = await explainJson('HN-30-annual-report-published');
    expect(report.rule.requirement.zh).toBe('是;不晚于报告年度的次年 3 月 31 日;此前未完成的,记为待到期');
    expect(report.statuses.map((s) => s.status)).toContain('pending');
    const period = await explainJson('HN-12-comment-period');
    expect(period.rule.requirement.zh).toBe('每条记录 ≥ 30 日');
    expect(period.statuses.find((s) => s.status === 'warn')?.when.zh).toContain('已说明理由');
  });

  test('Markdown and English', async () => {
    const md = await cli('explain', 'HN-16-disclosure-7-workdays', '--format', 'markdown');
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^# HN-16-disclosure-7-workdays 许可、处罚决定7个工作日内公开\n/);
    expect(md.stdout).toContain('## 读取的字段');
    const en = await cli('explain', 'HN-16-disclosure-7-workdays', '--lang', 'en');
    expect(en.stdout).toContain('How it is checked');
    expect(en.stdout).toContain('required: every record ≤ 7 working days');
    expect(en.stdout).toContain('pending (pending): a record is not yet due');
  });

  test('an unknown rule id exits 2 with a Chinese message naming the closest ids', async () => {
    const typo = await cli('explain', 'HN-07-online-handlng-rate');
    expect(typo.status).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toBe('plancheck: 命令行有误:没有编号为 HN-07-online-handlng-rate 的规则;是不是 HN-07-online-handling-rate?(应为:规则包中的规则编号,如 HN-07-online-handling-rate)\n');
    const prefix = await cli('explain', 'HN-12');
    expect(prefix.status).toBe(2);
    expect(prefix.stderr).toContain('是不是 HN-12-decision-catalog、HN-12-legal-procedures、HN-12-public-participation');
    const nothing = await cli('explain', 'XYZ');
    expect(nothing.stderr).toContain('用 plancheck rules 可列出全部规则编号');
    const missing = await cli('explain');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('缺少规则编号');
  });

  test('the same command gives the same bytes', async () => {
    for (const format of ['table', 'json', 'markdown']) {
      const first = await cli('explain', 'HN-12-legal-procedures', '--format', format);
      expect((await cli('explain', 'HN-12-legal-procedures', '--format', format)).stdout).toBe(first.stdout);
    }
  });
});
