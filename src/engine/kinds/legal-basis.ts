import { exactRatio } from '../../core/exact-number';
import { bi, type Bilingual } from '../../core/i18n';
import type { LegalBasisCheck, LegalBasisKind } from '../../pack/types';
import type { Submission } from '../../submission/types';
import { noProblemsLeaf } from '../conditions';
import type { Observation, RecordNote, RecordProblem } from '../observation';
import { isObservation, recordList, recordName } from './context';
import { everyRecordExpected, type CheckKind } from './kind';
import { checkSchema, LIST_SCHEMA, NOTE_SCHEMA, RECORD_ID_SCHEMA, recordField, WORDING_SCHEMA } from './schema';

/** The kinds of instrument in words; the plan's 法律法规 are laws and regulations (行政法规、地方性法规). */
export const BASIS_KIND_NAMES: Readonly<Record<LegalBasisKind, Bilingual>> = {
  law: bi('法律', 'a law'),
  administrative_regulation: bi('行政法规', 'an administrative regulation'),
  local_regulation: bi('地方性法规', 'a local regulation'),
  state_council_decision: bi('国务院决定', 'a State Council decision'),
  departmental_rule: bi('部门规章', 'a departmental rule'),
  local_government_rule: bi('地方政府规章', 'a local government rule'),
  normative_document: bi('规范性文件', 'a normative document'),
  other: bi('会议决定等其他文件', 'a meeting decision or another paper that is no legal instrument'),
  none: bi('无依据', 'no basis'),
};

const compiled = new Map<string, RegExp>();

function pattern(source: string): RegExp {
  let regex = compiled.get(source);
  if (!regex) compiled.set(source, (regex = new RegExp(source, 'u')));
  return regex;
}

/** The kind a basis's title names, by the pack's patterns in order; undefined when none fits. */
function inferKind(check: LegalBasisCheck, text: string): LegalBasisKind | undefined {
  const normalized = text.normalize('NFKC').trim();
  return check.infer.find((p) => pattern(p.pattern).test(normalized))?.kind;
}

function allowedWords(check: LegalBasisCheck): Bilingual {
  return bi(check.allowed.map((k) => BASIS_KIND_NAMES[k].zh).join('、'), check.allowed.map((k) => BASIS_KIND_NAMES[k].en).join(', '));
}

/**
 * Every record's legal basis is of an allowed kind. The kind is the record's own statement, else read off the
 * basis's title (the reading is shown); a basis that can be read as no kind is missing data, never a pass.
 */
export function measureLegalBasis(check: LegalBasisCheck, submission: Submission): Observation {
  const list = recordList(submission, check.list);
  if (isObservation(list)) return list;
  const problems: RecordProblem[] = [];
  const notes: RecordNote[] = [];
  const allowed = allowedWords(check);
  list.records.forEach((record, index) => {
    const name = recordName(record, index, check.record_id);
    const text = typeof record[check.text] === 'string' ? (record[check.text] as string).trim() : '';
    const stated = record[check.kind_field] as LegalBasisKind | undefined;
    const path = [...list.path, index, stated ? check.kind_field : check.text];
    // A kind alone names no instrument: 以法律法规或者国务院决定为依据 needs the basis itself.
    if (text === '') {
      problems.push({ record: name, path: [...list.path, index, check.text], verdict: 'fail', detail: bi(`未写明设定依据;应以${allowed.zh}为依据`, `no legal basis is stated; it must be ${allowed.en}`) });
      return;
    }
    const kind = stated ?? inferKind(check, text);
    if (!kind) {
      problems.push({ record: name, path, verdict: 'missing', detail: bi(`无法从“${text}”判断依据的类别,请填写依据类别`, `the kind of "${text}" cannot be told from its title; state the basis's kind`) });
      return;
    }
    if (kind === 'none') {
      problems.push({ record: name, path, verdict: 'fail', detail: bi(`没有设定依据(填写为“${text}”);应以${allowed.zh}为依据`, `no legal basis (given as "${text}"); it must be ${allowed.en}`) });
      return;
    }
    const kindName = BASIS_KIND_NAMES[kind];
    const reading = stated ? bi(`依据类别为${kindName.zh}`, `the basis is stated to be ${kindName.en}`) : bi(`依据“${text}”按名称推断为${kindName.zh}`, `the basis "${text}" reads from its title as ${kindName.en}`);
    const correct = stated ? bi('', '') : bi(';如推断有误,请填写依据类别', '; if that reading is wrong, state its kind');
    if (check.allowed.includes(kind)) {
      if (!stated) notes.push({ record: name, path, remark: 'inferred', detail: bi(`${reading.zh}${correct.zh}`, `${reading.en}${correct.en}`) });
      return;
    }
    problems.push({ record: name, path, verdict: 'fail', detail: bi(`${reading.zh},不是${allowed.zh}${correct.zh}`, `${reading.en}, not ${allowed.en}${correct.en}`) });
  });
  const compliant = list.records.length - problems.length;
  return { actual: compliant / list.records.length, exact: exactRatio(compliant, list.records.length), problems, notes, checked: list.records.length, fields: [] };
}

const BASIS_KIND_SCHEMA = { enum: Object.keys(BASIS_KIND_NAMES) };

export const legalBasisKind: CheckKind<LegalBasisCheck> = {
  kind: 'legal_basis',
  meta: {
    perRecord: true,
    description: bi(
      '每条记录须写明设定依据,且依据属于允许的类别;记录未填写类别的,按依据名称推断并说明',
      'Every record names a legal basis of an allowed kind; where the record does not state the kind, it is read off the basis\'s title and the reading shown',
    ),
    statuses: ['pass', 'fail', 'missing_data', 'not_applicable'],
    schema: checkSchema('legal_basis', ['list', 'text', 'kind_field', 'allowed', 'infer', 'wording'], {
      note: NOTE_SCHEMA,
      wording: WORDING_SCHEMA,
      list: LIST_SCHEMA,
      record_id: RECORD_ID_SCHEMA,
      text: recordField(['text']),
      kind_field: recordField(['choice', 'text']),
      allowed: { type: 'array', minItems: 1, items: BASIS_KIND_SCHEMA },
      infer: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'pattern'],
          properties: {
            kind: BASIS_KIND_SCHEMA,
            pattern: { type: 'string', minLength: 1, description: 'a regular expression (Unicode) matched against the NFKC title of the basis' },
          },
        },
      },
    }),
  },
  condition: (_check, fact) => noProblemsLeaf(fact),
  expected: everyRecordExpected,
  measure: measureLegalBasis,
};
