import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CITY_ALL_MET, ROOT, tempDir } from './helpers';

const PRELOAD = join(__dirname, 'fixtures', 'loaded-modules.js');

/** Runs the built bin and returns what it loaded: project modules as `dist/…` paths, packages by their name. */
function loadedBy(...args: string[]): { status: number; modules: string[]; packages: string[]; files: string[] } {
  const out = join(tempDir(), 'loaded.txt');
  const run = spawnSync(process.execPath, ['-r', PRELOAD, join(ROOT, 'dist', 'cli', 'main.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PLANCHECK_LOADED: out } });
  const files = readFileSync(out, 'utf8').split('\n');
  const modules = files.filter((f) => f.startsWith(join(ROOT, 'dist'))).map((f) => relative(ROOT, f));
  const packages = [...new Set(files.filter((f) => f.includes('/node_modules/')).map((f) => f.split('/node_modules/').pop()?.split('/')[0] ?? ''))].sort();
  return { status: run.status ?? -1, modules, packages, files };
}

const report = (...parts: string[]): string => join('dist', 'report', ...parts);
/** A subject's registry: its format names and loaders, which load no renderer (src/report/renderer.ts). */
const REGISTRIES = [report('check', 'index.js'), report('review', 'index.js'), report('catalogue', 'index.js'), report('explain', 'index.js'), report('template', 'index.js'), report('notice', 'index.js')];

describe('commands and formats load only what they use', () => {
  test('a plain check of a YAML file loads the table renderer and nothing of the review or the other formats', () => {
    const { status, modules, packages } = loadedBy('check', CITY_ALL_MET);
    expect(status).toBe(0);
    expect(modules).toContain(report('check', 'table.js'));
    // Of the review, only its registry: the names its --format accepts.
    expect(modules.filter((m) => /review/.test(m) && !REGISTRIES.includes(m))).toEqual([]);
    expect(modules.filter((m) => /report[/\\](check|kit)[/\\](html|markdown|csv|json)\.js$/.test(m))).toEqual([]);
    expect(packages.filter((p) => ['csv-stringify', 'cli-progress', 'playwright-core', 'ajv-i18n', 'exceljs', 'jszip'].includes(p))).toEqual([]);
    // The intake registry names the .xlsx format (its module requires exceljs only when a workbook is read); no workbook writer loads.
    expect(modules.filter((m) => /xlsx/.test(m) && !/^dist[/\\]intake[/\\]/.test(m))).toEqual([]);
  });

  test('a workbook loads exceljs and the workbook pieces; the table and the review of a plain run do not', () => {
    const out = join(tempDir(), 'findings.xlsx');
    const xlsx = loadedBy('check', CITY_ALL_MET, '--format', 'xlsx', '--out', out);
    expect(xlsx.status).toBe(0);
    expect(xlsx.modules).toEqual(expect.arrayContaining([report('check', 'xlsx.js'), report('kit', 'xlsx.js')]));
    expect(xlsx.packages).toEqual(expect.arrayContaining(['exceljs', 'jszip']));
    expect(xlsx.modules).not.toContain(report('check', 'table.js'));
    const review = loadedBy('review', 'examples');
    expect(review.packages).not.toContain('exceljs');
  });

  test('a plain check compiles no schema and proves no pack: the build did both; a clean file needs no yaml document', () => {
    const { status, modules, packages, files } = loadedBy('check', CITY_ALL_MET);
    expect(status).toBe(0);
    expect(modules).toContain(join('dist', 'validators', 'submission.schema.json.js'));
    // The bundled pack's proof, made by the build, stands in for its validation (src/pack/proved.ts).
    expect(modules).not.toContain(join('dist', 'validators', 'rule-pack.schema.json.js'));
    // js-yaml reads the file; yaml's document (and the library) only when a place is needed.
    expect(packages).toContain('js-yaml');
    expect(packages).not.toContain('yaml');
    const ajv = files.filter((f) => /[/\\]node_modules[/\\]ajv[/\\]/.test(f)).map((f) => f.split('/node_modules/ajv/').pop());
    expect(ajv.length).toBeGreaterThan(0);
    expect(ajv.filter((f) => !f?.startsWith('dist/runtime/'))).toEqual([]);
  });

  test('a file with a mistake loads yaml, whose document places it', () => {
    const file = join(tempDir(), 'bad.yaml');
    writeFileSync(file, 'bureau: [\n');
    const { status, packages } = loadedBy('check', file);
    expect(status).toBe(2);
    expect(packages).toContain('yaml');
  });

  test('a format is loaded when it is asked for, and the review when it runs', () => {
    const csv = loadedBy('check', CITY_ALL_MET, '--format', 'csv');
    expect(csv.modules).toContain(report('check', 'csv.js'));
    expect(csv.modules).toContain(report('kit', 'csv.js'));
    expect(csv.packages).toContain('csv-stringify');
    expect(csv.modules).not.toContain(report('check', 'table.js'));
    const review = loadedBy('review', 'examples');
    expect(review.modules).toEqual(expect.arrayContaining([join('dist', 'cli', 'commands', 'review.js'), report('review', 'table.js')]));
    expect(review.modules).not.toContain(join('dist', 'cli', 'commands', 'check.js'));
    // The review's formats borrow nothing from the check's: what they share is in report/kit/.
    expect(review.modules.filter((m) => m.startsWith(report('check')) && !REGISTRIES.includes(m))).toEqual([]);
  });

  test('the html of a review loads the shared html pieces, and not the check html', () => {
    const html = loadedBy('review', 'examples', '--format', 'html');
    expect(html.modules).toEqual(expect.arrayContaining([report('review', 'html.js'), report('kit', 'html.js')]));
    expect(html.modules.filter((m) => m.startsWith(report('check')) && !REGISTRIES.includes(m))).toEqual([]);
    expect(html.modules).not.toContain(report('review', 'table.js'));
  });

  test('notices loads its command, its runner and its page; the Chromium printer only for a PDF; check loads none of them', () => {
    const pages = loadedBy('notices', 'examples', '--out', join(tempDir(), 'notices'), '--no-pdf');
    expect(pages.status).toBe(1);
    expect(pages.modules).toEqual(expect.arrayContaining([join('dist', 'cli', 'commands', 'notices.js'), join('dist', 'run', 'notices.js'), report('notice', 'html.js')]));
    expect(pages.modules).not.toContain(report('notice', 'pdf.js'));
    expect(pages.modules).not.toContain(report('kit', 'pdf.js'));
    const check = loadedBy('check', CITY_ALL_MET);
    expect(check.modules.filter((m) => /(commands|run)[/\\]notices\.js$|report[/\\](notice[/\\]|kit[/\\]pdf)/.test(m) && !REGISTRIES.includes(m))).toEqual([]);
  });

  test('rules, explain and template load their own command and format, nothing of check or review, and check loads none of them', () => {
    const check = loadedBy('check', CITY_ALL_MET);
    expect(check.modules.filter((m) => /catalogue|explain|template|commands[/\\]rules/.test(m) && !REGISTRIES.includes(m))).toEqual([]);
    const rules = loadedBy('rules', '--format', 'html');
    expect(rules.status).toBe(0);
    expect(rules.modules).toEqual(expect.arrayContaining([join('dist', 'cli', 'commands', 'rules.js'), report('catalogue', 'html.js'), join('dist', 'run', 'catalogue.js')]));
    expect(rules.modules.filter((m) => /report[/\\](catalogue[/\\](table|json|markdown)|explain[/\\])/.test(m) && !REGISTRIES.includes(m))).toEqual([]);
    const explain = loadedBy('explain', 'HN-07-online-handling-rate');
    expect(explain.modules).toEqual(expect.arrayContaining([join('dist', 'cli', 'commands', 'explain.js'), report('explain', 'table.js')]));
    const template = loadedBy('template', '--level', 'county', '--year', '2024');
    expect(template.modules).toEqual(expect.arrayContaining([join('dist', 'cli', 'commands', 'template.js'), report('template', 'yaml.js')]));
    for (const run of [rules, explain, template]) {
      expect(run.modules.filter((m) => m.startsWith(report('check')) || m.startsWith(report('review'))).filter((m) => !REGISTRIES.includes(m))).toEqual([]);
      expect(run.modules.filter((m) => /commands[/\\](check|review)\.js$/.test(m))).toEqual([]);
    }
  });
});
