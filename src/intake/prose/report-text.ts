/**
 * A bureau's narrative annual report (法治政府建设年度报告) read into paragraphs, whatever file it came in: what the
 * readers of `.txt`, `.docx`, `.pdf` and `.html` give, and what extraction reads. Paragraph numbers (1-based) are what
 * sources and evidence cite (第 N 段), so every reader must give the same paragraphs for the same report.
 */
export type ReportFileKind = 'txt' | 'docx' | 'pdf' | 'html';

export interface ReportText {
  /** The path as the user named it. */
  file: string;
  sha256: string;
  kind: ReportFileKind;
  /** The report's paragraphs in reading order, each NFC text with inner whitespace runs made one space and trimmed; no empty one. */
  paragraphs: readonly string[];
}

/** File name endings read as prose reports, lower case with the dot. */
export const REPORT_EXTENSIONS: readonly string[] = ['.txt', '.docx', '.pdf', '.html', '.htm'];
