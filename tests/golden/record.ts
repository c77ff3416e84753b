/**
 * Records the golden outputs (stdout `.out`, stderr `.err`, exit statuses in index.json) of every case in cases.ts
 * from the current build. Run it as `npm run golden:record` (which builds first), only after a change that is meant
 * to change an output, and review the diff of tests/golden/ before committing it.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES, GOLDEN, INDEX, IndexEntry, errFile, outFile, runAll } from './cases';

async function main(): Promise<void> {
  const names = new Set<string>();
  for (const c of CASES) {
    if (names.has(c.name)) throw new Error(`two cases are named ${c.name}`);
    names.add(c.name);
  }
  const started = Date.now();
  const runs = await runAll(CASES, 2);
  for (const file of readdirSync(GOLDEN)) if (/\.(out|err)$/.test(file)) rmSync(join(GOLDEN, file));
  const index: Record<string, IndexEntry> = {};
  CASES.forEach((c, i) => {
    const run = runs[i];
    writeFileSync(outFile(c.name), run.stdout);
    writeFileSync(errFile(c.name), run.stderr);
    index[c.name] = { args: c.args, status: run.status, ...(run.signal ? { signal: run.signal } : {}) };
  });
  writeFileSync(INDEX, `${JSON.stringify(index, null, 2)}\n`);
  console.log(`recorded ${CASES.length} cases in ${((Date.now() - started) / 1000).toFixed(1)} s into ${GOLDEN}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
