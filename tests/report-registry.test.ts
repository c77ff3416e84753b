/**
 * Reports by subject (src/report/renderer.ts): a folder per subject with its registry (`index.ts`) and one file per
 * format; the names are known without loading a renderer; a subject borrows nothing from another, and what they share
 * lies in report/kit/ (.dependency-cruiser.cjs).
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import * as check from '../src/report/check';
import * as review from '../src/report/review';
import * as packLint from '../src/report/pack-lint';
import * as packTest from '../src/report/pack-test';
import * as catalogue from '../src/report/catalogue';
import * as explain from '../src/report/explain';
import * as template from '../src/report/template';
import * as notice from '../src/report/notice';
import * as page from '../src/report/page';
import * as library from '../src';
import { ROOT } from './helpers';

const REPORT = join(ROOT, 'src', 'report');
const REGISTRIES: Record<string, Record<string, { load: () => unknown }>> = {
  check: check.CHECK_REGISTRY,
  review: review.REVIEW_REGISTRY,
  catalogue: catalogue.CATALOGUE_REGISTRY,
  explain: explain.EXPLAIN_REGISTRY,
  template: template.TEMPLATE_REGISTRY,
  notice: notice.NOTICE_REGISTRY,
  page: page.PAGE_REGISTRY,
  'pack-lint': packLint.PACK_LINT_REGISTRY,
  'pack-test': packTest.PACK_TEST_REGISTRY,
};

describe('each subject of src/report/ has its registry and a file per format', () => {
  test('every folder but kit/ is a subject: its index.ts names its formats, each a file of the folder', () => {
    const subjects = readdirSync(REPORT, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'kit').map((e) => e.name).sort();
    expect(subjects).toEqual(Object.keys(REGISTRIES).sort());
    for (const subject of subjects) {
      expect(existsSync(join(REPORT, subject, 'index.ts'))).toBe(true);
      for (const [name, spec] of Object.entries(REGISTRIES[subject])) {
        expect([subject, name, existsSync(join(REPORT, subject, `${name}.ts`))]).toEqual([subject, name, true]);
        expect([subject, name, typeof spec.load()]).toEqual([subject, name, 'function']);
      }
    }
  });

  test('the names, in the order --format lists them; the library gives the same', () => {
    expect(check.FORMATS).toEqual(['table', 'json', 'markdown', 'html', 'csv', 'xlsx']);
    expect(review.REVIEW_FORMATS).toEqual(['table', 'json', 'markdown', 'html', 'csv', 'xlsx']);
    expect(library.FORMATS).toBe(check.FORMATS);
    expect(library.REVIEW_FORMATS).toBe(review.REVIEW_FORMATS);
  });

  test("the library's maps hold every format's renderer, the one its registry loads", () => {
    expect(Object.keys(library.RENDERERS)).toEqual([...check.FORMATS]);
    expect(Object.keys(library.REVIEW_RENDERERS)).toEqual([...review.REVIEW_FORMATS]);
    for (const format of check.FORMATS) expect(library.RENDERERS[format]).toBe(check.checkRenderer(format));
    for (const format of review.REVIEW_FORMATS) expect(library.REVIEW_RENDERERS[format]).toBe(review.reviewRenderer(format));
  });
});

/** The report modules (`dist/report/…`) that a script loads in a fresh node, after requiring `dist/report/<module>`. */
function reportModulesLoadedBy(script: string): string[] {
  const run = spawnSync(process.execPath, ['-e', `${script}; console.log(Object.keys(require.cache).join('\\n'))`], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return run.stdout.split('\n').filter((file) => file.startsWith(join(ROOT, 'dist', 'report'))).map((file) => relative(join(ROOT, 'dist', 'report'), file)).sort();
}

describe('a registry loads no renderer until one is asked for (the built dist/)', () => {
  test('the registries alone, and the library maps until a renderer is read', () => {
    expect(reportModulesLoadedBy("require('./dist/report/check'); require('./dist/report/review')")).toEqual(
      ['check/index.js', 'renderer.js', 'review/index.js'].map((f) => join(...f.split('/'))),
    );
    expect(reportModulesLoadedBy("const { RENDERERS } = require('./dist/report/check'); Object.keys(RENDERERS); RENDERERS.markdown")).toEqual(
      ['check/index.js', 'check/markdown.js', 'check/view.js', 'kit/completeness.js', 'kit/labels.js', 'kit/markdown.js', 'kit/view.js', 'renderer.js'].map((f) => join(...f.split('/'))),
    );
  });
});

/** dependency-cruiser's violations for a tree of files under a temporary `src/`. */
function cruise(files: Record<string, string>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-subjects-'));
  const write = (file: string, text: string): void => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  write('tsconfig.build.json', JSON.stringify({ compilerOptions: { module: 'commonjs', moduleResolution: 'node', strict: true }, include: ['src'] }));
  for (const [file, text] of Object.entries(files)) write(file, text);
  const bin = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [bin, 'src', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'], { cwd: dir }, (error, stdout, stderr) => {
      rmSync(dir, { recursive: true, force: true });
      try {
        const result = JSON.parse(stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
        resolve(result.summary.violations.filter((v) => v.rule.name.startsWith('report-')).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort());
      } catch {
        reject(new Error(`dependency-cruiser gave no JSON (${error?.message ?? 'no error'}):\n${stderr}`));
      }
    });
  });
}

test('a subject that imports from another subject, and kit/ from a subject, are refused; kit/ and its own folder are not', async () => {
  const found = await cruise({
    'src/report/kit/html.ts': "import { v } from '../review/view';\nexport const STYLE = v;\n",
    'src/report/kit/view.ts': "export const w = '';\n",
    'src/report/check/html.ts': "import { w } from '../kit/view';\nexport const findingHtml = w;\n",
    'src/report/review/view.ts': "export const v = '';\n",
    'src/report/review/html.ts': "import { findingHtml } from '../check/html';\nimport { v } from './view';\nimport { w } from '../kit/view';\nexport const page = findingHtml + v + w;\n",
  });
  expect(found).toEqual([
    'report-kit-no-subject: src/report/kit/html.ts → src/report/review/view.ts',
    'report-no-sibling-subject: src/report/review/html.ts → src/report/check/html.ts',
  ]);
});
