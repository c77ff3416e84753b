import { parentPort, workerData } from 'node:worker_threads';
import { bundledHolidayYears } from '../../calendar/holiday-notices';
import { WorkingDayCalendar } from '../../calendar/working-days';
import { Checker } from '../checker';
import { toReviewRow } from './row';
import type { WorkerSetup, WorkerReply, WorkerRequest } from './pool';

/**
 * A worker of the review pool: its own engines, built from the packs and holiday years the main thread loaded
 * (it reads no pack or calendar file); evaluates the files it is sent, one at a time.
 */
const setup = workerData as WorkerSetup;
// A user's year replaces the bundled one, as loadCalendar does: the calendar keeps the last entry for a year.
const checker = new Checker(setup.packs, new WorkingDayCalendar([...bundledHolidayYears(), ...setup.holidayYears]));
const port = parentPort;

function causeOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.split('\n')[0] : String(error);
}

port?.on('message', (request: WorkerRequest) => {
  if (request.kind === 'finish') {
    const reply: WorkerReply = { kind: 'calendars', years: checker.calendar.consultedYears() };
    port.postMessage(reply);
    return;
  }
  checker.checkFile(request.file).then(
    (result) => port.postMessage({ kind: 'row', index: request.index, row: toReviewRow(result, setup) } satisfies WorkerReply),
    (error: unknown) => port.postMessage({ kind: 'failed', index: request.index, message: causeOf(error) } satisfies WorkerReply),
  );
});
port?.postMessage({ kind: 'ready' } satisfies WorkerReply);
