import type { Lang } from '../../core/i18n';
import type { NoticeDocument } from '../../run/notices';
import type { PdfPrinter } from '../kit/pdf';
import { renderNoticeHtml } from './html';

/**
 * The notice printed by Chromium (report/kit/pdf.ts) from the very page `html.ts` renders: the running head and
 * foot with the hashes come from that page's table, repeated on every page; Chromium's own footer adds the page
 * numbers. The PDF states the reply date's reference day as the day it was made (the run's time would make every
 * run's bytes differ): the latest `as_of` of the run, or the reply date itself when it was named.
 */

const PAGE_NUMBERS = {
  zh: '第 <span class="pageNumber"></span> 页,共 <span class="totalPages"></span> 页',
  en: 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>',
} as const;

function footerTemplate(lang: Lang): string {
  return `<div style="width:100%;text-align:center;font-size:8px;color:#555;font-family:'Noto Sans CJK SC','Source Han Sans SC',sans-serif">${PAGE_NUMBERS[lang]}</div>`;
}

/** The PDF of one notice: `printer` is one Chromium, opened once for the whole run. */
export function renderNoticePdf(doc: NoticeDocument, lang: Lang, printer: PdfPrinter): Promise<Uint8Array> {
  return printer.print(renderNoticeHtml(doc, lang), { footerTemplate: footerTemplate(lang), date: doc.reply.from ?? doc.reply.date });
}
