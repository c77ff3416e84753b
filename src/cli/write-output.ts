import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { bi } from '../i18n';
import { InputError } from '../input/problem';

function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Refuses an output path that is one of the run's inputs: a report must never overwrite what it checked. */
export function assertNotAnInput(out: string, inputs: readonly string[]): void {
  const target = canonical(out);
  if (inputs.some((input) => canonical(input) === target)) {
    throw new InputError([{ file: out, message: bi('输出文件不能是输入文件之一,以免覆盖原始数据', 'The output may not be one of the input files: it would overwrite them') }]);
  }
}

/**
 * Writes a file atomically: a temporary file beside it, then a rename, so a reader never sees half a report.
 * The content may come in chunks, so that a large report is never one string in memory.
 */
export function writeFileAtomic(path: string, content: string | Iterable<string>): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = openSync(temporary, 'w');
    try {
      for (const chunk of typeof content === 'string' ? [content] : content) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const reason = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new InputError([{ file: path, message: bi(`无法写入输出文件(${reason})`, `Cannot write the output file (${reason})`) }]);
  }
}
