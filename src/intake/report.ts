import { bi } from '../core/i18n';
import type { ParagraphPosition } from '../core/place';
import type { Draft } from './extract/draft-types';
import { formatFieldPath, type FieldPath } from './field-path';
import type { IntakeFormat, ParsedDocument } from './format';
import { InputError } from './problem';
import { REPORT_EXTENSIONS, type ReportText } from './prose/report-text';
import { readHead } from './read-file';

/**
 * A bureau's narrative annual report (.txt, .docx, .pdf, .html) read as a submission: its paragraphs are read by
 * the reader of its kind, a draft is extracted from them, and the draft is checked as any submission is. Places
 * are paragraphs and sentences; a field the report does not state is absent, so its rule says 报告未载明.
 * The readers and the extraction load only when a report is read (pdf.js and mammoth are heavy).
 */

/** The report's paragraphs and the draft extracted from them. */
export interface ReadReport {
  text: ReportText;
  draft: Draft;
}

export async function readReport(file: string, bytes: Buffer): Promise<ReadReport> {
  const prose = require('./prose') as typeof import('./prose');
  const extract = require('./extract') as typeof import('./extract');
  const text = await prose.readReportText(file, bytes);
  return { text, draft: extract.extractDraft(text.paragraphs) };
}

/**
 * What a check needs and the report does not say: the bureau's level and the year choose the rules. Without them
 * nothing can be checked; `plancheck extract` writes a draft in which they can be filled in.
 */
export function unnamed(file: string, draft: Draft): InputError | undefined {
  const missing = [
    ...(draft.bureau.level === undefined ? [bi('单位层级(省级、市级或县级)', "the bureau's level (province, city or county)")] : []),
    ...(draft.year === undefined ? [bi('报告年度', 'the year reported on')] : []),
  ];
  if (missing.length === 0) return undefined;
  return new InputError([
    {
      file,
      at: { paragraph: 1 },
      message: bi(`未能从报告的标题和开头读出${missing.map((m) => m.zh).join('和')},无法确定适用的指标`, `The report's title and opening do not give ${missing.map((m) => m.en).join(' or ')}, so the targets that apply cannot be chosen`),
      expected: bi(
        `标题写明单位和年度(如“××县人力资源和社会保障局2023年法治政府建设工作报告”);或先运行 plancheck extract ${file} --out 草稿.yaml,在草稿中补填后检查草稿`,
        `a title naming the bureau and the year (“××县人力资源和社会保障局2023年法治政府建设工作报告”); or run plancheck extract ${file} --out draft.yaml, fill them in and check the draft`,
      ),
    },
  ]);
}

/** Where each extracted value stands, by its dotted path; the title for the bureau and the year. */
function positions(draft: Draft): Map<string, ParagraphPosition> {
  const at = new Map<string, ParagraphPosition>();
  const title: ParagraphPosition = { paragraph: draft.bureau.paragraph ?? 1 };
  for (const path of ['bureau', 'bureau.name', 'bureau.level', 'year']) at.set(path, title);
  for (const value of draft.values) at.set(value.path, { paragraph: value.paragraph, sentence: value.sentence });
  return at;
}

/** The value's place, or that of its nearest stated ancestor field, or the report's first paragraph. */
function locator(draft: Draft): (path: FieldPath) => ParagraphPosition {
  const at = positions(draft);
  return (path) => {
    // `{ value, source }` is one field: its parts stand where it does.
    const parts = path.length > 0 && (path[path.length - 1] === 'value' || path[path.length - 1] === 'source') ? path.slice(0, -1) : path;
    for (let n = parts.length; n > 0; n--) {
      const found = at.get(formatFieldPath(parts.slice(0, n)));
      if (found) return found;
    }
    return { paragraph: 1 };
  };
}

/**
 * The draft as submission data. A name the report does not give is written blank, as a template leaves it: the
 * data is checked, and a notice asks for the name (no rule reads it).
 */
export function reportData(draft: Draft): Record<string, unknown> {
  const extract = require('./extract') as typeof import('./extract');
  const data = extract.draftData(draft);
  const bureau = (data.bureau ?? {}) as Record<string, unknown>;
  return { ...data, bureau: { name: null, ...bureau } };
}

/** The draft as a parsed document: what the submission loader validates and normalises like any other. */
export function reportDocument(file: string, report: ReadReport, data: unknown): ParsedDocument {
  const locate = locator(report.draft);
  return { file, sha256: report.text.sha256, data, origin: 'report', locate, evidenceAt: locate, scalarSource: () => undefined, bareKeys: [], plainNumbers: true };
}

/** plancheck's own HTML reports are pages too: a folder walk skips them by the generator line of their head. */
const PLANCHECK_PAGE = /<meta name="generator" content="plancheck[ "]/;

/** How much of a text or page a folder walk looks at to tell a rule-of-law report from other text (notes, a readme). */
const LOOKED_AT = 16 * 1024;

/**
 * Whether a text or web page found in a folder reads as a rule-of-law report: its opening says 法治 (in UTF-8, GBK
 * or UTF-16). A note or a readme beside the submissions is skipped with a note rather than refused; a Word file or a
 * PDF is read (what else would a reviewer's folder of them hold), and refused with its reason if it is no report.
 */
function readsAsReport(file: string): boolean {
  if (!/\.(txt|html?)$/i.test(file)) return true;
  const head = readHead(file, LOOKED_AT);
  if (head === undefined) return true;
  const utf8 = new TextDecoder('utf-8').decode(head);
  if (/\.html?$/i.test(file) && PLANCHECK_PAGE.test(utf8)) return false;
  // Decoded each way the text reader accepts: a GBK or UTF-16 report is a report too.
  return [utf8, ...['gb18030', 'utf-16le', 'utf-16be'].map((encoding) => new TextDecoder(encoding).decode(head))].some((text) => text.includes('法治'));
}

export const reportFormat: IntakeFormat = {
  id: 'report',
  title: bi('年度报告(文本、Word、PDF 或网页)', 'annual report (text, Word, PDF or web page)'),
  extensions: REPORT_EXTENSIONS,
  isSubmission: readsAsReport,
  parse: async (file, bytes) => {
    const report = await readReport(file, bytes);
    const refusal = unnamed(file, report.draft);
    if (refusal) throw refusal;
    return reportDocument(file, report, reportData(report.draft));
  },
};
