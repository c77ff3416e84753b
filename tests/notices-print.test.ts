import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, tempDir } from './helpers';
import { writeNoticesFixture } from './notices-fixture';

/**
 * The notices as they come out of Chromium's print: each PDF read back page by page with poppler's pdftotext
 * (apt-get install poppler-utils; .ci/run installs it), and drawn with pdftoppm. Every page must carry the pack, its
 * version and sha256 and the submission's sha256, and its page number; the Chinese must read back as text from
 * embedded fonts (docs/screenshots/notice-page-1.png shows it drawn).
 */

interface ReviewJson {
  packs: { id: string; version: string; sha256: string }[];
  bureaus: { file: string; sha256: string; bureau: { name: string }; year: number; summary: { fail: number; missing_data: number } }[];
}

function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

function pageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
}

describe('the notices printed to PDF by Chromium', () => {
  let out: string;
  let review: ReviewJson;

  beforeAll(() => {
    const folder = writeNoticesFixture();
    out = join(tempDir(), 'notices');
    expect(bin(['notices', folder, '--out', out]).status).toBe(1);
    review = JSON.parse(bin(['review', folder, '--format', 'json']).stdout) as ReviewJson;
  }, 180_000);

  const pdfOf = (name: string): string => {
    const file = readdirSync(out).find((f) => f.startsWith(name) && f.endsWith('.pdf'));
    if (!file) throw new Error(`no PDF for ${name} in ${readdirSync(out).join(', ')}`);
    return join(out, file);
  };

  test('every page of every notice carries the pack id, version and sha256, the submission sha256 and its page number', () => {
    const [pack] = review.packs;
    const concerned = review.bureaus.filter((b) => b.summary.fail > 0 || b.summary.missing_data > 0);
    expect(concerned).toHaveLength(3);
    let pages = 0;
    for (const bureau of concerned) {
      const pdf = pdfOf(bureau.bureau.name.replace(/[:/]/g, '_'));
      const count = pageCount(pdf);
      for (let page = 1; page <= count; page++) {
        const text = pageText(pdf, page);
        // A hash may wrap at the page's edge: read the page's text without its line breaks.
        const joined = text.replace(/\s+/g, '');
        expect(joined).toContain(`规则包:${pack.id}${pack.version}·sha256${pack.sha256}`);
        expect(joined).toContain(`sha256${bureau.sha256}`);
        expect(text).toContain(`第 ${page} 页,共 ${count} 页`);
        expect(joined).toContain(`整改通知·${bureau.bureau.name}·${bureau.year}年度`);
        pages++;
      }
    }
    expect(pages).toBeGreaterThanOrEqual(4);
  });

  test('the county notice runs to more than one page; its items, reply date and blanks are in the printed text', () => {
    const pdf = pdfOf('示例县人力资源和社会保障局-2024');
    const count = pageCount(pdf);
    expect(count).toBeGreaterThanOrEqual(2);
    const all = Array.from({ length: count }, (_, i) => pageText(pdf, i + 1)).join('\n').replace(/\s+/g, '');
    for (const words of ['关于2024年度法治建设指标整改的通知', '示例县人力资源和社会保障局:', '人社服务事项网上可办率', '“市县级人社服务事项网上可办率不低于90%”', '请于2025年2月11日前书面回复整改情况', '文号:', '签发:', '(盖章)']) {
      expect(all).toContain(words);
    }
  });

  test('the Chinese is drawn in embedded fonts that map back to Unicode, and the pages draw to PNG', () => {
    const pdf = pdfOf('示例县人力资源和社会保障局-2024');
    // Skia draws CFF fonts (Noto CJK) as embedded Type 3 glyphs: every font embedded, each with its map to Unicode,
    // so that the Chinese prints as drawn and reads back as text (the tests above).
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(10);
    for (const font of fonts) expect(font).toMatch(/\s(?:Type 3|CID TrueType|TrueType)\s.*\syes\s+(?:yes|no)\s+yes\s/);
    const prefix = join(tempDir(), 'page');
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '2', pdf, prefix]);
    const pngs = readdirSync(join(prefix, '..')).filter((f) => f.endsWith('.png')).sort();
    expect(pngs).toEqual(['page-1.png', 'page-2.png']);
    for (const png of pngs) {
      const bytes = readFileSync(join(prefix, '..', png));
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      // A4 at 40 dpi: 331 × 468 pixels (IHDR's width and height).
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([331, 468]);
    }
  });
});
