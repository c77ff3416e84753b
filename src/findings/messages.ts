import type { Observation } from '../engine/observation';
import { bi, type Bilingual, type Lang } from '../i18n';
import type { Rule } from '../pack/types';
import { formatQuantity, formatRequirement, percent } from '../units';
import type { Expected, Status } from './types';

function requirement(expected: Expected, lang: Lang): string {
  return formatRequirement(expected.operator, expected.value, expected.unit, lang);
}

function actualText(observation: Observation, expected: Expected, lang: Lang): string {
  const { actual } = observation;
  if (actual === null) return lang === 'zh' ? '无' : 'none';
  if (typeof actual === 'object') {
    const parts = Object.entries(actual).map(([field, value]) => `${field} ${formatQuantity(value, 'boolean', lang)}`);
    return parts.join(lang === 'zh' ? '、' : ', ');
  }
  return formatQuantity(actual, expected.unit, lang);
}

function recordList(observation: Observation, verdicts: readonly string[]): string {
  const names = observation.problems.filter((p) => verdicts.includes(p.verdict)).map((p) => p.record);
  return names.join(', ');
}

function perRecordMessage(status: Status, observation: Observation, expected: Expected): Bilingual {
  const n = observation.checked;
  const count = (verdicts: string[]): number => observation.problems.filter((p) => verdicts.includes(p.verdict)).length;
  switch (status) {
    case 'pass':
      return bi(`已检查 ${n} 条记录,全部符合(要求 ${requirement(expected, 'zh')})`, `${n} record${n === 1 ? '' : 's'} checked, all meet the target (${requirement(expected, 'en')})`);
    case 'fail':
      return bi(`${count(['fail'])}/${n} 条记录不符合:${recordList(observation, ['fail'])}`, `${count(['fail'])} of ${n} records fall short: ${recordList(observation, ['fail'])}`);
    case 'warn':
      return bi(
        `${count(['warn'])}/${n} 条记录未达到 ${requirement(expected, 'zh')},但已说明理由:${recordList(observation, ['warn'])}`,
        `${count(['warn'])} of ${n} records fall short of ${requirement(expected, 'en')} for a stated reason: ${recordList(observation, ['warn'])}`,
      );
    default: {
      const unknown = ['missing', 'unknown_calendar'];
      const first = observation.problems.find((p) => unknown.includes(p.verdict));
      return bi(
        `${count(unknown)}/${n} 条记录无法判断(${first?.detail.zh}):${recordList(observation, unknown)};缺少数据不视为通过`,
        `${count(unknown)} of ${n} records cannot be judged (${first?.detail.en}): ${recordList(observation, unknown)}; missing data never counts as a pass`,
      );
    }
  }
}

function scalarMessage(rule: Rule, status: Status, observation: Observation, expected: Expected): Bilingual {
  const found = { zh: actualText(observation, expected, 'zh'), en: actualText(observation, expected, 'en') };
  if (status === 'pending' && rule.check.kind === 'milestone' && typeof observation.actual === 'number') {
    const { due_year: due, threshold } = rule.check;
    const progress = percent(observation.actual / threshold.value);
    return bi(
      `进度 ${found.zh}/${formatQuantity(threshold.value, threshold.unit, 'zh')}(${progress}),须于 ${due} 年底前达到 ${requirement(expected, 'zh')}`,
      `progress ${found.en} of ${formatQuantity(threshold.value, threshold.unit, 'en')} (${progress}); ${requirement(expected, 'en')} is due by the end of ${due}`,
    );
  }
  if (status === 'fail' && typeof observation.actual === 'object' && observation.actual !== null) {
    const missing = Object.entries(observation.actual).filter(([, value]) => value !== true).map(([field]) => field);
    return bi(`未落实:${missing.join('、')}`, `not in place: ${missing.join(', ')}`);
  }
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
