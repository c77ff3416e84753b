import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, statSync, type Stats } from 'node:fs';
import { isMainThread, workerData } from 'node:worker_threads';
import { bi, type Bilingual } from '../core/i18n';
import { sha256Hex } from '../core/sha256';
import { DEFAULT_MAX_BYTES, READABLE, READABLE_SUBMISSION, refused, tooLarge } from './read-limits';

export { DEFAULT_MAX_BYTES, parseMaxBytes, sizeText } from './read-limits';

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

/** The sha256 of a submission that may be read (a regular file within the size limit), else null: a FIFO is never opened. */
export function fileSha256(file: string): string | null {
  try {
    return sha256Hex(readSubmissionBytes(file));
  } catch {
    return null;
  }
}
