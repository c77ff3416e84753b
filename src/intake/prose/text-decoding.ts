import { firstInvalidUtf8 } from '../encoding';

/**
 * The encodings a bureau's text file comes in: UTF-8 (with or without the BOM Notepad writes), UTF-16 (Notepad's
 * "Unicode"), and GB18030, of which GBK and GB2312 are subsets (older Chinese Windows saves "ANSI" so). Each is
 * decoded strictly: a byte that does not fit means the file is not in that encoding, never a replacement character.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  encoding: TextEncoding;
  text: string;
}

/** The text of the bytes in one encoding, or undefined where they are not well formed in it. */
export function decodeStrictly(bytes: Uint8Array, encoding: TextEncoding): string | undefined {
  if (encoding === 'utf-8' && firstInvalidUtf8(bytes) !== -1) return undefined;
  try {
    // ignoreBOM: a BOM was taken off by the caller; one left inside is text (and cleanup drops it).
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The encoding a byte order mark at the start names, and the mark's length. */
export function byteOrderMark(bytes: Uint8Array): { encoding: TextEncoding; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** Characters a Chinese report is made of: ASCII, Latin-1 punctuation, general and CJK punctuation, CJK, full-width forms. */
const REPORT_CHARACTER = /[\t\n\r\u0020-\u007e\u00a0-\u00ff\u2000-\u206f\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;

function mostlyReportCharacters(text: string): boolean {
  let plain = 0;
  let all = 0;
  for (const char of text) {
    all++;
    if (REPORT_CHARACTER.test(char)) plain++;
  }
  return all > 0 && plain >= all * 0.95;
}

/**
 * UTF-16 without a BOM, told by its zero bytes: the high byte of every ASCII character (digits, line ends) is zero,
 * so zeros stand mostly at odd offsets in little-endian text and at even ones in big-endian (an ideograph such as 一,
 * U+4E00, puts one on the other side). UTF-8 and GB18030 text has no zero byte at all. The text it decodes to must
 * then be a report's characters, which the other byte order or a binary file does not give.
 */
function utf16ByZeros(bytes: Uint8Array): DecodedText | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  const zeros = even + odd;
  if (zeros < 2) return undefined;
  const encoding: TextEncoding | undefined = odd >= zeros * 0.7 ? 'utf-16le' : even >= zeros * 0.7 ? 'utf-16be' : undefined;
  if (!encoding) return undefined;
  const decoded = asText(decodeStrictly(bytes, encoding), encoding);
  return decoded && mostlyReportCharacters(decoded.text) ? decoded : undefined;
}

/**
 * Control characters no typed text holds (all C0 but tab, line feed, form feed and carriage return; DEL; NUL above
 * all): where a decoding gives them, the bytes were not text in that encoding.
 */
const NOT_TEXT = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

function asText(text: string | undefined, encoding: TextEncoding): DecodedText | undefined {
  return text !== undefined && !NOT_TEXT.test(text) ? { encoding, text } : undefined;
}

/**
 * The text of a file in the first encoding that reads it: the one its BOM names; UTF-16 by its zero bytes; UTF-8,
 * which random or GBK bytes almost never form; then GB18030. Undefined for a file that none reads as text.
 */
export function detectText(bytes: Uint8Array): DecodedText | undefined {
  const mark = byteOrderMark(bytes);
  if (mark) return asText(decodeStrictly(bytes.subarray(mark.length), mark.encoding), mark.encoding);
  return utf16ByZeros(bytes) ?? asText(decodeStrictly(bytes, 'utf-8'), 'utf-8') ?? asText(decodeStrictly(bytes, 'gb18030'), 'gb18030');
}
