import { bi, type Bilingual } from '../../core/i18n';
import { InputError } from '../problem';
import { REPORT_EXTENSIONS } from './report-text';

/**
 * Why a report file cannot be read, as the clerk who sent it is told: placed on the file (an unreadable file has no
 * line to point at), with the version of the report that would do instead. Every reader throws these, never a
 * library's own error, which would reach the user as a stack trace.
 */

const OTHER_VERSION = bi(
  'Word(.docx)、带文字的 PDF、网页(.html)或文本(.txt)格式的年度报告',
  'the annual report as a Word (.docx), text PDF, web page (.html) or text (.txt) file',
);

export function refusedReport(file: string, message: Bilingual, expected: Bilingual = OTHER_VERSION): InputError {
  return new InputError([{ file, message, expected }]);
}

export function notReadableText(file: string): InputError {
  return refusedReport(
    file,
    bi(
      '文件不是能读取的文字:按 UTF-8、UTF-16、GB18030(GBK)编码都读不出正常的文字,可能是二进制文件、已损坏,或改了扩展名',
      'The file is not readable text: it is neither UTF-8, UTF-16 nor GB18030 (GBK) text; it may be binary, damaged, or renamed',
    ),
    bi('用记事本或 WPS 另存为 UTF-8 编码的文本文件,或者提供 Word、PDF 版本', 'a text file saved as UTF-8, or the report as a Word or PDF file'),
  );
}

export function damagedDocx(file: string): InputError {
  return refusedReport(
    file,
    bi('Word 文件已损坏,或者不是 .docx 格式(旧的 .doc 文件改了扩展名也读不了),读不出内容', 'The Word file is damaged or not a .docx file (an old .doc renamed to .docx cannot be read)'),
    bi('用 Word 或 WPS 打开后“另存为”.docx 格式的文件', 'the file opened in Word or WPS and saved as .docx'),
  );
}

export function damagedPdf(file: string): InputError {
  return refusedReport(file, bi('PDF 文件已损坏,或者不是 PDF 格式,读不出内容', 'The PDF file is damaged or not a PDF'));
}

export function lockedPdf(file: string): InputError {
  return refusedReport(
    file,
    bi('PDF 文件设有打开密码,读不出内容', 'The PDF file is protected by a password'),
    bi('去掉密码后重新导出的 PDF,或者 Word、文本版本的报告', 'the PDF exported again without a password, or the report as a Word or text file'),
  );
}

export function scannedPdf(file: string): InputError {
  return refusedReport(
    file,
    bi('该 PDF 没有文字层(可能是扫描件或图片),读不出文字', 'The PDF has no text layer (it may be a scan or an image); no text can be read from it'),
    bi('Word 或文本版本的报告,或者由 Word、WPS 直接“另存为”的 PDF', 'the report as a Word or text file, or a PDF saved directly from Word or WPS'),
  );
}

export function noArticle(file: string): InputError {
  return refusedReport(file, bi('网页中没有找到正文文字', 'No article text was found in the web page'));
}

export function emptyReport(file: string): InputError {
  return refusedReport(file, bi('报告文件中没有文字', 'The report file holds no text'));
}

export function notReportFile(file: string): InputError {
  const endings = REPORT_EXTENSIONS.join('、');
  return refusedReport(
    file,
    bi(`不是能读取的报告文件:只能读取扩展名为 ${endings} 的文件`, `Not a report file that can be read: the name must end in ${REPORT_EXTENSIONS.join(', ')}`),
  );
}
