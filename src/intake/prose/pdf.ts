import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { cleanParagraphs } from './paragraphs';
import { paragraphsOfPages, type PdfPage } from './pdf-layout';
import { damagedPdf, lockedPdf, scannedPdf } from './refusal';

/**
 * A PDF report with a text layer, read by pdfjs-dist with its CJK character maps (a PDF's Chinese text is often in
 * Adobe's CJK encodings, which only the maps turn into characters) and its standard fonts.
 *
 * pdfjs-dist is an ES module and this project CommonJS: the compiled `import()` would become `require()`, which cannot
 * load it, and inside jest's module sandbox a dynamic import fails outright. So the PDF is read in a worker thread,
 * a plain Node context where `import()` works, which also keeps pdfjs's own console warnings (about the canvas it does
 * not need for text) off the user's screen. The worker sends back each page's text items; the layout into paragraphs
 * is ./pdf-layout.ts. Nothing of pdfjs loads until a PDF is read.
 */

type WorkerAnswer = { pages: PdfPage[] } | { failure: 'password' | 'damaged' };

/** The worker's program, run as CommonJS by Node itself (not compiled here, so its `import()` stays one). */
const READ_PAGES = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const pdfjs = await import(workerData.module);
  const task = pdfjs.getDocument({
    data: workerData.bytes, cMapUrl: workerData.cMaps, cMapPacked: true, standardFontDataUrl: workerData.fonts,
    verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    parentPort.postMessage({ failure: error && error.name === 'PasswordException' ? 'password' : 'damaged' });
    return;
  }
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items = [];
    for (const item of content.items) {
      if (typeof item.str !== 'string' || item.str === '') continue;
      const [a, b, , d, x, y] = item.transform;
      // Only horizontal text: a rotated stamp or a vertical margin note is not the report's prose.
      if (Math.abs(b) > 1e-3 || a <= 0) continue;
      items.push({ str: item.str, x, y, width: item.width, size: Math.abs(d) || a });
    }
    pages.push({ width, height, items });
    page.cleanup();
  }
  await doc.destroy();
  parentPort.postMessage({ pages });
})().catch(() => parentPort.postMessage({ failure: 'damaged' }));
`;

function pdfjsFolder(): string {
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

function readPages(bytes: Buffer): Promise<WorkerAnswer> {
  const folder = pdfjsFolder();
  // pdfjs reads the maps and fonts from a folder path ending in a separator, through Node's fs.
  const workerData = {
    module: pathToFileURL(join(folder, 'legacy', 'build', 'pdf.mjs')).href,
    cMaps: join(folder, 'cmaps') + '/',
    fonts: join(folder, 'standard_fonts') + '/',
    bytes: new Uint8Array(bytes),
  };
  return new Promise((resolve) => {
    // stdout and stderr piped, and never read: pdfjs warns on the console about the canvas it lacks.
    const worker = new Worker(READ_PAGES, { eval: true, workerData, stdout: true, stderr: true });
    let answered = false;
    const answer = (value: WorkerAnswer): void => {
      if (answered) return;
      answered = true;
      resolve(value);
      void worker.terminate();
    };
    worker.once('message', (message: WorkerAnswer) => answer(message));
    worker.once('error', () => answer({ failure: 'damaged' }));
    worker.once('exit', () => answer({ failure: 'damaged' }));
  });
}

export async function readPdfParagraphs(file: string, bytes: Buffer): Promise<string[]> {
  if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) throw damagedPdf(file);
  const answer = await readPages(bytes);
  if ('failure' in answer) throw answer.failure === 'password' ? lockedPdf(file) : damagedPdf(file);
  const paragraphs = cleanParagraphs(paragraphsOfPages(answer.pages));
  if (paragraphs.length === 0) throw scannedPdf(file);
  return paragraphs;
}
