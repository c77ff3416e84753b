/**
 * Extraction of a draft submission from a bureau's narrative annual report (src/intake/extract/): the three real
 * reports against their hand-made answer keys (tests/fixtures/reports/*.answers.yaml), every trap phrase in
 * isolation, Chinese numerals, the bureau/level/year reading, sentence cutting, the phrasings file's errors, and
 * the time one report takes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BUNDLED_PHRASINGS, draftData, extractDraft, loadPhrasings, parsePhrasings, splitClauses, splitSentences, type Draft, type ExtractedValue } from '../src/intake/extract';
import { chineseNumeral, numberValue } from '../src/intake/extract/numerals';
import { DIGESTED_PHRASINGS } from '../src/intake/extract/phrasings';
import { createHash } from 'node:crypto';
import { isInputError } from '../src/intake/problem';
import { ROOT, writeTemp } from './helpers';

const REPORTS = join(ROOT, 'tests', 'fixtures', 'reports');

/** A .txt report's paragraphs as the prose reader gives them: each non-empty line, NFC, whitespace runs one space, trimmed. */
function paragraphsOf(name: string): string[] {
  return readFileSync(join(REPORTS, name), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)
    .map((line) => line.normalize('NFC').replace(/\s+/g, ' ').trim()).filter((line) => line.length > 0);
}

interface KeyEntry { field: string; value: number | string | boolean; paragraphs: number[]; why: string }
interface Trap { field: string; paragraph: number; value?: number | string | boolean; why: string }
interface AnswerKey {
  report: string;
  bureau: { name: string; level: string; paragraph?: number };
  year: number;
  take: KeyEntry[];
  either_way?: KeyEntry[];
  must_not_take: Trap[];
}

const keyOf = (name: string): AnswerKey => parse(readFileSync(join(REPORTS, name.replace(/\.txt$/, '.answers.yaml')), 'utf8')) as AnswerKey;
const fits = (value: ExtractedValue, entry: KeyEntry): boolean => value.path === entry.field && value.value === entry.value && entry.paragraphs.includes(value.paragraph);

/** The recall each report reaches now: the test fails if it falls. */
const RECALL_FLOOR: Record<string, number> = {
  'report-shanghai-municipality-2020.txt': 1,
  'report-xuwen-county-2021.txt': 1,
  'report-wuhan-city-2022.txt': 1,
};

describe('the three real reports against their hand-made answer keys', () => {
  test.each(Object.keys(RECALL_FLOOR))('%s: precision 100%%, no trap taken, recall at its level', (name) => {
    const key = keyOf(name);
    const draft = extractDraft(paragraphsOf(name));
    expect(draft.bureau.name).toBe(key.bureau.name);
    expect(draft.bureau.level).toBe(key.bureau.level);
    expect(draft.year).toBe(key.year);

    const unlisted = draft.values.filter((value) => !key.take.some((entry) => fits(value, entry)) && !(key.either_way ?? []).some((entry) => fits(value, entry)));
    expect(unlisted.map((v) => `${v.path}=${String(v.value)} ¶${v.paragraph}: ${v.text}`)).toEqual([]);
    const trapped = key.must_not_take.filter((trap) => draft.values.some((v) => v.path === trap.field && v.paragraph === trap.paragraph && (trap.value === undefined || v.value === trap.value)));
    expect(trapped).toEqual([]);

    const scored = draft.values.filter((value) => key.take.some((entry) => fits(value, entry)));
    const precision = scored.length / Math.max(1, draft.values.filter((value) => !(key.either_way ?? []).some((entry) => fits(value, entry))).length);
    const recall = key.take.filter((entry) => draft.values.some((value) => fits(value, entry))).length / key.take.length;
    const missed = key.take.filter((entry) => !draft.values.some((value) => fits(value, entry))).map((entry) => entry.field);
    process.stdout.write(`extract ${name}: precision ${(precision * 100).toFixed(0)}%, recall ${(recall * 100).toFixed(0)}% (${scored.length}/${key.take.length}), ${key.must_not_take.length} traps avoided${missed.length ? `, missed ${missed.join(', ')}` : ''}\n`);
    expect(precision).toBe(1);
    expect(recall).toBeGreaterThanOrEqual(RECALL_FLOOR[name]);
  });

  test('every value carries its paragraph and its sentence verbatim, and draftData nests them as { value, source }', () => {
    const paragraphs = paragraphsOf('report-wuhan-city-2022.txt');
    const draft = extractDraft(paragraphs);
    for (const value of draft.values) expect(splitSentences(paragraphs[value.paragraph - 1])[value.sentence - 1]).toBe(value.text);
    const data = draftData(draft) as Record<string, Record<string, unknown>>;
    expect(data.bureau).toEqual({ name: '武汉市人力资源和社会保障局', level: 'city' });
    expect(data.year).toBe(2022);
    expect(data.training.collective_law_study_sessions).toEqual({ value: 7, source: `第5段:${draft.values.find((v) => v.path === 'training.collective_law_study_sessions')?.text}` });
    expect((data.enforcement as Record<string, Record<string, unknown>>).three_systems.publicity).toMatchObject({ value: true });
    expect(draft.notFound).toContain('services.online_handling_rate');
    expect(draft.notFound).not.toContain('training.collective_law_study_sessions');
  });
});

/** The draft of a made-up report: a title giving the bureau and the year, then the paragraphs. */
const draftOf = (...paragraphs: string[]): Draft => extractDraft(['示例市人力资源和社会保障局2022年法治政府建设年度报告', ...paragraphs]);
const valueOf = (draft: Draft, path: string): ExtractedValue['value'] | undefined => draft.values.find((v) => v.path === path)?.value;

describe('each trap phrase in isolation', () => {
  test.each([
    ['一次办事项占比99%。', 'services.online_handling_rate', undefined],
    ['网上可办、一次办事项达99%。', 'services.online_handling_rate', undefined],
    ['政务服务事项网上可办率达到99%。', 'services.online_handling_rate', '99%'],
    ['好评率99%。', 'services.bad_review_followup_rate', undefined],
    ['“好差评”好评率99%,差评整改率100%。', 'services.bad_review_followup_rate', '100%'],
    ['组织线上学法考试,参与率100%。', 'enforcement.certified_rate', undefined],
    ['组织应知应会学习,参考率及合格率100%。', 'enforcement.certified_rate', undefined],
    ['执法人员持证上岗率100%。', 'enforcement.certified_rate', '100%'],
    ['2023年将实现网上可办率100%。', 'services.online_handling_rate', undefined],
    ['下一步,网上可办率计划于年底达到100%。', 'services.online_handling_rate', undefined],
    ['开展专题学法和党内法规学习12次。', 'training.collective_law_study_sessions', undefined],
    ['开展集中学法和党内法规学习12次。', 'training.collective_law_study_sessions', undefined],
    ['开展党内法规学习和集中学法12次。', 'training.collective_law_study_sessions', undefined],
    ['全年开展集中学法12次。', 'training.collective_law_study_sessions', 12],
    ['开展法治专题培训超过40学时。', 'training.special_trainings', undefined],
    ['执法人员参加培训130人次。', 'enforcement.officers_total', undefined],
    ['举办法治专题讲座60余期。', 'training.law_lectures', undefined],
    ['举办3期法治专题讲座。', 'training.law_lectures', 3],
    ['规范性文件合法性审核率、备案率均为100%。', 'normative_documents.filing_rate', '100%'],
    ['规范性文件合法性审核率、备案率均为100%。', 'normative_documents.legality_review_rate', '100%'],
    ['重大执法决定法制审核制度执行率达100%。', 'major_decisions.legality_review_rate', undefined],
    ['成立了保障农民工工资支付工作领导小组。', 'leadership.leading_group', undefined],
    ['成立了以局长为组长的法治建设领导小组。', 'leadership.leading_group', true],
    ['尚未成立法治建设领导小组。', 'leadership.leading_group', undefined],
    ['落实“谁执法谁普法”普法责任制。', 'legal_education.responsibility_list', undefined],
    ['印发《2022年度普法责任清单》。', 'legal_education.responsibility_list', true],
    ['今年无负责人出庭应诉案件。', 'disputes.head_appears_in_court', undefined],
    ['召开党组会学法3次、常务会学法2次。', 'training.collective_law_study_sessions', undefined],
    ['网上可办率99%、差评整改率100%。', 'services.bad_review_followup_rate', '100%'],
    ['好评率99%、差评整改率100%。', 'services.bad_review_followup_rate', '100%'],
    ['网上可办率由85%提高到95%。', 'services.online_handling_rate', undefined],
    ['网上可办率同比提高5%。', 'services.online_handling_rate', undefined],
    ['网上可办率、一网通办率分别达到98%、95%。', 'services.online_handling_rate', undefined],
    ['集中学法12次以上。', 'training.collective_law_study_sessions', undefined],
    ['拟举办法治专题讲座2期。', 'training.law_lectures', undefined],
    ['组织旁听庭审活动2次。', 'training.court_hearing_visits', 2],
    ['全年集中学法12次,其中中心组学法4次。', 'training.collective_law_study_sessions', 12],
  ])('%s → %s = %s', (sentence, path, expected) => {
    expect(valueOf(draftOf(sentence), path)).toBe(expected);
  });

  test('a section of next year\'s work or of shortcomings gives nothing, and the section after it does again', () => {
    const draft = draftOf('二、2023年工作安排', '建立法治建设领导小组,网上可办率达到100%。', '三、存在的问题', '集中学法3次,有待加强。', '四、其他工作', '集中学法5次。');
    expect(valueOf(draft, 'leadership.leading_group')).toBeUndefined();
    expect(valueOf(draft, 'services.online_handling_rate')).toBeUndefined();
    expect(draft.values.find((v) => v.path === 'training.collective_law_study_sessions')).toMatchObject({ value: 5, paragraph: 7 });
    const opening = draftOf('一、主要成效', '集中学法5次。', '2023年,我局将重点做好以下工作:', '一是集中学法12次。');
    expect(valueOf(opening, 'training.collective_law_study_sessions')).toBe(5);
  });

  test('two different counts for one field: neither, unless one is clearly the year\'s total', () => {
    const two = draftOf('一季度集中学法3次。', '下半年集中学法5次。');
    expect(valueOf(two, 'training.collective_law_study_sessions')).toBeUndefined();
    expect(two.conflicts.map((c) => [c.path, c.values.map((v) => v.value)])).toEqual([['training.collective_law_study_sessions', [3, 5]]]);
    expect(valueOf(draftOf('一季度集中学法3次。', '全年共集中学法8次。'), 'training.collective_law_study_sessions')).toBe(8);
    expect(valueOf(draftOf('集中学法4次。', '共集中学法4次。'), 'training.collective_law_study_sessions')).toBe(4);
  });

  test('head counts are taken only as a pair, and the certification rate only without them', () => {
    expect(valueOf(draftOf('全局共有行政执法人员40名。'), 'enforcement.officers_total')).toBeUndefined();
    const pair = draftOf('全局共有行政执法人员40名,其中持证上岗38名。');
    expect([valueOf(pair, 'enforcement.officers_total'), valueOf(pair, 'enforcement.officers_certified')]).toEqual([40, 38]);
    const both = draftOf('全局共有行政执法人员40名,其中持证上岗38名。', '执法人员持证上岗率95%。');
    expect([valueOf(both, 'enforcement.officers_certified'), valueOf(both, 'enforcement.certified_rate')]).toEqual([38, undefined]);
    expect(valueOf(draftOf('执法人员持证上岗率95%。'), 'enforcement.certified_rate')).toBe('95%');
  });
});

describe('Chinese numerals', () => {
  test.each([['十二', 12], ['两', 2], ['十', 10], ['二十', 20], ['二十三', 23], ['一百零五', 105], ['三千', 3000], ['〇', 0], ['一万二千', 12000]])('%s = %d', (text, value) => {
    expect(chineseNumeral(text)).toBe(value);
  });

  test('digits half and full width, and not-numbers', () => {
    expect(numberValue('12')).toBe(12);
    expect(numberValue('\uFF11\uFF12')).toBe(12);
    expect(numberValue('92.95')).toBe(92.95);
    expect(numberValue('十二次')).toBeUndefined();
  });

  test('counts written in Chinese numerals are read', () => {
    expect(valueOf(draftOf('开展集中学法十二次。'), 'training.collective_law_study_sessions')).toBe(12);
    expect(valueOf(draftOf('组织旁听庭审两次。'), 'training.court_hearing_visits')).toBe(2);
    expect(valueOf(draftOf('开展集中学法\uFF11\uFF12次。'), 'training.collective_law_study_sessions')).toBe(12);
  });
});

describe('the bureau, its level and the year, from the title and opening', () => {
  const bureauOf = (...paragraphs: string[]): Draft => extractDraft(paragraphs);
  test.each([
    ['上海市人力资源和社会保障局2020年法治政府建设工作情况', '上海市人力资源和社会保障局', 'province', 2020],
    ['北京市人力资源和社会保障局2021年法治政府建设年度报告', '北京市人力资源和社会保障局', 'province', 2021],
    ['湖南省人力资源和社会保障厅2022年度法治政府建设情况报告', '湖南省人力资源和社会保障厅', 'province', 2022],
    ['长沙市人力资源和社会保障局2023年法治政府建设年度报告', '长沙市人力资源和社会保障局', 'city', 2023],
    ['湘西土家族苗族自治州人力资源和社会保障局2023年法治政府建设年度报告', '湘西土家族苗族自治州人力资源和社会保障局', 'city', 2023],
    ['徐闻县人力资源和社会保障局关于2021年度法治政府建设情况的报告', '徐闻县人力资源和社会保障局', 'county', 2021],
    ['长沙市浏阳市人力资源和社会保障局2022年法治政府建设年度报告', '长沙市浏阳市人力资源和社会保障局', 'county', 2022],
    ['上海市浦东新区人力资源和社会保障局2022年法治政府建设年度报告', '上海市浦东新区人力资源和社会保障局', 'county', 2022],
    ['长沙市岳麓区人力资源和社会保障局2022年法治政府建设年度报告', '长沙市岳麓区人力资源和社会保障局', 'county', 2022],
  ])('%s', (title, name, level, year) => {
    const draft = bureauOf(title, '2022年,我局坚持依法行政。');
    expect([draft.bureau.name, draft.bureau.level, draft.year]).toEqual([name, level, year]);
  });

  test('a title without the place: the name from the opening, else the signature; the year from an opening that starts with it', () => {
    const shanghai = bureauOf('市人力资源社会保障局2020年法治政府建设年度报告', '2020年度,上海市人力资源和社会保障局(以下称市人社局)以……为指导。');
    expect([shanghai.bureau.name, shanghai.bureau.level, shanghai.bureau.paragraph, shanghai.year]).toEqual(['上海市人力资源和社会保障局', 'province', 2, 2020]);
    const signed = bureauOf('2022年,市人力资源和社会保障局坚持依法行政。', '一、主要成效', '武汉市人力资源和社会保障局', '2023年3月9日');
    expect([signed.bureau.name, signed.bureau.level, signed.year]).toEqual(['武汉市人力资源和社会保障局', 'city', 2022]);
    const nothing = bureauOf('市人社局工作总结', '我局坚持依法行政。');
    expect([nothing.bureau, nothing.year]).toEqual([{}, undefined]);
  });
});

describe('sentences and clauses', () => {
  test('cut at 。!?; and line ends, never inside quotes or brackets', () => {
    expect(splitSentences('坚持“有件必核。有错必纠”的原则。开展学法!完成了吗?是的;好\n下一行')).toEqual(['坚持“有件必核。有错必纠”的原则。', '开展学法!', '完成了吗?', '是的;', '好', '下一行']);
    expect(splitSentences('印发《关于印发《办法(试行)》的通知》。第二句。')).toEqual(['印发《关于印发《办法(试行)》的通知》。', '第二句。']);
    expect(splitSentences('全角标点\uFF01第二句\uFF1F')).toEqual(['全角标点\uFF01', '第二句\uFF1F']);
    expect(splitClauses('实现“一键申报、一口受理,一同办理”,同时,维持原有渠道。')).toEqual(['实现“一键申报、一口受理,一同办理”,', '同时,', '维持原有渠道。']);
  });

  test('a quote never closed does not swallow the rest of the paragraph', () => {
    const long = `他说“${'很长的引文'.repeat(40)}。后面一句。`;
    expect(splitSentences(long).length).toBe(2);
  });
});

describe('the phrasings file', () => {
  test('the bundled file loads and names every field once', () => {
    const fields = loadPhrasings().targets.map((t) => t.field);
    expect(new Set(fields).size).toBe(fields.length);
    expect(fields).toEqual(expect.arrayContaining(['training.collective_law_study_sessions', 'services.online_handling_rate', 'normative_documents.filing_rate', 'leadership.leading_group']));
  });

  test('npm run build writes the bundled phrasings checked (dist/phrasings.json) from the file as it is, and a run reads them', () => {
    const text = readFileSync(BUNDLED_PHRASINGS, 'utf8');
    const digest = JSON.parse(readFileSync(DIGESTED_PHRASINGS, 'utf8')) as { sha256: string; phrasings: unknown };
    expect(digest.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(digest.phrasings).toEqual(parsePhrasings(BUNDLED_PHRASINGS, text));
    expect(loadPhrasings()).toEqual(digest.phrasings);
  });

  test('a bad file is refused with its name, the line and what is wrong, in Chinese and English', () => {
    const bundled = readFileSync(join(ROOT, 'rules', 'phrasings.yaml'), 'utf8');
    const bad = bundled.replace('kind: rate', 'kind: percent').replace('    units: [次, 场, 期]\n', '');
    const file = writeTemp('phrasings.yaml', bad);
    let error: unknown;
    try {
      loadPhrasings(file);
    } catch (caught) {
      error = caught;
    }
    expect(isInputError(error)).toBe(true);
    if (!isInputError(error)) return;
    const lines = bad.split('\n');
    const kindLine = lines.findIndex((line) => line.includes('kind: percent')) + 1;
    expect(error.problems[0]).toMatchObject({ file, at: { line: kindLine } });
    expect(error.problems.map((p) => p.message.zh).join('\n')).toMatch(/措辞表有误:targets\.\d+\.kind 应当是 count、rate 或 yes 之一/);
    expect(error.problems.map((p) => p.message.zh).join('\n')).toMatch(/缺少 units/);
    expect(error.problems[0].message.en).toMatch(/the phrasings file is wrong/);
    expect(() => parsePhrasings('x.yaml', 'version: 1\ntargets: [')).toThrow(/not valid YAML/);
  });
});

describe('speed', () => {
  test('one report extracts well under a second, cold (phrasings read) and warm', () => {
    const paragraphs = paragraphsOf('report-xuwen-county-2021.txt');
    let cold = 0;
    jest.isolateModules(() => {
      const start = process.hrtime.bigint();
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      (require('../src/intake/extract') as typeof import('../src/intake/extract')).extractDraft(paragraphs);
      cold = Number(process.hrtime.bigint() - start) / 1e6;
    });
    extractDraft(paragraphs);
    const runs = 5;
    const start = process.hrtime.bigint();
    for (let i = 0; i < runs; i += 1) extractDraft(paragraphs);
    const warm = Number(process.hrtime.bigint() - start) / 1e6 / runs;
    process.stdout.write(`extract timing (xuwen, ${paragraphs.length} paragraphs): cold ${cold.toFixed(0)} ms, warm ${warm.toFixed(1)} ms\n`);
    expect(warm).toBeLessThan(400);
    expect(cold).toBeLessThan(1000);
  });
});
