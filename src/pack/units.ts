import { displayDecimal, exactOf, scaled, type Exact } from '../core/exact-number';
import type { Lang } from '../core/i18n';
import type { Operator, Unit } from './types';

/**
 * A ratio as a percentage: exactly as it terminates (0.89995 → "89.995%"), otherwise rounded with as many
 * decimals as keep it on its own side of the threshold, marked ≈ (2/3 → "≈66.67%").
 */
export function percent(ratio: number | Exact, threshold?: number | Exact): string {
  const value = typeof ratio === 'number' ? exactOf(ratio) : ratio;
  const limit = threshold === undefined ? undefined : typeof threshold === 'number' ? exactOf(threshold) : threshold;
  return `${displayDecimal(scaled(value, 100n), limit && scaled(limit, 100n))}%`;
}

/** A quantity as a person reads it, in the given language; a ratio never rounded across `threshold`. */
export function formatQuantity(value: number | boolean | Exact, unit: Unit, lang: Lang, threshold?: number | Exact): string {
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (unit === 'ratio') return percent(value, threshold);
  const shown = typeof value === 'number' ? String(value) : displayDecimal(value);
  switch (unit) {
    case 'days':
      return lang === 'zh' ? `${shown} 日` : `${shown} day${shown === '1' ? '' : 's'}`;
    case 'working_days':
      return lang === 'zh' ? `${shown} 个工作日` : `${shown} working day${shown === '1' ? '' : 's'}`;
    default:
      return shown;
  }
}

export const OPERATOR_SYMBOL: Readonly<Record<Operator, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

/** "≥ 90%": the requirement in symbols both languages read alike. */
export function formatRequirement(operator: Operator, value: number | boolean, unit: Unit, lang: Lang): string {
  if (unit === 'boolean') return formatQuantity(value, unit, lang);
  return `${OPERATOR_SYMBOL[operator]} ${formatQuantity(value, unit, lang)}`;
}
