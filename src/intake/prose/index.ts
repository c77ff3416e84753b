import { extname } from 'node:path';
import { sha256Hex } from '../format';
import { notReportFile } from './refusal';
import type { ReportFileKind, ReportText } from './report-text';
import { readTxtParagraphs } from './txt';

/**
 * A bureau's narrative report read into paragraphs, by the reader its file name's ending names. The readers of Word
 * files, PDFs and web pages are required only when such a file is read: each brings a library a plain check does not need.
 */

const KINDS: Readonly<Record<string, ReportFileKind>> = { '.txt': 'txt', '.docx': 'docx', '.pdf': 'pdf', '.html': 'html', '.htm': 'html' };

async function paragraphsOf(kind: ReportFileKind, file: string, bytes: Buffer): Promise<string[]> {
  switch (kind) {
    case 'txt':
      return readTxtParagraphs(file, bytes);
    case 'docx':
      return (require('./docx') as typeof import('./docx')).readDocxParagraphs(file, bytes);
    case 'pdf':
      return (require('./pdf') as typeof import('./pdf')).readPdfParagraphs(file, bytes);
    case 'html':
      return (require('./html') as typeof import('./html')).readHtmlParagraphs(file, bytes);
  }
}

/** The report's kind by its file name, or undefined for a name that is not a report's. */
export function reportKindOf(file: string): ReportFileKind | undefined {
  return KINDS[extname(file).toLowerCase()];
}

export async function readReportText(file: string, bytes: Buffer): Promise<ReportText> {
  const kind = reportKindOf(file);
  if (!kind) throw notReportFile(file);
  const paragraphs = await paragraphsOf(kind, file, bytes);
  return { file, sha256: sha256Hex(bytes), kind, paragraphs };
}
