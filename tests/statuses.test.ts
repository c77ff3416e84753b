import { loadPack } from '../src/pack/load';
import { BUNDLED_PACK } from '../src/core/paths';
import { checkJson, CITY_ALL_MET, DELETE, findingOf, PROVINCE, SPEC_EXAMPLE, variant, variantIn } from './helpers';

const RULES = loadPack(BUNDLED_PACK).rules.length;

/** One rule of each check kind, and how to take its data away or make it not apply. */
describe('missing data is never a pass', () => {
  test.each([
    ['boolean', 'HN-04-power-list-published', { 'functions.power_list_published': DELETE }],
    ['boolean, a value left empty (null)', 'HN-31-budget', { 'leadership.budgeted': null }],
    ['boolean over several fields, one absent', 'HN-16-three-systems', { 'enforcement.three_systems.legal_review': DELETE }],
    ['threshold', 'HN-07-online-handling-rate', { 'services.online_handling_rate': DELETE }],
    ['threshold, whole section absent', 'HN-32-collective-study', { training: DELETE }],
    ['rate', 'HN-14-certified-officers', { 'enforcement.officers_total': DELETE }],
    ['every record, list absent', 'HN-10-filing', { 'normative_documents.items': DELETE }],
    ['every record, a record without the field', 'HN-12-archived', { 'major_decisions.items.0.archived': DELETE }],
    ['comment period, list absent', 'HN-12-comment-period', { major_decisions: { catalog_published: true } }],
    ['disclosure deadline, list absent', 'HN-16-disclosure-7-workdays', { 'enforcement.decisions': DELETE }],
  ])('%s: %s gives missing_data', async (_kind, rule, edits) => {
    const finding = await findingOf(variant(CITY_ALL_MET, edits), rule);
    expect(finding.status).toBe('missing_data');
    expect(finding.actual).toBeNull();
    expect(finding.message.zh).toContain('缺少数据不视为通过');
    expect(finding.message.en).toContain('missing data never counts as a pass');
  });

  test('milestone: absent gives missing_data', async () => {
    const finding = await findingOf(variant(PROVINCE, { 'disputes.gold_mediation_orgs': DELETE }), 'HN-20-gold-mediation-orgs');
    expect(finding.status).toBe('missing_data');
  });

  test('a missing value does not hide a false one beside it', async () => {
    const file = variant(CITY_ALL_MET, { 'enforcement.three_systems.legal_review': DELETE, 'enforcement.three_systems.publicity': false });
    expect((await findingOf(file, 'HN-16-three-systems')).status).toBe('fail');
  });

  test('a submission with missing data but no failure exits 3 and says what is missing', async () => {
    const { status, submissions } = await checkJson([variant(CITY_ALL_MET, { 'training.law_lectures': DELETE })]);
    expect(status).toBe(3);
    expect(submissions[0].summary.missing_data).toBe(1);
    expect(submissions[0].summary.pass).toBe(RULES - 2);
  });
});

describe('not_applicable', () => {
  test.each([
    ['threshold, another level', 'HN-07-online-handling-rate', PROVINCE, {}],
    ['milestone, another level', 'HN-20-gold-mediation-orgs', CITY_ALL_MET, {}],
    ['boolean, a year outside the plan', 'HN-04-power-list-published', CITY_ALL_MET, { year: 2026 }],
    ['rate, nothing to count', 'HN-14-certified-officers', CITY_ALL_MET, { 'enforcement.officers_total': 0, 'enforcement.officers_certified': 0 }],
    ['every record, an empty list', 'HN-10-legality-review', CITY_ALL_MET, { 'normative_documents.items': [] }],
    ['comment period, no decision consulted publicly', 'HN-12-comment-period', CITY_ALL_MET, { 'major_decisions.items.0.public_consultation': DELETE }],
    ['comment period, an empty list', 'HN-12-comment-period', CITY_ALL_MET, { 'major_decisions.items': [] }],
    ['disclosure deadline, no decision of its types', 'HN-16-disclosure-7-workdays', CITY_ALL_MET, { 'enforcement.decisions': [{ id: 'X-1', type: 'other', decided_on: '2024-03-01', published_on: '2024-03-05' }] }],
  ])('%s: %s', async (_kind, rule, base, { year, ...edits }: { year?: number } & Record<string, unknown>) => {
    const finding = await findingOf(year ? variantIn(year, base, edits) : variant(base, edits), rule);
    expect(finding.status).toBe('not_applicable');
    expect(finding.message.zh).toContain('不适用');
  });

  test('a year outside 2022–2025 makes every rule not applicable', async () => {
    const { status, submissions } = await checkJson([variantIn(2021, CITY_ALL_MET)]);
    expect(submissions[0].summary.not_applicable).toBe(RULES);
    expect(submissions[0].findings[0].message.en).toContain('covers the years 2022–2025, not 2021');
    expect(status).toBe(0);
  });
});

describe('boundaries: 以上 and 不少于 include the number', () => {
  test.each([
    ['exactly 90% online handling passes', 'HN-07-online-handling-rate', { 'services.online_handling_rate': '90%' }, 'pass'],
    ['90% written as a ratio passes', 'HN-07-online-handling-rate', { 'services.online_handling_rate': 0.9 }, 'pass'],
    ['89.99% fails', 'HN-07-online-handling-rate', { 'services.online_handling_rate': '89.99%' }, 'fail'],
    ['exactly 80% one-window passes', 'HN-07-one-window-rate', { 'services.one_window_rate': '80%' }, 'pass'],
    ['exactly 30 days of comment passes', 'HN-12-comment-period', { 'major_decisions.items.0.public_consultation': { from: '2024-04-01', to: '2024-05-01' } }, 'pass'],
    ['29 days fails', 'HN-12-comment-period', { 'major_decisions.items.0.public_consultation': { from: '2024-04-01', to: '2024-04-30' } }, 'fail'],
    ['published on the 7th working day passes', 'HN-16-disclosure-7-workdays', { 'enforcement.decisions.0.published_on': '2024-10-12' }, 'pass'],
    ['published on the 8th working day fails', 'HN-16-disclosure-7-workdays', { 'enforcement.decisions.0.published_on': '2024-10-14' }, 'fail'],
  ])('%s', async (_name, rule, edits, status) => {
    expect((await findingOf(variant(CITY_ALL_MET, edits), rule)).status).toBe(status);
  });
});

describe('warn, pending, and what the findings carry', () => {
  test('a short comment period with a stated reason warns ("一般" allows exceptions), and warn is not fail', async () => {
    const file = variant(CITY_ALL_MET, { 'major_decisions.items.0.public_consultation': { from: '2024-04-01', to: '2024-04-15', shortened_reason: '上级部署时限' } });
    const { status, submissions } = await checkJson([file]);
    const finding = submissions[0].findings.find((f) => f.rule === 'HN-12-comment-period');
    expect(finding?.status).toBe('warn');
    expect(finding?.evidence).toEqual([expect.objectContaining({ record: 'SF-MD-2024-01', detail: expect.stringContaining('上级部署时限') })]);
    expect(status).toBe(0);
  });

  test('a milestone before its year is pending and shows progress; met early it passes', async () => {
    const pending = await findingOf(PROVINCE, 'HN-20-gold-mediation-orgs');
    expect(pending.status).toBe('pending');
    expect(pending.message.zh).toContain('进度 186/300(62%)');
    expect(pending.evidence[0].source).toBe('厅调解仲裁处 2024年工作总结');
    expect((await findingOf(variant(PROVINCE, { 'disputes.gold_mediation_orgs': 300 }), 'HN-20-gold-mediation-orgs')).status).toBe('pass');
  });

  test('the contract example: one evidence entry per failing record, naming its id', async () => {
    const { submissions } = await checkJson([SPEC_EXAMPLE]);
    const archived = submissions[0].findings.find((f) => f.rule === 'HN-12-archived');
    expect(archived?.actual).toBe(0.5);
    expect(archived?.expected).toEqual({ operator: '=', value: 1, unit: 'ratio' });
    expect(archived?.evidence).toEqual([{ record: 'MD-2023-02', detail: '立卷归档:否', field: 'major_decisions.items[1].archived', line: 62 }]);
  });

  test('a late disclosure names the record, its dates, the count and the deadline', async () => {
    const file = variant(SPEC_EXAMPLE, { 'enforcement.decisions.0.published_on': '2023-10-16' });
    const finding = await findingOf(file, 'HN-16-disclosure-7-workdays', '--lang', 'en');
    expect(finding.status).toBe('fail');
    expect(finding.actual).toBe(8);
    expect(finding.expected).toEqual({ operator: '<=', value: 7, unit: 'working_days' });
    expect(finding.evidence).toHaveLength(1);
    expect(finding.evidence[0].record).toBe('示人社罚决〔2023〕5号');
    expect(finding.evidence[0].detail).toContain('published 2023-10-16, 8 working days after the decision of 2023-09-28; due by 2023-10-13');
  });

  test('a decision still unpublished after its deadline fails; one not yet due does not', async () => {
    const late = variant(SPEC_EXAMPLE, { 'enforcement.decisions.0.published_on': DELETE });
    const lateFinding = await findingOf(late, 'HN-16-disclosure-7-workdays', '--lang', 'en');
    expect(lateFinding.status).toBe('fail');
    expect(lateFinding.evidence[0].detail).toBe('decided on 2023-09-28 and not published by 2024-01-20; due by 2023-10-13 at the latest (within 7 working days)');
    // Not yet due by as_of: listed, never counted as compliant, and the rule is pending.
    const notDue = variant(SPEC_EXAMPLE, { 'enforcement.decisions.0.published_on': DELETE, 'enforcement.decisions.0.decided_on': '2023-12-29', as_of: '2024-01-05' });
    const pending = await findingOf(notDue, 'HN-16-disclosure-7-workdays');
    expect(pending.status).toBe('pending');
    expect(pending.message.zh).toContain('1/1 条记录尚未到期');
    expect(pending.evidence).toEqual([expect.objectContaining({ record: '示人社罚决〔2023〕5号', remark: 'not_due', detail: expect.stringContaining('最迟应于 2024-01-10 公开') })]);
  });

  test('a value given as {value, source} carries its source into the finding', async () => {
    const finding = await findingOf(SPEC_EXAMPLE, 'HN-07-one-window-rate');
    expect(finding.evidence).toEqual([{ detail: '“一窗”分类受理率 = 80%', field: 'services.one_window_rate', line: 30, source: '年度报告 二、(二) 第3段' }]);
  });
});
