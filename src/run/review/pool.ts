import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HolidayYear } from '../../calendar/working-days';
import type { Checker } from '../checker';
import { STATUSES, type CalendarInfo, type Status } from '../../findings/types';
import { bi, type Bilingual } from '../../core/i18n';
import type { RulePack } from '../../pack/types';
import { PACKAGE_ROOT } from '../../core/paths';
import { toReviewRow, type RowSetup } from './row';
import type { ReviewRow } from './types';

/**
 * What a worker evaluates with: the packs and the holiday years the main thread loaded and uses, as data. A worker
 * reads no pack or calendar file itself, so it cannot meet a file the main thread refused (and reported) or one
 * that changed since, and its findings are those of the main thread.
 */
export interface WorkerSetup extends RowSetup {
  packs: RulePack[];
  /** The `--calendar` years that loaded; each replaces the bundled year it names, as in the main thread. */
  holidayYears: HolidayYear[];
  /** The size beyond which a submission is refused unread (`--max-bytes`); intake/read-file.ts reads it in a worker. */
  maxBytes?: number;
}

export type WorkerRequest = { kind: 'check'; index: number; file: string } | { kind: 'finish' };
export type WorkerReply =
  | { kind: 'row'; index: number; row: ReviewRow }
  | { kind: 'failed'; index: number; message: string }
  | { kind: 'calendars'; years: CalendarInfo[] }
  | { kind: 'ready' };

export interface EvaluatedFiles {
  rows: ReviewRow[];
  calendars: CalendarInfo[];
}

export type Progress = (done: number, total: number) => void;

/** A worker that threw, failed to start or ended before answering: the run stops with the cause, never hangs. */
export class WorkerFailure extends Error {
  constructor(readonly said: Bilingual) {
    super(said.en);
    this.name = 'WorkerFailure';
  }
}

const STATUS_CONSTANTS = Object.fromEntries(STATUSES.map((status) => [status, status])) as Record<Status, Status>;

/** Workers run the compiled code; from the TypeScript sources (tests) the run stays in this thread. */
const WORKER_SCRIPT = join(PACKAGE_ROOT, 'dist', 'run', 'review', 'worker.js');
/** Starting a worker (modules, schemas, engines) takes about a second: below this many files each, it costs more than it saves. */
const FILES_PER_WORKER_WORTH_IT = 50;

/** The most workers that can run at once on this machine: more only share the same cores (and add their memory). */
export function defaultJobs(): number {
  return availableParallelism();
}

function mergeCalendars(lists: CalendarInfo[][]): CalendarInfo[] {
  const byYear = new Map<number, CalendarInfo>();
  for (const info of lists.flat()) byYear.set(info.year, info);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/**
 * A row as the review keeps it: a plain object of its own, its statuses the shared constants (one reference a
 * rule). A row fresh from a worker's message holds copies of its strings already; a row made in this thread is
 * given copies (`copyStrings`): strings read from a submission (the bureau's name) are slices of the whole text in
 * V8, so a row kept as it is would keep each file's text alive, and memory would grow with the files.
 */
function keptRow(row: ReviewRow, copyStrings: boolean): ReviewRow {
  if (row.findings) {
    const copy = copyStrings ? structuredClone(row) : row;
    copy.statuses = copy.statuses.map((status) => STATUS_CONSTANTS[status]);
    return copy;
  }
  const { file, sha256, bureau, notices, error, waivers } = copyStrings ? structuredClone({ file: row.file, sha256: row.sha256, bureau: row.bureau, notices: row.notices, error: row.error, waivers: row.waivers }) : row;
  return {
    notices,
    file,
    sha256,
    bureau,
    year: row.year,
    summary: { ...row.summary },
    statuses: row.statuses.map((status) => STATUS_CONSTANTS[status]),
    ...(waivers ? { waivers } : {}),
    error,
    ...(row.origin ? { origin: row.origin } : {}),
  };
}

async function inThisThread(files: readonly string[], checker: Checker, setup: RowSetup, progress?: Progress): Promise<EvaluatedFiles> {
  const rows: ReviewRow[] = [];
  for (const file of files) {
    rows.push(keptRow(toReviewRow(await checker.checkFile(file), setup), true));
    progress?.(rows.length, files.length);
  }
  return { rows, calendars: checker.calendar.consultedYears() };
}

/** The cause of a worker's error in one line: its name and message, not its stack. */
function causeOf(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.split('\n')[0];
  return String(error);
}

function failure(file: string | undefined, cause: string | Bilingual): WorkerFailure {
  const { zh, en } = typeof cause === 'string' ? bi(cause, cause) : cause;
  return new WorkerFailure(
    file === undefined
      ? bi(`工作线程出错,审查中止:${zh}`, `A worker thread failed, and the review stopped: ${en}`)
      : bi(`工作线程在检查 ${file} 时出错,审查中止:${zh}`, `A worker thread failed while checking ${file}, and the review stopped: ${en}`),
  );
}

/** One worker's share: it asks for the next file as soon as it has answered, so both cores stay busy. */
function runWorker(worker: Worker, next: () => { index: number; file: string } | undefined, onRow: (index: number, row: ReviewRow) => void): Promise<CalendarInfo[]> {
  return new Promise((resolve, reject) => {
    let current: string | undefined;
    let settled = false;
    const fail = (error: WorkerFailure): void => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    const send = (): void => {
      const job = next();
      current = job?.file;
      worker.postMessage(job ? ({ kind: 'check', ...job } satisfies WorkerRequest) : ({ kind: 'finish' } satisfies WorkerRequest));
    };
    worker.on('message', (reply: WorkerReply) => {
      if (settled) return;
      if (reply.kind === 'ready') {
        // The first file goes out once the worker has built its engines: a failure to start is not blamed on a file.
        send();
      } else if (reply.kind === 'row') {
        // A message carries fresh copies of every string.
        onRow(reply.index, keptRow(reply.row, false));
        send();
      } else if (reply.kind === 'calendars') {
        settled = true;
        resolve(reply.years);
      } else {
        fail(failure(current, reply.message));
      }
    });
    worker.on('error', (error) => fail(failure(current, causeOf(error))));
    worker.on('messageerror', (error) => fail(failure(current, causeOf(error))));
    // A worker that ends without answering (process.exit, or killed) would otherwise leave the run waiting forever.
    worker.on('exit', (code) => fail(failure(current, bi(`工作线程意外退出(退出码 ${code})`, `the worker thread exited unexpectedly (exit code ${code})`))));
  });
}

/**
 * Evaluates files on every core, keeping one compact row per file in the files' order. Without `jobs`, workers
 * start only when there is enough to share; with it, that many are used (never more than the files). The caller
 * has loaded the packs and calendars already, and reported their errors: `checker` builds the engines that run in
 * this thread with them, only when the files are evaluated here (workers build their own from the same data in
 * `setup`, so the main thread does not pay it a third time). `threadsAllowed` false keeps every file in this thread
 * (the checker reads formats a worker could not be sent). Rejects with a WorkerFailure when a worker fails.
 */
export async function evaluateFiles(files: readonly string[], setup: WorkerSetup, checker: () => Checker, jobs?: number, progress?: Progress, threadsAllowed = true): Promise<EvaluatedFiles> {
  const workers = jobs === undefined ? Math.min(defaultJobs(), Math.floor(files.length / FILES_PER_WORKER_WORTH_IT)) : Math.min(jobs, files.length);
  // One job over many files still runs in a worker: this thread then keeps only the rows, and its heap does not
  // carry every file's garbage (evaluated in this thread, the peak at 37,000 files was 2.3 times that at 3,700; in
  // one worker, 1.4 times: 185 → 261 MiB).
  const threaded = workers >= 2 || (workers === 1 && files.length >= FILES_PER_WORKER_WORTH_IT);
  if (!threaded || !threadsAllowed || !existsSync(WORKER_SCRIPT)) return inThisThread(files, checker(), setup, progress);
  const rows: ReviewRow[] = new Array(files.length);
  let nextIndex = 0;
  let done = 0;
  const next = (): { index: number; file: string } | undefined => (nextIndex < files.length ? { index: nextIndex, file: files[nextIndex++] } : undefined);
  const pool: Worker[] = [];
  try {
    for (let i = 0; i < workers; i++) pool.push(new Worker(WORKER_SCRIPT, { workerData: setup }));
    const calendars = await Promise.all(
      pool.map((worker) =>
        runWorker(worker, next, (index, row) => {
          rows[index] = row;
          progress?.(++done, files.length);
        }),
      ),
    );
    return { rows, calendars: mergeCalendars(calendars) };
  } catch (error) {
    throw error instanceof WorkerFailure ? error : failure(undefined, causeOf(error));
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}
