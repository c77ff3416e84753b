/**
 * `npm run bench`: times the built bin (dist/cli/main.js) as a child process, as a user runs it.
 *
 * 1. `plancheck review DIR --jobs 1|2 --format json` on realistic synthetic submissions (tests/bench/synthetic.ts) at
 *    the sizes of one province (137), every bureau in China (3,700) and ten times that (37,000): wall time, CPU time
 *    (user + system, all threads), submissions per second, peak memory. The floor (tests/bench/floor.ts) reads the
 *    same files in the same run, in one thread, and must give plancheck's status for every (file, rule).
 * 2. One `check` of one typical file against `node -e 0`: paired runs, alternating, medians.
 * 3. Cost per record: one file each of 1,000 … 200,000 enforcement records through `check --format json`.
 * 4. The targets of issue #11, each measured, met or not.
 * 5. The self-check page in Chromium (tests/bench/page.ts): its size, and the time from a file chosen to findings shown.
 *
 *   npm run bench                                   # all three sizes
 *   npm run bench -- --sizes 137,3700               # fewer
 *   npm run bench -- --sizes 137 --records 1000,10000
 *
 * Generated files are kept under os.tmpdir() in a folder keyed by the generator's version and reused.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { FloorOutput } from './floor-run';
import { cpuPressure, median, timeNode, type Run } from './measure';
import { generatorKey, syntheticPath, writeSubmission, writeSynthetic } from './synthetic';
import { benchPage, pageBenchLines } from './page';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'cli', 'main.js');
const FLOOR = join(__dirname, 'floor-run.ts');
const CACHE = join(tmpdir(), `plancheck-bench-${generatorKey()}`);
const PAIRS = 11;

// ── arguments ───────────────────────────────────────────────────────────────────────────────────────────────
function listArg(name: string, fallback: number[]): number[] {
  const at = process.argv.indexOf(name);
  if (at < 0) return fallback;
  const values = (process.argv[at + 1] ?? '').split(',').map((v) => Number(v.replace(/_/g, '')));
  if (values.length === 0 || values.some((v) => !Number.isSafeInteger(v) || v < 1)) throw new Error(`${name} takes whole numbers separated by commas, e.g. ${name} ${fallback.join(',')}`);
  return values;
}

// ── formatting ──────────────────────────────────────────────────────────────────────────────────────────────
const n0 = (v: number): string => Math.round(v).toLocaleString('en');
const s1 = (v: number): string => (v < 10 ? v.toFixed(2) : v.toFixed(1));
const x = (v: number): string => `${v.toFixed(2)}×`;
function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

// ── generated files, cached ─────────────────────────────────────────────────────────────────────────────────
/** Submissions 0 … size−1: generated once into the pool, then hard-linked into a folder of their own per size. */
function submissions(size: number): string {
  const pool = join(CACHE, 'pool');
  const countFile = join(pool, 'count');
  const have = existsSync(countFile) ? Number(readFileSync(countFile, 'utf8')) : 0;
  if (have < size) {
    const started = process.hrtime.bigint();
    mkdirSync(pool, { recursive: true });
    for (let from = have; from < size; from += 1000) {
      const to = Math.min(size, from + 1000);
      writeSynthetic(pool, to, 2024, from);
      writeFileSync(countFile, String(to));
    }
    console.log(`generated submissions ${n0(have)}–${n0(size - 1)} in ${s1(Number(process.hrtime.bigint() - started) / 1e9)} s (${CACHE})`);
  }
  const dir = join(CACHE, `review-${size}`);
  if (!existsSync(join(dir, '.complete'))) {
    rmSync(dir, { recursive: true, force: true });
    for (let i = 0; i < size; i++) {
      const target = syntheticPath(dir, i);
      if (i % 1000 === 0) mkdirSync(dirname(target), { recursive: true });
      linkSync(syntheticPath(pool, i), target);
    }
    writeFileSync(join(dir, '.complete'), '');
  }
  return dir;
}

function recordsFile(records: number): string {
  const file = join(CACHE, `records-${records}.yaml`);
  if (!existsSync(file)) {
    mkdirSync(CACHE, { recursive: true });
    // Bureau 15 is a city, as most bureaus are; written in full before it is renamed into place.
    writeSubmission(`${file}.part`, 15, { enforcementRecords: records });
    linkSync(`${file}.part`, file);
    rmSync(`${file}.part`);
  }
  return file;
}

function bytesOf(dir: string, size: number): number {
  let total = 0;
  for (let i = 0; i < size; i++) total += statSync(syntheticPath(dir, i)).size;
  return total;
}

// ── the floor against plancheck ─────────────────────────────────────────────────────────────────────────────
interface ReviewJson {
  rules: { id: string }[];
  counts: { found: number; evaluated: number; rejected: number };
  bureaus: { file: string; statuses: Record<string, string> }[];
  rejected: { file: string }[];
}

/** Every (file, rule) where the floor and plancheck disagree, and every file only one of them judged. */
function differences(reviewFile: string, floor: FloorOutput): string[] {
  const review = JSON.parse(readFileSync(reviewFile, 'utf8')) as ReviewJson;
  const found: string[] = [];
  const rules = review.rules.map((r) => r.id);
  if (rules.join() !== floor.rules.join()) found.push(`rules differ: plancheck ${rules.length} (${rules.slice(0, 3).join(', ')}…), floor ${floor.rules.length}`);
  for (const rejected of review.rejected) found.push(`${rejected.file}: rejected by plancheck, judged by the floor`);
  const seen = new Set<string>();
  for (const bureau of review.bureaus) {
    const file = resolve(bureau.file);
    seen.add(file);
    const mine = floor.statuses[file];
    if (!mine) {
      found.push(`${file}: judged by plancheck, not by the floor`);
      continue;
    }
    floor.rules.forEach((rule, i) => {
      if (bureau.statuses[rule] !== mine[i]) found.push(`${file} ${rule}: plancheck ${bureau.statuses[rule]}, floor ${mine[i]}`);
    });
  }
  for (const file of Object.keys(floor.statuses)) if (!seen.has(file) && !review.rejected.some((r) => resolve(r.file) === file)) found.push(`${file}: judged by the floor, not by plancheck`);
  return found;
}

function stopOnDifferences(found: string[], what: string): void {
  if (found.length === 0) return;
  console.error(`\nThe floor and plancheck disagree on ${what}: ${found.length} difference(s). The first ones:\n${found.slice(0, 20).map((d) => `  ${d}`).join('\n')}`);
  console.error('The floor (tests/bench/floor.ts) must give exactly plancheck’s statuses; fix whichever is wrong before reading any ratio.');
  process.exit(1);
}

// ── the parts ───────────────────────────────────────────────────────────────────────────────────────────────
interface SizeResult {
  size: number;
  mib: number;
  runs: { jobs: number; run: Run }[];
  floor: Run;
  floorLoop: number;
}

function reviewSize(size: number): SizeResult {
  const dir = submissions(size);
  const mib = bytesOf(dir, size) / 2 ** 20;
  const work = join(CACHE, 'out');
  mkdirSync(work, { recursive: true });
  const runs: { jobs: number; run: Run }[] = [];
  for (const jobs of [1, 2]) {
    const out = join(work, `review-${size}-jobs${jobs}.json`);
    const run = timeNode([BIN, 'review', dir, '--jobs', String(jobs), '--format', 'json', '--out', out]);
    runs.push({ jobs, run });
    console.log(`  review ${n0(size)} --jobs ${jobs}: ${s1(run.wall)} s wall, ${s1(run.cpu)} s CPU, ${n0(run.peakMiB)} MiB  (CPU pressure ${cpuPressure()} %)`);
  }
  const floorOut = join(work, `floor-${size}.json`);
  const floor = timeNode(['--require', require.resolve('tsx/cjs'), FLOOR, floorOut, dir], [0]);
  const floorResult = JSON.parse(readFileSync(floorOut, 'utf8')) as FloorOutput;
  console.log(`  floor ${n0(size)}: ${s1(floor.wall)} s wall (${s1(floorResult.seconds)} s in its loop), ${n0(floor.peakMiB)} MiB`);
  for (const { jobs } of runs) stopOnDifferences(differences(join(work, `review-${size}-jobs${jobs}.json`), floorResult), `${n0(size)} submissions (--jobs ${jobs})`);
  console.log(`  the floor gave plancheck's status for all ${n0(size * floorResult.rules.length)} (file, rule) pairs`);
  return { size, mib, runs, floor, floorLoop: floorResult.seconds };
}

/** The median-size file of the first province: a typical submission. */
function typicalFile(): string {
  const dir = submissions(137);
  const sizes = Array.from({ length: 137 }, (_, i) => ({ file: syntheticPath(dir, i), bytes: statSync(syntheticPath(dir, i)).size })).sort((a, b) => a.bytes - b.bytes);
  return sizes[68].file;
}

interface StartUp {
  check: number;
  bare: number;
  checkCpu: number;
  bareCpu: number;
  pairRatio: number;
  peakMiB: number;
  file: string;
}

function oneCheck(): StartUp {
  const file = typicalFile();
  const check = (): Run => timeNode([BIN, 'check', file, '--format', 'json']);
  const bare = (): Run => timeNode(['-e', '0'], [0]);
  bare();
  check();
  const pairs: { a: Run; b: Run }[] = [];
  for (let i = 0; i < PAIRS; i++) pairs.push({ a: check(), b: bare() });
  console.log(`  check ${n0(median(pairs.map((p) => p.a.wall)) * 1000)} ms, node -e 0 ${n0(median(pairs.map((p) => p.b.wall)) * 1000)} ms (medians of ${PAIRS} pairs)`);
  return {
    check: median(pairs.map((p) => p.a.wall)),
    bare: median(pairs.map((p) => p.b.wall)),
    checkCpu: median(pairs.map((p) => p.a.cpu)),
    bareCpu: median(pairs.map((p) => p.b.cpu)),
    pairRatio: median(pairs.map((p) => p.a.wall / p.b.wall)),
    peakMiB: median(pairs.map((p) => p.a.peakMiB)),
    file,
  };
}

interface RecordsResult {
  records: number;
  mib: number;
  wall: number;
  cpu: number;
  peakMiB: number;
  runs: number;
}

function perRecord(records: number): RecordsResult {
  const file = recordsFile(records);
  const runs = records <= 10_000 ? 3 : 1;
  const timed = Array.from({ length: runs }, () => timeNode([BIN, 'check', file, '--format', 'json']));
  const result = { records, mib: statSync(file).size / 2 ** 20, wall: median(timed.map((t) => t.wall)), cpu: median(timed.map((t) => t.cpu)), peakMiB: median(timed.map((t) => t.peakMiB)), runs };
  console.log(`  check, ${n0(records)} records: ${s1(result.wall)} s, ${n0(result.peakMiB)} MiB`);
  return result;
}

// ── main ────────────────────────────────────────────────────────────────────────────────────────────────────
function main(): void {
  if (!existsSync(BIN)) throw new Error('run `npm run build` first');
  const sizes = listArg('--sizes', [137, 3700, 37000]);
  const recordSizes = listArg('--records', [1000, 10_000, 100_000, 200_000]);
  // Files of an older generator are of no more use.
  for (const name of readdirSync(tmpdir())) if (name.startsWith('plancheck-bench-v') && name !== basename(CACHE)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  console.log(`plancheck bench, ${new Date().toISOString().slice(0, 16)}Z: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; CPU pressure ${cpuPressure()} % (the share of the last 10 s some task waited for a CPU: the machine's other load)`);

  console.log('\n## Review');
  const reviews: SizeResult[] = [];
  for (const size of sizes) {
    const last = reviews[reviews.length - 1];
    if (last) {
      const perFile = (last.runs[0].run.wall + last.runs[1].run.wall + last.floor.wall) / last.size;
      console.log(`(${n0(size)} submissions: about ${n0((perFile * size) / 60)} minutes at the speed of ${n0(last.size)})`);
    }
    reviews.push(reviewSize(size));
  }

  console.log('\n## One check');
  const start = oneCheck();

  console.log('\n## Cost per record');
  const perRecords = recordSizes.map(perRecord);

  // ── tables ──
  console.log('\n## Results\n');
  const rows: string[][] = [];
  for (const r of reviews) {
    for (const { jobs, run } of r.runs) rows.push([n0(r.size), `plancheck --jobs ${jobs}`, `${s1(run.wall)} s`, `${s1(run.cpu)} s`, n0(r.size / run.wall), `${n0(run.peakMiB)} MiB`, `${s1((run.wall / r.size) * 1000)} ms`]);
    rows.push([n0(r.size), 'floor (1 thread)', `${s1(r.floor.wall)} s`, `${s1(r.floor.cpu)} s`, n0(r.size / r.floor.wall), `${n0(r.floor.peakMiB)} MiB`, `${s1((r.floor.wall / r.size) * 1000)} ms`]);
  }
  console.log(table(['submissions', 'run', 'wall', 'CPU (all threads)', 'submissions/s', 'peak RSS', 'wall per submission'], rows));
  console.log(`\n${reviews.map((r) => `${n0(r.size)} submissions: ${r.mib.toFixed(0)} MiB, ${n0((r.mib * 1024) / r.size)} KiB each on average`).join('; ')}. The floor's loop alone (read, js-yaml, statuses): ${reviews.map((r) => `${s1((r.floorLoop / r.size) * 1000)} ms`).join(', ')} per submission.`);

  console.log('\nOne `check` of one typical file (the median-size file of the 137, ' + `${n0(statSync(start.file).size / 1024)} KiB) against \`node -e 0\`, ${PAIRS} pairs alternating after a warm-up, medians:\n`);
  console.log(
    table(
      ['run', 'wall', 'CPU', 'peak RSS'],
      [
        ['check --format json', `${n0(start.check * 1000)} ms`, `${n0(start.checkCpu * 1000)} ms`, `${n0(start.peakMiB)} MiB`],
        ['node -e 0', `${n0(start.bare * 1000)} ms`, `${n0(start.bareCpu * 1000)} ms`, '—'],
        ['ratio', x(start.check / start.bare), x(start.checkCpu / start.bareCpu), `(median of the pairs' ratios: ${x(start.pairRatio)})`],
      ],
    ),
  );

  console.log('\nCost per record: one city file, `check --format json` (median of 3 runs up to 10,000 records, 1 run above):\n');
  const marginal = perRecords.map((r, i) => (i === 0 ? undefined : ((r.wall - perRecords[i - 1].wall) / (r.records - perRecords[i - 1].records)) * 1e6));
  console.log(
    table(
      ['enforcement records', 'file', 'wall', 'CPU', 'peak RSS', 'µs per record', 'marginal µs per record', 'KiB per record'],
      perRecords.map((r, i) => [n0(r.records), `${r.mib.toFixed(1)} MiB`, `${s1(r.wall)} s`, `${s1(r.cpu)} s`, `${n0(r.peakMiB)} MiB`, n0((r.wall / r.records) * 1e6), marginal[i] === undefined ? '—' : n0(marginal[i] as number), ((r.peakMiB * 1024) / r.records).toFixed(1)]),
    ),
  );

  // ── targets ──
  const targets: string[][] = [];
  const met = (ok: boolean | undefined): string => (ok === undefined ? 'not measured' : ok ? '**met**' : 'not met');
  targets.push(['(a) one `check` ÷ `node -e 0`', `${x(start.check / start.bare)} wall (CPU ${x(start.checkCpu / start.bareCpu)})`, '≤ 3×', met(start.check / start.bare <= 3)]);
  const realistic = [...reviews].reverse().find((r) => r.size >= 3700) ?? reviews[reviews.length - 1];
  if (realistic) {
    const one = realistic.runs[0].run;
    targets.push([`(b) review per submission ÷ floor (${n0(realistic.size)}, --jobs 1 vs 1 thread)`, `${x(one.wall / realistic.floor.wall)} wall (CPU ${x(one.cpu / realistic.floor.cpu)}); ${s1((one.wall / realistic.size) * 1000)} vs ${s1((realistic.floor.wall / realistic.size) * 1000)} ms`, '≤ 3×', met(one.wall / realistic.floor.wall <= 3)]);
  } else targets.push(['(b) review per submission ÷ floor', '—', '≤ 3×', met(undefined)]);
  const mid = reviews.find((r) => r.size === 3700);
  const big = reviews.find((r) => r.size === 37000);
  for (const jobs of [1, 2]) {
    const peak = (r: SizeResult): number => (r.runs.find((run) => run.jobs === jobs) as { run: Run }).run.peakMiB;
    if (mid && big) {
      const growth = peak(big) / peak(mid) - 1;
      targets.push([`(c) peak memory 3,700 → 37,000, --jobs ${jobs}`, `${n0(peak(mid))} → ${n0(peak(big))} MiB (+${(growth * 100).toFixed(0)} %)`, '< +20 %', met(growth < 0.2)]);
    } else {
      const [a, b] = reviews.length >= 2 ? [reviews[reviews.length - 2], reviews[reviews.length - 1]] : [undefined, undefined];
      const seen = a && b ? `37,000 not run; ${n0(a.size)} → ${n0(b.size)}: ${n0(peak(a))} → ${n0(peak(b))} MiB (+${((peak(b) / peak(a) - 1) * 100).toFixed(0)} %)` : '37,000 not run';
      targets.push([`(c) peak memory 3,700 → 37,000, --jobs ${jobs}`, seen, '< +20 %', met(undefined)]);
    }
  }
  if (realistic) {
    const [one, two] = [realistic.runs[0].run, realistic.runs[1].run];
    targets.push([`(d) 2 workers ÷ 1 (${n0(realistic.size)})`, `${x(one.wall / two.wall)} faster wall; CPU ${s1(one.cpu)} → ${s1(two.cpu)} s (${x(two.cpu / one.cpu)})`, '≥ 1.7×', met(one.wall / two.wall >= 1.7)]);
  }
  const costs = marginal.filter((m): m is number => m !== undefined && m > 0);
  // Linear or better: no larger file costs more per added record than 1.5× what the first step cost (a falling
  // marginal cost is start-up spread over more records, not a failure).
  const linear = costs.length >= 2 ? Math.max(...costs.slice(1)) <= 1.5 * costs[0] : undefined;
  targets.push([
    '(e) cost linear in records',
    perRecords.map((r) => `${n0(r.records)}: ${n0((r.wall / r.records) * 1e6)} µs`).join(', ') + (costs.length ? `; marginal ${costs.map(n0).join(', ')} µs/record` : ''),
    'no marginal µs/record above 1.5× the first',
    met(linear),
  ]);
  console.log('\n## Targets (issue #11)\n');
  console.log(table(['target', 'measured', 'target', 'met'], targets));
  console.log(`\nCPU pressure at the end: ${cpuPressure()} %. On a shared machine read the ratios; seconds move with the neighbours' load.`);
}

main();
benchPage().then(
  (result) => console.log(pageBenchLines(result).join('\n')),
  (error: unknown) => {
    console.error(`The self-check page could not be measured: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
