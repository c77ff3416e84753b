import { bi } from '../core/i18n';
import type { InputProblem } from './problem';
import { formatPosition } from '../core/place';

const STRICT = new TextDecoder('utf-8', { fatal: true });
const LENIENT = new TextDecoder('utf-8');

/** The byte offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte: the length of the sequence, and the range its second byte must fall in (no overlongs, no surrogates).
    let length: number;
    let [low, high] = [0x80, 0xbf];
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (next === undefined || next < min || next > max) return i;
    }
    i += length;
  }
  return -1;
}

/** Line and column (1-based, in characters) of a byte offset in a text that is valid UTF-8 before it. */
function placeOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = LENIENT.decode(bytes.subarray(lineStart, offset));
  return { line, column: [...before].length + 1 };
}

const SAVE_AS_UTF8 = bi('UTF-8 编码的文本文件(记事本“另存为”时编码选 UTF-8)', 'a text file saved as UTF-8');

/**
 * The text of a file that must be UTF-8, or the problem placed at the first byte that is not: a file saved as GBK
 * is refused there, a UTF-8 file that holds the replacement character U+FFFD is not (it is valid UTF-8).
 */
export function decodeUtf8(file: string, bytes: Buffer): { text: string } | { problem: InputProblem } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      problem: {
        file,
        at: { line: 1, column: 1 },
        message: bi('文件是 UTF-16 编码(记事本中叫“Unicode”),请另存为 UTF-8', 'The file is UTF-16 encoded ("Unicode" in Notepad); save it as UTF-8'),
        expected: SAVE_AS_UTF8,
      },
    };
  }
  try {
    return { text: STRICT.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const { line, column } = placeOf(bytes, Math.max(offset, 0));
    const byte = `0x${bytes[Math.max(offset, 0)].toString(16).toUpperCase().padStart(2, '0')}`;
    return {
      problem: {
        file,
        at: { line, column },
        message: bi(
          `文件不是 UTF-8 编码:${formatPosition({ line, column }, 'words', 'zh')}的字节 ${byte} 不能按 UTF-8 读取(文件可能是 GBK 编码),请另存为 UTF-8`,
          `The file is not UTF-8 encoded: the byte ${byte} at ${formatPosition({ line, column }, 'words', 'en')} is not UTF-8 (the file may be GBK); save it as UTF-8`,
        ),
        expected: SAVE_AS_UTF8,
      },
    };
  }
}
