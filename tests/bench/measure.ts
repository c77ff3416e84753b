import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const USAGE_HOOK = join(__dirname, 'max-rss.js');

/** One timed child process: wall time, CPU time of all its threads, peak resident memory. */
export interface Run {
  wall: number;
  cpu: number;
  peakMiB: number;
  status: number;
}

interface Usage {
  maxRSS: number;
  user: number;
  system: number;
}

/**
 * Runs `node ARGS` with the usage hook preloaded and times it. Exit statuses other than those allowed (by default
 * 0 and 1: a run that found failures) stop the bench with the command's standard error.
 */
export function timeNode(args: readonly string[], allowed: readonly number[] = [0, 1]): Run {
  const usageFile = join(tmpdir(), `plancheck-bench-usage-${process.pid}-${process.hrtime.bigint()}.json`);
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--require', USAGE_HOOK, ...args], {
    env: { ...process.env, PLANCHECK_BENCH_RSS: usageFile, CI: 'true' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status === null || !allowed.includes(run.status)) throw new Error(`node ${args.join(' ')} exited ${run.status ?? run.signal}: ${(run.stderr ?? '').slice(0, 2000)}`);
  if (!existsSync(usageFile)) throw new Error(`node ${args.join(' ')} left no usage record`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as Usage;
  rmSync(usageFile, { force: true });
  return { wall, cpu: (usage.user + usage.system) / 1e6, peakMiB: usage.maxRSS / 1024, status: run.status };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The kernel's CPU pressure (share of time some task waited for a CPU, last 10 s), where Linux reports it. */
export function cpuPressure(): string {
  try {
    const line = readFileSync('/proc/pressure/cpu', 'utf8').split('\n')[0];
    return /avg10=([\d.]+)/.exec(line)?.[1] ?? 'n/a';
  } catch {
    return 'n/a';
  }
}
