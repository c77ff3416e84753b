// Preloaded into each command the benchmark times: on exit, writes its peak resident memory (KiB) and its CPU time
// (user and system, µs), both for the whole process: every thread, worker threads that have ended included.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (!process.env.PLANCHECK_BENCH_RSS) return;
  const usage = process.resourceUsage();
  writeFileSync(process.env.PLANCHECK_BENCH_RSS, JSON.stringify({ maxRSS: usage.maxRSS, user: usage.userCPUTime, system: usage.systemCPUTime }));
});
