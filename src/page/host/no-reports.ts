import { bi } from '../../core/i18n';
import { InputError } from '../../intake/problem';

/**
 * intake/prose and intake/extract in the page: reading a prose report needs pdf.js's worker and the phrasings'
 * files, which a page has not. The page takes only data files (its file input says so, and app.ts refuses other
 * endings before reading); should a report reach here all the same, it is refused in words, never half read.
 */
function refuse(file: string): never {
  throw new InputError([{ file, message: bi('自查页面不读取年度报告原文', 'The self-check page does not read annual reports'), expected: bi('.yaml、.yml、.json 或 .xlsx 报送文件;年度报告请用 plancheck extract 转为报送文件', 'a .yaml, .yml, .json or .xlsx submission; turn an annual report into one with plancheck extract') }]);
}

export async function readReportText(file: string): Promise<never> {
  return refuse(file);
}

export function extractDraft(): never {
  return refuse('');
}
