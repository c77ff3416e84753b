/**
 * `npm run bench`: generates realistic synthetic submissions and times `plancheck review` on them at the sizes of
 * one province (137), every bureau in China (3,700) and ten times that (37,000): wall time, submissions per second
 * and peak memory; then one `check` of one file against `node -e 0` on the same machine, as a ratio.
 *
 *   npm run bench                         # all three sizes
 *   npm run bench -- --sizes 137,3700     # fewer
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { writeSynthetic } from './synthetic';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'cli', 'main.js');
const RSS_HOOK = join(__dirname, 'max-rss.js');

interface Timed {
  seconds: number;
  peakMiB: number;
  status: number;
}

function timeNode(args: string[], work: string): Timed {
  const rssFile = join(work, `rss-${process.hrtime.bigint()}`);
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--require', RSS_HOOK, ...args], { env: { ...process.env, PLANCHECK_BENCH_RSS: rssFile, CI: 'true' }, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakKiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr.slice(0, 2000)}`);
  return { seconds, peakMiB: peakKiB / 1024, status: run.status ?? -1 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function sizesFromArgs(): number[] {
  const at = process.argv.indexOf('--sizes');
  return at > 0 ? process.argv[at + 1].split(',').map(Number) : [137, 3700, 37000];
}

function main(): void {
  if (!existsSync(BIN)) throw new Error('run `npm run build` first');
  const work = mkdtempSync(join(tmpdir(), 'plancheck-bench-'));
  const rows: string[] = [];
  try {
    console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
    for (const size of sizesFromArgs()) {
      const dir = join(work, `submissions-${size}`);
      const generated = process.hrtime.bigint();
      writeSynthetic(dir, size);
      const generation = Number(process.hrtime.bigint() - generated) / 1e9;
      const out = join(work, `review-${size}.json`);
      const run = timeNode([BIN, 'review', dir, '--format', 'json', '--out', out], work);
      const line = `| ${size.toLocaleString('en')} | ${availableParallelism()} | ${run.seconds.toFixed(1)} s | ${(size / run.seconds).toFixed(0)} | ${run.peakMiB.toFixed(0)} MiB |`;
      rows.push(line);
      console.log(`${size} submissions (generated in ${generation.toFixed(1)} s): ${line}`);
      if (size === 3700) {
        const single = timeNode([BIN, 'review', dir, '--format', 'json', '--out', out, '--jobs', '1'], work);
        const singleLine = `| ${size.toLocaleString('en')} | 1 | ${single.seconds.toFixed(1)} s | ${(size / single.seconds).toFixed(0)} | ${single.peakMiB.toFixed(0)} MiB |`;
        rows.push(singleLine);
        console.log(`${size} submissions, one worker: ${singleLine}  (both cores: ${(single.seconds / run.seconds).toFixed(2)}× faster)`);
      }
      rmSync(dir, { recursive: true, force: true });
    }
    const one = join(work, 'one.yaml');
    writeSynthetic(join(work, 'one'), 1);
    writeFileSync(one, readFileSync(join(work, 'one', '000', '000000.yaml')));
    const check: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < 11; i++) {
      bare.push(timeNode(['-e', '0'], work).seconds);
      check.push(timeNode([BIN, 'check', one, '--format', 'json'], work).seconds);
    }
    const ratio = median(check) / median(bare);
    console.log(`one check of one file: ${(median(check) * 1000).toFixed(0)} ms; node -e 0: ${(median(bare) * 1000).toFixed(0)} ms; ratio ${ratio.toFixed(1)}× (medians of 11 runs, alternating)`);
    console.log('\n| submissions | workers | wall time | submissions/s | peak memory |\n|---|---|---|---|---|');
    for (const row of rows) console.log(row);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
