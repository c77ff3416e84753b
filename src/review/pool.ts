import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Checker } from '../check';
import { STATUSES, type CalendarInfo, type Status } from '../findings/types';
import { PACKAGE_ROOT } from '../paths';
import { toReviewRow, type RowSetup } from './row';
import type { ReviewRow } from './types';

export interface WorkerSetup extends RowSetup {
  packPaths: string[];
  calendarFiles: string[];
}

export type WorkerRequest = { kind: 'check'; index: number; file: string } | { kind: 'finish' };
export type WorkerReply =
  | { kind: 'row'; index: number; row: ReviewRow }
  | { kind: 'failed'; index: number; message: string }
  | { kind: 'calendars'; years: CalendarInfo[] };

export interface EvaluatedFiles {
  rows: ReviewRow[];
  calendars: CalendarInfo[];
}

export type Progress = (done: number, total: number) => void;

const STATUS_CONSTANTS = Object.fromEntries(STATUSES.map((status) => [status, status])) as Record<Status, Status>;

/** Workers run the compiled code; from the TypeScript sources (tests) the run stays in this thread. */
const WORKER_SCRIPT = join(PACKAGE_ROOT, 'dist', 'review', 'worker.js');
/** Starting a worker (modules, schemas, packs) takes about a second: below this many files each, it costs more than it saves. */
const FILES_PER_WORKER_WORTH_IT = 50;

export function defaultJobs(): number {
  return availableParallelism();
}

function mergeCalendars(lists: CalendarInfo[][]): CalendarInfo[] {
  const byYear = new Map<number, CalendarInfo>();
  for (const info of lists.flat()) byYear.set(info.year, info);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

async function inThisThread(files: readonly string[], checker: Checker, setup: RowSetup, progress?: Progress): Promise<EvaluatedFiles> {
  const rows: ReviewRow[] = [];
  for (const file of files) {
    rows.push(toReviewRow(await checker.checkFile(file), setup));
    progress?.(rows.length, files.length);
  }
  return { rows, calendars: checker.calendar.consultedYears() };
}

/** One worker's share: it asks for the next file as soon as it has answered, so both cores stay busy. */
function runWorker(worker: Worker, next: () => { index: number; file: string } | undefined, onRow: (index: number, row: ReviewRow) => void): Promise<CalendarInfo[]> {
  return new Promise((resolve, reject) => {
    const send = (): void => {
      const job = next();
      worker.postMessage(job ? ({ kind: 'check', ...job } satisfies WorkerRequest) : ({ kind: 'finish' } satisfies WorkerRequest));
    };
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'row') {
        // A message carries fresh copies of every string; the shared constants keep a row to one reference per rule.
        reply.row.statuses = reply.row.statuses.map((status) => STATUS_CONSTANTS[status]);
        onRow(reply.index, reply.row);
        send();
      } else if (reply.kind === 'calendars') {
        resolve(reply.years);
      } else {
        reject(new Error(reply.message));
      }
    });
    worker.on('error', reject);
    send();
  });
}

/**
 * Evaluates files on every core, keeping one compact row per file in the files' order. Without `jobs`, workers
 * start only when there is enough to share; with it, that many are used. The caller has loaded the packs and
 * calendars already (so their errors are reported there): `checker` runs in this thread, workers load from `setup`.
 */
export async function evaluateFiles(files: readonly string[], setup: WorkerSetup, checker: Checker, jobs?: number, progress?: Progress): Promise<EvaluatedFiles> {
  const workers = jobs === undefined ? Math.min(defaultJobs(), Math.floor(files.length / FILES_PER_WORKER_WORTH_IT)) : Math.min(jobs, files.length);
  if (workers < 2 || !existsSync(WORKER_SCRIPT)) return inThisThread(files, checker, setup, progress);
  const rows: ReviewRow[] = new Array(files.length);
  let nextIndex = 0;
  let done = 0;
  const next = (): { index: number; file: string } | undefined => (nextIndex < files.length ? { index: nextIndex, file: files[nextIndex++] } : undefined);
  const pool = Array.from({ length: workers }, () => new Worker(WORKER_SCRIPT, { workerData: setup }));
  try {
    const calendars = await Promise.all(
      pool.map((worker) =>
        runWorker(worker, next, (index, row) => {
          rows[index] = row;
          progress?.(++done, files.length);
        }),
      ),
    );
    return { rows, calendars: mergeCalendars(calendars) };
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}
