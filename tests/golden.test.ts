/**
 * Golden outputs: every case of tests/golden/cases.ts (check of each example and of the folder in every format and
 * both languages, the fixtures, the error cases, review, --help) is run through the built bin and its stdout, stderr
 * and exit status must equal, byte for byte, what `npm run golden:record` recorded in tests/golden/. The project root
 * is replaced by `<root>` in both the recording and the run, so the bytes hold on any machine.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CASES, Case, INDEX, IndexEntry, RECORD_COMMAND, ROOT, Run, errFile, outFile, runAll } from './golden/cases';

const index = JSON.parse(readFileSync(INDEX, 'utf8')) as Record<string, IndexEntry>;
const runs = new Map<string, Run>();

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/cli/main.js is missing: run `npm run build` first');
  const built = () => statSync(join(ROOT, 'dist', 'cli', 'main.js')).mtimeMs;
  const before = built();
  const results = await runAll(CASES, 2);
  if (built() !== before) throw new Error('dist/ was rebuilt while the golden cases ran (another `npm run build`?): run the test again');
  CASES.forEach((c, i) => runs.set(c.name, results[i]));
}, 180_000);

const shell = (args: string[]) => ['plancheck', ...args].map((a) => (/^[\w./:=-]+$/.test(a) ? a : `'${a}'`)).join(' ');

/** Where two outputs first differ: the line number and both lines, shown with JSON escapes so that invisible bytes show. */
function firstDifference(expected: Buffer, actual: Buffer): string {
  const a = expected.toString('utf8').split('\n');
  const b = actual.toString('utf8').split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      const show = (line: string | undefined) => (line === undefined ? '(no such line: the output ends before)' : JSON.stringify(line));
      return `first difference at line ${i + 1}:\n  recorded: ${show(a[i])}\n  now:      ${show(b[i])}`;
    }
  }
  return `the bytes differ but the lines read alike (recorded ${expected.length} bytes, now ${actual.length})`;
}

function check(c: Case, run: Run, what: 'stdout' | 'stderr', file: string, actual: Buffer): void {
  const expected = readFileSync(file);
  if (expected.equals(actual)) return;
  const context = what === 'stdout' ? `(this run exited ${run.status}; its stderr begins ${JSON.stringify(run.stderr.toString('utf8').slice(0, 300))})\n` : '';
  throw new Error(
    `${what} of \`${shell(c.args)}\` differs from ${file.slice(ROOT.length + 1)}\n${firstDifference(expected, actual)}\n${context}` +
      `If the change is intended, re-record with \`${RECORD_COMMAND}\` and review the diff of tests/golden/.`,
  );
}

test('the recorded cases are the cases of tests/golden/cases.ts', () => {
  expect(Object.keys(index)).toEqual(CASES.map((c) => c.name));
  for (const c of CASES) expect([c.name, index[c.name].args]).toEqual([c.name, c.args]);
});

test.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  const run = runs.get(c.name)!;
  const recorded = index[c.name];
  if (!recorded) throw new Error(`case ${c.name} has no recording: run \`${RECORD_COMMAND}\``);
  check(c, run, 'stdout', outFile(c.name), run.stdout);
  check(c, run, 'stderr', errFile(c.name), run.stderr);
  if (run.status !== recorded.status || (run.signal ?? undefined) !== recorded.signal) {
    throw new Error(
      `exit status of \`${shell(c.args)}\` is ${run.status}${run.signal ? ` (${run.signal})` : ''}, recorded ${recorded.status}${recorded.signal ? ` (${recorded.signal})` : ''}\n` +
        `If the change is intended, re-record with \`${RECORD_COMMAND}\` and review the diff of tests/golden/.`,
    );
  }
});
