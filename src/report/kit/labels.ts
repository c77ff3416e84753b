import type { Status } from '../../findings/types';
import { bi, type Bilingual } from '../../core/i18n';
import type { Severity } from '../../pack/types';

export { ATTENTION_ORDER, STATUS_LABELS } from '../../findings/types';

export const STATUS_SYMBOLS: Readonly<Record<Status, string>> = {
  pass: '✓',
  fail: '✗',
  warn: '!',
  pending: '…',
  not_applicable: '–',
  missing_data: '?',
  waived: '~',
};

/** The words of the template's drop-down list (cli-contract.md): 县级 for county. */
/** The levels as every report names them; defined beside the levels themselves. */
export { LEVEL_LABELS } from '../../pack/levels';

/** The colour of each status, in every format that has colour (HTML, the workbooks). */
export const COLORS: Readonly<Record<Status, string>> = {
  pass: '#2e7d32',
  fail: '#c62828',
  warn: '#ef6c00',
  pending: '#1565c0',
  not_applicable: '#9e9e9e',
  missing_data: '#6a1b9a',
  waived: '#00838f',
};

export const SEVERITY_LABELS: Readonly<Record<Severity, Bilingual>> = {
  critical: bi('关键', 'critical'),
  major: bi('重要', 'major'),
  minor: bi('一般', 'minor'),
};

/** A submission that could not be evaluated, in every format of check and review. */
export const UNREADABLE: Bilingual = bi('无法读取', 'cannot be read');
