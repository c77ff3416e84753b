import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as iconv from 'iconv-lite';
import type { Browser } from 'playwright-core';
import { isInputError } from '../src/intake/problem';
import { readReportText } from '../src/intake/prose';
import type { ReportText } from '../src/intake/prose/report-text';
import { launchChromium } from './browser/chromium';
import { ROOT, tempDir } from './helpers';
import { docxOf, FIXTURES, govPage, plainPage, PRINT_STYLES, printPdf as printPdfWith, reports } from './prose/report-files';

/**
 * The readers of a bureau's narrative report: the same report as a text file in each encoding, a Word file, a
 * government web page and a PDF printed by Chromium gives the same paragraphs as the .txt, whose paragraphs are its
 * non-empty lines (the answer keys number them so). Every file but the three seed reports is made here from them.
 */

async function read(file: string, bytes: Buffer): Promise<ReportText> {
  return readReportText(file, bytes);
}

async function paragraphsOf(file: string, bytes: Buffer): Promise<readonly string[]> {
  return (await read(file, bytes)).paragraphs;
}

/** The refusal a reader throws, as the user is told it: an input error on the file, never a library's exception. */
async function refusal(file: string, bytes: Buffer): Promise<{ file: string; zh: string; en: string; expected?: string }> {
  try {
    await read(file, bytes);
  } catch (error) {
    if (!isInputError(error)) throw error;
    const [problem] = error.problems;
    return { file: problem.file, zh: problem.message.zh, en: problem.message.en, expected: problem.expected?.zh };
  }
  throw new Error(`${file} was read`);
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const printPdf = (html: string): Promise<Buffer> => printPdfWith(browser, html);

/** A space typed beside a Chinese character (鄂公网安备 4201…, 发改委 商务部): where a line wraps at it, the PDF does not hold it. */
const SPACE_BESIDE_HAN = /(?<=\p{Script=Han}) | (?=\p{Script=Han})/gu;

/**
 * A PDF's paragraphs are the .txt's, character for character, except that a space beside a Chinese character may be
 * missing: Chromium draws no glyph for the space it wraps a line at, and Chinese wraps as readily where there is no
 * space. The number of paragraphs and every other character are exact, and the spaces inside a line are kept.
 */
function expectPdfParagraphs(paragraphs: readonly string[], expected: readonly string[]): void {
  const loose = (paragraph: string): string => paragraph.replace(SPACE_BESIDE_HAN, '');
  const comparable = paragraphs.map((paragraph, i) => {
    const wanted = expected[i];
    return wanted !== undefined && loose(paragraph) === loose(wanted) ? wanted : paragraph;
  });
  expect(comparable).toEqual(expected);
  const spaces = (texts: readonly string[]): number => texts.join('\n').match(SPACE_BESIDE_HAN)?.length ?? 0;
  // A line wraps at no more than one of them in three.
  expect(spaces(paragraphs)).toBeGreaterThanOrEqual((spaces(expected) * 2) / 3);
}

describe.each(reports)('$name gives the same paragraphs from every kind of file', (report) => {
  const txt = (): Buffer => readFileSync(join(FIXTURES, `${report.name}.txt`));

  test('the .txt as it is (UTF-8): each non-empty line one paragraph', async () => {
    const text = await read(join(FIXTURES, `${report.name}.txt`), txt());
    expect(text.kind).toBe('txt');
    expect(text.paragraphs).toEqual(report.expected);
    expect(text.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('the .txt saved as GBK, as UTF-8 with a BOM, as UTF-16 LE and BE with a BOM, and as UTF-16 LE without one', async () => {
    const text = txt().toString('utf8');
    const gbk = iconv.encode(text, 'gbk');
    // The seed reports are all within GBK: the file is what an "ANSI" save on Chinese Windows gives.
    expect(iconv.decode(gbk, 'gbk')).toBe(text);
    const files: Record<string, Buffer> = {
      gbk,
      'utf-8 BOM': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      'utf-16le BOM': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'utf-16be BOM': iconv.encode(text, 'utf-16be', { addBOM: true }),
      'utf-16le': Buffer.from(text, 'utf16le'),
    };
    for (const [encoding, bytes] of Object.entries(files)) {
      expect({ encoding, paragraphs: await paragraphsOf(`${report.name}.txt`, bytes) }).toEqual({ encoding, paragraphs: report.expected });
    }
  });

  test('a Word file made from it', async () => {
    const text = await read(`${report.name}.docx`, await docxOf(report));
    expect(text.kind).toBe('docx');
    expect(text.paragraphs).toEqual(report.expected);
  });

  test('its web page, in UTF-8 and in GBK: the article without the navigation, header, footer, breadcrumbs, share links or scripts', async () => {
    const utf8 = await read(`${report.name}.html`, Buffer.from(govPage(report, 'utf-8'), 'utf8'));
    expect(utf8.kind).toBe('html');
    expect(utf8.paragraphs).toEqual(report.expected);
    const gbk = await paragraphsOf(`${report.name}.htm`, iconv.encode(govPage(report, 'gb2312'), 'gbk'));
    expect(gbk).toEqual(report.expected);
  });

  test.each(Object.keys(PRINT_STYLES))('a PDF Chromium printed from it (%s layout)', async (style) => {
    const pdf = await printPdf(plainPage(report, PRINT_STYLES[style]));
    const text = await read(`${report.name}.pdf`, pdf);
    expect(text.kind).toBe('pdf');
    expectPdfParagraphs(text.paragraphs, report.expected);
  });
});

describe('a file that is not a readable report is refused on the file, in plain Chinese, without a stack trace', () => {
  /** Bytes no text encoding reads: a PNG's header and a deterministic noise of every byte value. */
  function binary(): Buffer {
    const noise = Buffer.alloc(4096);
    let seed = 20261202;
    for (let i = 0; i < noise.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      noise[i] = seed >>> 24;
    }
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), noise]);
  }

  test('a binary file named .txt, and bytes invalid in UTF-8 and GB18030 alike', async () => {
    for (const bytes of [binary(), Buffer.from([0xe6, 0xb3, 0x95, 0xff, 0xfe, 0x80, 0x81, 0xff, 0x30])]) {
      const refused = await refusal('年度报告.txt', bytes);
      expect(refused.file).toBe('年度报告.txt');
      expect(refused.zh).toContain('文件不是能读取的文字');
      expect(refused.zh).toContain('GB18030(GBK)');
      expect(refused.expected).toContain('UTF-8 编码的文本文件');
      expect(refused.en).toContain('not readable text');
    }
  });

  test('an empty .txt, or one of blank lines only', async () => {
    for (const text of ['', '\r\n  \n\u3000\n']) expect((await refusal('空白.txt', Buffer.from(text))).zh).toBe('报告文件中没有文字');
  });

  test('a damaged Word file: cut short, or text renamed .docx', async () => {
    const whole = await docxOf(reports[0]);
    for (const bytes of [whole.subarray(0, Math.floor(whole.length / 2)), Buffer.from('这不是 Word 文件')]) {
      const refused = await refusal('报告.docx', bytes);
      expect(refused.file).toBe('报告.docx');
      expect(refused.zh).toContain('Word 文件已损坏');
      expect(refused.expected).toContain('另存为”.docx');
    }
  });

  test('a PDF without text, as a scan is: a page holding only a picture, and a blank page', async () => {
    const picture = '<svg width="500" height="700"><rect x="10" y="10" width="480" height="680" fill="#ddd"/><circle cx="250" cy="300" r="120" fill="#c00"/></svg>';
    for (const body of [picture, '']) {
      const pdf = await printPdf(`<!DOCTYPE html><html><body>${body}</body></html>`);
      const refused = await refusal('扫描件.pdf', pdf);
      expect(refused.file).toBe('扫描件.pdf');
      expect(refused.zh).toBe('该 PDF 没有文字层(可能是扫描件或图片),读不出文字');
      expect(refused.expected).toContain('Word 或文本版本的报告');
    }
  });

  test('a file named .pdf that is not one, and a PDF cut off before its pages', async () => {
    expect((await refusal('报告.pdf', Buffer.from('<html>不是 PDF</html>'))).zh).toContain('PDF 文件已损坏');
    expect((await refusal('报告.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'))).zh).toContain('PDF 文件已损坏');
  });

  test('a web page with no article text', async () => {
    const page = '<html><head><script>var a = "正文";</script></head><body><nav>首页 政务公开</nav><footer>版权所有</footer></body></html>';
    expect((await refusal('报告.html', Buffer.from(page))).zh).toBe('网页中没有找到正文文字');
  });

  test('a file whose name is not a report\'s', async () => {
    const refused = await refusal('报告.doc', Buffer.from('x'));
    expect(refused.zh).toBe('不是能读取的报告文件:只能读取扩展名为 .txt、.docx、.pdf、.html、.htm 的文件');
  });
});

describe('the built readers, as the command runs them', () => {
  /** Reads files with the compiled module in a fresh Node: the paragraphs of each, and the packages it loaded. */
  function builtRead(files: string[]): { paragraphs: string[][]; packages: string[] } {
    const script = `
      const { readFileSync } = require('node:fs');
      const { readReportText } = require(${JSON.stringify(join(ROOT, 'dist', 'intake', 'prose', 'index.js'))});
      (async () => {
        const paragraphs = [];
        for (const file of ${JSON.stringify(files)}) paragraphs.push((await readReportText(file, readFileSync(file))).paragraphs);
        const packages = [...new Set(Object.keys(require.cache).filter((f) => f.includes('/node_modules/')).map((f) => f.split('/node_modules/').pop().split('/')[0]))];
        process.stdout.write(JSON.stringify({ paragraphs, packages }));
      })();`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return JSON.parse(run.stdout) as { paragraphs: string[][]; packages: string[] };
  }

  test('a .txt loads none of the Word, web page or PDF libraries', () => {
    const { paragraphs, packages } = builtRead([join(FIXTURES, `${reports[2].name}.txt`)]);
    expect(paragraphs).toEqual([reports[2].expected]);
    expect(packages.filter((p) => ['mammoth', 'htmlparser2', 'domhandler', 'pdfjs-dist'].includes(p))).toEqual([]);
  });

  test('a PDF and a Word file read by the built module give the .txt paragraphs, and print nothing', async () => {
    const dir = tempDir();
    const pdf = join(dir, '报告.pdf');
    const docx = join(dir, '报告.docx');
    writeFileSync(pdf, await printPdf(plainPage(reports[1], PRINT_STYLES.official)));
    writeFileSync(docx, await docxOf(reports[1]));
    const { paragraphs, packages } = builtRead([pdf, docx]);
    expectPdfParagraphs(paragraphs[0], reports[1].expected);
    expect(paragraphs[1]).toEqual(reports[1].expected);
    expect(packages).toContain('mammoth');
    expect(packages).not.toContain('htmlparser2');
  });
});
