import type { Progress } from '../review/pool';
import { terminalProgress } from './progress';

/** Where the CLI writes: the process's streams, or a test's buffers. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A progress display for long runs, where one can be seen. */
  progress?(): { update: Progress; stop(): void } | undefined;
}

export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  progress: () => terminalProgress(),
};
