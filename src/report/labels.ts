import type { Status } from '../findings/types';
import { bi, type Bilingual } from '../i18n';

export const STATUS_LABELS: Readonly<Record<Status, Bilingual>> = {
  pass: bi('通过', 'pass'),
  fail: bi('不通过', 'fail'),
  warn: bi('警告', 'warn'),
  pending: bi('待到期', 'pending'),
  not_applicable: bi('不适用', 'not applicable'),
  missing_data: bi('缺数据', 'missing data'),
  waived: bi('已豁免', 'waived'),
};

export const STATUS_SYMBOLS: Readonly<Record<Status, string>> = {
  pass: '✓',
  fail: '✗',
  warn: '!',
  pending: '…',
  not_applicable: '–',
  missing_data: '?',
  waived: '~',
};

/** The order a person reads findings in: what needs action first. */
export const ATTENTION_ORDER: readonly Status[] = ['fail', 'missing_data', 'warn', 'pending', 'waived', 'pass', 'not_applicable'];
