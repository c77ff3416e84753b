import { kindOf } from '../engine/kinds';
import type { Observation, Undecided } from '../engine/observation';
import { bi, type Bilingual, type Lang } from '../core/i18n';
import type { Check } from '../pack/types';
import { fieldLabel } from '../submission/field-labels';
import { formatQuantity, formatRequirement } from '../pack/units';
import type { Expected, Status } from './types';

/** What is required, and for a dated threshold from when the value in force applies: `≥ 90%(2024-01-01 起施行)`. */
function requirement(expected: Expected, lang: Lang): string {
  const required = formatRequirement(expected.operator, expected.value, expected.unit, lang);
  if (expected.in_force_from === undefined) return required;
  return lang === 'zh' ? `${required}(${expected.in_force_from} 起施行)` : `${required} (in force from ${expected.in_force_from})`;
}

/** The figure found, as a person reads it: the exact figure written, never rounded across the threshold. */
export function foundFigure(check: Check, observation: Observation, expected: Expected, lang: Lang): string {
  const { actual } = observation;
  if (actual === null) return lang === 'zh' ? '无' : 'none';
  const own = kindOf(check).words?.found?.(check, observation, lang);
  if (own !== undefined) return own;
  if (typeof actual === 'object') {
    const parts = Object.entries(actual).map(([key, value]) => `${fieldLabel(key, lang)}${lang === 'zh' ? ':' : ': '}${formatQuantity(value, 'boolean', lang)}`);
    return parts.join(lang === 'zh' ? ';' : '; ');
  }
  if (typeof actual === 'boolean') return formatQuantity(actual, 'boolean', lang);
  const threshold = typeof expected.value === 'number' ? expected.value : undefined;
  return formatQuantity(observation.exact ?? actual, expected.unit, lang, threshold);
}

function names(observation: Observation, verdicts: readonly string[]): string {
  return observation.problems.filter((p) => verdicts.includes(p.verdict)).map((p) => p.record).join(', ');
}

/** What the records a rule leaves out say: lawfully withheld, or not yet due. */
function remarks(observation: Observation): Bilingual {
  const exempt = observation.notes.filter((n) => n.remark === 'exempt').length;
  return exempt > 0 ? bi(`;另有 ${exempt} 条依法不予公开,不计入`, `; ${exempt} more lawfully withheld, not counted`) : bi('', '');
}

function perRecordMessage(status: Status, observation: Observation, expected: Expected): Bilingual {
  const n = observation.checked;
  const count = (verdicts: string[]): number => observation.problems.filter((p) => verdicts.includes(p.verdict)).length;
  const also = remarks(observation);
  switch (status) {
    case 'pass':
      return bi(`已检查 ${n} 条记录,全部符合(要求 ${requirement(expected, 'zh')})${also.zh}`, `${n} record${n === 1 ? '' : 's'} checked, all meet the target (${requirement(expected, 'en')})${also.en}`);
    case 'fail':
      return bi(`${count(['fail'])}/${n} 条记录不符合:${names(observation, ['fail'])}${also.zh}`, `${count(['fail'])} of ${n} records fall short: ${names(observation, ['fail'])}${also.en}`);
    case 'warn':
      return bi(
        `${count(['warn'])}/${n} 条记录未达到 ${requirement(expected, 'zh')},但已说明理由:${names(observation, ['warn'])}${also.zh}`,
        `${count(['warn'])} of ${n} records fall short of ${requirement(expected, 'en')} for a stated reason: ${names(observation, ['warn'])}${also.en}`,
      );
    case 'pending': {
      const waiting = observation.notes.filter((note) => note.remark === 'not_due').map((note) => note.record);
      return bi(
        `${waiting.length}/${n} 条记录尚未到期,暂不判定:${waiting.join(', ')};其余记录未见不符合${also.zh}`,
        `${waiting.length} of ${n} records are not yet due and cannot be judged yet: ${waiting.join(', ')}; none of the others falls short${also.en}`,
      );
    }
    default: {
      const unknown = ['missing', 'unknown_calendar'];
      const first = observation.problems.find((p) => unknown.includes(p.verdict));
      return bi(
        `${count(unknown)}/${n} 条记录无法判断(${first?.detail.zh}):${names(observation, unknown)};缺少数据不视为通过`,
        `${count(unknown)} of ${n} records cannot be judged (${first?.detail.en}): ${names(observation, unknown)}; missing data never counts as a pass`,
      );
    }
  }
}

/** A target's message: a kind's own words where it has them (progress towards a milestone), else found against required. */
function scalarMessage(check: Check, status: Status, observation: Observation, expected: Expected): Bilingual {
  const words = kindOf(check).words;
  const found = bi(foundFigure(check, observation, expected, 'zh'), foundFigure(check, observation, expected, 'en'));
  if (status === 'pending' && observation.notYetDue) {
    const due = observation.notYetDue;
    const own = words?.pending?.(check, observation, expected, found, due);
    if (own) return own;
    return bi(`目前 ${found.zh},要求 ${requirement(expected, 'zh')},暂未达到;${due.zh}`, `so far ${found.en}, required ${requirement(expected, 'en')}, not reached yet; ${due.en}`);
  }
  if (status === 'fail') {
    const own = words?.fail?.(check, observation);
    if (own) return own;
  }
  if (observation.detail) return observation.detail;
  const verdict = status === 'pass' ? bi('符合', 'met') : bi('未达到', 'not met');
  return bi(`实际 ${found.zh},要求 ${requirement(expected, 'zh')},${verdict.zh}`, `found ${found.en}, required ${requirement(expected, 'en')}: ${verdict.en}`);
}

/** Why nothing was compared: the data is missing (never a pass), or the check does not apply. */
export function undecidedMessage({ status, reason }: Undecided): Bilingual {
  return status === 'missing_data' ? bi(`缺少数据:${reason.zh};缺少数据不视为通过`, `missing data: ${reason.en}; missing data never counts as a pass`) : bi(`不适用:${reason.zh}`, `not applicable: ${reason.en}`);
}

/** What a check found against what it requires, without the rule's title: a finding's message, or one leaf's. */
export function checkMessage(check: Check, status: Status, observation: Observation, expected: Expected): Bilingual {
  if (observation.undecided) return undecidedMessage(observation.undecided);
  return kindOf(check).meta.perRecord ? perRecordMessage(status, observation, expected) : scalarMessage(check, status, observation, expected);
}

/** The finding's message: the rule's title, then what was found against what is required. */
export function findingMessage(title: Bilingual, body: Bilingual): Bilingual {
  return bi(`${title.zh}:${body.zh}`, `${title.en}: ${body.en}`);
}
