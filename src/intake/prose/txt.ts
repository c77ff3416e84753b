import { cleanParagraphs } from './paragraphs';
import { emptyReport, notReadableText } from './refusal';
import { detectText } from './text-decoding';

/**
 * A plain-text report: each non-empty line is a paragraph, as the report's web page or Word file has one paragraph
 * per line when copied out. Answer keys and evidence number a .txt report's paragraphs so.
 */
export function readTxtParagraphs(file: string, bytes: Buffer): string[] {
  const decoded = detectText(bytes);
  if (!decoded) throw notReadableText(file);
  const paragraphs = cleanParagraphs(decoded.text.split(/\r\n|\r|\n|\f|\u2028|\u2029/));
  if (paragraphs.length === 0) throw emptyReport(file);
  return paragraphs;
}
