import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { formModel, type FieldModel, type FormModel, type ItemModel, type ListModel } from '../src/page/form/model';
import { mergeMissing, pathParts, readTyped, remainder, setPath, shownText, unwrapSourced, valueAt, withSource } from '../src/page/form/values';
import { template, type Template } from '../src/run/template';
import { EXAMPLES, readYaml, ROOT } from './helpers';

function templateOf(level: string, year = 2024): Template {
  const outcome = template({ level, year, schemaPath: 'submission.schema.json' });
  if (!outcome.template) throw new Error(`no template for ${level} ${year}`);
  return outcome.template;
}

/** Every scalar of the form (a list's columns under their list's path), with the section it stands in. */
function fieldsOf(model: FormModel): { section: string; field: FieldModel }[] {
  const walk = (items: readonly ItemModel[], section: string): { section: string; field: FieldModel }[] =>
    items.flatMap((item) => ('field' in item ? [{ section, field: item.field }] : 'group' in item ? walk(item.group.items, section) : item.list.columns.map((field) => ({ section, field }))));
  return model.sections.flatMap((section) => walk(section.items, section.title.zh));
}

function listsOf(model: FormModel): ListModel[] {
  return model.entries.flatMap((entry) => ('list' in entry ? [entry.list] : []));
}

/** The template's scalar paths, lists' record fields included: the form must have one field for each, no more. */
function templatePaths(nodes: Template['nodes']): string[] {
  return nodes.flatMap((node) => (node.children.length > 0 ? templatePaths(node.children) : [node.path]));
}

describe('the form model of a template (src/page/form/model.ts)', () => {
  const levels = ['county', 'city', 'province'] as const;

  test.each(levels)('%s 2024: one field per value of the template, in the chapters of the plan, bureau and year first', (level) => {
    const t = templateOf(level);
    const model = formModel(t);
    const fields = fieldsOf(model);
    expect(fields.map((f) => f.field.path).sort()).toEqual(templatePaths(t.nodes).sort());
    expect(model.sections[0].title.zh).toBe('报送单位与年度');
    expect(fields.filter((f) => f.section === '报送单位与年度').map((f) => f.field.path)).toEqual(['bureau.name', 'bureau.level', 'bureau.region_code', 'year', 'as_of']);
    const titles = model.sections.slice(1).map((section) => section.title.zh);
    // The plan's order: 二、…三、…四、 (its chapter numbers), whatever the order of the schema's groups.
    const numbers = ['二', '三', '四', '五', '六', '七', '八', '九', '十'];
    const order = titles.map((title) => numbers.indexOf(title.split('、')[0]));
    expect(order.every((n) => n >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(titles).toContain('五、完善执法体系,严格规范公正执法');
    expect(titles).not.toContain('其他字段');
    // Every field a rule reads stands in that rule's chapter.
    for (const { section, field } of fields) {
      if (field.rules.length === 0 || field.path.includes('[]')) continue;
      const rule = t.nodes.flatMap(function all(node): Template['nodes'] { return [node, ...node.children.flatMap(all)]; }).find((node) => node.path === field.path)?.rules.find((r) => r.chapter);
      expect(section).toBe(`${rule?.chapter?.number}、${rule?.chapter?.title.zh}`);
    }
    // The entries, in which the data is written, are the template's own order.
    const entryPaths = model.entries.map((entry) => ('field' in entry ? entry.field.path : entry.list.path));
    expect(entryPaths.filter((path) => path.startsWith('enforcement.'))[0]).toBe('enforcement.officers_total');
    expect(entryPaths.indexOf('bureau.name')).toBe(0);
  });

  test('each value gets the control of its kind, with the clause and requirement of the rules that read it', () => {
    const t = templateOf('county');
    const model = formModel(t);
    const field = (path: string): FieldModel => {
      const found = [...fieldsOf(model).map((f) => f.field)].find((f) => f.path === path);
      if (!found) throw new Error(path);
      return found;
    };
    expect(field('services.online_handling_rate')).toMatchObject({ kind: 'rate', takesSource: true, label: { zh: '网上可办率' } });
    const [hint] = field('services.online_handling_rate').rules.map((r) => r.text.zh);
    expect(hint.startsWith(t.nodes.find((n) => n.path === 'services')?.children.find((n) => n.path === 'services.online_handling_rate')?.rules[0].clause ?? '?')).toBe(true);
    expect(hint).toContain('网上可办率');
    expect(hint.endsWith('要求 ≥ 90%')).toBe(true);
    expect(field('enforcement.officers_total').kind).toBe('count');
    expect(field('functions.power_list_published')).toMatchObject({ kind: 'flag', takesNotRequired: false });
    expect(field('major_decisions.items[].expert_review')).toMatchObject({ kind: 'flag', takesNotRequired: true, name: 'expert_review', label: { zh: '专家论证' } });
    expect(field('major_decisions.items[].public_consultation.from')).toMatchObject({ kind: 'date', name: 'public_consultation.from' });
    expect(field('enforcement.decisions[].decided_on')).toMatchObject({ kind: 'date', required: true });
    expect(field('enforcement.decisions[].withheld_under')).toMatchObject({ kind: 'text', onlyWhenApplies: true, takesSource: false });
    expect(field('as_of').kind).toBe('date');
    expect(field('year')).toMatchObject({ kind: 'number', prefilled: '2024' });
    expect(field('bureau.region_code').kind).toBe('text');
    expect(field('bureau.level')).toMatchObject({ kind: 'choice', prefilled: 'county' });
    expect(field('bureau.level').choices?.map((c) => c.label.zh)).toEqual(['省级', '市级', '县级']);
    expect(field('enforcement.decisions[].type').choices?.map((c) => c.label.zh)).toEqual(['行政许可', '行政处罚', '行政检查', '其他']);
    // The schema's words about how YAML writes a value are left to the YAML template.
    expect(field('enforcement.decisions[].published_on').note).toBe('决定向社会公开之日;尚未公开的不写此项');
    expect(field('as_of').note).toBe('数据统计截止之日;不填则为报告年度的最后一天');
    for (const { field: f } of fieldsOf(model)) expect(f.note ?? '').not.toMatch(/true|false|\{|引号|写成/);
  });

  test('record lists are tables of their fields, depth first', () => {
    const lists = listsOf(formModel(templateOf('county')));
    expect(lists.map((l) => l.path)).toEqual(['functions.new_certification_items', 'normative_documents.items', 'major_decisions.items', 'enforcement.decisions']);
    const decisions = lists.find((l) => l.path === 'enforcement.decisions');
    expect(decisions?.columns.map((c) => c.name)).toEqual(['id', 'type', 'decided_on', 'published_on', 'withheld_under']);
    const major = lists.find((l) => l.path === 'major_decisions.items');
    expect(major?.columns.map((c) => c.name)).toContain('public_consultation.shortened_reason');
    expect(major?.rules.length).toBeGreaterThan(3);
  });

  test('the province form has the fields only a province fills in', () => {
    const county = fieldsOf(formModel(templateOf('county'))).map((f) => f.field.path);
    const province = fieldsOf(formModel(templateOf('province'))).map((f) => f.field.path);
    expect(province).toContain('disputes.gold_mediation_orgs');
    expect(county).not.toContain('disputes.gold_mediation_orgs');
  });
});

describe('value readings of the form (src/page/form/values.ts)', () => {
  test('a percentage typed with or without its sign is held as the YAML intake holds 93.5%', () => {
    expect(readTyped('rate', '93.5')).toBe('93.5%');
    expect(readTyped('rate', '93.5%')).toBe('93.5%');
    expect(readTyped('rate', ' 100 % ')).toBe('100%');
    expect(readTyped('rate', '93.5%')).toBe('93.5%');
    expect(readTyped('rate', '\uFF19\uFF13\uFF0E\uFF15\uFF05')).toBe('93.5%');
    expect(readTyped('count', '\uFF11\uFF12')).toBe(12);
    expect(readTyped('rate', '九成')).toBe('九成');
    expect(readTyped('rate', '')).toBeUndefined();
    // A ratio loaded from a file (0.85) is shown as its percentage.
    expect(shownText('rate', 0.85)).toBe('85%');
    expect(shownText('rate', 0.935)).toBe('93.5%');
  });

  test('counts and numbers are numbers; what is not one is passed on as typed, for the check to name', () => {
    expect(readTyped('count', '12')).toBe(12);
    expect(readTyped('count', '12')).toBe(12);
    expect(readTyped('count', '1.5')).toBe(1.5);
    expect(readTyped('count', '十二')).toBe('十二');
    expect(readTyped('number', '2024')).toBe(2024);
    expect(readTyped('text', ' 示例县 ')).toBe('示例县');
    expect(readTyped('text', '   ')).toBeUndefined();
    expect(readTyped('date', '2024-03-01')).toBe('2024-03-01');
  });

  test('{ value, source } is taken apart and put together as the submission writes it', () => {
    expect(unwrapSourced({ value: '96.2%', source: '年度报告' })).toEqual({ value: '96.2%', source: '年度报告' });
    expect(unwrapSourced({ value: true })).toEqual({ value: true });
    expect(unwrapSourced({ not_required: '理由' })).toEqual({ value: { not_required: '理由' } });
    expect(unwrapSourced({ value: 1, source: 2 })).toEqual({ value: { value: 1, source: 2 } });
    expect(withSource('85%', ' 台账 ')).toEqual({ value: '85%', source: '台账' });
    expect(withSource('85%', '  ')).toBe('85%');
  });

  test('paths, and what a loaded file holds besides the form’s fields', () => {
    expect(pathParts('enforcement.decisions[2].decided_on')).toEqual(['enforcement', 'decisions', 2, 'decided_on']);
    const data = { bureau: { name: 'x', extra: 1 }, services: { online_handling_rate: '90%' }, empty: {}, year: 2024 };
    expect(valueAt(data, ['bureau', 'name'])).toBe('x');
    expect(valueAt(data, ['bureau', 'name', 'deeper'])).toBeUndefined();
    expect(valueAt({ list: [{ a: 1 }] }, ['list', 0, 'a'])).toBe(1);
    const rest = remainder(data, new Set(['bureau.name', 'services.online_handling_rate', 'year']));
    expect(rest).toEqual({ bureau: { extra: 1 }, empty: {} });
    const out: Record<string, unknown> = {};
    setPath(out, ['bureau', 'name'], 'y');
    mergeMissing(out, rest);
    expect(out).toEqual({ bureau: { name: 'y', extra: 1 }, empty: {} });
    const proto = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    const kept: Record<string, unknown> = {};
    mergeMissing(kept, remainder(proto, new Set()));
    expect(Object.keys(kept)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('every value of the examples, shown in its control, reads back as written (a ratio such as 0.85 excepted: kept as loaded)', () => {
    const files = readdirSync(EXAMPLES).filter((name) => name.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    const model = formModel(templateOf('province'));
    let checked = 0;
    const check = (field: FieldModel, written: unknown): void => {
      const { value } = unwrapSourced(written);
      if (value === undefined || field.kind === 'flag' || field.kind === 'choice') return;
      checked += 1;
      const back = readTyped(field.kind, shownText(field.kind, value));
      if (field.kind === 'rate' && typeof value === 'number') expect(back).toBe(`${Number((value * 100).toPrecision(12))}%`);
      else expect(back).toEqual(value);
    };
    for (const file of files) {
      const data = readYaml(join(EXAMPLES, file));
      for (const entry of model.entries) {
        if ('field' in entry) check(entry.field, valueAt(data, entry.field.path.split('.')));
        else {
          const records = valueAt(data, entry.list.path.split('.'));
          for (const record of Array.isArray(records) ? records : []) for (const column of entry.list.columns) check(column, valueAt(record, column.name.split('.')));
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
  });
});

describe('the form runs in a browser', () => {
  test('bundled for the browser, it holds only pure modules of the lower layers and the form itself', async () => {
    const result = await build({ entryPoints: [join(ROOT, 'src', 'page', 'form', 'index.ts')], bundle: true, platform: 'browser', format: 'iife', write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(result.metafile.inputs).sort();
    expect(inputs.filter((file) => !file.startsWith('src/page/form/'))).toEqual(['src/core/i18n.ts', 'src/intake/xlsx-layout.ts', 'src/pack/chapters.ts']);
    expect(result.outputFiles[0].text).not.toMatch(/require\(["']node:/);
  });
});
