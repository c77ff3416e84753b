import { SingleBar } from 'cli-progress';
import type { Progress } from '../run/review/pool';

/** Shown only when the run takes more than a moment. */
const SHOW_AFTER_MS = 700;

/**
 * A progress bar on standard error, for a person at a terminal: none under CI, and none when the output
 * or standard error is piped or redirected.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr, output: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): { update: Progress; stop(): void } | undefined {
  if (!stream.isTTY || !output.isTTY || env.CI) return undefined;
  const started = Date.now();
  let bar: SingleBar | undefined;
  return {
    update(done, total) {
      if (!bar && Date.now() - started < SHOW_AFTER_MS) return;
      if (!bar) {
        bar = new SingleBar({ stream, format: 'plancheck [{bar}] {value}/{total} {percentage}% · {eta}s', hideCursor: true, clearOnComplete: true });
        bar.start(total, done);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
