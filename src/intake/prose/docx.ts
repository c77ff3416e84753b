import { cleanParagraphs } from './paragraphs';
import { damagedDocx, emptyReport } from './refusal';

type Mammoth = typeof import('mammoth');

/**
 * A Word report: its paragraphs, headings and list items, each one paragraph, as mammoth's raw text gives them
 * (a blank line between two). A line break inside a paragraph (Shift+Enter) stays inside it, as one space.
 * mammoth is loaded only when a Word file is read.
 */
export async function readDocxParagraphs(file: string, bytes: Buffer): Promise<string[]> {
  const mammoth = require('mammoth') as Mammoth;
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch {
    // Not a zip, or a zip without word/document.xml, or XML that does not parse: nothing of it can be trusted.
    throw damagedDocx(file);
  }
  const paragraphs = cleanParagraphs(raw.split(/\n\n/));
  if (paragraphs.length === 0) throw emptyReport(file);
  return paragraphs;
}
