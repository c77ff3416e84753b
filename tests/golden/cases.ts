/**
 * The golden-output cases: every command line whose stdout, stderr and exit status are recorded in this folder
 * (`npm run golden:record`) and compared byte for byte by tests/golden.test.ts. Paths are relative to the project
 * root, which is the working directory of every run, so the recorded bytes hold on any machine.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const GOLDEN = __dirname;
export const INDEX = join(GOLDEN, 'index.json');
export const RECORD_COMMAND = 'npm run golden:record';

export interface Case {
  name: string;
  args: string[];
}

const FORMATS = ['table', 'json', 'markdown', 'html', 'csv'];
const LANGS = ['zh', 'en'];
const EXAMPLES = ['city-2023', 'city-2024-all-met', 'county-2024-with-failures', 'province-2024'];

function build(): Case[] {
  const cases: Case[] = [];
  const add = (name: string, ...args: string[]) => cases.push({ name, args });
  for (const lang of LANGS) {
    for (const format of FORMATS) {
      for (const example of EXAMPLES) add(`check-${example}-${format}-${lang}`, 'check', `examples/${example}.yaml`, '--format', format, '--lang', lang);
      add(`check-examples-${format}-${lang}`, 'check', 'examples', '--format', format, '--lang', lang);
      add(`review-examples-${format}-${lang}`, 'review', 'examples', '--format', format, '--lang', lang);
    }
    add(`review-examples-status-fail-${lang}`, 'review', 'examples', '--status', 'fail', '--lang', lang);
    add(`review-examples-level-county-${lang}`, 'review', 'examples', '--level', 'county', '--lang', lang);
    // Each review CSV is one table: the roll-up by city and the trend are CSVs of their own.
    for (const by of ['city', 'year']) add(`review-examples-roster-by-${by}-csv-${lang}`, 'review', 'examples', '--roster', 'examples/roster.csv', '--by', by, '--format', 'csv', '--lang', lang);
    for (const fixture of ['reference-submission', 'broken-rate']) {
      add(`check-fixture-${fixture}-table-${lang}`, 'check', `tests/fixtures/${fixture}.yaml`, '--lang', lang);
      add(`check-fixture-${fixture}-json-${lang}`, 'check', `tests/fixtures/${fixture}.yaml`, '--format', 'json', '--lang', lang);
    }
    add(`help-${lang}`, '--help', '--lang', lang);
    add(`help-check-${lang}`, 'check', '--help', '--lang', lang);
    add(`help-review-${lang}`, 'review', '--help', '--lang', lang);
    add(`help-notices-${lang}`, 'notices', '--help', '--lang', lang);
    add(`error-missing-file-${lang}`, 'check', 'tests/golden/inputs/no-such-file.yaml', '--lang', lang);
    add(`error-unknown-option-${lang}`, 'check', 'examples', '--bogus', '--lang', lang);
    add(`error-bad-format-${lang}`, 'check', 'examples', '--format', 'xml', '--lang', lang);
    add(`error-malformed-yaml-table-${lang}`, 'check', 'tests/golden/inputs/malformed.yaml', '--lang', lang);
    add(`error-malformed-yaml-json-${lang}`, 'check', 'tests/golden/inputs/malformed.yaml', '--format', 'json', '--lang', lang);
    add(`error-missing-pack-${lang}`, 'check', 'examples/city-2023.yaml', '--pack', 'tests/golden/inputs/no-such-pack', '--lang', lang);
    add(`error-review-missing-folder-${lang}`, 'review', 'tests/golden/inputs/no-such-folder', '--lang', lang);
  }
  add('version', '--version');
  add('no-arguments');
  return cases;
}

export const CASES: Case[] = build();

export interface Run {
  status: number | null;
  signal: string | null;
  stdout: Buffer;
  stderr: Buffer;
}

/** Variables of the caller's shell that could change what the bin writes (colours, help width); removed for every run. */
const UNSET = ['FORCE_COLOR', 'NO_COLOR', 'CLICOLOR_FORCE', 'COLUMNS', 'LINES', 'CI'];

/**
 * Runs the built bin in a child process as `bin()` of tests/helpers.ts does (this Node, dist/cli/main.js, cwd = the
 * project root), but asynchronously, so that two can run at once, and keeping the output as bytes.
 */
export function runCase(c: Case): Promise<Run> {
  const env = { ...process.env };
  for (const key of UNSET) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), ...c.args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout: normalise(Buffer.concat(out)), stderr: normalise(Buffer.concat(err)) }));
  });
}

/** Runs every case, `limit` at a time; results in case order. */
export async function runAll(cases: Case[], limit = 2): Promise<Run[]> {
  const results: Run[] = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      results[i] = await runCase(cases[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, cases.length) }, worker));
  return results;
}

/** The project root is machine-dependent: wherever it appears in an output it is replaced by `<root>`. */
export function normalise(bytes: Buffer): Buffer {
  const root = Buffer.from(ROOT);
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = bytes.indexOf(root); at !== -1; at = bytes.indexOf(root, from)) {
    parts.push(bytes.subarray(from, at), Buffer.from('<root>'));
    from = at + root.length;
  }
  if (from === 0) return bytes;
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}

export interface IndexEntry {
  args: string[];
  status: number | null;
  signal?: string;
}

export const outFile = (name: string) => join(GOLDEN, `${name}.out`);
export const errFile = (name: string) => join(GOLDEN, `${name}.err`);
