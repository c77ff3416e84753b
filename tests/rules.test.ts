import { loadPack } from '../src/pack/load';
import { BUNDLED_PACK } from '../src/paths';
import { checkJson, CITY_ALL_MET, PROVINCE, variant, type Edits } from './helpers';

interface RuleCase {
  /** The base submission: the all-met city unless the rule is for another level. */
  base?: string;
  /** Edits that still meet the target (often its boundary); none means the base as it is. */
  pass?: Edits;
  fail: Edits;
  /** Words the failing finding's Chinese message must contain. */
  says?: string;
}

const province2025 = { year: 2025 };

/** For each of the 34 rules: a submission that meets it and one that misses it, through the CLI. */
const CASES: Record<string, RuleCase> = {
  'HN-04-power-list-published': { fail: { 'functions.power_list_published': false }, says: '实际 否' },
  'HN-04-fee-list-published': { fail: { 'functions.fee_list_published': false } },
  'HN-05-approval-items-published': { fail: { 'functions.approval_items_published': false } },
  'HN-05-certification-legal-basis': { fail: { 'functions.new_certification_items': [{ name: '无依据证明' }] }, says: '无依据证明' },
  'HN-06-supervision-list': { fail: { 'functions.supervision_list_compiled': false } },
  'HN-07-online-handling-rate': { pass: { 'services.online_handling_rate': '90%' }, fail: { 'services.online_handling_rate': '89.9%' }, says: '实际 89.9%,要求 ≥ 90%' },
  'HN-07-one-window-rate': { pass: { 'services.one_window_rate': '80%' }, fail: { 'services.one_window_rate': 0.7999 }, says: '79.99%' },
  'HN-07-cross-province-window': { fail: { 'services.cross_province_window': false } },
  'HN-07-bad-review-followup': { pass: { 'services.bad_review_followup_rate': 1 }, fail: { 'services.bad_review_followup_rate': '99.5%' }, says: '要求 = 100%' },
  'HN-10-legality-review': { fail: { 'normative_documents.items.0.legality_reviewed': false }, says: '示范人社规〔2024〕1号' },
  'HN-10-filing': { fail: { 'normative_documents.items.0.filed': false }, says: '示范人社规〔2024〕1号' },
  'HN-10-post-evaluation': { pass: { 'normative_documents.post_enactment_evaluations': 1 }, fail: { 'normative_documents.post_enactment_evaluations': 0 } },
  'HN-12-decision-catalog': { fail: { 'major_decisions.catalog_published': false } },
  'HN-12-legal-procedures': { fail: { 'major_decisions.items.0.legality_review': false }, says: 'SF-MD-2024-01' },
  'HN-12-collective-discussion': { fail: { 'major_decisions.items.0.collective_discussion': false }, says: 'SF-MD-2024-01' },
  'HN-12-comment-period': { pass: { 'major_decisions.items.0.public_consultation.to': '2024-05-01' }, fail: { 'major_decisions.items.0.public_consultation.to': '2024-04-30' }, says: 'SF-MD-2024-01' },
  'HN-12-archived': { fail: { 'major_decisions.items.0.archived': false } },
  'HN-14-certified-officers': { pass: { 'enforcement.officers_certified': 36 }, fail: { 'enforcement.officers_certified': 35 }, says: '要求 = 100%' },
  'HN-16-three-systems': { fail: { 'enforcement.three_systems.full_process_recording': false }, says: 'full_process_recording' },
  'HN-16-disclosure-7-workdays': { pass: { 'enforcement.decisions.0.published_on': '2024-10-12' }, fail: { 'enforcement.decisions.0.published_on': '2024-10-14' }, says: '示范人社罚决〔2024〕11号' },
  'HN-16-disclosure-20-workdays': { pass: { 'enforcement.decisions.2.published_on': '2024-05-30' }, fail: { 'enforcement.decisions.2.published_on': '2024-05-31' }, says: '示范人社检〔2024〕8号' },
  'HN-16-discretion-standards': { fail: { 'enforcement.discretion_standards_published': false } },
  'HN-20-gold-mediation-orgs': { base: PROVINCE, pass: { ...province2025, 'disputes.gold_mediation_orgs': 300 }, fail: { ...province2025, 'disputes.gold_mediation_orgs': 299 }, says: '实际 299,要求 ≥ 300' },
  'HN-23-contact-village': { pass: { 'legal_education.contact_villages': 1 }, fail: { 'legal_education.contact_villages': 0 } },
  'HN-23-responsibility-list': { fail: { 'legal_education.responsibility_list': false } },
  'HN-26-disclosure-catalog': { fail: { 'transparency.disclosure_catalog': false } },
  'HN-30-annual-meeting': { pass: { 'leadership.annual_planning_meetings': 1 }, fail: { 'leadership.annual_planning_meetings': 0 } },
  'HN-30-annual-report-published': { fail: { 'leadership.annual_report_published': false } },
  'HN-31-leading-group': { fail: { 'leadership.leading_group': false } },
  'HN-31-budget': { fail: { 'leadership.budgeted': false } },
  'HN-32-collective-study': { pass: { 'training.collective_law_study_sessions': 3 }, fail: { 'training.collective_law_study_sessions': 2 }, says: '实际 2,要求 ≥ 3' },
  'HN-32-law-lectures': { pass: { 'training.law_lectures': 2 }, fail: { 'training.law_lectures': 1 } },
  'HN-32-special-training': { pass: { 'training.special_trainings': 1 }, fail: { 'training.special_trainings': 0 } },
  'HN-32-court-hearing': { pass: { 'training.court_hearing_visits': 1 }, fail: { 'training.court_hearing_visits': 0 } },
};

test('every rule of the Hunan pack has a case here, and nothing else does', () => {
  expect(Object.keys(CASES).sort()).toEqual(loadPack(BUNDLED_PACK).rules.map((r) => r.id).sort());
  expect(Object.keys(CASES)).toHaveLength(34);
});

describe.each(Object.entries(CASES))('%s', (rule, { base = CITY_ALL_MET, pass = {}, fail, says }) => {
  test('passes when the target is met', async () => {
    const { status, submissions } = await checkJson([variant(base, pass)]);
    const finding = submissions[0].findings.find((f) => f.rule === rule);
    expect(finding?.status).toBe('pass');
    expect(submissions[0].summary.fail).toBe(0);
    expect(status).toBe(0);
  });

  test('fails when the target is missed, and only this rule fails', async () => {
    const { status, submissions } = await checkJson([variant(base, fail)]);
    const failing = submissions[0].findings.filter((f) => f.status === 'fail');
    expect(failing.map((f) => f.rule)).toEqual([rule]);
    if (says) expect(failing[0].message.zh).toContain(says);
    expect(status).toBe(1);
  });
});
