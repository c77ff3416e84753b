import { bi } from '../../core/i18n';
import type { BooleanCheck } from '../../pack/types';
import { formatQuantity } from '../../pack/units';
import { fieldLabel } from '../../submission/field-labels';
import type { Submission } from '../../submission/types';
import { allTrueLeaf } from '../conditions';
import type { Observation } from '../observation';
import { missingFields, toPath, valueAt } from './context';
import { trueExpected, type CheckKind } from './kind';
import { checkSchema, NOTE_SCHEMA, topField, WORDING_SCHEMA } from './schema';

/** The key a field's truth goes by when a check has several: its last step. */
const keyOf = (field: string): string => field.split('.').pop() as string;

/** One or more fields that must be true; a false one decides even when another is missing. */
export function measureBoolean(check: BooleanCheck, submission: Submission): Observation {
  const values = check.fields.map((field) => [field, valueAt(submission, field)] as const);
  const missing = values.filter(([, value]) => value === undefined).map(([field]) => field);
  const anyFalse = values.some(([, value]) => value === false);
  if (missing.length > 0 && !anyFalse) return missingFields(missing);
  const known = values.filter(([, value]) => value !== undefined) as (readonly [string, boolean])[];
  const actual = check.fields.length === 1 ? known[0][1] : Object.fromEntries(known.map(([field, value]) => [keyOf(field), value]));
  return { actual, problems: [], notes: [], checked: 0, fields: check.fields.map(toPath) };
}

export const booleanKind: CheckKind<BooleanCheck> = {
  kind: 'boolean',
  meta: {
    perRecord: false,
    description: bi('一个或多个字段须为“是”;有一项为“否”即不符合,即使另一项未填写', 'One or more fields must be true; a false one fails the rule even where another is not given'),
    statuses: ['pass', 'fail', 'missing_data', 'not_applicable'],
    schema: checkSchema('boolean', ['fields'], {
      note: NOTE_SCHEMA,
      fields: { type: 'array', minItems: 1, items: topField(['flag']) },
      wording: WORDING_SCHEMA,
    }),
  },
  condition: (_check, fact) => allTrueLeaf(fact),
  expected: trueExpected,
  measure: measureBoolean,
  words: {
    /** Several fields: each by its label, with its truth. */
    found(check, { actual }, lang) {
      if (actual === null || typeof actual !== 'object') return undefined;
      const parts = Object.entries(actual).map(([key, value]) => `${fieldLabel(check.fields.find((f) => f.endsWith(`.${key}`)) ?? key, lang)}${lang === 'zh' ? ':' : ': '}${formatQuantity(value, 'boolean', lang)}`);
      return parts.join(lang === 'zh' ? ';' : '; ');
    },
    /** Several fields: the ones not in place. */
    fail(check, { actual }) {
      if (actual === null || typeof actual !== 'object') return undefined;
      const missing = check.fields.filter((f) => actual[keyOf(f)] === false);
      return bi(`未落实:${missing.map((f) => fieldLabel(f, 'zh')).join('、')}`, `not in place: ${missing.map((f) => fieldLabel(f, 'en')).join(', ')}`);
    },
  },
};
