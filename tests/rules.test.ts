import { loadPack } from '../src/pack/load';
import { BUNDLED_PACK } from '../src/core/paths';
import type { BooleanCheck } from '../src/pack/types';
import { fieldLabel } from '../src/submission/field-labels';
import { checkJson, CITY_ALL_MET, DELETE, PROVINCE, variant, variantIn, type Edits } from './helpers';

interface RuleCase {
  /** The base submission: the all-met city unless the rule is for another level. */
  base?: string;
  /** The reporting year, when not the base's own: the base's records move with it. */
  year?: number;
  /** Edits that still meet the target (often its boundary); none means the base as it is. */
  pass?: Edits;
  fail: Edits;
  /** Words the failing finding's Chinese message must contain. */
  says?: string;
  /** Words one of the failing finding's evidence entries must contain. */
  shows?: string;
  /** Other rules that read the same field, and so fail with it. */
  alsoFails?: string[];
}

/** For each rule with more to it than fields that must be true: a submission that meets it and one that misses it. */
const SPECIAL: Record<string, RuleCase> = {
  'HN-04-power-list-published': { fail: { 'functions.power_list_published': false }, says: '实际 否' },
  'HN-05-certification-legal-basis': {
    pass: { 'functions.new_certification_items': [{ name: '甲证明', legal_basis: '《中华人民共和国就业促进法》第二十条' }] },
    fail: { 'functions.new_certification_items': [{ name: '无依据证明', legal_basis: '《就业服务与就业管理规定》第六十三条' }] },
    says: '无依据证明',
  },
  'HN-07-online-handling-rate': { pass: { 'services.online_handling_rate': '90%' }, fail: { 'services.online_handling_rate': '89.9%' }, says: '实际 89.9%,要求 ≥ 90%' },
  'HN-07-one-window-rate': { pass: { 'services.one_window_rate': '80%' }, fail: { 'services.one_window_rate': 0.7999 }, says: '79.99%' },
  'HN-07-bad-review-followup': { pass: { 'services.bad_review_followup_rate': 1 }, fail: { 'services.bad_review_followup_rate': '99.5%' }, says: '要求 = 100%' },
  'HN-10-legality-review': { fail: { 'normative_documents.items.0.legality_reviewed': false }, says: '示范人社规〔2024〕1号' },
  'HN-10-filing': { fail: { 'normative_documents.items.0.filed': false }, says: '示范人社规〔2024〕1号' },
  'HN-10-interpretation': { fail: { 'normative_documents.items.0.interpreted': false }, says: '示范人社规〔2024〕1号' },
  'HN-10-post-evaluation': { pass: { 'normative_documents.post_enactment_evaluations': 1 }, fail: { 'normative_documents.post_enactment_evaluations': 0 } },
  'HN-11-legal-office-opinion': { fail: { 'major_decisions.items.0.legal_office_consulted': false }, says: 'SF-MD-2024-01' },
  'HN-12-legal-procedures': { pass: { 'major_decisions.items.0.risk_assessment': { not_required: '不涉及社会稳定风险' } }, fail: { 'major_decisions.items.0.initiation': false }, says: 'SF-MD-2024-01' },
  'HN-12-public-participation': {
    pass: { 'major_decisions.items.0.public_consultation': DELETE, 'major_decisions.items.0.public_participation': true },
    fail: { 'major_decisions.items.0.public_consultation': DELETE, 'major_decisions.items.0.public_participation': false },
    says: 'SF-MD-2024-01',
    alsoFails: ['HN-12-legal-procedures'],
  },
  'HN-12-collective-discussion': { fail: { 'major_decisions.items.0.collective_discussion': false }, says: 'SF-MD-2024-01', alsoFails: ['HN-12-legal-procedures'] },
  'HN-12-comment-period': { pass: { 'major_decisions.items.0.public_consultation.to': '2024-05-01' }, fail: { 'major_decisions.items.0.public_consultation.to': '2024-04-30' }, says: 'SF-MD-2024-01' },
  'HN-12-archived': { fail: { 'major_decisions.items.0.archived': false } },
  'HN-14-certified-officers': { pass: { 'enforcement.officers_certified': 36 }, fail: { 'enforcement.officers_certified': 35 }, says: '要求 = 100%' },
  'HN-16-three-systems': { fail: { 'enforcement.three_systems.full_process_recording': false }, says: '执法全过程记录' },
  'HN-16-disclosure-7-workdays': { pass: { 'enforcement.decisions.0.published_on': '2024-10-12' }, fail: { 'enforcement.decisions.0.published_on': '2024-10-14' }, says: '示范人社罚决〔2024〕11号' },
  'HN-16-disclosure-20-workdays': { pass: { 'enforcement.decisions.2.published_on': '2024-05-30' }, fail: { 'enforcement.decisions.2.published_on': '2024-05-31' }, says: '示范人社检〔2024〕8号' },
  // In 2025 the province's late-December licence falls before New Year 2026, so its publication moves to the 7th working day.
  'HN-20-gold-mediation-orgs': {
    year: 2025,
    base: PROVINCE,
    pass: { 'disputes.gold_mediation_orgs': 300, 'enforcement.decisions.0.published_on': '2026-01-07' },
    fail: { 'disputes.gold_mediation_orgs': 299, 'enforcement.decisions.0.published_on': '2026-01-07' },
    says: '实际 299,要求 ≥ 300',
  },
  'HN-23-contact-village': { pass: { 'legal_education.contact_villages': 1 }, fail: { 'legal_education.contact_villages': 0 } },
  'HN-26-proactive-disclosure': { pass: { 'transparency.proactive_disclosure_rate': 1 }, fail: { 'transparency.proactive_disclosure_rate': '99.99%' }, says: '实际 99.99%,要求 = 100%' },
  'HN-30-annual-meeting': { pass: { 'leadership.annual_planning_meetings': 1 }, fail: { 'leadership.annual_planning_meetings': 0 } },
  'HN-30-annual-report-published': { pass: { 'leadership.annual_report_published_on': '2025-01-15' }, fail: { as_of: '2025-04-10', 'leadership.annual_report_published_on': '2025-04-01' }, says: '最迟应于 2025-03-31 公开' },
  'HN-32-collective-study': { pass: { 'training.collective_law_study_sessions': 3 }, fail: { 'training.collective_law_study_sessions': 2 }, says: '实际 2,要求 ≥ 3' },
  'HN-32-law-lectures': { pass: { 'training.law_lectures': 2 }, fail: { 'training.law_lectures': 1 } },
  'HN-32-special-training': { pass: { 'training.special_trainings': 1 }, fail: { 'training.special_trainings': 0 } },
  'HN-32-court-hearing': { pass: { 'training.court_hearing_visits': 1 }, fail: { 'training.court_hearing_visits': 0 } },
};

/** The rules whose fields must simply all be true: each fails when one of them is false, naming it by its label. */
const FIELDS_MUST_BE_TRUE = [
  'HN-04-fee-list-published', 'HN-04-service-lists', 'HN-04-fee-complaints', 'HN-05-licensing-lists', 'HN-05-approval-items-published',
  'HN-06-supervision-list', 'HN-07-cross-province-window', 'HN-07-service-systems', 'HN-07-one-thing-services', 'HN-07-satisfaction-index',
  'HN-10-three-unified', 'HN-10-validity-cleanup', 'HN-12-decision-catalog', 'HN-14-legal-review-staff', 'HN-14-case-transfer',
  'HN-16-items-legal-basis', 'HN-16-discretion-standards', 'HN-17-minor-violation-list', 'HN-18-emergency-plan', 'HN-21-court-appearance',
  'HN-21-judicial-consultation', 'HN-21-judgments-performed', 'HN-21-procuratorial-suggestions', 'HN-23-responsibility-list',
  'HN-23-constitution-publicity', 'HN-23-five-ones', 'HN-23-head-lectures', 'HN-23-lecturer-group', 'HN-25-separation', 'HN-25-case-file-review',
  'HN-25-enforcement-supervisors', 'HN-26-disclosure-catalog', 'HN-30-plan-inclusion', 'HN-30-leaders-report-on-law', 'HN-31-leading-group',
  'HN-31-liaison', 'HN-31-legal-advisers', 'HN-31-public-lawyers', 'HN-31-budget', 'HN-32-study-plan', 'HN-32-constitutional-oath',
];

const pack = loadPack(BUNDLED_PACK);

function booleanCase(rule: string): RuleCase {
  const check = pack.rules.find((r) => r.id === rule)?.check as BooleanCheck;
  const last = check.fields[check.fields.length - 1];
  return { fail: { [last]: false }, shows: `${fieldLabel(last, 'zh')} = 否` };
}

const CASES: Record<string, RuleCase> = { ...SPECIAL, ...Object.fromEntries(FIELDS_MUST_BE_TRUE.map((rule) => [rule, booleanCase(rule)])) };

test('every rule of the Hunan pack has a case here, and nothing else does', () => {
  expect(Object.keys(CASES).sort()).toEqual(pack.rules.map((r) => r.id).sort());
  expect(FIELDS_MUST_BE_TRUE.every((rule) => (pack.rules.find((r) => r.id === rule)?.check as BooleanCheck | undefined)?.kind === 'boolean')).toBe(true);
});

describe.each(Object.entries(CASES))('%s', (rule, { base = CITY_ALL_MET, year, pass = {}, fail, says, shows, alsoFails = [] }) => {
  const build = (edits: Edits): string => (year ? variantIn(year, base, edits) : variant(base, edits));
  test('passes when the target is met', async () => {
    const { status, submissions } = await checkJson([build(pass)]);
    const finding = submissions[0].findings.find((f) => f.rule === rule);
    expect(finding?.status).toBe('pass');
    expect(submissions[0].summary.fail).toBe(0);
    expect(status).toBe(0);
  });

  test('fails when the target is missed, and only this rule fails', async () => {
    const { status, submissions } = await checkJson([build(fail)]);
    const failing = submissions[0].findings.filter((f) => f.status === 'fail');
    expect(failing.map((f) => f.rule).sort()).toEqual([rule, ...alsoFails].sort());
    const finding = failing.find((f) => f.rule === rule);
    if (says) expect(finding?.message.zh).toContain(says);
    if (shows) expect(finding?.evidence.map((e) => e.detail).join('\n')).toContain(shows);
    expect(status).toBe(1);
  });
});
