import type { Progress } from '../run/review/pool';
import { addCleanup } from './signals';

/** Where the CLI writes: the process's streams, or a test's buffers. */
export interface CliIo {
  /** May return a promise: the writer then waits before the next chunk (a pipe that is full), and learns of a failure. */
  stdout(text: string): void | Promise<void>;
  /** Standard output for a report of bytes (a workbook), the same way; without it such a report cannot go there. */
  stdoutBytes?(bytes: Uint8Array): void | Promise<void>;
  stderr(text: string): void;
  /** True when standard output is a terminal, where a report of bytes (a workbook) would show as garbage. */
  stdoutIsTerminal?(): boolean;
  /** A progress display for long runs, where one can be seen. */
  progress?(): { update: Progress; stop(): void } | undefined;
}

/**
 * Writes to a stream with backpressure: nothing to wait for while it takes the text, else a promise that settles when
 * it drains, or fails with its error (ENOSPC, EIO, EPIPE), so that a long report streams without piling up in memory.
 */
export function streamWriter(stream: NodeJS.WritableStream & { destroyed?: boolean; errored?: Error | null }): (chunk: string | Uint8Array) => void | Promise<void> {
  return (chunk) => {
    if (stream.destroyed) return Promise.reject(stream.errored ?? Object.assign(new Error('the stream is closed'), { code: 'EPIPE' }));
    if (stream.write(chunk)) return undefined;
    return new Promise<void>((resolve, reject) => {
      const settle = (error?: Error | null): void => {
        stream.off('drain', onDrain);
        stream.off('error', onError);
        stream.off('close', onClose);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = (): void => settle();
      const onError = (error: Error): void => settle(error);
      const onClose = (): void => settle(stream.errored ?? Object.assign(new Error('the stream is closed'), { code: 'EPIPE' }));
      stream.on('drain', onDrain);
      stream.on('error', onError);
      stream.on('close', onClose);
    });
  };
}

const writeStdout = streamWriter(process.stdout);

export const processIo: CliIo = {
  stdout: writeStdout,
  stdoutBytes: writeStdout,
  stderr: (text) => void process.stderr.write(text),
  stdoutIsTerminal: () => process.stdout.isTTY === true,
  progress: () => {
    // Loaded only when a run asks for a bar: a check never does.
    const { terminalProgress } = require('./progress') as typeof import('./progress');
    const bar = terminalProgress();
    if (!bar) return undefined;
    // Ctrl-C while the bar is shown must give the terminal its cursor back.
    const release = addCleanup(() => bar.stop());
    return {
      update: bar.update,
      stop() {
        release();
        bar.stop();
      },
    };
  },
};
