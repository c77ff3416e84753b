import type { Lang } from './i18n';
import type { Operator, Unit } from './pack/types';

/** 0.935 → "93.5%": at most two decimals, no trailing zeros. */
export function percent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(2))}%`;
}

/** A quantity as a person reads it, in the given language. */
export function formatQuantity(value: number | boolean, unit: Unit, lang: Lang): string {
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  switch (unit) {
    case 'ratio':
      return percent(value);
    case 'days':
      return lang === 'zh' ? `${value} 日` : `${value} day${value === 1 ? '' : 's'}`;
    case 'working_days':
      return lang === 'zh' ? `${value} 个工作日` : `${value} working day${value === 1 ? '' : 's'}`;
    default:
      return String(value);
  }
}

export const OPERATOR_SYMBOL: Readonly<Record<Operator, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

/** "≥ 90%": the requirement in symbols both languages read alike. */
export function formatRequirement(operator: Operator, value: number | boolean, unit: Unit, lang: Lang): string {
  if (unit === 'boolean') return formatQuantity(value, unit, lang);
  return `${OPERATOR_SYMBOL[operator]} ${formatQuantity(value, unit, lang)}`;
}
