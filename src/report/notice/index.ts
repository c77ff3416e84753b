import { bi } from '../../core/i18n';
import type { Lang } from '../../core/i18n';
import type { NoticeDocument } from '../../run/notices';
import type { PdfPrinter } from '../kit/pdf';
import { formatNames, renderersOf, type Formats, type Renderer } from '../renderer';

/**
 * The rectification notice's formats: a printable page, one per bureau-year. Its PDF is that page printed by
 * Chromium, which the run opens once and hands in (`noticePdfRenderer`), so it is not a plain renderer of this
 * registry; both files load only when asked for (Chromium's printer with the PDF alone).
 */
/** Debian's and most Linux distributions' Chromium: where `--chromium` looks unless told. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export const NOTICE_REGISTRY = {
  html: { title: bi('可打印的网页', 'printable web page'), load: () => (require('./html') as typeof import('./html')).renderNoticeHtml },
} as const satisfies Formats<NoticeDocument>;

export type NoticeFormat = keyof typeof NOTICE_REGISTRY;

export const NOTICE_FORMATS: readonly NoticeFormat[] = formatNames(NOTICE_REGISTRY);

export function noticeRenderer(format: NoticeFormat): Renderer<NoticeDocument> {
  return NOTICE_REGISTRY[format].load();
}

export const NOTICE_RENDERERS = renderersOf(NOTICE_REGISTRY);

/** The PDF of a notice, by the printer given: its file and the printer's loaded now. */
export function noticePdfRenderer(printer: PdfPrinter): (doc: NoticeDocument, lang: Lang) => Promise<Uint8Array> {
  const { renderNoticePdf } = require('./pdf') as typeof import('./pdf');
  return (doc, lang) => renderNoticePdf(doc, lang, printer);
}

/** Starts Chromium for the PDFs of a run (report/kit/pdf.ts), loaded only now. */
export function openNoticePrinter(chromium: string): Promise<PdfPrinter> {
  const { openPdfPrinter } = require('../kit/pdf') as typeof import('../kit/pdf');
  return openPdfPrinter(chromium);
}
