// Preloaded into the command the benchmark times: records its peak resident memory (all threads) on exit.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.PLANCHECK_BENCH_RSS) writeFileSync(process.env.PLANCHECK_BENCH_RSS, String(process.resourceUsage().maxRSS));
});
