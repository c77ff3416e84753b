import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSchema, choicesOf, groupField, LIST_SCHEMA, recordField, submissionField, topField } from '../src/engine/kinds/schema';
import { isInputError, type InputProblem } from '../src/intake/problem';
import { ruleFieldProblems, SUBMISSION_CHOICES, SUBMISSION_FIELD, type PackSchema } from '../src/pack/fields';
import { loadPack } from '../src/pack/load';
import type { Rule } from '../src/pack/types';
import { editedPack, ROOT } from './helpers';

/**
 * The field proof is data: each property of a check that names a submission field carries `x-submission-field`
 * (and a list of set choices `x-submission-choices`) in its kind's schema fragment, and src/pack/fields.ts proves
 * what the annotations say. One test per form of the annotation, on the bundled pack edited, then a kind that
 * exists only as a schema fragment.
 */

const replace = (from: string, to: string) => (text: string) => {
  if (!text.includes(from)) throw new Error(`pack.yaml has no ${from}`);
  return text.replace(from, to);
};

/** The problems loading the edited pack gives: field, Chinese, English and what was expected. */
function problems(edit: (text: string) => string): { field?: string; zh: string; en: string; expected?: string }[] {
  const dir = editedPack(edit);
  try {
    loadPack(dir);
  } catch (error) {
    if (!isInputError(error)) throw error;
    return error.problems.map((p: InputProblem) => ({ field: p.field, zh: p.message.zh, en: p.message.en, ...(p.expected ? { expected: p.expected.en } : {}) }));
  }
  throw new Error('the edited pack loaded');
}

describe('x-submission-field: a misspelt field in each scope is refused with its message', () => {
  test('scope top: a dot path from the top of a submission, with the name most likely meant', () => {
    expect(problems(replace('field: services.online_handling_rate', 'field: services.online_handlng_rate'))).toEqual([
      {
        field: 'rules[8].check.field',
        zh: '规则 HN-07-online-handling-rate:报送格式中没有字段 services.online_handlng_rate(services 中没有 online_handlng_rate,是不是 services.online_handling_rate?)',
        en: 'Rule HN-07-online-handling-rate: the submission schema has no field services.online_handlng_rate (services has no online_handlng_rate; did you mean services.online_handling_rate?)',
        expected: 'a rate of the submission schema (schemas/submission.schema.json)',
      },
    ]);
  });

  test('scope top, on the items of a list of field names', () => {
    expect(problems(replace('fields: [functions.power_list_published]', 'fields: [functions.power_list_publishd]'))).toEqual([
      expect.objectContaining({ field: 'rules[0].check.fields[0]', en: expect.stringContaining('has no field functions.power_list_publishd (functions has no power_list_publishd; did you mean functions.power_list_published?)') }),
    ]);
  });

  test('scope records: one name of a field of the records of the list the check opened', () => {
    expect(problems(replace('conditions: [{ field: legality_review', 'conditions: [{ field: legality_reviewd'))).toEqual([
      {
        field: 'rules[16].check.first_given[0].conditions[0].field',
        zh: '规则 HN-10-legality-review:报送格式中没有字段 legality_reviewd(normative_documents.items 的记录中没有 legality_reviewd,是不是 legality_review?)',
        en: 'Rule HN-10-legality-review: the submission schema has no field legality_reviewd (the records of normative_documents.items has no legality_reviewd; did you mean legality_review?)',
        expected: 'a yes/no field (true/false) in the records of normative_documents.items',
      },
    ]);
  });

  test('scope records: one name, never a dot path', () => {
    expect(problems(replace('from: decided_on', 'from: decisions.decided_on'))).toEqual([
      expect.objectContaining({ field: 'rules[33].check.from', en: 'Rule HN-16-disclosure-7-workdays: decisions.decided_on must be one field name of the records of enforcement.decisions, without "."' }),
    ]);
  });

  test('scope records, on a shared piece (exempt_when) and on the record id', () => {
    expect(problems(replace('record_id: name', 'record_id: nmae'))).toEqual([expect.objectContaining({ field: 'rules[6].check.record_id', en: expect.stringContaining('has no field nmae (the records of functions.new_certification_items has no nmae; did you mean name?)') })]);
    const withheld = problems(replace('select: { field: type, in: [licensing, penalty] }\n      exempt_when: { field: withheld_under }', 'select: { field: type, in: [licensing, penalty] }\n      exempt_when: { field: withheld }'));
    expect(withheld).toEqual([expect.objectContaining({ field: 'rules[33].check.exempt_when.field', en: expect.stringContaining('has no field withheld (the records of enforcement.decisions has no withheld') })]);
  });

  test('scope group: one name of a field of the group the check opened in the records', () => {
    expect(problems(replace('      to: to\n', '      to: until\n'))).toEqual([
      {
        field: 'rules[26].check.to',
        zh: '规则 HN-12-comment-period:报送格式中没有字段 until(major_decisions.items 记录的 public_consultation 中没有 until)',
        en: 'Rule HN-12-comment-period: the submission schema has no field until (public_consultation of the records of major_decisions.items has no until)',
        expected: 'a date in public_consultation of the records of major_decisions.items',
      },
    ]);
  });

  test('opens: where the opener is not proved, nothing in its scope is', () => {
    // The list is a count: its records' fields are not looked for.
    expect(problems(replace('list: normative_documents.items, conditions: [{ field: legality_review', 'list: normative_documents.post_enactment_evaluations, conditions: [{ field: legality_reviewd'))).toEqual([
      expect.objectContaining({ field: 'rules[16].check.first_given[0].list', en: expect.stringContaining('is a count (a whole number), but a every_record check needs a list of records here') }),
    ]);
    // The group is misspelt: from, to and exception, the group's fields, are not looked for.
    expect(problems((text) => replace('      period: public_consultation\n', '      period: consultation\n')(replace('      to: to\n', '      to: until\n')(text)))).toEqual([
      expect.objectContaining({ field: 'rules[26].check.period', en: expect.stringContaining('has no field consultation (the records of major_decisions.items has no consultation') }),
    ]);
  });
});

describe('x-submission-field: a field of the wrong shape is refused with its message', () => {
  test('shapes: a count where a yes/no field is read', () => {
    expect(problems(replace('fields: [functions.power_list_published]', 'fields: [training.law_lectures]'))).toEqual([
      {
        field: 'rules[0].check.fields[0]',
        zh: '规则 HN-04-power-list-published:training.law_lectures(法治专题讲座期数) 为数量字段(整数),而 boolean 检查在这里需要是/否字段(true/false)',
        en: 'Rule HN-04-power-list-published: training.law_lectures is a count (a whole number), but a boolean check needs a yes/no field (true/false) here',
        expected: 'a yes/no field (true/false) of the submission schema (schemas/submission.schema.json)',
      },
    ]);
  });

  test('shapes, in the group: a text where a date is read', () => {
    expect(problems(replace('      to: to\n', '      to: shortened_reason\n'))).toEqual([
      expect.objectContaining({ field: 'rules[26].check.to', en: expect.stringMatching(/^Rule HN-12-comment-period: shortened_reason is a text field, but a comment_period check needs a date here$/) }),
    ]);
  });

  test('shapesWhen on a path below the sibling: a ratio target reads a rate, any other a count', () => {
    expect(problems(replace('field: services.online_handling_rate', 'field: training.law_lectures'))).toEqual([
      expect.objectContaining({ field: 'rules[8].check.field', en: 'Rule HN-07-online-handling-rate: training.law_lectures is a count (a whole number), but a threshold check needs a rate here' }),
    ]);
    expect(problems(replace('field: training.law_lectures', 'field: services.one_window_rate'))).toEqual([
      expect.objectContaining({ field: 'rules[66].check.field', en: 'Rule HN-32-law-lectures: services.one_window_rate is a rate, but a threshold check needs a count (a whole number) here' }),
    ]);
  });

  test('shapesWhen on a sibling: names_text reads a text, the other tests a yes/no field', () => {
    expect(problems(replace('conditions: [{ field: legality_review, test: is_true }]', 'conditions: [{ field: legality_review, test: names_text }]'))).toEqual([
      expect.objectContaining({ field: 'rules[16].check.first_given[0].conditions[0].field', en: 'Rule HN-10-legality-review: legality_review is a yes/no field (true/false), but a every_record check needs a text field here' }),
    ]);
    expect(() => loadPack(editedPack(replace('conditions: [{ field: legality_review, test: is_true }]', 'conditions: [{ field: title, test: names_text }]')))).not.toThrow();
  });

  test('shapesWhen on a rule\'s not_applicable_when: a yes/no field for true or false, a count or rate for a number', () => {
    expect(problems(replace('field: services.named_bad_reviews, equals: 0', 'field: services.named_bad_reviews, equals: false'))).toEqual([
      expect.objectContaining({ field: 'rules[14].not_applicable_when.field', en: expect.stringContaining('services.named_bad_reviews is a count (a whole number), but a') }),
    ]);
  });
});

describe('x-submission-choices: a value that is not a choice of its field', () => {
  test('is refused with the choices the field has', () => {
    expect(problems(replace('in: [licensing, penalty]', 'in: [licencing, penalty]'))).toEqual([
      {
        field: 'rules[33].check.select.in[0]',
        zh: '规则 HN-16-disclosure-7-workdays:licencing 不是 type 的可选值',
        en: 'Rule HN-16-disclosure-7-workdays: licencing is not a choice of type',
        expected: 'one of licensing, penalty, inspection, other',
      },
    ]);
    expect(problems(replace('not_in: [licensing, penalty]', 'not_in: [licensing, fine]'))).toEqual([expect.objectContaining({ field: 'rules[34].check.select.not_in[1]', en: 'Rule HN-16-disclosure-20-workdays: fine is not a choice of type' })]);
  });

  test('is not looked for while the field itself is not proved', () => {
    expect(problems(replace('select: { field: type, in: [licensing, penalty] }', 'select: { field: kind, in: [licencing, penalty] }'))).toEqual([expect.objectContaining({ field: 'rules[33].check.select.field' })]);
  });
});

test('problems on one line come out in the order the schema lists the fields', () => {
  const flow = 'check: { kind: disclosure_deadline, list: enforcement.decisions, to: published_onn, from: decided_onn, select: { field: typ, in: [x] }, exempt_when: { field: withheld }, operator: "<=", wording: 个工作日内, threshold: { value: 7, unit: working_days } }';
  const block = /    check:\n      kind: disclosure_deadline\n[\s\S]*?threshold: \{ value: 7, unit: working_days \}\n      note: >-\n(?:        .*\n)+/;
  const said = problems((text) => {
    if (!block.test(text)) throw new Error('no 7-day disclosure rule');
    return text.replace(block, `    ${flow}\n`);
  });
  expect(said.map((p) => p.field)).toEqual(['rules[33].check.select.field', 'rules[33].check.from', 'rules[33].check.to', 'rules[33].check.exempt_when.field']);
});

describe('a kind\'s schema fragment alone drives the proof', () => {
  // A kind no code knows: its fragment, with the shared helpers, says which of its properties name fields.
  const fragment = checkSchema('survey' as never, ['list', 'score'], {
    list: LIST_SCHEMA,
    score: recordField(['count']),
    answers: submissionField({ type: 'string' }, { scope: 'records', shapes: ['group'], opens: 'group' }),
    first: groupField(['date']),
    total: topField(['count', 'rate'], { type: 'string' }),
    basis: recordField(['choice']),
    kinds: choicesOf('basis'),
  });
  const packSchema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'rule-pack.schema.json'), 'utf8')) as PackSchema & { definitions: { check: { allOf: unknown[] } } };
  packSchema.definitions.check.allOf.push({ if: { required: ['kind'], properties: { kind: { const: 'survey' } } }, then: fragment });
  const rule = (check: Record<string, unknown>): Rule => ({ id: 'XX-1-survey', check: { kind: 'survey', ...check } }) as unknown as Rule;
  const said = (check: Record<string, unknown>): [string | undefined, string][] => ruleFieldProblems(rule(check), 0, 'pack.yaml', () => ({ line: 1, column: 1 }), packSchema).map((p) => [p.field, p.message.en]);

  test('the fragment carries the annotations as the pack schema would', () => {
    expect((fragment as { properties: Record<string, Record<string, unknown>> }).properties.score[SUBMISSION_FIELD]).toEqual({ scope: 'records', shapes: ['count'] });
    expect((fragment as { properties: Record<string, Record<string, unknown>> }).properties.kinds[SUBMISSION_CHOICES]).toEqual({ of: 'basis' });
  });

  test('every annotated property of the new kind is proved, in its scope, with the existing messages', () => {
    expect(said({ list: 'major_decisions.items', score: 'scor', answers: 'public_consultation', first: 'frm', total: 'services.online_handling_rate' })).toEqual([
      ['rules[0].check.score', 'Rule XX-1-survey: the submission schema has no field scor (the records of major_decisions.items has no scor)'],
      ['rules[0].check.first', 'Rule XX-1-survey: the submission schema has no field frm (public_consultation of the records of major_decisions.items has no frm; did you mean from?)'],
    ]);
    expect(said({ list: 'major_decisions.items', score: 'title', total: 'services' })).toEqual([
      ['rules[0].check.score', 'Rule XX-1-survey: title is a text field, but a survey check needs a count (a whole number) here'],
      ['rules[0].check.total', 'Rule XX-1-survey: services is a group of fields, but a survey check needs a count (a whole number) or a rate here'],
    ]);
    expect(said({ list: 'enforcement.decisions', score: 'id', basis: 'type', kinds: ['penalty', 'fine'] })).toEqual([
      ['rules[0].check.score', expect.stringContaining('but a survey check needs a count (a whole number) here')],
      ['rules[0].check.kinds[1]', 'Rule XX-1-survey: fine is not a choice of type'],
    ]);
    expect(said({ list: 'services.online_handling_rate', score: 'nothing' })).toEqual([['rules[0].check.list', 'Rule XX-1-survey: services.online_handling_rate is a rate, but a survey check needs a list of records here']]);
  });

  test('the bundled kinds\' fragments give the bundled pack no problem', () => {
    const pack = loadPack(join(ROOT, 'rules', 'hunan-hrss-2022-2025'));
    pack.rules.forEach((r, i) => expect(ruleFieldProblems(r, i, pack.file, () => ({ line: 1, column: 1 }))).toEqual([]));
  });
});
