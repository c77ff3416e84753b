/**
 * Outputs (issue 9, item 1; audit D1, D2, D5, D6, D13, D24): every report is written whole or not at all, a device
 * is written and never replaced, standard output that fails is one line and exit 2, a signal leaves nothing behind,
 * and two outputs never share a file. Most tests run the built bin (`dist/`) in a child process, often from a shell,
 * because that is where these faults live: file-size limits, full disks, devices, signals.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pendingCleanups } from '../src/cli/signals';
import { planOutputs, writeOutputs } from '../src/cli/outputs';
import { describeCause, OutputTransaction, OutputWriteError, resolveTarget } from '../src/cli/write-output';
import type { InputProblem } from '../src/intake/problem';
import { cli, CITY_ALL_MET, EXAMPLES, ROOT, tempDir, type CliRun } from './helpers';

const MAIN = join(ROOT, 'dist', 'cli', 'main.js');
const COUNTY = join(EXAMPLES, 'county-2024-with-failures.yaml');
const OLD = 'OLD REPORT\n';

/** Runs a bash script from the project root; `$MAIN` is the built bin, `$NODE` this node. */
function sh(script: string): CliRun {
  const run = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, MAIN, NODE: process.execPath }, timeout: 50_000 });
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** A private mount namespace (root, with unshare) in which a tmpfs can be mounted: ENOSPC, EROFS and a fake /dev. */
const canMount = ((): boolean => {
  const probe = spawnSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', `mount -t tmpfs tmpfs "${tempDir()}"`]);
  return probe.status === 0;
})();
/**
 * A scenario that needs a tmpfs runs in a private mount namespace where one can be made; elsewhere the same
 * guarantee is proved without mounting (a link to a device standing in for it), so no machine skips it.
 */
function inNamespace(name: string, inside: () => void, outside: () => void): void {
  test(name, canMount ? inside : outside);
}

function temporaries(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).filter((name) => name.endsWith('.tmp'));
}

function oldFiles(dir: string, names: string[]): void {
  for (const name of names) writeFileSync(join(dir, name), OLD);
}

function expectOld(dir: string, names: string[]): void {
  for (const name of names) expect([name, readFileSync(join(dir, name), 'utf8')]).toEqual([name, OLD]);
}

function lines(text: string): string[] {
  return text.split('\n').filter(Boolean);
}

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error('dist/ is missing: run `npm run build` (npm test does) before these tests');
});

describe('D1: a write that fails, whatever the reason, replaces nothing and says why', () => {
  test('a file-size limit (ulimit -f): exit 2, the path and the cause named, the old report kept, no temporary left', () => {
    const dir = tempDir();
    oldFiles(dir, ['report.html']);
    const run = sh(`ulimit -f 16; "$NODE" "$MAIN" check examples --format html --out ${dir}/report.html`);
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual([`plancheck: ${dir}/report.html: 无法写入输出文件:文件超过大小限制(EFBIG);原有文件保持原样`]);
    expectOld(dir, ['report.html']);
    expect(temporaries(dir)).toEqual([]);
    const english = sh(`ulimit -f 16; "$NODE" "$MAIN" check examples --format html --out ${dir}/report.html --lang en`);
    expect(english.stderr).toContain(`${dir}/report.html: Cannot write the output file: the file exceeds the size limit (EFBIG); the existing file is unchanged`);
  });

  test('a new file that cannot be finished is not left behind, nor the folder made for it', () => {
    const dir = tempDir();
    const run = sh(`ulimit -f 16; "$NODE" "$MAIN" check examples --format html --out ${dir}/made/for/report.html`);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('文件超过大小限制(EFBIG)');
    expect(readdirSync(dir)).toEqual([]);
  });

  test('check: when one file of the set fails, none replaces its old file, and the message says which failed', () => {
    const dir = tempDir();
    const names = ['r.md', 'r.json', 'r.csv'];
    oldFiles(dir, names);
    // The Markdown (20 KB) and the CSV fit in 64 KiB; the JSON (71 KB) does not.
    const run = sh(`ulimit -f 64; "$NODE" "$MAIN" check ${CITY_ALL_MET} --format markdown --out ${dir}/r.md --report json:${dir}/r.json --report csv:${dir}/r.csv`);
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual([`plancheck: ${dir}/r.json: 无法写入输出文件:文件超过大小限制(EFBIG);本次运行的输出文件都没有替换,原有文件保持原样`]);
    expect(run.stdout).toBe('');
    expectOld(dir, names);
    expect(temporaries(dir)).toEqual([]);
  });

  test('review: the same, for its streamed table, CSV and JSON beside the HTML', () => {
    const dir = tempDir();
    const names = ['r.csv', 'r.json', 'r.html'];
    oldFiles(dir, names);
    // The review HTML of the examples is 300 KB; the CSV and JSON fit in 128 KiB.
    const run = sh(`ulimit -f 128; "$NODE" "$MAIN" review examples --format csv --out ${dir}/r.csv --report json:${dir}/r.json --report html:${dir}/r.html --lang en`);
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual([`plancheck: ${dir}/r.html: Cannot write the output file: the file exceeds the size limit (EFBIG); none of this run's output files was replaced; the existing ones are unchanged`]);
    expectOld(dir, names);
    expect(temporaries(dir)).toEqual([]);
  });

  inNamespace('a full disk (a 128 KiB tmpfs: the JSON fits, the HTML does not): exit 2, 磁盘已满, the old files kept', () => {
    const dir = tempDir();
    const run = sh(`unshare --mount --propagation private bash -c '
      mount -t tmpfs -o size=128k tmpfs ${dir} && printf "${OLD.trim()}\\n" > ${dir}/r.json && printf "${OLD.trim()}\\n" > ${dir}/r.html &&
      "$NODE" "$MAIN" review examples --format json --out ${dir}/r.json --report html:${dir}/r.html; echo "exit $?";
      cat ${dir}/r.json ${dir}/r.html; ls -A ${dir}'`);
    expect(run.stderr).toContain(`${dir}/r.html: 无法写入输出文件:磁盘已满(ENOSPC);本次运行的输出文件都没有替换`);
    expect(run.stdout).toBe(`exit 2\n${OLD}${OLD}r.html\nr.json\n`);
  }, () => {
    // No mount: one output of the set is a link to /dev/full, which is written in place and says the disk is full.
    const dir = tempDir();
    writeFileSync(join(dir, 'r.json'), OLD);
    symlinkSync('/dev/full', join(dir, 'r.html'));
    const run = sh(`"$NODE" "$MAIN" review examples --format json --out ${dir}/r.json --report html:${dir}/r.html; echo "exit $?"`);
    expect(run.stderr).toContain(`${dir}/r.html: 无法写入输出文件:磁盘已满(ENOSPC);本次运行的输出文件都没有替换`);
    expect(run.stdout).toBe('exit 2\n');
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe(OLD);
    expect(readlinkSync(join(dir, 'r.html'))).toBe('/dev/full');
    expect(temporaries(dir)).toEqual([]);
  });

  inNamespace('a read-only file system is refused before the run, in words', () => {
    const dir = tempDir();
    const run = sh(`unshare --mount --propagation private bash -c '
      mount -t tmpfs tmpfs ${dir} && mount -o remount,ro ${dir} && "$NODE" "$MAIN" check ${CITY_ALL_MET} --out ${dir}/r.txt'`);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual([`plancheck: ${dir}/r.txt: 无法写入输出文件:文件系统是只读的(EROFS)`]);
  }, () => {
    // No mount: the cause is said in the same words, and a place that cannot be written is refused before the run.
    const erofs = Object.assign(new Error('read-only'), { code: 'EROFS' });
    expect(describeCause(erofs)).toEqual({ zh: '文件系统是只读的(EROFS)', en: expect.stringContaining('(EROFS)') });
    const dir = tempDir();
    const locked = join(dir, 'locked');
    mkdirSync(locked, { mode: 0o555 });
    const asNobody = process.getuid?.() === 0 ? `setpriv --reuid=65534 --regid=65534 --clear-groups` : '';
    const run = sh(`chmod 755 ${dir}; ${asNobody} "$NODE" "$MAIN" check ${CITY_ALL_MET} --out ${locked}/r.txt`);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual([`plancheck: ${locked}/r.txt: 无法写入输出文件:没有写入权限(EACCES)`]);
  });

  test('a folder one may not write in is refused before the run (EACCES), as a user who is not root', () => {
    const dir = tempDir();
    const locked = join(dir, 'locked');
    mkdirSync(locked, { mode: 0o555 });
    const asNobody = process.getuid?.() === 0 ? `setpriv --reuid=65534 --regid=65534 --clear-groups` : '';
    const run = sh(`chmod 755 ${dir}; ${asNobody} "$NODE" "$MAIN" check ${CITY_ALL_MET} --format json --out ${locked}/r.json`);
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual([`plancheck: ${locked}/r.json: 无法写入输出文件:没有写入权限(EACCES)`]);
    expect(readdirSync(locked)).toEqual([]);
  });
});

describe('D2: a target that is not a regular file is written in place, never replaced', () => {
  inNamespace('a private /dev: /dev/null stays the device, /dev/full says the disk is full, /dev/stdout prints', () => {
    const dir = tempDir();
    const run = sh(`unshare --mount --propagation private bash -c '
      mount -t tmpfs tmpfs /dev && mknod -m 666 /dev/null c 1 3 && mknod -m 666 /dev/full c 1 7 && ln -s /proc/self/fd/1 /dev/stdout &&
      "$NODE" "$MAIN" check ${CITY_ALL_MET} --format json --out /dev/null; echo "null exit $?";
      "$NODE" "$MAIN" check ${CITY_ALL_MET} --format json --out /dev/full; echo "full exit $?";
      "$NODE" "$MAIN" check ${CITY_ALL_MET} --format json --out /dev/stdout > ${dir}/printed.json; echo "stdout exit $?";
      stat -c "%n %F %t,%T" /dev/null /dev/full; readlink /dev/stdout; ls /dev'`);
    expect(run.stdout).toBe('null exit 0\nfull exit 2\nstdout exit 0\n/dev/null character special file 1,3\n/dev/full character special file 1,7\n/proc/self/fd/1\nfull\nnull\nstdout\n');
    expect(lines(run.stderr)).toEqual(['plancheck: /dev/full: 无法写入输出文件:磁盘已满(ENOSPC)']);
    expect(readFileSync(join(dir, 'printed.json'), 'utf8')).toBe(sh(`"$NODE" "$MAIN" check ${CITY_ALL_MET} --format json`).stdout);
  }, () => {
    // No mount: links in a temporary folder lead to the devices; were a device ever replaced, only the link would be.
    const dir = tempDir();
    for (const [name, target] of [['null', '/dev/null'], ['full', '/dev/full'], ['stdout', '/proc/self/fd/1']]) symlinkSync(target, join(dir, name));
    const run = sh(`"$NODE" "$MAIN" check ${CITY_ALL_MET} --format json --out ${dir}/null; echo "null exit $?";
      "$NODE" "$MAIN" check ${CITY_ALL_MET} --format json --out ${dir}/full; echo "full exit $?";
      "$NODE" "$MAIN" check ${CITY_ALL_MET} --format json --out ${dir}/stdout > ${dir}/printed.json; echo "stdout exit $?"`);
    expect(run.stdout).toBe('null exit 0\nfull exit 2\nstdout exit 0\n');
    expect(lines(run.stderr)).toEqual([`plancheck: ${dir}/full: 无法写入输出文件:磁盘已满(ENOSPC)`]);
    expect(statSync('/dev/null').isCharacterDevice() && statSync('/dev/full').isCharacterDevice()).toBe(true);
    expect(['null', 'full', 'stdout'].map((name) => readlinkSync(join(dir, name)))).toEqual(['/dev/null', '/dev/full', '/proc/self/fd/1']);
    expect(readFileSync(join(dir, 'printed.json'), 'utf8')).toBe(sh(`"$NODE" "$MAIN" check ${CITY_ALL_MET} --format json`).stdout);
  });

  test('a FIFO, and a symbolic link to it, receive every byte and stay what they are', () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    symlinkSync(fifo, join(dir, 'pipe-link'));
    const expected = sh(`"$NODE" "$MAIN" check ${COUNTY} --format json`).stdout;
    for (const out of [fifo, join(dir, 'pipe-link')]) {
      const run = sh(`timeout 20 cat ${fifo} > ${dir}/got & "$NODE" "$MAIN" check ${COUNTY} --format json --out ${out}; echo "exit $?"; wait`);
      expect(run.stdout).toBe('exit 1\n'); // a finding of the county fails
      expect(readFileSync(join(dir, 'got'), 'utf8')).toBe(expected);
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readlinkSync(join(dir, 'pipe-link'))).toBe(fifo);
    expect(temporaries(dir)).toEqual([]);
  });

  test('a symbolic link to /dev/null stays a link, and /dev/null a device', () => {
    const dir = tempDir();
    const link = join(dir, 'null');
    symlinkSync('/dev/null', link);
    const run = sh(`"$NODE" "$MAIN" check ${CITY_ALL_MET} --format html --out ${link} --report json:${dir}/r.json`);
    expect(run.status).toBe(0);
    expect(readlinkSync(link)).toBe('/dev/null');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['null', 'r.json']);
  });

  test('a symbolic link to /proc/self/fd/1 is standard output, and a report file behind a link is replaced, not the link', () => {
    const dir = tempDir();
    symlinkSync('/proc/self/fd/1', join(dir, 'out'));
    writeFileSync(join(dir, 'real.json'), OLD);
    symlinkSync(join(dir, 'real.json'), join(dir, 'report.json'));
    const json = sh(`"$NODE" "$MAIN" check ${CITY_ALL_MET} --format json`).stdout;
    const run = sh(`"$NODE" "$MAIN" check ${CITY_ALL_MET} --format json --out ${dir}/out --report json:${dir}/report.json`);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(json);
    expect(readlinkSync(join(dir, 'out'))).toBe('/proc/self/fd/1');
    expect(readlinkSync(join(dir, 'report.json'))).toBe(join(dir, 'real.json'));
    expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe(json);
  });

  test('--out - is standard output: the same bytes as no --out, and the table does not repeat its problems on standard error', async () => {
    const broken = join(ROOT, 'tests', 'fixtures', 'broken-rate.yaml');
    const plain = await cli('check', COUNTY, broken);
    const dash = await cli('check', COUNTY, broken, '--out', '-');
    expect(plain.stderr).toBe('');
    expect(dash).toEqual(plain);
    const dir = tempDir();
    const both = await cli('check', COUNTY, '--format', 'html', '--out', join(dir, 'r.html'), '--report', 'json:-');
    expect(both.stdout).toBe((await cli('check', COUNTY, '--format', 'json')).stdout);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });
});

describe('D5: standard output that cannot be written', () => {
  test.each([
    ['check JSON', `check ${CITY_ALL_MET} --format json`, 'plancheck: 标准输出: 无法写入:磁盘已满(ENOSPC)'],
    ['check table', `check ${CITY_ALL_MET}`, 'plancheck: 标准输出: 无法写入:磁盘已满(ENOSPC)'],
    ['review JSON (streamed)', 'review examples --format json --lang en', 'plancheck: standard output: cannot write: the disk is full (ENOSPC)'],
    ['review table (streamed)', 'review examples', 'plancheck: 标准输出: 无法写入:磁盘已满(ENOSPC)'],
  ])('%s > /dev/full: one line, exit 2', (_name, args, line) => {
    const run = sh(`"$NODE" "$MAIN" ${args} > /dev/full`);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${line}\n`);
  });

  test('a reader that stops early (| head) is a quiet exit, not an error', () => {
    const dir = tempDir();
    for (let i = 0; i < 40; i++) copyFileSync(COUNTY, join(dir, `s${i}.yaml`));
    const run = sh(`"$NODE" "$MAIN" check ${dir} --format json | head -c 100 > /dev/null; echo "exit \${PIPESTATUS[0]}"`);
    expect(run.stdout).toBe('exit 0\n');
    expect(run.stderr).toBe('');
  });
});

describe('D6: a path whose parent is a file', () => {
  test('is refused before the run, in words, with no stack trace: check and review', () => {
    const dir = tempDir();
    copyFileSync(CITY_ALL_MET, join(dir, 'city.yaml'));
    const check = sh(`"$NODE" "$MAIN" check ${dir}/city.yaml --out ${dir}/city.yaml/report.json`);
    expect(check.status).toBe(2);
    expect(check.stdout).toBe('');
    expect(lines(check.stderr)).toEqual([`plancheck: ${dir}/city.yaml/report.json: 无法写入输出文件:${dir}/city.yaml 是文件,不是文件夹`]);
    const review = sh(`"$NODE" "$MAIN" review examples --report html:${dir}/city.yaml/deeper/r.html --lang en`);
    expect(review.status).toBe(2);
    expect(review.stdout).toBe('');
    expect(lines(review.stderr)).toEqual([`plancheck: ${dir}/city.yaml/deeper/r.html: Cannot write the output file: ${dir}/city.yaml is a file, not a folder`]);
    expect(readFileSync(join(dir, 'city.yaml'), 'utf8')).toBe(readFileSync(CITY_ALL_MET, 'utf8'));
  });

  test('a folder, or a path ending in a slash, is refused with what to write instead', async () => {
    const dir = tempDir();
    for (const out of [dir, `${dir}/new/`]) {
      const run = await cli('check', COUNTY, '--out', out);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`plancheck: ${out}: 无法写入输出文件:这是一个文件夹;请写出文件名,如 out/report.html\n`);
    }
  });
});

describe('D13: SIGINT and SIGTERM while the reports are written', () => {
  /** Starts the bin, and sends the signal as soon as a temporary file appears in the folder. */
  function interrupted(args: string[], dir: string, signal: NodeJS.Signals): Promise<{ status: number | null; signal: NodeJS.Signals | null; sent: boolean; stderr: string }> {
    return new Promise((done) => {
      const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
      let sent = false;
      const poll = setInterval(() => {
        if (!sent && temporaries(dir).length > 0) {
          sent = true;
          child.kill(signal);
        }
      }, 2);
      child.on('close', (status, got) => {
        clearInterval(poll);
        done({ status, signal: got, sent, stderr });
      });
    });
  }

  function corpus(copies: number): string {
    const dir = tempDir();
    for (let i = 0; i < copies; i++) copyFileSync(COUNTY, join(dir, `s${i}.yaml`));
    return dir;
  }

  test.each([
    ['SIGINT', 'review', 130],
    ['SIGTERM', 'review', 143],
    ['SIGTERM', 'check', 143],
  ] as const)('%s during %s: exit %s, no temporary left, every old report as it was', async (signal, command, status) => {
    const submissions = corpus(200);
    const out = tempDir();
    const names = ['r.json', 'r.html', 'r.csv', 'r.md'];
    oldFiles(out, names);
    const args = [command, submissions, '--format', 'json', '--out', join(out, 'r.json'), '--report', `html:${join(out, 'r.html')}`, '--report', `csv:${join(out, 'r.csv')}`, '--report', `markdown:${join(out, 'r.md')}`];
    const run = await interrupted(args, out, signal);
    expect(run.sent).toBe(true);
    expect([run.status, run.signal]).toEqual([status, null]);
    expect(run.stderr).not.toMatch(/Error|\n\s+at /);
    expect(readdirSync(out).sort()).toEqual([...names].sort());
    expectOld(out, names);
  });
});

describe('D24: two outputs at one file', () => {
  const sameOut = (d: string): string[] => ['--format', 'json', '--out', `${d}/same`, '--report', `html:${d}/same`];
  test.each([
    ['--out and --report at one path', sameOut, (d: string) => `plancheck: ${d}/same: --out 与 --report html:${d}/same 指向同一个文件,一个会覆盖另一个;请给每份报告各自的文件`],
    ['a/../same', (d: string) => ['--report', `json:${d}/same`, '--report', `html:${d}/a/../same`], (d: string) => `plancheck: ${d}/a/../same: --report json:${d}/same 与 --report html:${d}/a/../same 指向同一个文件,一个会覆盖另一个;请给每份报告各自的文件`],
    ['a symbolic link to the other', (d: string) => ['--out', `${d}/same`, '--report', `csv:${d}/link`], (d: string) => `plancheck: ${d}/link: --out 与 --report csv:${d}/link 指向同一个文件,一个会覆盖另一个;请给每份报告各自的文件`],
    ['standard output twice', () => ['--report', 'json:-'], () => 'plancheck: 标准输出: 主报告(标准输出) 与 --report json:- 都写到标准输出,两份报告会混在一起;请给每份报告各自的文件'],
  ])('%s: refused before anything runs, exit 2', (_name, args, says) => {
    const dir = tempDir();
    symlinkSync(join(dir, 'same'), join(dir, 'link'));
    for (const command of args === sameOut ? ['check', 'review'] : ['check']) {
      const run = sh(`"$NODE" "$MAIN" ${command} ${COUNTY} ${args(dir).join(' ')}`);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(lines(run.stderr)).toEqual([says(dir)]);
      expect(readdirSync(dir)).toEqual(['link']);
    }
  });

  test('an output is still never an input, nor a link to one', async () => {
    const dir = tempDir();
    copyFileSync(CITY_ALL_MET, join(dir, 'city.yaml'));
    symlinkSync(join(dir, 'city.yaml'), join(dir, 'link.yaml'));
    const run = await cli('check', join(dir, 'city.yaml'), '--report', `json:${join(dir, 'link.yaml')}`);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('输出文件不能是输入文件之一');
    expect(readFileSync(join(dir, 'city.yaml'), 'utf8')).toBe(readFileSync(CITY_ALL_MET, 'utf8'));
  });
});

describe('the output transaction', () => {
  const sink = (into: string[]) => (text: string): void => void into.push(text);

  test('a streamed report is written as it comes, never held whole', async () => {
    const dir = tempDir();
    const file = join(dir, 'r.csv');
    const seen: number[] = [];
    function* rows(): Iterable<string> {
      for (let i = 0; i < 5; i++) {
        // Every earlier row is already in the temporary file when the next one is asked for.
        const temporary = readdirSync(dir).find((name) => name.endsWith('.tmp'));
        seen.push(temporary ? statSync(join(dir, temporary)).size : -1);
        yield `row ${i}\n`;
      }
    }
    const transaction = new OutputTransaction(sink([]));
    await transaction.stage(resolveTarget(file), rows);
    await transaction.commit();
    expect(seen).toEqual([0, 6, 12, 18, 24]);
    expect(readFileSync(file, 'utf8')).toBe('row 0\nrow 1\nrow 2\nrow 3\nrow 4\n');
    expect(pendingCleanups()).toBe(0);
  });

  test('standard output is written last, after every file is in place, chunk by chunk', async () => {
    const dir = tempDir();
    const printed: string[] = [];
    const transaction = new OutputTransaction((text) => {
      printed.push(text);
      expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe('{}');
    });
    await transaction.stage(resolveTarget('-'), () => ['a', 'b']);
    await transaction.stage(resolveTarget(join(dir, 'r.json')), () => '{}');
    await transaction.commit();
    expect(printed).toEqual(['a', 'b']);
  });

  test('a rename that fails puts back every file already renamed, and removes every temporary', async () => {
    const dir = tempDir();
    oldFiles(dir, ['a.json', 'b.json']);
    const transaction = new OutputTransaction(sink([]));
    await transaction.stage(resolveTarget(join(dir, 'a.json')), () => 'new a');
    await transaction.stage(resolveTarget(join(dir, 'b.json')), () => 'new b');
    // Between writing and renaming, b.json becomes a folder that is not empty: its rename must fail.
    rmSync(join(dir, 'b.json'));
    mkdirSync(join(dir, 'b.json', 'inside'), { recursive: true });
    const failure = await transaction.commit().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OutputWriteError);
    expect((failure as OutputWriteError).target.path).toBe(join(dir, 'b.json'));
    expect((failure as OutputWriteError).replaced).toEqual([]);
    expectOld(dir, ['a.json']);
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.json']);
    expect(pendingCleanups()).toBe(0);
  });

  test('standard output that fails after the files are in place is reported (exit 2 in the CLI); EPIPE is not', async () => {
    const dir = tempDir();
    const fails = (code: string) => (): Promise<void> => Promise.reject(Object.assign(new Error(code), { code }));
    const problems: InputProblem[] = [];
    const plan = planOutputs({ format: 'json', targets: [{ format: 'csv', path: join(dir, 'r.csv') }], lang: 'zh' }, [], problems);
    expect(problems).toEqual([]);
    let stderr = '';
    const full = await writeOutputs(plan!, (format) => format, { stdout: fails('ENOSPC'), stderr: (text) => void (stderr += text) });
    expect(stderr).toBe('plancheck: 标准输出: 无法写入:磁盘已满(ENOSPC)\n');
    expect(full).toHaveLength(1);
    expect(readFileSync(join(dir, 'r.csv'), 'utf8')).toBe('csv');
    const closed = await writeOutputs(plan!, (format) => format, { stdout: fails('EPIPE'), stderr: (text) => void (stderr += text) });
    expect(closed).toEqual([]);
  });

  test('a renderer that throws (a bug) aborts the set and is not mistaken for a write error', async () => {
    const dir = tempDir();
    const transaction = new OutputTransaction(sink([]));
    await transaction.stage(resolveTarget(join(dir, 'new', 'a.json')), () => 'a');
    const failure = await transaction
      .stage(resolveTarget(join(dir, 'b.json')), () => {
        throw new TypeError('bug');
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect(readdirSync(dir)).toEqual([]);
  });
});
