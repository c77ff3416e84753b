import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fchmodSync, fsyncSync, linkSync, mkdirSync, openSync, readlinkSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { bi, type Bilingual } from '../core/i18n';
import { InputError } from '../intake/problem';
import type { Chunk, Rendered } from '../report/renderer';
import { addCleanup } from './signals';

/**
 * The one way plancheck writes an output. Every output of a run goes through one transaction:
 *
 *   const target = resolveTarget(path);          // before the run: a folder, a path under a file are refused
 *   const tx = new OutputTransaction(stdout);
 *   await tx.stage(target, render);              // a regular file: every byte to a temporary beside it, fsync'd
 *   await tx.commit();                           // devices and FIFOs in place, then every rename, then standard output
 *
 * Any failure, and any interruption (the transaction registers its clean-up with ./signals), aborts it: every
 * temporary is removed and no old file is replaced. A target that is not a regular file (a device, a FIFO,
 * `/dev/stdout`, a symlink to one) is written in place and never replaced; `-` is standard output.
 */

/**
 * A rendered report (../report/renderer): text or bytes, whole or in chunks written as they come (never one string),
 * or a promise of one. `render` gives it; the transaction awaits it, writes text as UTF-8 and bytes as they are.
 */
export type { Chunk, Rendered } from '../report/renderer';

/** What `stage` asks for an output: called once, when that output is written. */
export type Render = () => Rendered | Promise<Rendered>;

/** Where standard output goes: it may ask the writer to wait (a pipe that is full), and may fail. */
export type OutputSink = (text: string) => void | Promise<void>;

/** Where a report of bytes (a workbook) goes on standard output; without one, such a report cannot go there. */
export type ByteSink = (bytes: Uint8Array) => void | Promise<void>;

/** A chunk of bytes, whatever realm made it; anything else a renderer gives is text. */
function isBytes(chunk: Rendered): chunk is Uint8Array {
  return typeof chunk !== 'string' && ArrayBuffer.isView(chunk);
}

/**
 * Calls `write` on every chunk of a report in order, awaiting each: a string or bytes is one chunk, an iterable is
 * walked as it yields (a synchronous one without a promise between its chunks), an async one awaited chunk by chunk.
 */
async function eachChunk(content: Rendered, write: (chunk: Chunk) => Promise<void>): Promise<void> {
  if (typeof content === 'string' || isBytes(content)) return write(content);
  if (Symbol.asyncIterator in content) {
    for await (const chunk of content) await write(chunk);
    return;
  }
  for (const chunk of content) await write(chunk);
}

/** Where an output goes, decided before the run. `path` is always the path as the user wrote it. */
export type OutputTarget =
  | { kind: 'stdout'; path: string }
  /** A device, a FIFO or an open file descriptor (`/dev/fd/3`): written in place, never replaced. */
  | { kind: 'direct'; path: string; file: string; fifo: boolean; fd?: number }
  /** A regular file, or one to create: a temporary beside `file` (the real path), then a rename. */
  | { kind: 'file'; path: string; file: string; mode?: number };

type FileTarget = Extract<OutputTarget, { kind: 'file' }>;
type DirectTarget = Extract<OutputTarget, { kind: 'direct' }>;

/** The error of a system call (ENOSPC, EACCES…). Not `instanceof Error`: an error may come from another realm. */
function errno(error: unknown): NodeJS.ErrnoException | undefined {
  return typeof error === 'object' && error !== null && typeof (error as NodeJS.ErrnoException).code === 'string' ? (error as NodeJS.ErrnoException) : undefined;
}

function errnoError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

const CAUSES: Record<string, [string, string]> = {
  ENOSPC: ['磁盘已满', 'the disk is full'],
  EDQUOT: ['超出磁盘配额', 'the disk quota is used up'],
  EFBIG: ['文件超过大小限制', 'the file exceeds the size limit'],
  EACCES: ['没有写入权限', 'no permission to write'],
  EPERM: ['没有写入权限', 'no permission to write'],
  EROFS: ['文件系统是只读的', 'the file system is read-only'],
  EIO: ['设备读写出错', 'an input/output error'],
  ENOTDIR: ['路径中有一段是文件,不是文件夹', 'a part of the path is a file, not a folder'],
  EEXIST: ['路径中有一段是文件,不是文件夹', 'a part of the path is a file, not a folder'],
  EISDIR: ['这是一个文件夹', 'it is a folder'],
  ENOENT: ['所在的文件夹不存在', 'its folder does not exist'],
  ENAMETOOLONG: ['文件名太长', 'the name is too long'],
  ELOOP: ['符号链接太多或成环', 'too many symbolic links, or a loop'],
  ENXIO: ['设备不存在', 'no such device'],
  ENODEV: ['设备不存在', 'no such device'],
  EPIPE: ['读取的一方已关闭', 'the reading end was closed'],
  EBUSY: ['文件正被占用', 'the file is busy'],
  ETXTBSY: ['文件正被占用', 'the file is busy'],
  EMFILE: ['打开的文件太多', 'too many open files'],
  ENFILE: ['打开的文件太多', 'too many open files'],
  EAGAIN: ['设备暂时无法写入', 'the device cannot take data now'],
};

/** The cause of a failed write in plain words, with its code: `磁盘已满(ENOSPC)`, `the disk is full (ENOSPC)`. */
export function describeCause(error: unknown): Bilingual {
  const code = errno(error)?.code ?? 'EIO';
  const [zh, en] = CAUSES[code] ?? ['无法写入', 'cannot write'];
  return bi(`${zh}(${code})`, `${en} (${code})`);
}

function refuse(path: string, zh: string, en: string): InputError {
  return new InputError([{ file: path, message: bi(`无法写入输出文件:${zh}`, `Cannot write the output file: ${en}`) }]);
}

/** stat that follows symbolic links; undefined when nothing is there. */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if (errno(error)?.code === 'ENOENT' || errno(error)?.code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** The path and every symbolic link it leads through, as absolute paths. */
function linkChain(absolute: string): string[] {
  const chain = [absolute];
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      link = readlinkSync(chain[chain.length - 1]);
    } catch {
      break;
    }
    chain.push(resolve(dirname(chain[chain.length - 1]), link));
  }
  return chain;
}

/** `/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/3`: the file descriptor they name. */
function descriptorOf(chain: readonly string[]): number | undefined {
  const names: Record<string, number> = { '/dev/stdin': 0, '/dev/stdout': 1, '/dev/stderr': 2 };
  for (const path of chain) {
    if (names[path] !== undefined) return names[path];
    const match = new RegExp(`^/(?:dev/fd|proc/(?:self|thread-self|${process.pid})/fd)/(\\d+)$`).exec(path);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/** The path with every existing part resolved (symbolic links, `..`), for telling two outputs apart. */
function canonicalPath(absolute: string): string {
  const rest: string[] = [];
  let head = absolute;
  for (;;) {
    try {
      return join(realpathSync(head), ...rest);
    } catch {
      const parent = dirname(head);
      if (parent === head) return absolute;
      rest.unshift(basename(head));
      head = parent;
    }
  }
}

/**
 * Where an output path leads, decided before the run. Refuses, with the reason, a folder, a path under a file
 * (`examples/city-2023.yaml/report.json`), and one that cannot be looked at.
 */
export function resolveTarget(path: string): OutputTarget {
  if (path === '-') return { kind: 'stdout', path };
  try {
    const absolute = resolve(path);
    const chain = linkChain(absolute);
    const fd = descriptorOf(chain);
    if (fd === 1) return { kind: 'stdout', path };
    const stats = statOrUndefined(absolute);
    if (stats?.isDirectory() || /[\\/]$/.test(path)) {
      throw refuse(path, '这是一个文件夹;请写出文件名,如 out/report.html', 'it is a folder; give a file name, e.g. out/report.html');
    }
    if (fd !== undefined) return { kind: 'direct', path, file: absolute, fifo: false, fd };
    if (stats && !stats.isFile()) return { kind: 'direct', path, file: absolute, fifo: stats.isFIFO() };
    if (stats) {
      const file = realpathSync(absolute);
      accessSync(dirname(file), constants.W_OK | constants.X_OK); // the temporary is made beside it
      return { kind: 'file', path, file, mode: stats.mode & 0o7777 };
    }
    // A new file, or a symbolic link to one (written where it leads, as the shell would): the nearest part of its
    // path that exists must be a folder one may write in.
    const leads = chain[chain.length - 1];
    for (let parent = dirname(chain.length > 1 ? leads : path); ; parent = dirname(parent)) {
      const found = statOrUndefined(parent);
      if (found && !found.isDirectory()) throw refuse(path, `${parent} 是文件,不是文件夹`, `${parent} is a file, not a folder`);
      if (found) accessSync(parent, constants.W_OK | constants.X_OK);
      if (found || dirname(parent) === parent) break;
    }
    return { kind: 'file', path, file: canonicalPath(leads) };
  } catch (error) {
    if (error instanceof InputError || !errno(error)) throw error;
    const cause = describeCause(error);
    throw refuse(path, cause.zh, cause.en);
  }
}

/** True when two targets are the same file (or both standard output): one would overwrite the other. */
export function sameTarget(a: OutputTarget, b: OutputTarget): boolean {
  if (a.kind === 'stdout' || b.kind === 'stdout') return a.kind === b.kind;
  if (a.kind === 'direct' && b.kind === 'direct' && a.fd !== undefined && a.fd === b.fd) return true;
  if (canonicalPath(a.file) === canonicalPath(b.file)) return true;
  const sa = statOrUndefined(a.file);
  const sb = statOrUndefined(b.file);
  return sa !== undefined && sb !== undefined && sa.dev === sb.dev && sa.ino === sb.ino;
}

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

/** A write that failed: which target, why, and which old files (if any) were replaced all the same. */
export class OutputWriteError extends Error {
  constructor(
    readonly target: OutputTarget,
    readonly reason: NodeJS.ErrnoException,
    /** Old files replaced before the failure that could not be put back (normally none). */
    readonly replaced: readonly string[] = [],
    /** True when the files of the run had been committed and only standard output failed. */
    readonly afterCommit = false,
  ) {
    super(`${target.path}: ${reason.message}`);
    this.name = 'OutputWriteError';
  }
}

/** A chunk is written in slices of this size, so that the run can answer a signal between them. */
const SLICE = 1 << 20;
/** The longest the writer runs without letting a signal in. */
const BREATHE_MS = 10;

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

interface Staged {
  target: FileTarget;
  temporary: string;
}

/** The outputs of one run, written together: see the top of this file. */
export class OutputTransaction {
  private readonly staged: Staged[] = [];
  private readonly deferred: { target: Exclude<OutputTarget, FileTarget>; render: Render }[] = [];
  private readonly temporaries = new Set<string>();
  /** Folders this transaction made: the first one made and the deepest, removed again when it aborts. */
  private readonly folders: { top: string; leaf: string }[] = [];
  private readonly open = new Set<number>();
  private readonly release: () => void;
  private lastBreath = Date.now();
  private done = false;

  constructor(
    private readonly stdout: OutputSink,
    /** Standard output for bytes; without it, a report of bytes sent to standard output is a bug (a TypeError). */
    private readonly stdoutBytes?: ByteSink,
  ) {
    this.release = addCleanup(() => this.abort());
  }

  /**
   * Writes one output: a regular file at once, to a temporary beside it (renamed by `commit`); a device, a FIFO
   * and standard output are written by `commit`, once every file has been written whole. A failure aborts all.
   * `render` may return text or bytes, whole or in chunks, or a promise of them: a file is renamed into place only
   * once the last chunk is in it.
   */
  async stage(target: OutputTarget, render: Render): Promise<void> {
    if (this.done) throw new Error('the output transaction is finished');
    if (target.kind !== 'file') {
      this.deferred.push({ target, render });
      return;
    }
    await this.guard(target, () => this.writeTemporary(target, render));
  }

  /** Devices and FIFOs in place, then every temporary renamed over its target at once, then standard output. */
  async commit(): Promise<void> {
    for (const { target, render } of this.deferred) if (target.kind === 'direct') await this.guard(target, () => this.writeDirect(target, render));
    this.renameAll();
    this.finish();
    for (const { target, render } of this.deferred) {
      if (target.kind !== 'stdout') continue;
      try {
        await this.writeStdout(await render());
      } catch (error) {
        const reason = errno(error);
        if (!reason) throw error;
        if (reason.code === 'EPIPE') return; // the reader stopped reading (`| head`): not an error
        throw new OutputWriteError(target, reason, [], true);
      }
    }
  }

  /** Removes every temporary and every folder made for them; no old file is touched. Safe to call twice. */
  abort(): void {
    for (const fd of this.open) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
    this.open.clear();
    for (const temporary of this.temporaries) rmSync(temporary, { force: true });
    this.temporaries.clear();
    for (const { top, leaf } of this.folders.reverse()) {
      for (let folder = leaf; ; folder = dirname(folder)) {
        try {
          rmdirSync(folder);
        } catch {
          break; // not empty: something else lives there
        }
        if (folder === top || dirname(folder) === folder) break;
      }
    }
    this.folders.length = 0;
    this.finish();
  }

  private finish(): void {
    this.done = true;
    this.release();
  }

  private async guard(target: OutputTarget, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      this.abort();
      const reason = errno(error);
      throw reason ? new OutputWriteError(target, reason) : error;
    }
  }

  private async writeTemporary(target: FileTarget, render: Render): Promise<void> {
    const folder = dirname(target.file);
    const made = mkdirSync(folder, { recursive: true });
    if (made) this.folders.push({ top: made, leaf: folder });
    const temporary = `${target.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    this.temporaries.add(temporary);
    const fd = openSync(temporary, 'wx', 0o666);
    this.open.add(fd);
    if (target.mode !== undefined) {
      try {
        fchmodSync(fd, target.mode); // the report keeps the permissions of the one it replaces
      } catch {
        // not the owner: the default permissions will do
      }
    }
    await this.writeChunks(fd, await render(), false);
    fsyncSync(fd);
    this.open.delete(fd);
    closeSync(fd);
    this.staged.push({ target, temporary });
  }

  private async writeDirect(target: DirectTarget, render: Render): Promise<void> {
    if (target.fd !== undefined) {
      await this.writeChunks(target.fd, await render(), true);
      return;
    }
    const fd = target.fifo ? await this.openFifo(target.file) : openSync(target.file, constants.O_WRONLY);
    this.open.add(fd);
    await this.writeChunks(fd, await render(), true);
    this.open.delete(fd);
    closeSync(fd);
  }

  /** Waits for a reader without blocking the process, so that Ctrl-C still works while it waits. */
  private async openFifo(file: string): Promise<number> {
    for (;;) {
      try {
        return openSync(file, constants.O_WRONLY | constants.O_NONBLOCK);
      } catch (error) {
        if (errno(error)?.code !== 'ENXIO') throw error;
        await sleep(20);
      }
    }
  }

  /** Every byte of every chunk, looping on what `writeSync` returns: a short write is not the end. */
  private async writeChunks(fd: number, content: Rendered, waitWhenFull: boolean): Promise<void> {
    await eachChunk(content, async (chunk) => {
      const bytes = isBytes(chunk) ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : Buffer.from(chunk, 'utf8');
      let offset = 0;
      while (offset < bytes.length) {
        let written: number;
        try {
          written = writeSync(fd, bytes, offset, Math.min(bytes.length - offset, SLICE));
        } catch (error) {
          if (!waitWhenFull || errno(error)?.code !== 'EAGAIN') throw error;
          await sleep(5);
          continue;
        }
        if (written <= 0) throw errnoError('EIO', 'write returned 0');
        offset += written;
        await this.breathe();
      }
    });
  }

  private async writeStdout(content: Rendered): Promise<void> {
    await eachChunk(content, async (chunk) => {
      let pending: void | Promise<void>;
      if (!isBytes(chunk)) pending = this.stdout(chunk);
      else if (this.stdoutBytes) pending = this.stdoutBytes(chunk);
      else throw new TypeError('this standard output takes text only: a report of bytes needs a ByteSink (CliIo.stdoutBytes)');
      if (pending) await pending;
      await this.breathe();
    });
  }

  /** Lets the event loop run now and then, so that a signal is answered while a long report is written. */
  private async breathe(): Promise<void> {
    if (Date.now() - this.lastBreath < BREATHE_MS) return;
    await new Promise((done) => setImmediate(done));
    this.lastBreath = Date.now();
  }

  /**
   * Renames every temporary over its target in one synchronous step, so that no signal comes between two. When
   * one rename fails, those already made are undone from hard-linked copies of the old files.
   */
  private renameAll(): void {
    const backups = new Map<Staged, string>();
    if (this.staged.length > 1) {
      for (const staged of this.staged) {
        if (statOrUndefined(staged.target.file) === undefined) continue;
        const backup = `${staged.target.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
        try {
          linkSync(staged.target.file, backup);
          this.temporaries.add(backup);
          backups.set(staged, backup);
        } catch {
          // a file system without hard links: that file cannot be put back, which the message would say
        }
      }
    }
    const renamed: Staged[] = [];
    try {
      for (const staged of this.staged) {
        renameSync(staged.temporary, staged.target.file);
        this.temporaries.delete(staged.temporary);
        renamed.push(staged);
      }
    } catch (error) {
      const failed = this.staged[renamed.length];
      const replaced = renamed.filter((staged) => !this.putBack(staged, backups.get(staged))).map((staged) => staged.target.path);
      this.abort();
      throw new OutputWriteError(failed.target, errno(error) ?? errnoError('EIO', String(error)), replaced);
    }
    for (const backup of backups.values()) rmSync(backup, { force: true });
    for (const backup of backups.values()) this.temporaries.delete(backup);
    for (const folder of new Set(this.staged.map((staged) => dirname(staged.target.file)))) syncFolder(folder);
    this.folders.length = 0; // they hold the reports now
  }

  /** Undoes one rename: the old file back from its copy, or the new file removed if there was none. */
  private putBack(staged: Staged, backup: string | undefined): boolean {
    try {
      if (backup) {
        renameSync(backup, staged.target.file);
        this.temporaries.delete(backup);
      } else if (staged.target.mode === undefined) {
        rmSync(staged.target.file, { force: true });
      } else {
        return false;
      }
      return true;
    } catch {
      return false;
    }
  }
}

/** Makes the renames in a folder durable; not every file system can, and nothing depends on it. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort
  }
}
