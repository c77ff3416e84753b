import { bi, type Bilingual } from '../core/i18n';
import { InputError, type InputProblem } from './problem';

/**
 * The limits of what is read, and the words of a refusal: the file readers' (read-file.ts) and the self-check page's,
 * which reads a chosen file's bytes rather than a path (page/host/read-file.ts), alike.
 */

/**
 * The largest input read by default: 32 MiB. A real submission is tens of kilobytes (the benchmark's, with 2,000
 * enforcement decisions, average 24 KB); a file this large is a mistake, or /dev/zero, and parsing it would take
 * minutes and gigabytes. `--max-bytes` changes it for submissions; packs, calendars and waiver files keep it.
 */
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/** `33554432` → `32 MiB`; `52428800` → `50 MiB`; `1500` → `1,500 字节`. */
export function sizeText(bytes: number): Bilingual {
  if (bytes < 1024 * 1024) return bi(`${bytes.toLocaleString('en-US')} 字节`, `${bytes.toLocaleString('en-US')} bytes`);
  const mib = bytes / (1024 * 1024);
  const shown = Number.isInteger(mib) ? String(mib) : mib.toFixed(1);
  return bi(`${shown} MiB`, `${shown} MiB`);
}

/** What a file the tool reads should be: a submission may also be a workbook; a pack, waivers or a calendar are YAML. */
export const READABLE = bi('一个存在且可读的 .yaml、.yml 或 .json 文件', 'a .yaml, .yml or .json file that exists and can be read');
export const READABLE_SUBMISSION = bi('一个存在且可读的 .yaml、.yml、.json、.xlsx 文件,或年度报告(.txt、.docx、.pdf、.html)', 'a .yaml, .yml, .json or .xlsx file, or an annual report (.txt, .docx, .pdf, .html), that exists and can be read');

export function refused(file: string, reason: Bilingual, expected: Bilingual = READABLE): InputError {
  return new InputError([{ file, message: bi(`无法读取文件:${reason.zh}`, `Cannot read the file: ${reason.en}`), expected }]);
}

export function tooLarge(file: string, size: number | undefined, limit: number, submission: boolean): InputError {
  const limitText = sizeText(limit);
  // 32 MiB 的上限, 2,000 字节的上限: a space between Latin letters and Chinese, none after Chinese.
  const limitZh = /[A-Za-z]$/.test(limitText.zh) ? `${limitText.zh} ` : limitText.zh;
  const bytesZh = limit >= 1024 * 1024 ? `(${limit} 字节)` : '';
  const bytesEn = limit >= 1024 * 1024 ? ` (${limit} bytes)` : '';
  const sizeZh = size === undefined ? '超过' : `有 ${sizeText(size).zh},超过`;
  const sizeEn = size === undefined ? 'is larger than' : `is ${sizeText(size).en}, more than`;
  if (!submission) {
    return refused(file, bi(`文件${sizeZh}了 ${limitZh}的上限,没有读取`, `the file ${sizeEn} the limit of ${limitText.en}, and was not read`), bi(`不超过 ${limitText.zh}${bytesZh}的文件`, `a file of at most ${limitText.en}${bytesEn}`));
  }
  return refused(
    file,
    bi(`文件${sizeZh}了 ${limitZh}的上限,没有读取(一份报送通常只有几十 KB;确需检查更大的文件,请用 --max-bytes 放宽上限)`, `the file ${sizeEn} the limit of ${limitText.en}, and was not read (a submission is tens of kilobytes; use --max-bytes to raise the limit)`),
    bi(`不超过 ${limitText.zh}${bytesZh}的文件,或用 --max-bytes 给出更大的上限`, `a file of at most ${limitText.en}${bytesEn}, or a higher limit given with --max-bytes`),
  );
}

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/**
 * `--max-bytes`: a whole number of bytes, or of KiB, MiB or GiB (`64M`, `64MiB`); undefined when not given, so the
 * default holds. A mistake is a command-line problem.
 */
export function parseMaxBytes(text: string | undefined, problems: InputProblem[]): number | undefined {
  if (text === undefined) return undefined;
  const match = /^\s*(\d+)\s*([kmg](?:i?b)?)?\s*$/i.exec(text);
  // K, M and G (or KiB, MiB, GiB, KB, MB, GB) are all binary multiples: 64M is 64 × 1024 × 1024 bytes.
  const bytes = match ? Number(match[1]) * UNITS[(match[2] ?? '').toLowerCase().slice(0, 1)] : Number.NaN;
  if (Number.isSafeInteger(bytes) && bytes > 0) return bytes;
  problems.push({
    file: '--max-bytes',
    message: bi(`--max-bytes 的取值“${text}”无效:应为大于 0 的字节数`, `--max-bytes: "${text}" is not valid; it takes a number of bytes above 0`),
    expected: bi(`大于 0 的整数,单位为字节,也可写 64M(兆字节)或 512K;默认 ${sizeText(DEFAULT_MAX_BYTES).zh}`, `a whole number of bytes above 0, or 64M or 512K; the default is ${sizeText(DEFAULT_MAX_BYTES).en}`),
  });
  return undefined;
}
