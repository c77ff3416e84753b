import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, statSync, type Stats } from 'node:fs';
import { isMainThread, workerData } from 'node:worker_threads';
import { bi, type Bilingual } from '../core/i18n';
import { InputError, type InputProblem } from './problem';
import { sha256Hex } from './format';

/**
 * The largest input read by default: 32 MiB. A real submission is tens of kilobytes (the benchmark's, with 2,000
 * enforcement decisions, average 24 KB); a file this large is a mistake, or /dev/zero, and parsing it would take
 * minutes and gigabytes. `--max-bytes` changes it for submissions; packs, calendars and waiver files keep it.
 */
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/** A review's worker threads get the limit of the run with their setup (`maxBytes`), so they refuse what it refuses. */
function inheritedLimit(): number {
  const given = isMainThread ? undefined : (workerData as { maxBytes?: unknown } | undefined)?.maxBytes;
  return typeof given === 'number' && Number.isSafeInteger(given) && given > 0 ? given : DEFAULT_MAX_BYTES;
}

let submissionLimit = inheritedLimit();

/** The size limit of the submissions this thread reads; the CLI sets it once per run from `--max-bytes`. */
export function setMaxSubmissionBytes(bytes: number | undefined): void {
  submissionLimit = bytes ?? inheritedLimit();
}

export function maxSubmissionBytes(): number {
  return submissionLimit;
}

/** `33554432` → `32 MiB`; `52428800` → `50 MiB`; `1500` → `1,500 字节`. */
export function sizeText(bytes: number): Bilingual {
  if (bytes < 1024 * 1024) return bi(`${bytes.toLocaleString('en-US')} 字节`, `${bytes.toLocaleString('en-US')} bytes`);
  const mib = bytes / (1024 * 1024);
  const shown = Number.isInteger(mib) ? String(mib) : mib.toFixed(1);
  return bi(`${shown} MiB`, `${shown} MiB`);
}

/** What a file the tool reads should be: a submission may also be a workbook; a pack, waivers or a calendar are YAML. */
const READABLE = bi('一个存在且可读的 .yaml、.yml 或 .json 文件', 'a .yaml, .yml or .json file that exists and can be read');
const READABLE_SUBMISSION = bi('一个存在且可读的 .yaml、.yml、.json、.xlsx 文件,或年度报告(.txt、.docx、.pdf、.html)', 'a .yaml, .yml, .json or .xlsx file, or an annual report (.txt, .docx, .pdf, .html), that exists and can be read');

function refused(file: string, reason: Bilingual, expected: Bilingual = READABLE): InputError {
  return new InputError([{ file, message: bi(`无法读取文件:${reason.zh}`, `Cannot read the file: ${reason.en}`), expected }]);
}

/** What an operating-system error means, in words; the code stays in English for an administrator. */
export function fsReason(file: string, error: unknown): Bilingual {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  switch (code) {
    case 'ENOENT': {
      const target = linkTarget(file);
      return target !== undefined ? bi(`这是一个符号链接,它指向的 ${target} 不存在`, `it is a symbolic link to ${target}, which does not exist`) : bi('文件不存在', 'no such file');
    }
    case 'EACCES':
    case 'EPERM':
      return bi('没有读取权限(请让文件的所有者或管理员开放读取权限)', `permission denied (${code})`);
    case 'ELOOP':
      return bi('符号链接形成了循环(链接层层指向,最后又指回自己),找不到真正的文件', 'the symbolic links form a loop (ELOOP): they never reach a real file');
    case 'ENOTDIR':
      return bi('路径中间的某一段是文件而不是文件夹', 'a part of the path is a file, not a folder (ENOTDIR)');
    case 'ENAMETOOLONG':
      return bi('路径过长', 'the path is too long (ENAMETOOLONG)');
    case 'EISDIR':
      return bi('这是一个文件夹', 'it is a folder');
    case 'EIO':
      return bi('读取时发生输入输出错误(磁盘或网络存储故障)', 'an input/output error (EIO): a disk or network storage fault');
    case 'EMFILE':
    case 'ENFILE':
      return bi('同时打开的文件过多,请稍后重试', `too many open files (${code}); try again`);
    default:
      return bi(`无法读取(系统错误代码 ${code})`, `cannot be read (${code})`);
  }
}

function linkTarget(file: string): string | undefined {
  try {
    return lstatSync(file).isSymbolicLink() ? readlinkSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/** What a path that is not a regular file is, in words: nothing is read from it (a FIFO would block, /dev/zero never ends). */
function notAFile(stats: Stats): Bilingual | undefined {
  if (stats.isFile()) return undefined;
  const what = stats.isFIFO()
    ? bi('命名管道(FIFO)', 'a named pipe (FIFO)')
    : stats.isCharacterDevice()
      ? bi('字符设备(如 /dev/zero)', 'a character device (such as /dev/zero)')
      : stats.isBlockDevice()
        ? bi('块设备(磁盘)', 'a block device (a disk)')
        : stats.isSocket()
          ? bi('套接字', 'a socket')
          : bi('特殊文件', 'a special file');
  return bi(`这是${what.zh},不是普通文件,没有读取`, `it is ${what.en}, not a regular file; it was not read`);
}

function tooLarge(file: string, size: number | undefined, limit: number, submission: boolean): InputError {
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

/** A folder named where a file was expected: its contents could not be listed (no permission), or it is just a folder. */
function folderReason(file: string): Bilingual {
  try {
    readdirSync(file);
    return bi('这是一个文件夹', 'it is a folder');
  } catch (error) {
    const reason = fsReason(file, error);
    return bi(`这是一个文件夹,无法打开:${reason.zh};其中的报送一份也没有检查`, `it is a folder that cannot be opened: ${reason.en}; none of the submissions in it was checked`);
  }
}

const CHUNK = 64 * 1024;

/** A submission's bytes, within the limit `--max-bytes` sets (see readInputBytes). */
export function readSubmissionBytes(file: string): Buffer {
  return readInputBytes(file, maxSubmissionBytes(), true);
}

/**
 * Reads a whole input file, refusing without reading what is not a regular file (a FIFO, a device, a socket) and
 * what is larger than the limit. The type and size are checked on the path first (a FIFO is never opened, so it
 * cannot block), then again on the open file (it may have been swapped), and the read stops at the limit.
 * `submission`: the limit is the one `--max-bytes` sets, and the message says so.
 */
export function readInputBytes(file: string, limit = DEFAULT_MAX_BYTES, submission = false, expected?: Bilingual): Buffer {
  // `expected`: what the caller reads (a roster, say), told when the file cannot be opened.
  const readable = expected ?? (submission ? READABLE_SUBMISSION : READABLE);
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    throw refused(file, fsReason(file, error), readable);
  }
  if (stats.isDirectory()) throw refused(file, folderReason(file), readable);
  const special = notAFile(stats);
  if (special) throw refused(file, special, readable);
  if (stats.size > limit) throw tooLarge(file, stats.size, limit, submission);
  let fd: number;
  try {
    // O_NONBLOCK: should the path have become a FIFO since, opening it does not wait for a writer.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    throw refused(file, fsReason(file, error), readable);
  }
  try {
    const opened = fstatSync(fd);
    const swapped = notAFile(opened);
    if (swapped) throw refused(file, swapped, readable);
    if (opened.size > limit) throw tooLarge(file, opened.size, limit, submission);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      let read: number;
      try {
        read = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        throw refused(file, fsReason(file, error), readable);
      }
      if (read === 0) break;
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      total += read;
      // The file grew while it was read.
      if (total > limit) throw tooLarge(file, undefined, limit, submission);
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** The first bytes of a regular file, or undefined when it is not one or cannot be read: for a quick look, never a wait. */
export function readHead(file: string, bytes: number): Buffer | undefined {
  return readPart(file, bytes, 'head');
}

/** The last bytes of a regular file, as `readHead` reads the first (a zip's comment stands there). */
export function readTail(file: string, bytes: number): Buffer | undefined {
  return readPart(file, bytes, 'tail');
}

function readPart(file: string, bytes: number, end: 'head' | 'tail'): Buffer | undefined {
  try {
    if (!statSync(file).isFile()) return undefined;
    const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) return undefined;
      const part = Buffer.alloc(bytes);
      const read = readSync(fd, part, 0, bytes, end === 'head' ? 0 : Math.max(0, stat.size - bytes));
      return part.subarray(0, read);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
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

/** The sha256 of a submission that may be read (a regular file within the size limit), else null: a FIFO is never opened. */
export function fileSha256(file: string): string | null {
  try {
    return sha256Hex(readSubmissionBytes(file));
  } catch {
    return null;
  }
}
