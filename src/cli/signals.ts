/**
 * What must be undone however a run ends. The output writer registers the clean-up of its temporary files here while
 * it writes; an interruption (SIGINT, SIGTERM, SIGHUP) runs every clean-up and exits with 128 + the signal's number,
 * as a shell reports it: 130 for Ctrl-C, 143 for `kill`.
 */

const cleanups = new Set<() => void>();

/** Registers a clean-up to run if the run is interrupted or exits; returns the function that unregisters it. */
export function addCleanup(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => void cleanups.delete(cleanup);
}

/** Runs every registered clean-up once, synchronously; one that fails does not stop the others. */
export function runCleanups(): void {
  for (const cleanup of [...cleanups]) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Clean-up is best effort: the next one must still run.
    }
  }
}

/** The number of clean-ups pending: for tests. */
export function pendingCleanups(): number {
  return cleanups.size;
}

export const SIGNAL_EXIT_STATUS = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

let installed = false;

/**
 * For the command (the bin), not for a library or a test that runs the CLI in its own process: the signals remove
 * every temporary file and exit 128 + N, and any other exit removes them too.
 */
export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  process.on('exit', runCleanups);
  for (const [signal, status] of Object.entries(SIGNAL_EXIT_STATUS)) {
    process.on(signal as NodeJS.Signals, () => {
      runCleanups();
      process.exit(status);
    });
  }
}
