import { bi, type Bilingual } from '../../core/i18n';
import { sha256Hex } from './sha256';
import { DEFAULT_MAX_BYTES, READABLE, READABLE_SUBMISSION, refused, tooLarge } from '../../intake/read-limits';

export { DEFAULT_MAX_BYTES, parseMaxBytes, sizeText } from '../../intake/read-limits';

/**
 * intake/read-file.ts in the page: a browser reads no path, only the bytes of a file the user chose or dropped. The
 * page puts them here under the file's name, and the library's readers read them as the command line reads a file,
 * with the same size limit and the same words.
 */
const chosen = new Map<string, Buffer>();

/** A chosen file's bytes, under its name, for the readers below; the earlier ones go (the page checks one file). */
export function chooseFile(name: string, bytes: Buffer): void {
  chosen.clear();
  chosen.set(name, bytes);
}

let submissionLimit = DEFAULT_MAX_BYTES;

export function setMaxSubmissionBytes(bytes: number | undefined): void {
  submissionLimit = bytes ?? DEFAULT_MAX_BYTES;
}

export function maxSubmissionBytes(): number {
  return submissionLimit;
}

export function fsReason(): Bilingual {
  return bi('文件不存在', 'no such file');
}

export function readSubmissionBytes(file: string): Buffer {
  return readInputBytes(file, maxSubmissionBytes(), true);
}

export function readInputBytes(file: string, limit = DEFAULT_MAX_BYTES, submission = false): Buffer {
  const bytes = chosen.get(file);
  if (bytes === undefined) throw refused(file, fsReason(), submission ? READABLE_SUBMISSION : READABLE);
  if (bytes.length > limit) throw tooLarge(file, bytes.length, limit, submission);
  return bytes;
}

export function readHead(file: string, bytes: number): Buffer | undefined {
  return chosen.get(file)?.subarray(0, bytes);
}

export function readTail(file: string, bytes: number): Buffer | undefined {
  const all = chosen.get(file);
  return all?.subarray(Math.max(0, all.length - bytes));
}

export function fileSha256(file: string): string | null {
  const bytes = chosen.get(file);
  return bytes === undefined || bytes.length > submissionLimit ? null : sha256Hex(bytes);
}
