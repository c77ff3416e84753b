import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCalendar } from '../src/calendar/holiday-notices';
import { checkJson, cli, CITY_ALL_MET, DELETE, editedPack, findingOf, variant, variantIn, writeTemp } from './helpers';

/**
 * The defects of the findings audit (2026-12), each through the command line: what a bureau writes, what
 * plancheck answers, and the exit status. D-numbers are the audit's.
 */

const county = (body: string): string => writeTemp('submission.yaml', `bureau: { name: 测试县人力资源和社会保障局, level: county, region_code: "430121" }\nyear: 2024\n${body}`);


describe('D1: a new certification item needs a 法律, 法规 or 国务院决定 as its basis', () => {
  test('无, a party meeting and a 部门规章 all fail, each with the reading of its kind', async () => {
    const file = county(`functions:
  new_certification_items:
    - { name: 甲证明, legal_basis: 无 }
    - { name: 乙证明, legal_basis: 本局党组会议研究决定 }
    - { name: 丙证明, legal_basis: 《就业服务与就业管理规定》第六十三条 }
`);
    const finding = await findingOf(file, 'HN-05-certification-legal-basis');
    expect(finding.status).toBe('fail');
    expect(finding.message.zh).toContain('3/3 条记录不符合');
    const details = finding.evidence.map((e) => `${e.record}|${e.detail}`);
    expect(details).toEqual([
      expect.stringMatching(/^甲证明\|没有设定依据/),
      expect.stringMatching(/^乙证明\|依据“本局党组会议研究决定”按名称推断为会议决定等其他文件,不是法律、行政法规、地方性法规、国务院决定/),
      expect.stringMatching(/^丙证明\|依据“《就业服务与就业管理规定》第六十三条”按名称推断为部门规章,不是/),
    ]);
  });

  test('a law or an administrative regulation passes; the reading of a title is shown', async () => {
    const file = county(`functions:
  new_certification_items:
    - { name: 甲证明, legal_basis: 《中华人民共和国社会保险法》第十二条 }
    - { name: 乙证明, legal_basis: 某文件, legal_basis_kind: administrative_regulation }
`);
    const finding = await findingOf(file, 'HN-05-certification-legal-basis');
    expect(finding.status).toBe('pass');
    expect(finding.evidence).toEqual([expect.objectContaining({ record: '甲证明', remark: 'inferred', detail: expect.stringContaining('按名称推断为法律') })]);
  });

  test('a stated kind decides over the title, and a basis no pattern can read is missing data, never a pass', async () => {
    const stated = county(`functions:\n  new_certification_items:\n    - { name: 甲证明, legal_basis: 《社会保险费征缴暂行条例》, legal_basis_kind: departmental_rule }\n`);
    expect((await findingOf(stated, 'HN-05-certification-legal-basis')).status).toBe('fail');
    const unread = county(`functions:\n  new_certification_items:\n    - { name: 甲证明, legal_basis: 县里的要求 }\n`);
    const finding = await findingOf(unread, 'HN-05-certification-legal-basis');
    expect(finding.status).toBe('missing_data');
    expect(finding.message.zh).toContain('无法从“县里的要求”判断依据的类别,请填写依据类别');
  });

  test('the "all targets met" example rests on an administrative regulation and exits 0', async () => {
    const { status, submissions } = await checkJson([CITY_ALL_MET]);
    expect(submissions[0].findings.find((f) => f.rule === 'HN-05-certification-legal-basis')?.status).toBe('pass');
    expect(submissions[0].summary).toMatchObject({ fail: 0, missing_data: 0 });
    expect(status).toBe(0);
  });
});

describe('D2: HN-12-legal-procedures checks every procedure its quote names', () => {
  test('a decision that records only legality review and collective discussion is missing data, naming each procedure', async () => {
    const file = county(`major_decisions:
  items:
    - { id: MD-1, legality_review: true, collective_discussion: true, archived: true }
`);
    const finding = await findingOf(file, 'HN-12-legal-procedures');
    expect(finding.status).toBe('missing_data');
    expect(finding.evidence[0].detail).toBe('未填写:决策启动、公众参与、专家论证、风险评估、决策公布');
  });

  test('each procedure not done is named per record; 专家论证 and 风险评估 may be not required with a reason', async () => {
    const procedures = 'initiation: true, public_participation: true, legality_review: true, collective_discussion: true';
    const file = county(`major_decisions:
  items:
    - { id: MD-1, ${procedures}, expert_review: { not_required: 不涉及专业性技术性问题 }, risk_assessment: true, publication: false }
    - { id: MD-2, ${procedures}, expert_review: false, risk_assessment: { not_required: 不涉及社会稳定风险 }, publication: true }
    - { id: MD-3, ${procedures}, expert_review: true, risk_assessment: true, publication: true }
`);
    const finding = await findingOf(file, 'HN-12-legal-procedures', '--lang', 'en');
    expect(finding.status).toBe('fail');
    expect(finding.message.zh).toContain('2/3 条记录不符合:MD-1, MD-2');
    expect(finding.evidence.map((e) => [e.record, e.detail])).toEqual([
      ['MD-1', 'not done: Publication of the decision'],
      ['MD-2', 'not done: Expert review'],
    ]);
  });
});

describe('D3, (十二): a lawful ground for withholding takes a record out, counted and listed', () => {
  test('an enforcement decision withheld under a provision is not late; the finding says how many were left out', async () => {
    const file = county(`as_of: 2024-10-12
enforcement:
  decisions:
    - { id: 涉及个人隐私, type: penalty, decided_on: 2024-03-01, withheld_under: 《中华人民共和国政府信息公开条例》第十五条 }
    - { id: 按时公开, type: penalty, decided_on: 2024-03-01, published_on: 2024-03-05 }
`);
    const finding = await findingOf(file, 'HN-16-disclosure-7-workdays');
    expect(finding.status).toBe('pass');
    expect(finding.message.zh).toContain('已检查 1 条记录,全部符合(要求 ≤ 7 个工作日);另有 1 条依法不予公开,不计入');
    expect(finding.evidence).toEqual([expect.objectContaining({ record: '涉及个人隐私', remark: 'exempt', detail: '依法不予公开(依据:《中华人民共和国政府信息公开条例》第十五条),不计入本条' })]);
  });

  test('public participation in every major decision except those lawfully withheld', async () => {
    const file = county(`major_decisions:
  items:
    - { id: MD-1, public_participation: false }
    - { id: MD-2, withheld_under: 《中华人民共和国政府信息公开条例》第十四条 }
    - { id: MD-3, public_consultation: { from: 2024-03-01, to: 2024-03-31 } }
`);
    const finding = await findingOf(file, 'HN-12-public-participation');
    expect(finding.status).toBe('fail');
    expect(finding.message.zh).toContain('1/2 条记录不符合:MD-1;另有 1 条依法不予公开,不计入');
  });
});

describe('D4: an unpublished decision not yet due is listed and pending, never compliant', () => {
  test('no failure and a record not yet due makes the rule pending, with the last day on time', async () => {
    const file = county(`as_of: 2024-10-08
enforcement:
  decisions:
    - { id: U1, type: inspection, decided_on: 2024-09-27 }
`);
    const { status, submissions } = await checkJson([file]);
    const finding = submissions[0].findings.find((f) => f.rule === 'HN-16-disclosure-20-workdays');
    expect(finding?.status).toBe('pending');
    expect(finding?.message.zh).toContain('1/1 条记录尚未到期,暂不判定:U1');
    expect(finding?.evidence[0]).toMatchObject({ record: 'U1', remark: 'not_due' });
    expect(finding?.evidence[0].detail).toMatch(/截至 2024-10-08 尚未公开,期限未到;最迟应于 \d{4}-\d{2}-\d{2} 公开/);
    expect(status).not.toBe(0);
  });

  test('a decision dated after as_of is refused with its place', async () => {
    const file = county(`as_of: 2024-09-01\nenforcement:\n  decisions:\n    - { id: U1, type: inspection, decided_on: 2024-09-27 }\n`);
    const run = await cli('check', file);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('第 6 行');
    expect(run.stdout).toContain('执法决定第 1 条的决定日期 2024-09-27 晚于数据截止日 2024-09-01');
  });
});

describe('D5: as_of before the year is over: annual counts and milestones are pending, with progress', () => {
  const halfYear = (): string =>
    writeTemp('province.yaml', `bureau: { name: 湖南省人力资源和社会保障厅, level: province, region_code: "430000" }
year: 2025
as_of: 2025-06-30
disputes: { gold_mediation_orgs: 299 }
training: { collective_law_study_sessions: 1, court_hearing_visits: 0 }
`);

  test('half-year data: the yearly counts and the 2025 milestone are pending, not failed', async () => {
    const { submissions } = await checkJson([halfYear()]);
    const byRule = Object.fromEntries(submissions[0].findings.map((f) => [f.rule, f]));
    expect(byRule['HN-20-gold-mediation-orgs'].status).toBe('pending');
    expect(byRule['HN-20-gold-mediation-orgs'].message.zh).toContain('进度 299/300(≈99.67%);要求 ≥ 300,须于 2025 年底前达到,数据截至 2025-06-30');
    expect(byRule['HN-32-collective-study'].status).toBe('pending');
    expect(byRule['HN-32-collective-study'].message.zh).toContain('目前 1,要求 ≥ 3,暂未达到;本年度尚未结束(数据截至 2025-06-30)');
    expect(byRule['HN-32-court-hearing'].status).toBe('pending');
    expect(submissions[0].summary.fail).toBe(0);
  });

  test('the same figures at the end of the year fail', async () => {
    const file = variant(halfYear(), { as_of: '2026-01-10' });
    const { submissions } = await checkJson([file]);
    const statuses = submissions[0].findings.filter((f) => ['HN-20-gold-mediation-orgs', 'HN-32-collective-study', 'HN-32-court-hearing'].includes(f.rule)).map((f) => f.status);
    expect(statuses).toEqual(['fail', 'fail', 'fail']);
  });
});

describe('D6: records belong to the reporting year and to the data as compiled', () => {
  test.each([
    ['a decision of another year', 'enforcement:\n  decisions:\n    - { id: X2, type: licensing, decided_on: 2021-05-05, published_on: 2021-05-08 }\n', 5, '执法决定第 1 条的决定日期 2021-05-05 不在报告年度 2024 年内'],
    ['a publication after as_of', 'as_of: 2024-03-31\nenforcement:\n  decisions:\n    - { id: X1, type: penalty, decided_on: 2024-03-20, published_on: 2024-04-02 }\n', 6, '执法决定第 1 条的公开日期 2024-04-02 晚于数据截止日 2024-03-31'],
    ['a consultation that does not touch the year', 'major_decisions:\n  items:\n    - { id: M1, public_consultation: { from: 2019-01-01, to: 2019-03-01 } }\n', 5, '征求意见期 2019-01-01 至 2019-03-01 与报告年度 2024 年没有交集'],
    ['a date before 1949', 'normative_documents:\n  items:\n    - { id: D1, issued_on: 1900-01-01 }\n', 5, '1900-01-01 不在可能的范围内(1949 年至 2100 年)'],
  ])('%s is an input error with its place (exit 2)', async (_name, body, line, says) => {
    const run = await cli('check', county(body));
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`第 ${line} 行`);
    expect(run.stdout).toContain(says);
  });
});

describe('D7, D8: figures are compared exactly and shown as written', () => {
  test.each([
    ['"89.995%"', 'fail', '实际 89.995%,要求 ≥ 90%'],
    ['"89.9999999%"', 'fail', '实际 89.9999999%'],
    ['0.8999999995', 'fail', '实际 89.99999995%'],
    ['0.89999999999999999999', 'fail', '实际 89.999999999999999999%'],
    ['"90%"', 'pass', '实际 90%'],
  ])('online handling rate %s: %s', async (written, status, says) => {
    const finding = await findingOf(county(`services: { online_handling_rate: ${written} }\n`), 'HN-07-online-handling-rate');
    expect(finding.status).toBe(status);
    expect(finding.message.zh).toContain(says);
  });

  test('"99.999%" misses = 100% and says 99.999%, in the message and the evidence', async () => {
    const finding = await findingOf(county('services: { bad_review_followup_rate: "99.999%" }\n'), 'HN-07-bad-review-followup');
    expect(finding.status).toBe('fail');
    expect(finding.message.zh).toContain('实际 99.999%,要求 = 100%,未达到');
    expect(finding.evidence[0].detail).toContain('= 99.999%');
  });

  test('999,999,999 certified of 1,000,000,000 is not 100%; a rate that does not terminate is marked ≈, on its side of the line', async () => {
    const many = await findingOf(county('enforcement: { officers_total: 1000000000, officers_certified: 999999999 }\n'), 'HN-14-certified-officers');
    expect(many.status).toBe('fail');
    expect(many.message.zh).toContain('实际 99.9999999%,要求 = 100%');
    const third = await findingOf(county('enforcement: { officers_total: 3000, officers_certified: 2999 }\n'), 'HN-14-certified-officers');
    expect(third.message.zh).toContain('实际 ≈99.97%');
    const close = await findingOf(county('enforcement: { officers_total: 300000, officers_certified: 299999 }\n'), 'HN-14-certified-officers');
    expect(close.message.zh).toMatch(/实际 ≈99\.999\d*%/);
    expect(close.message.zh).not.toContain('实际 ≈100%');
  });
});

describe('D9: a bureau outside the pack\'s jurisdiction is checked, with a notice', () => {
  test('Shanghai against the Hunan plan: a notice in the JSON', async () => {
    const file = writeTemp('shanghai.yaml', 'bureau: { name: 上海市人力资源和社会保障局, level: province, region_code: "310000" }\nyear: 2024\ntraining: { collective_law_study_sessions: 1 }\n');
    const run = await cli('check', file, '--format', 'json');
    const [submission] = JSON.parse(run.stdout).submissions;
    expect(submission.notices).toEqual([{ code: 'outside_jurisdiction', message: { zh: expect.stringContaining('行政区划代码 310000 不属于湖南省'), en: expect.stringContaining('outside Hunan Province') } }]);
    expect(submission.findings.find((f: { rule: string }) => f.rule === 'HN-32-collective-study').status).toBe('fail');
    const hunan = JSON.parse((await cli('check', CITY_ALL_MET, '--format', 'json')).stdout).submissions[0];
    expect(hunan.notices).toEqual([]);
  });

  test.each(['table', 'markdown', 'html', 'csv'])('the notice is visible in --format %s, and in the review', async (format) => {
    const file = writeTemp('shanghai.yaml', 'bureau: { name: 上海市人力资源和社会保障局, level: province, region_code: "310000" }\nyear: 2024\n');
    const notice = '行政区划代码 310000 不属于湖南省(代码以 43 开头)';
    expect((await cli('check', file, '--format', format)).stdout).toContain(notice);
    const review = format === 'csv' ? 'csv' : format;
    expect((await cli('review', file, '--format', review)).stdout).toContain(notice);
  });
});

describe('D10, D11: calendars at the edge of the years they know', () => {
  test('a notice for 2027 may move days in late December 2026', () => {
    const file = writeTemp('calendar-2027.yaml', readFileSync(join(__dirname, 'fixtures', 'calendar-2027.yaml'), 'utf8').replace('rest_days: [2027-01-01,', 'rest_days: [2026-12-31, 2027-01-01,'));
    expect(loadCalendar().isWorkingDay('2026-12-31')).toEqual({ working: true });
    expect(loadCalendar([file]).isWorkingDay('2026-12-31')).toEqual({ working: false });
    expect(loadCalendar([file]).addWorkingDays('2026-12-24', 5)).toEqual({ date: '2027-01-04' });
  });

  test('through the CLI, the moved day changes the deadline; without a 2027 calendar it is reported, not guessed', async () => {
    const fixture = readFileSync(join(__dirname, 'fixtures', 'calendar-2027.yaml'), 'utf8');
    const moved = writeTemp('calendar-2027.yaml', fixture.replace('rest_days: [2027-01-01,', 'rest_days: [2026-12-31, 2027-01-01,'));
    const unmoved = writeTemp('calendar-2027.yaml', fixture);
    const pack = editedPack((text) => text.replace('years: { from: 2022, to: 2025 }', 'years: { from: 2022, to: 2026 }'));
    // After 2026-12-23: 24, 25, 28, 29, 30 (5), then 31 (6) and 2027-01-04 (7); with 31 December a rest day, 01-05 is the 7th.
    const file = variantIn(2026, CITY_ALL_MET, { as_of: '2027-01-31', 'enforcement.decisions': [{ id: 'P-1', type: 'penalty', decided_on: '2026-12-23', published_on: '2027-01-05' }] });
    const status = async (...args: string[]): Promise<string | undefined> => (await checkJson([file], '--pack', pack, ...args)).submissions[0].findings.find((f) => f.rule === 'HN-16-disclosure-7-workdays')?.status;
    expect(await status()).toBe('missing_data');
    expect(await status('--calendar', unmoved)).toBe('fail');
    expect(await status('--calendar', moved)).toBe('pass');
  });

  test('a publication provably on time passes though its deadline falls in a year without a calendar', async () => {
    const pack = editedPack((text) => text.replace('years: { from: 2022, to: 2025 }', 'years: { from: 2022, to: 2026 }'));
    const file = variantIn(2026, CITY_ALL_MET, { as_of: '2027-01-31', 'enforcement.decisions': [{ id: 'P-1', type: 'penalty', decided_on: '2026-12-28', published_on: '2026-12-29' }] });
    expect((await findingOf(file, 'HN-16-disclosure-7-workdays', '--pack', pack)).status).toBe('pass');
  });
});

describe('D12: a pack whose rule contradicts its quote is refused', () => {
  test.each([
    ['a threshold not in the quote', (t: string) => t.replace('wording: 不低于, threshold: { value: 0.9, unit: ratio }', 'wording: 不低于, threshold: { value: 0.5, unit: ratio }'), '界限与引文不符:引文为 90%'],
    ['days not in the quote', (t: string) => t.replace('threshold: { value: 30, unit: days }', 'threshold: { value: 15, unit: days }'), '界限与引文不符:引文为 30日'],
    ['levels against 市县级', (t: string) => t.replace('quote: 市县级人社服务事项网上可办率不低于90% }\n    levels: [city, county]', 'quote: 市县级人社服务事项网上可办率不低于90% }\n    levels: [province]'), '适用层级(省级)与引文所在句的层级用语(市级、县级)不一致'],
    ['an operator no comparator word allows', (t: string) => t.replace('operator: ">=", wording: 不低于, threshold: { value: 0.9', 'operator: "<", wording: "90%", threshold: { value: 0.9'), '没有比较词,只能读作“达到”'],
    ['a milestone read as at most', (t: string) => t.replace('field: disputes.gold_mediation_orgs\n      operator: ">="', 'field: disputes.gold_mediation_orgs\n      operator: "<="'), 'HN-20-gold-mediation-orgs:措辞“打造300家”没有比较词'],
  ])('%s', async (_name, edit, says) => {
    const run = await cli('check', CITY_ALL_MET, '--pack', editedPack(edit));
    expect(run.status).toBe(2);
    expect(run.stdout + run.stderr).toContain(says);
  });
});

describe('D13: the annual report is public by 31 March of the next year (按要求)', () => {
  test.each([
    ['published on 31 March', { 'leadership.annual_report_published_on': '2025-03-31', as_of: '2025-04-02' }, 'pass', ''],
    ['published on 1 April', { 'leadership.annual_report_published_on': '2025-04-01', as_of: '2025-04-02' }, 'fail', '2025-04-01 公开,最迟应于 2025-03-31 公开'],
    ['not yet published in January', { 'leadership.annual_report_published_on': DELETE, 'leadership.annual_report_published': false }, 'pending', '最迟应于 2025-03-31 公开'],
    ['not published by April', { 'leadership.annual_report_published_on': DELETE, 'leadership.annual_report_published': false, as_of: '2025-04-02' }, 'fail', ''],
    ['published, with no date', { 'leadership.annual_report_published_on': DELETE }, 'missing_data', '未填写:年度报告公开日期'],
  ])('%s: %s', async (_name, edits, status, says) => {
    const finding = await findingOf(variant(CITY_ALL_MET, edits), 'HN-30-annual-report-published');
    expect(finding.status).toBe(status);
    expect(finding.message.zh).toContain(says);
  });
});

describe('D14: a bureau that states it had nothing to do is not applicable, not failed', () => {
  test('no named negative reviews: the follow-up rate does not apply', async () => {
    const finding = await findingOf(variant(CITY_ALL_MET, { 'services.named_bad_reviews': 0, 'services.bad_review_followup_rate': DELETE }), 'HN-07-bad-review-followup');
    expect(finding.status).toBe('not_applicable');
    expect(finding.message.zh).toContain('本年度没有实名差评');
  });

  test('no normative document in force: the post-enactment evaluation does not apply', async () => {
    const finding = await findingOf(variant(CITY_ALL_MET, { 'normative_documents.in_force': 0, 'normative_documents.post_enactment_evaluations': 0 }), 'HN-10-post-evaluation');
    expect(finding.status).toBe('not_applicable');
  });
});

describe('D15, N1: deadlines and periods in words a clerk reads rightly', () => {
  test('a late publication names the last day on time ("最迟应于 X 公开")', async () => {
    const finding = await findingOf(variant(CITY_ALL_MET, { 'enforcement.decisions.0.published_on': '2024-10-14' }), 'HN-16-disclosure-7-workdays');
    expect(finding.evidence[0].detail).toContain('最迟应于 2024-10-12 公开(7 个工作日内)');
    expect(finding.evidence[0].detail).not.toContain('前公开');
  });

  test('a comment period one day short says that the first day is not counted, and which end date would do', async () => {
    const finding = await findingOf(variant(CITY_ALL_MET, { 'major_decisions.items.0.public_consultation': { from: '2024-06-01', to: '2024-06-30' } }), 'HN-12-comment-period');
    expect(finding.status).toBe('fail');
    expect(finding.evidence[0].detail).toContain('共 29 日,要求 ≥ 30 日(起算日 2024-06-01 当天不计入期限,见《民法典》第二百零一条;满 30 日的截止日应不早于 2024-07-01)');
  });
});

describe('D16: provenance says what the shipped text cannot confirm', () => {
  test('the document number is marked as not in the source text; the 2026 calendar is named by its notice', async () => {
    const markdown = (await cli('check', CITY_ALL_MET, '--format', 'markdown')).stdout;
    expect(markdown).toContain('湘人社发〔2022〕51号(文号未见于所附原文');
    const file = variantIn(2025, CITY_ALL_MET, { 'enforcement.decisions.0.decided_on': '2025-12-26', 'enforcement.decisions.0.published_on': '2026-01-07' });
    const json = JSON.parse((await cli('check', file, '--format', 'json')).stdout);
    expect(json.calendars.find((c: { year: number }) => c.year === 2026).source).toContain('国务院办公厅关于2026年部分节假日安排的通知');
  });
});

describe('exit status 3: nothing fails, but data is missing', () => {
  test('a submission that reports nothing exits 3, and --exit-zero exits 0', async () => {
    const blank = county('');
    expect((await cli('check', blank)).status).toBe(3);
    expect((await cli('check', blank, '--exit-zero')).status).toBe(0);
  });

  test('a failure still exits 1, and a clean submission 0', async () => {
    expect((await cli('check', CITY_ALL_MET)).status).toBe(0);
    expect((await cli('check', variant(CITY_ALL_MET, { 'training.law_lectures': 1, 'training.court_hearing_visits': DELETE }))).status).toBe(1);
  });
});

describe('user trial B9: the actual of a disclosure rule counts the unpublished record that makes it fail', () => {
  test('a penalty never published: actual is the working days it has waited by as_of, not the latest published delay', async () => {
    const file = county(`as_of: 2024-12-31
enforcement:
  decisions:
    - { id: A1, type: penalty, decided_on: 2024-03-01 }
    - { id: A2, type: penalty, decided_on: 2024-03-01, published_on: 2024-03-04 }
`);
    const finding = await findingOf(file, 'HN-16-disclosure-7-workdays');
    expect(finding.status).toBe('fail');
    const waited = loadCalendar().workingDaysBetween('2024-03-01', '2024-12-31') as { count: number };
    expect(finding.actual).toBe(waited.count);
    expect(finding.actual).toBeGreaterThan(7);
  });
});

describe('found by the fuzz test', () => {
  test('counts past 2^53 are compared as written: 10000000000000000 of 10000000000000001 is not 100%', async () => {
    const finding = await findingOf(county('enforcement: { officers_total: 10000000000000001, officers_certified: 10000000000000000 }\n'), 'HN-14-certified-officers');
    expect(finding.status).toBe('fail');
    expect(finding.message.zh).not.toContain('实际 100%');
  });

  test('a message quotes a long value cut short, and a quoted 30-digit count as its digits', async () => {
    const long = 'x'.repeat(500);
    const run = await cli('check', county(`training: { law_lectures: "${long}", special_trainings: "123456789012345678901234567890" }\n`));
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('(共 500 个字符)');
    expect(run.stdout).not.toContain(long);
    expect(run.stdout).toContain('写成 123456789012345678901234567890');
  });

  test('an annual report said not to be published but given a date is refused as a contradiction', async () => {
    const run = await cli('check', variant(CITY_ALL_MET, { 'leadership.annual_report_published': false }));
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('年度报告写的是未公开,却填了公开日期 2025-01-12');
  });
});
