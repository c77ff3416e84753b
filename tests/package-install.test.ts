import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { bin, EXAMPLES, ROOT, tempDir } from './helpers';

/**
 * The package as a bureau gets it: `npm pack` here, `npm install -g ./plancheck-x.y.z.tgz` there, with no network,
 * then `plancheck` from a folder that is not the project. `npm test` has just built dist/, so the pack skips the
 * `prepare` build (a second tsc would rewrite dist/ under the test files running beside this one).
 */

const WINDOWS = process.platform === 'win32';
const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string>; bundleDependencies: string[] };
const VERSION = MANIFEST.version;
const PRELOAD = join(__dirname, 'fixtures', 'loaded-modules.js');

/**
 * npm's settings for every run: nothing from the caller's npm (`npm test` passes its own as npm_config_*), and a
 * registry that refuses. Not `--offline`: a clerk types the plain command, so the plain command must ask for nothing.
 */
function offlineEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  const [userRc, globalRc] = [join(home, 'user-npmrc'), join(home, 'global-npmrc')];
  for (const rc of [userRc, globalRc]) writeFileSync(rc, '');
  return {
    ...env,
    npm_config_userconfig: userRc,
    npm_config_globalconfig: globalRc,
    // Port 9 (discard) refuses at once: a request to a registry fails fast instead of hanging the test.
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    // At this level npm logs every request it makes (`npm http fetch GET …`): the install must log none.
    npm_config_loglevel: 'http',
  };
}

function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  // npm is npm.cmd on Windows, which only a shell runs.
  // `npm pack --json` lists every file of the bundle (pdf.js alone has thousands): more than spawnSync's 1 MiB default.
  return spawnSync('npm', args, { cwd, env, encoding: 'utf8', shell: WINDOWS, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
}

interface Installed {
  tarball: string;
  install: SpawnSyncReturns<string>;
  /** The installed command, as a user's shell finds it in the prefix. */
  plancheck: string;
  /** The installed package's folder. */
  packageDir: string;
  /** A folder outside the project, holding a copy of an example under a Chinese name. */
  work: string;
}

let installed: Installed;

beforeAll(() => {
  const dir = tempDir();
  const home = join(dir, 'home');
  const packs = join(dir, 'packed');
  const cache = join(dir, 'empty-cache');
  const prefix = join(dir, 'prefix');
  for (const d of [home, packs, cache]) mkdirSync(d);
  const env = offlineEnv(home);
  const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', packs], ROOT, env);
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  const [{ filename }] = JSON.parse(pack.stdout) as { filename: string }[];
  const install = npm(['install', '-g', '--prefix', prefix, '--cache', cache, `.${sep}${filename}`], packs, env);
  const work = join(tempDir(), '报送');
  mkdirSync(work);
  copyFileSync(join(EXAMPLES, 'county-2024-with-failures.yaml'), join(work, '我的报送.yaml'));
  installed = {
    tarball: join(packs, filename),
    install,
    plancheck: WINDOWS ? join(prefix, 'plancheck.cmd') : join(prefix, 'bin', 'plancheck'),
    packageDir: WINDOWS ? join(prefix, 'node_modules', 'plancheck') : join(prefix, 'lib', 'node_modules', 'plancheck'),
    work,
  };
}, 600_000);

/** Runs the installed command in the folder outside the project, as a clerk would type it. */
function plancheck(...args: string[]): { status: number; stdout: string; stderr: string } {
  const run = spawnSync(installed.plancheck, args, { cwd: installed.work, encoding: 'utf8', shell: WINDOWS });
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

describe('the packed tarball installs without a network and runs from any folder', () => {
  test('every runtime dependency is bundled in the tarball', () => {
    // Listed by name, not `true`, which dependency-cruiser cannot read: a dependency added to package.json goes here too.
    expect([...MANIFEST.bundleDependencies].sort()).toEqual(Object.keys(MANIFEST.dependencies).sort());
  });

  test('npm installs the tarball from itself alone: the registry is unreachable and the cache empty', () => {
    expect(installed.tarball).toMatch(new RegExp(`plancheck-${VERSION.replace(/\./g, '\\.')}\\.tgz$`));
    expect(installed.install.stderr).not.toMatch(/ERR!|npm error/);
    expect(installed.install.status).toBe(0);
    // A request npm needed would have failed at the refusing registry; one it merely tried would show here.
    expect(installed.install.stderr).not.toMatch(/npm http fetch/);
    expect(existsSync(installed.plancheck)).toBe(true);
  });

  test('the installed plancheck checks a copied example outside the project: the findings and exit 1', () => {
    const run = plancheck('check', '我的报送.yaml');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('■ 我的报送.yaml');
    expect(run.stdout).toContain('通过 57 · 不通过 5 · 警告 0 · 待到期 1 · 不适用 5 · 缺数据 1 · 已豁免 0');
    for (const rule of ['HN-07-online-handling-rate', 'HN-12-comment-period', 'HN-14-certified-officers', 'HN-16-disclosure-7-workdays', 'HN-32-collective-study']) {
      expect(run.stdout).toMatch(new RegExp(`✗ 不通过 .*${rule}`));
    }
    // Byte for byte what the project's own build says of the same file.
    expect(run.stdout).toBe(bin(['check', '我的报送.yaml'], installed.work).stdout);
  });

  test('the installed package runs on its own files: the build-time validators and pack proof, nothing of the project', () => {
    const loaded = join(tempDir(), 'loaded.txt');
    const main = join(installed.packageDir, 'dist', 'cli', 'main.js');
    const run = spawnSync(process.execPath, ['-r', PRELOAD, main, 'check', '我的报送.yaml', '--format', 'json'], { cwd: installed.work, encoding: 'utf8', env: { ...process.env, PLANCHECK_LOADED: loaded } });
    expect(run.status).toBe(1);
    const files = readFileSync(loaded, 'utf8').split('\n').filter((f) => f !== PRELOAD);
    const own = realpathSync(installed.packageDir) + sep;
    expect(files.filter((f) => !f.startsWith(own))).toEqual([]);
    expect(files).toContain(join(own, 'dist', 'validators', 'submission.schema.json.js'));
    // The proof of the bundled pack was found where it was installed: the pack was not validated again.
    expect(files).not.toContain(join(own, 'dist', 'validators', 'rule-pack.schema.json.js'));
    const report = JSON.parse(run.stdout) as { tool: { version: string }; submissions: { summary: { fail: number } }[] };
    expect(report.tool.version).toBe(VERSION);
    expect(report.submissions[0].summary.fail).toBe(5);
  });

  test('plancheck --version gives the package version; --help is Chinese, with --lang en English', () => {
    expect(plancheck('--version')).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
    const zh = plancheck('--help');
    expect(zh.status).toBe(0);
    expect(zh.stdout).toMatch(/^用法: plancheck \[选项\] \[命令\]/);
    expect(zh.stdout).toContain('检查一个或多个报送文件');
    const en = plancheck('--help', '--lang', 'en');
    expect(en.status).toBe(0);
    expect(en.stdout).toMatch(/^Usage: plancheck \[options\] \[command\]/);
    expect(en.stdout).not.toMatch(/\p{Script=Han}/u);
  });
});
