import { bi, type Bilingual } from '../core/i18n';
import type { Level } from './types';

/** The levels in words, one name each in every message and report: 省级, 市级, 县级. */
export const LEVEL_LABELS: Readonly<Record<Level, Bilingual>> = {
  province: bi('省级', 'province'),
  city: bi('市级', 'city'),
  county: bi('县级', 'county'),
};
