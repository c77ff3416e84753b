/**
 * The floor as a process of its own, timed by the bench like plancheck: `floor-run.ts OUT DIR`. Reads every .yaml
 * file under DIR (in name order), gives each rule's status, and writes { rules, statuses: { file: [...] }, seconds }
 * to OUT, `seconds` being the time of the loop alone.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createFloor, type FloorStatus } from './floor';

export interface FloorOutput {
  rules: readonly string[];
  statuses: Record<string, FloorStatus[]>;
  seconds: number;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? yamlFiles(join(dir, entry.name)) : entry.name.endsWith('.yaml') ? [join(dir, entry.name)] : []));
}

function main(): void {
  const [out, dir] = process.argv.slice(2);
  if (!out || !dir) throw new Error('usage: floor-run.ts OUT DIR');
  const floor = createFloor();
  const files = yamlFiles(resolve(dir));
  const started = process.hrtime.bigint();
  const statuses: Record<string, FloorStatus[]> = {};
  for (const file of files) statuses[file] = floor.statuses(readFileSync(file, 'utf8'));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const output: FloorOutput = { rules: floor.ruleIds, statuses, seconds };
  writeFileSync(out, JSON.stringify(output));
}

if (require.main === module) main();
