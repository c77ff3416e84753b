import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPageBundle } from '../src/build-page';
import { cli, ROOT, tempDir } from './helpers';

/** `plancheck page`: the self-check page as a file (what it holds is checked in Chromium, tests/page-browser.test.ts). */
describe('plancheck page', () => {
  test('writes one self-contained file under 5 MB that names no address to load and fetches nothing', async () => {
    const out = join(tempDir(), '自查.html');
    const run = await cli('page', '--out', out);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    // One line says where it is, how big, the packs in it, and what to do with it.
    const mb = (statSync(out).size / 1024 / 1024).toFixed(1);
    const pack = JSON.parse((await cli('rules', '--format', 'json')).stdout) as { packs?: { version: string }[] };
    expect(run.stdout).toBe(`已写出自查页面 ${out}(${mb} MB,规则包 hunan-hrss-fazhi-2022-2025 ${pack.packs?.[0]?.version})。用浏览器直接打开即可填报和检查,无需安装、无需联网;可放在内网或用邮件发给各单位。\n`);
    const en = await cli('page', '--out', join(tempDir(), 'page.html'), '--lang', 'en');
    expect(en.stdout).toMatch(/^Self-check page written to .*page\.html \(\d+\.\d MB; packs hunan-hrss-fazhi-2022-2025 [\d.]+\)\. It opens in a browser/);
    const html = readFileSync(out, 'utf8');
    expect(statSync(out).size).toBeLessThan(5 * 1024 * 1024);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // Nothing to load: no script, style, image or link by address, and no script that asks the network.
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b|<script\s+src|<iframe\b|@import/i);
    expect(html).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon/);
    // The data the script reads: the pack as loaded and proved, by its sha256.
    const data = JSON.parse(/<script type="application\/json" id="plancheck-data">([^<]*)<\/script>/.exec(html)?.[1] ?? 'null') as { packs: { id: string; sha256: string; file: string }[]; schemas: Record<string, string> };
    // No path of the machine that built it: a pack is named by its folder and file.
    expect(data.packs.map((pack) => pack.file)).toEqual(['hunan-hrss-2022-2025/pack.yaml']);
    expect(html).not.toContain(`"${ROOT}`);
    const check = JSON.parse((await cli('check', join(ROOT, 'examples', 'city-2023.yaml'), '--format', 'json')).stdout) as { packs: { id: string; sha256: string }[] };
    expect(data.packs.map(({ id, sha256 }) => ({ id, sha256 }))).toEqual(check.packs.map(({ id, sha256 }) => ({ id, sha256 })));
    expect(Object.keys(data.schemas)).toEqual(['submission.schema.json', 'rule-pack.schema.json']);
    expect(html).toContain('<input type="file" id="file" accept=".yaml,.yml,.json,.xlsx">');
  });

  test('the same inputs give the same bytes (no clock, no run in the page)', async () => {
    const dir = tempDir();
    expect((await cli('page', '--out', join(dir, 'a.html'), '--level', 'city', '--year', '2024')).status).toBe(0);
    expect((await cli('page', '--out', join(dir, 'b.html'), '--level', 'city', '--year', '2024')).status).toBe(0);
    expect(readFileSync(join(dir, 'a.html')).equals(readFileSync(join(dir, 'b.html')))).toBe(true);
    expect(readFileSync(join(dir, 'a.html'), 'utf8')).toContain('"level":"city","year":2024');
  });

  test('two packs: both are in the page, each with its sha256', async () => {
    const out = join(tempDir(), 'two.html');
    expect((await cli('page', '--out', out, '--pack', 'hunan-hrss-fazhi-2022-2025', '--pack', 'cn-national-baseline')).status).toBe(0);
    const ids = [...readFileSync(out, 'utf8').matchAll(/"id":"(hunan-hrss-fazhi-2022-2025|cn-national-baseline)","version"/g)].map((m) => m[1]);
    expect(ids).toEqual(['hunan-hrss-fazhi-2022-2025', 'cn-national-baseline']);
  });

  test('a pack that cannot be read: its message, exit 2, nothing written', async () => {
    const out = join(tempDir(), '自查.html');
    const run = await cli('page', '--out', out, '--pack', join(tempDir(), 'no-such-pack'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('无法读取文件:文件不存在');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  test('a level or year that is none: the command line is wrong, exit 2', async () => {
    const out = join(tempDir(), '自查.html');
    const level = await cli('page', '--out', out, '--level', 'town');
    expect(level.status).toBe(2);
    expect(level.stderr).toContain('层级“town”无效');
    const year = await cli('page', '--out', out, '--year', '24', '--lang', 'en');
    expect(year.status).toBe(2);
    expect(year.stderr).toContain('The year "24" is not a year');
    expect(existsSync(out)).toBe(false);
  });

  test('an output that cannot be written: its message, exit 2', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    const run = await cli('page', '--out', join(file, '自查.html'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/自查\.html/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  test('an output that is one of its inputs (a pack file) is refused, and the input kept', async () => {
    const dir = tempDir();
    cpSync(join(ROOT, 'rules', 'hunan-hrss-2022-2025'), join(dir, 'pack'), { recursive: true });
    const packFile = join(dir, 'pack', 'pack.yaml');
    const before = readFileSync(packFile);
    const run = await cli('page', '--pack', join(dir, 'pack'), '--out', packFile);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('pack.yaml');
    expect(readFileSync(packFile).equals(before)).toBe(true);
  });

  test('the bundle refuses a Node module the page could not run, naming who imports it', async () => {
    const dir = tempDir();
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, "import { readFileSync } from 'node:fs';\nexport const text = readFileSync('x', 'utf8');\n");
    await expect(buildPageBundle(join(dir, 'app.js'), entry)).rejects.toThrow(/node:fs is a Node module: the page cannot run it \(imported by .*entry\.ts\)/);
    expect(existsSync(join(dir, 'app.js'))).toBe(false);
  });

  test('--out is required, and --help names the command in Chinese and English', async () => {
    const none = await cli('page');
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('--out');
    expect((await cli('page', '--help')).stdout).toContain('生成自查页面');
    expect((await cli('page', '--help', '--lang', 'en')).stdout).toContain('the self-check page');
    expect((await cli('--help')).stdout).toContain('page');
  });
});
