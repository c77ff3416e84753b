import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { cli, CITY_ALL_MET, SPEC_EXAMPLE, writeTemp } from './helpers';

/**
 * `normative_documents.items[].legality_reviewed` is now `legality_review`, as in major decisions and the contract's
 * `legality_review_rate`. A file written before still checks the same, and says at the old key to use the new name.
 */

const NEW_KEY = '      legality_review: true\n';
const CITY = readFileSync(CITY_ALL_MET, 'utf8');

/** The city example with its normative document's key under the old name, and that document's review set. */
function withOldName(reviewed: boolean): string {
  if (!CITY.includes(NEW_KEY)) throw new Error('the city example has no normative document with legality_review');
  return CITY.replace(NEW_KEY, `      legality_reviewed: ${reviewed}\n`);
}

/** The line and column (1-based) where `text` first stands in `source`. */
function placeOf(source: string, text: string): { line: number; column: number } {
  const before = source.slice(0, source.indexOf(text)).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

const OLD = withOldName(true);
const AT = placeOf(OLD, 'legality_reviewed');
const ZH = `第 ${AT.line} 行第 ${AT.column} 列:字段 legality_reviewed(合法性审核)已更名为 legality_review,本次仍按旧名读取,请改用新名`;
const EN = `line ${AT.line}, column ${AT.column}: The field legality_reviewed (Legality review) is now called legality_review; it was read under its old name this time; please write legality_review instead`;

interface Doc {
  submissions: {
    findings: { rule: string; status: string; evidence: { record?: string; field?: string; line?: number }[] }[];
    notices: { code: string; message: { zh: string; en: string }; field?: string; line?: number; column?: number }[];
    error: { message: { zh: string }; line?: number; column?: number; field?: string } | null;
  }[];
}

async function json(file: string): Promise<{ status: number; doc: Doc }> {
  const run = await cli('check', file, '--format', 'json');
  return { status: run.status, doc: JSON.parse(run.stdout) as Doc };
}

const statuses = (doc: Doc): Record<string, string> => Object.fromEntries(doc.submissions[0].findings.map((f) => [f.rule, f.status]));

describe('a field written under its old name', () => {
  test('checks exactly as under the new name: the same status for every rule, and the same exit status', async () => {
    for (const reviewed of [true, false]) {
      const renamed = await json(writeTemp('old.yaml', withOldName(reviewed)));
      const current = await json(writeTemp('new.yaml', CITY.replace(NEW_KEY, `      legality_review: ${reviewed}\n`)));
      expect(statuses(renamed.doc)).toEqual(statuses(current.doc));
      expect(renamed.status).toBe(current.status);
      expect(statuses(renamed.doc)['HN-10-legality-review']).toBe(reviewed ? 'pass' : 'fail');
      expect(current.doc.submissions[0].notices).toEqual([]);
    }
  });

  test('the JSON carries the notice with the old field, its line and column, in both languages', async () => {
    const { status, doc } = await json(writeTemp('old.yaml', OLD));
    expect(status).toBe(0);
    expect(doc.submissions[0].notices).toEqual([
      {
        code: 'renamed_field',
        message: { zh: ZH.slice(ZH.indexOf(':') + 1), en: EN.slice(EN.indexOf(': ') + 2) },
        field: 'normative_documents.items[0].legality_reviewed',
        line: AT.line,
        column: AT.column,
      },
    ]);
  });

  test('the notice shows in the table (Chinese by default, English with --lang en), Markdown, HTML and CSV', async () => {
    const file = writeTemp('old.yaml', OLD);
    const table = await cli('check', file);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain(`  ⚠ ${ZH}\n`);
    expect(table.stdout).not.toMatch(/is now called/);
    const en = await cli('check', file, '--lang', 'en');
    expect(en.stdout).toContain(`  ⚠ ${EN}\n`);
    // Markdown escapes the underscores of a key, so that they cannot make italics.
    expect((await cli('check', file, '--format', 'markdown')).stdout).toContain(`> ⚠ ${ZH.replace(/_/g, '\\_')}\n`);
    expect((await cli('check', file, '--format', 'html')).stdout).toContain(`<p class="notice" role="note">⚠ ${ZH}</p>`);
    const csv = (await cli('check', file, '--format', 'csv')).stdout;
    expect(csv.split('\r\n').filter((row) => row.includes(ZH))).toHaveLength(csv.split('\r\n').filter((row) => row.includes('HN-')).length);
  });

  test('the review shows it too, in its table and JSON', async () => {
    const file = writeTemp('old.yaml', OLD);
    const table = await cli('review', file);
    expect(table.stdout).toContain(ZH);
    const doc = JSON.parse((await cli('review', file, '--format', 'json')).stdout) as { bureaus: { notices: unknown[] }[] };
    expect(JSON.stringify(doc)).toContain(`"field":"normative_documents.items[0].legality_reviewed","line":${AT.line},"column":${AT.column}`);
  });

  test('a record that fails is shown at the old key\'s line', async () => {
    const failing = withOldName(false);
    const { doc } = await json(writeTemp('old.yaml', failing));
    const finding = doc.submissions[0].findings.find((f) => f.rule === 'HN-10-legality-review');
    expect(finding?.evidence[0]).toMatchObject({ record: '示范人社规〔2024〕1号', line: placeOf(failing, 'legality_reviewed').line });
  });

  test('every record under the old name is read, and one notice says how many there are', async () => {
    // The contract's reference submission writes both of its normative documents with the old name.
    const { status, doc } = await json(SPEC_EXAMPLE);
    expect(status).toBe(1);
    const [notice] = doc.submissions[0].notices;
    expect(notice).toMatchObject({ code: 'renamed_field', field: 'normative_documents.items[0].legality_reviewed', line: 39, column: 7 });
    expect(notice.message.zh).toContain('(本文件共 2 处)');
    expect(statuses(doc)['HN-10-legality-review']).toBe('pass');
  });

  test('a JSON submission under the old name reads the same, with the notice at the old key', async () => {
    const written = JSON.stringify(parse(OLD), null, 2);
    const { status, doc } = await json(writeTemp('old.json', written));
    expect(status).toBe(0);
    const at = placeOf(written, '"legality_reviewed"');
    expect(doc.submissions[0].notices[0]).toMatchObject({ code: 'renamed_field', line: at.line, column: at.column });
  });

  test('a wrong value under the old name is refused at its place, named by the field\'s label', async () => {
    const wrong = CITY.replace(NEW_KEY, '      legality_reviewed: 是\n');
    const run = await cli('check', writeTemp('old.yaml', wrong));
    expect(run.status).toBe(2);
    const key = placeOf(wrong, 'legality_reviewed: 是');
    const at = { line: key.line, column: key.column + 'legality_reviewed: '.length };
    expect(run.stdout).toContain(`第 ${at.line} 行第 ${at.column} 列: 规范性文件第 1 条的合法性审核`);
  });
});

describe('a field written under both its names in one record', () => {
  const both = CITY.replace(NEW_KEY, `${NEW_KEY}      legality_reviewed: false\n`);
  const at = placeOf(both, 'legality_reviewed');

  test('is refused with exit 2, its place and what to do, in Chinese', async () => {
    const run = await cli('check', writeTemp('both.yaml', both));
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`第 ${at.line} 行第 ${at.column} 列: 规范性文件第 1 条同时写了 legality_reviewed 和 legality_review:legality_reviewed 是 legality_review 的旧名,两者只能写一个,请删去 legality_reviewed`);
  });

  test('and in English, with the field and the place in the JSON', async () => {
    const file = writeTemp('both.yaml', both);
    const run = await cli('check', file, '--lang', 'en');
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('Normative document 1 has both legality_reviewed and legality_review');
    const { status, doc } = await json(file);
    expect(status).toBe(2);
    expect(doc.submissions[0].error).toMatchObject({ field: 'normative_documents.items[0].legality_reviewed', line: at.line, column: at.column });
    expect(doc.submissions[0].findings).toEqual([]);
  });
});
