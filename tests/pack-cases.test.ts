import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cli, ROOT } from './helpers';

/**
 * `npm test` runs the test cases of every bundled pack (every folder of rules/), as a maintainer runs them:
 * `plancheck pack test` exits 0, lists one line per case the files hold, and ends with the summary line; and
 * `plancheck pack lint` finds nothing (so every rule has a passing and a failing case).
 */

const RULES = join(ROOT, 'rules');
const PACKS = readdirSync(RULES).filter((name) => statSync(join(RULES, name)).isDirectory()).sort();

/** The cases the files of a pack's tests/ hold, counted from the YAML itself (not by the tool under test). */
function casesIn(pack: string): number {
  const folder = join(RULES, pack, 'tests');
  const files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name));
  return files.reduce((sum, name) => sum + (parse(readFileSync(join(folder, name), 'utf8')) as { cases: unknown[] }).cases.length, 0);
}

test('there is at least one bundled pack, each with its cases', () => {
  expect(PACKS).toContain('hunan-hrss-2022-2025');
  for (const pack of PACKS) expect(casesIn(pack)).toBeGreaterThan(0);
});

describe.each(PACKS)('%s', (pack) => {
  const dir = join(RULES, pack);

  test('pack test: every case holds, one line each, and the summary line counts them all', async () => {
    const count = casesIn(pack);
    const run = await cli('pack', 'test', dir, '--lang', 'en');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toBe(`${count} passed, 0 failed`);
    expect(lines.slice(0, -1).filter((line) => line.startsWith('PASS  '))).toHaveLength(count);
    expect(lines).toHaveLength(count + 1);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  test('pack test in Chinese ends with 通过 N 个,未通过 0 个', async () => {
    const run = await cli('pack', 'test', dir);
    expect(run.stdout.trimEnd().split('\n').pop()).toBe(`通过 ${casesIn(pack)} 个,未通过 0 个`);
    expect(run.status).toBe(0);
  });

  test('pack lint: no problems', async () => {
    const run = await cli('pack', 'lint', dir);
    expect(run.stdout).toMatch(/检查无误/);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(run.status).toBe(0);
  });
});
