/**
 * One renderer type (src/report/renderer.ts): a report may be text or bytes, whole or in chunks, at once or as a
 * promise, and writeOutputs (src/cli/outputs.ts) writes each of them intact, as one transaction: an output is complete
 * or absent, and the files it would replace are untouched when any of the run's outputs fails.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliIo } from '../src/cli/io';
import { planOutputs, writeOutputs, type OutputPlan } from '../src/cli/outputs';
import { pendingCleanups } from '../src/cli/signals';
import type { InputProblem } from '../src/intake/problem';
import type { Rendered } from '../src/report/renderer';
import { tempDir } from './helpers';

const OLD = 'OLD REPORT\n';

/** Bytes that are not UTF-8 (every value 0–255, NULs, lone continuation bytes), more than one write slice (1 MiB) long. */
function workbookBytes(length = 2.5 * 1024 * 1024 + 7): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 131 + (i >> 8)) & 0xff;
  return bytes;
}

const later = <T>(value: T, ms = 5): Promise<T> => new Promise((done) => setTimeout(() => done(value), ms));

function plan<F extends string>(format: F, out: string, reports: { format: F; path: string }[] = []): OutputPlan<F> {
  const problems: InputProblem[] = [];
  const planned = planOutputs({ format, out, targets: reports, lang: 'en' }, [], problems);
  expect(problems).toEqual([]);
  return planned!;
}

function io(into: { stdout: string; stderr: string; bytes: Buffer[] }, withBytes = true): CliIo {
  return {
    stdout: (text) => void (into.stdout += text),
    stderr: (text) => void (into.stderr += text),
    ...(withBytes ? { stdoutBytes: (bytes: Uint8Array) => void into.bytes.push(Buffer.from(bytes)) } : {}),
  };
}

const captured = () => ({ stdout: '', stderr: '', bytes: [] as Buffer[] });

const temporaries = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

const enospc = (): Error => Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });

describe('every kind of rendered report is written intact through writeOutputs', () => {
  test('bytes are written as they are, beside a report that comes as a promise', async () => {
    const dir = tempDir();
    const bytes = workbookBytes();
    const out = captured();
    const renders: Record<string, () => Rendered | Promise<Rendered>> = {
      xlsx: () => bytes,
      json: () => later('{"a": "数据"}\n'),
    };
    const problems = await writeOutputs(plan('xlsx', join(dir, 'r.xlsx'), [{ format: 'json', path: join(dir, 'r.json') }]), (format) => renders[format](), io(out));
    expect(problems).toEqual([]);
    expect(readFileSync(join(dir, 'r.xlsx')).equals(Buffer.from(bytes))).toBe(true);
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe('{"a": "数据"}\n');
    expect(temporaries(dir)).toEqual([]);
    expect(out.stderr).toBe('');
    expect(pendingCleanups()).toBe(0);
  });

  test('a view into a larger buffer is written from its own offset and length, not the whole buffer', async () => {
    const dir = tempDir();
    const whole = Buffer.from('xxxxPKworkbookyyyy', 'latin1');
    const view = new Uint8Array(whole.buffer, whole.byteOffset + 4, 10);
    await writeOutputs(plan('xlsx', join(dir, 'r.xlsx')), () => Promise.resolve(view), io(captured()));
    expect(readFileSync(join(dir, 'r.xlsx'), 'latin1')).toBe('PKworkbook');
  });

  test('a promise of chunks, an async iterable of text and bytes: each chunk in order, the file renamed once all are in', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'r.csv'), OLD);
    const seen: string[] = [];
    async function* rows(): AsyncIterable<string | Uint8Array> {
      for (let i = 0; i < 3; i++) {
        // The old report stays in place until the last chunk is written.
        seen.push(readFileSync(join(dir, 'r.csv'), 'utf8'));
        yield await later(i === 1 ? new Uint8Array([0x72, 0x6f, 0x77, 0x20, 0x31, 0x0a]) : `row ${i}\n`);
      }
    }
    const renders: Record<string, () => Rendered | Promise<Rendered>> = {
      csv: () => later(rows()),
      md: () => Promise.resolve(['# a\n', new Uint8Array([0xe6, 0x95, 0xb0]), '\n']),
    };
    const problems = await writeOutputs(plan('csv', join(dir, 'r.csv'), [{ format: 'md', path: join(dir, 'r.md') }]), (format) => renders[format](), io(captured()));
    expect(problems).toEqual([]);
    expect(seen).toEqual([OLD, OLD, OLD]);
    expect(readFileSync(join(dir, 'r.csv'), 'utf8')).toBe('row 0\nrow 1\nrow 2\n');
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toBe('# a\n数\n');
  });

  test('standard output takes bytes through its byte sink, text through its text sink', async () => {
    const bytes = workbookBytes(4096);
    const out = captured();
    expect(await writeOutputs(plan('xlsx', '-'), () => later(bytes), io(out))).toEqual([]);
    expect(Buffer.concat(out.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(out.stdout).toBe('');
    const text = captured();
    expect(await writeOutputs(plan('md', '-'), async () => ['a', 'b'], io(text))).toEqual([]);
    expect(text.stdout).toBe('ab');
    expect(text.bytes).toEqual([]);
  });
});

describe('a rendered report that fails leaves every output absent and every old file as it was', () => {
  test('a promise that is refused (a full disk while rendering) replaces nothing', async () => {
    const dir = tempDir();
    for (const name of ['r.xlsx', 'r.json']) writeFileSync(join(dir, name), OLD);
    const out = captured();
    const renders: Record<string, () => Rendered | Promise<Rendered>> = {
      xlsx: () => workbookBytes(),
      json: () => later(null).then(() => Promise.reject(enospc())),
    };
    const problems = await writeOutputs(plan('xlsx', join(dir, 'r.xlsx'), [{ format: 'json', path: join(dir, 'r.json') }]), (format) => renders[format](), io(out));
    expect(problems).toHaveLength(1);
    expect(out.stderr).toBe(`plancheck: ${join(dir, 'r.json')}: Cannot write the output file: the disk is full (ENOSPC); none of this run's output files was replaced; the existing ones are unchanged\n`);
    expect(readFileSync(join(dir, 'r.xlsx'), 'utf8')).toBe(OLD);
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe(OLD);
    expect(temporaries(dir)).toEqual([]);
    expect(pendingCleanups()).toBe(0);
  });

  test('bytes that fail half-way through an async iterable leave no file behind', async () => {
    const dir = tempDir();
    async function* workbook(): AsyncIterable<Uint8Array> {
      yield workbookBytes(1024 * 1024 + 1);
      await later(null);
      throw enospc();
    }
    const out = captured();
    const problems = await writeOutputs(plan('xlsx', join(dir, 'new', 'r.xlsx')), () => workbook(), io(out));
    expect(problems).toHaveLength(1);
    expect(out.stderr).toContain('the disk is full (ENOSPC)');
    expect(readdirSync(dir)).toEqual([]);
    expect(pendingCleanups()).toBe(0);
  });

  test('a renderer whose promise fails with a bug aborts the set and is not mistaken for a write error', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'r.xlsx'), OLD);
    const renders: Record<string, () => Rendered | Promise<Rendered>> = {
      xlsx: () => new Uint8Array([1, 2, 3]),
      html: async () => {
        await later(null);
        throw new TypeError('bug');
      },
    };
    const failure = await writeOutputs(plan('xlsx', join(dir, 'r.xlsx'), [{ format: 'html', path: join(dir, 'r.html') }]), (format) => renders[format](), io(captured())).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect(readdirSync(dir)).toEqual(['r.xlsx']);
    expect(readFileSync(join(dir, 'r.xlsx'), 'utf8')).toBe(OLD);
    expect(pendingCleanups()).toBe(0);
  });
});
