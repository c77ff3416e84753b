import { kindOf } from '../engine/kinds';
import type { Observation } from '../engine/observation';
import { bi, type Bilingual, type Lang } from '../core/i18n';
import type { Rule } from '../pack/types';
import { fieldLabel } from '../submission/field-labels';
import { formatQuantity, formatRequirement } from '../pack/units';
import type { Expected, Status } from './types';

function requirement(expected: Expected, lang: Lang): string {
  return formatRequirement(expected.operator, expected.value, expected.unit, lang);
}

/** The figure found, as a person reads it: the exact figure written, never rounded across the threshold. */
export function foundFigure(rule: Rule, observation: Observation, expected: Expected, lang: Lang): string {
  const { actual } = observation;
  if (actual === null) return lang === 'zh' ? '无' : 'none';
  const own = kindOf(rule.check).words?.found?.(rule.check, observation, lang);
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
function scalarMessage(rule: Rule, status: Status, observation: Observation, expected: Expected): Bilingual {
  const { check } = rule;
  const words = kindOf(check).words;
  const found = bi(foundFigure(rule, observation, expected, 'zh'), foundFigure(rule, observation, expected, 'en'));
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

/** The finding's message: the rule's title, then what was found against what is required. */
export function findingMessage(rule: Rule, status: Status, observation: Observation, expected: Expected, perRecord: boolean): Bilingual {
  let body: Bilingual;
  if (observation.undecided) {
    const { reason } = observation.undecided;
    body = status === 'missing_data' ? bi(`缺少数据:${reason.zh};缺少数据不视为通过`, `missing data: ${reason.en}; missing data never counts as a pass`) : bi(`不适用:${reason.zh}`, `not applicable: ${reason.en}`);
  } else {
    body = perRecord ? perRecordMessage(status, observation, expected) : scalarMessage(rule, status, observation, expected);
  }
  return bi(`${rule.title.zh}:${body.zh}`, `${rule.title.en}: ${body.en}`);
}
