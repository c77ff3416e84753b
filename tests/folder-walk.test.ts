import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, EXAMPLES, ROOT, tempDir } from './helpers';

/**
 * What a folder walk reads and what it leaves out, said in a note: a file that is plainly something else (a
 * `package.json`, an editor's settings) is skipped, a broken file is never skipped but refused with its place, and
 * `check` says how many submissions its folder's subfolders hold that it did not read, and which command reads them.
 */

function folder(): string {
  const dir = tempDir();
  copyFileSync(join(EXAMPLES, 'city-2023.yaml'), join(dir, 'city-2023.yaml'));
  return dir;
}

describe('files in a folder that are not submissions', () => {
  test('a package.json and a settings YAML are skipped with a note; the submission is checked', async () => {
    const dir = folder();
    copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    writeFileSync(join(dir, '.prettierrc.yaml'), 'semi: false\nsingleQuote: true\n');
    const run = await cli('check', dir, '--format', 'json');
    expect(run.status).toBe(1);
    const submissions = (JSON.parse(run.stdout) as { submissions: { file: string }[] }).submissions;
    expect(submissions.map((s) => s.file)).toEqual([join(dir, 'city-2023.yaml')]);
    expect(run.stderr).toContain(`${join(dir, 'package.json')}: 已跳过:不是报送文件(其中没有 bureau、year 等报送字段)`);
    expect(run.stderr).toContain(`${join(dir, '.prettierrc.yaml')}: 已跳过:不是报送文件`);
    expect(run.stderr).not.toMatch(/未知字段/);
  });

  test('the note in English', async () => {
    const dir = folder();
    copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    const run = await cli('check', dir, '--format', 'json', '--lang', 'en');
    expect(run.stderr).toContain('skipped: not a submission (it has none of the fields bureau, year…)');
  });

  test('a broken file is refused with its place, never skipped, and the others are still checked', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'broken.yaml'), 'bureau:\n  name: [示例县人社局\n');
    writeFileSync(join(dir, 'cut.json'), '{"tool": ');
    const run = await cli('check', dir, '--format', 'json');
    expect(run.status).toBe(2);
    const submissions = (JSON.parse(run.stdout) as { submissions: { file: string; error: unknown }[] }).submissions;
    expect(submissions.map((s) => [s.file.slice(dir.length + 1), s.error === null])).toEqual([
      ['broken.yaml', false],
      ['city-2023.yaml', true],
      ['cut.json', false],
    ]);
    expect(run.stderr).toMatch(/broken\.yaml:2:\d+: YAML 格式错误/);
    expect(run.stderr).not.toMatch(/已跳过/);
  });

  test('a file named on the command line is read whatever it holds', async () => {
    const dir = tempDir();
    const settings = join(dir, 'settings.yaml');
    writeFileSync(settings, 'semi: false\n');
    const run = await cli('check', settings);
    expect(run.status).toBe(2);
    expect(run.stdout + run.stderr).toContain('未知字段 semi');
  });
});

describe('check and the subfolders of its folder', () => {
  test('check names the submissions in subfolders it did not read and points to review', async () => {
    const dir = folder();
    mkdirSync(join(dir, '长沙市'));
    copyFileSync(join(EXAMPLES, 'county-2024-with-failures.yaml'), join(dir, '长沙市', 'county.yaml'));
    copyFileSync(join(EXAMPLES, 'province-2024.yaml'), join(dir, '长沙市', 'province.yaml'));
    const run = await cli('check', dir, '--format', 'json');
    expect((JSON.parse(run.stdout) as { submissions: unknown[] }).submissions).toHaveLength(1);
    expect(run.stderr).toContain(`${dir}: 子文件夹中还有 2 份报送没有检查:check 只读所给文件夹本身;要连同子文件夹一起检查,请用 plancheck review ${dir}`);
    const review = await cli('review', dir, '--format', 'json');
    expect(review.stderr).not.toContain('子文件夹中还有');
    expect(readFileSync(join(dir, '长沙市', 'county.yaml'), 'utf8')).toContain('bureau');
  });

  test('a folder without subfolders gets no such note', async () => {
    const run = await cli('check', folder(), '--format', 'json');
    expect(run.stderr).toBe('');
  });
});
