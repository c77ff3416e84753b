import { parentPort, workerData } from 'node:worker_threads';
import { loadCalendar } from '../calendar/holiday-notices';
import { Checker } from '../check';
import { loadPack } from '../pack/load';
import { toReviewRow } from './row';
import type { WorkerSetup, WorkerReply, WorkerRequest } from './pool';

/** A worker of the review pool: its own packs, calendar and engines; evaluates the files it is sent, one at a time. */
const setup = workerData as WorkerSetup;
const checker = new Checker(setup.packPaths.map(loadPack), loadCalendar(setup.calendarFiles));
const port = parentPort;

port?.on('message', (request: WorkerRequest) => {
  if (request.kind === 'finish') {
    const reply: WorkerReply = { kind: 'calendars', years: checker.calendar.consultedYears() };
    port.postMessage(reply);
    return;
  }
  checker.checkFile(request.file).then(
    (result) => port.postMessage({ kind: 'row', index: request.index, row: toReviewRow(result, setup) } satisfies WorkerReply),
    (error: unknown) => port.postMessage({ kind: 'failed', index: request.index, message: String(error instanceof Error ? error.stack : error) } satisfies WorkerReply),
  );
});
