import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Browser } from 'playwright-core';

/**
 * The three seed reports, and the other files the tests make of each: a government web page around its text, a
 * Word file, a page to print to PDF. Every such file is made from the .txt, so that all give the same paragraphs.
 */

export const FIXTURES = join(__dirname, '..', 'fixtures', 'reports');
export const REPORTS = ['report-shanghai-municipality-2020', 'report-wuhan-city-2022', 'report-xuwen-county-2021'];
const TEMPLATE = readFileSync(join(FIXTURES, 'gov-page-template.html'), 'utf8');

export interface Report {
  name: string;
  /** The file's lines as a person sees them. */
  lines: string[];
  /** What the .txt rule makes of them: each non-empty line, NFC, its whitespace runs one space, trimmed. */
  expected: string[];
}

export const reports: Report[] = REPORTS.map((name) => {
  const lines = readFileSync(join(FIXTURES, `${name}.txt`), 'utf8').split(/\r?\n/);
  const expected = lines.map((line) => line.normalize('NFC').replace(/\s+/g, ' ').trim()).filter((line) => line !== '');
  return { name, lines, expected };
});

export const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The report as its bureau's web page: the first line the page's title, the rest the article's paragraphs. */
export function govPage(report: Report, charset: string): string {
  const [title, ...rest] = report.lines.filter((line) => line.trim() !== '');
  const paragraphs = rest.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');
  return TEMPLATE.replaceAll('{{charset}}', charset).replaceAll('{{title}}', escapeHtml(title)).replace('{{paragraphs}}', paragraphs);
}

export async function docxOf(report: Report): Promise<Buffer> {
  const [title, ...rest] = report.lines.filter((line) => line.trim() !== '');
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
          ...rest.map((line) => new Paragraph({ indent: { firstLine: 480 }, children: [new TextRun(line)] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** Two ways reports are printed: an official document (首行缩进, no space between paragraphs, justified), and a web page's (spaced paragraphs). */
export const PRINT_STYLES: Record<string, string> = {
  official: 'p { margin: 0; text-indent: 2em; line-height: 1.6; text-align: justify; font-family: "Noto Serif CJK SC", serif; font-size: 15pt; }',
  web: 'p { margin: 0 0 10pt; line-height: 1.5; font-family: "Noto Sans CJK SC", sans-serif; font-size: 12pt; }',
};

/** A page printed to PDF by Chromium on A4, with an official document's margins. */
export async function printPdf(browser: Browser, html: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', margin: { top: '25mm', bottom: '25mm', left: '28mm', right: '26mm' } });
  } finally {
    await page.close();
  }
}


export function plainPage(report: Report, style: string): string {
  const paragraphs = report.lines.filter((line) => line.trim() !== '').map((line) => `<p>${escapeHtml(line)}</p>`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${style}</style></head><body>${paragraphs.join('\n')}</body></html>`;
}

