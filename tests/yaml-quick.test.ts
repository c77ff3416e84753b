/**
 * The quick reading (src/intake/yaml-quick.ts) must read what yaml reads, or step aside: on every example, fixture
 * and benchmark file, on scalars in every form YAML writes them, and on the fuzzer's mutated submissions, a check with
 * places on demand gives the same result (findings, evidence and their places, errors and theirs) as one that builds
 * yaml's document at once.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Checker, type SubmissionResult } from '../src';
import { parseSubmission } from '../src/submission/load';
import { quickData, quickLines } from '../src/intake/yaml-quick';
import { parseYamlText } from '../src/intake/yaml';
import { syntheticSubmission } from './bench/synthetic';
import { build, fuzzCase } from './fuzz/generators';
import { PACKS } from './fuzz/properties';
import { EXAMPLES, ROOT } from './helpers';

const eager = new Checker(PACKS, undefined, { placesOnDemand: false });
const onDemand = new Checker(PACKS, undefined, { placesOnDemand: true });

/** A result with every lazy place read, as a report reads it. */
function settled(result: SubmissionResult): unknown {
  return JSON.parse(JSON.stringify(result));
}

async function bothWays(name: string, bytes: Buffer): Promise<[unknown, unknown]> {
  const read = async (checker: Checker, placesOnDemand: boolean): Promise<unknown> => {
    try {
      return settled(await checker.evaluate(await parseSubmission(name, bytes, { placesOnDemand })));
    } catch (error) {
      return { error: JSON.parse(JSON.stringify(error)) as unknown, message: (error as Error).message };
    }
  };
  return [await read(eager, false), await read(onDemand, true)];
}

function yamlData(text: string): unknown {
  return parse(text.replace(/^\uFEFF/, ''), { uniqueKeys: true });
}

const FILES = [
  ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')).map((f) => join(EXAMPLES, f)),
  join(ROOT, 'tests', 'fixtures', 'reference-submission.yaml'),
  join(ROOT, 'tests', 'fixtures', 'broken-rate.yaml'),
  join(ROOT, 'tests', 'golden', 'inputs', 'malformed.yaml'),
];

describe('the quick reading reads what yaml reads, or steps aside', () => {
  test.each(FILES.map((f) => [f.slice(ROOT.length + 1), f]))('%s: the same result with places on demand', async (_name, file) => {
    const [a, b] = await bothWays(file, readFileSync(file));
    expect(b).toEqual(a);
  });

  test('the examples and the benchmark files are read quickly (the speed is real), to the same data', () => {
    const texts = [...readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(join(EXAMPLES, f), 'utf8')), ...[0, 1, 15, 136].map((i) => syntheticSubmission(i))];
    for (const text of texts) {
      const quick = quickData(text);
      expect(quick).toBeDefined();
      expect(quick?.data).toEqual(yamlData(text));
    }
  });

  /** Every path of the data, and below each mapping a field that is not there (evidence of a missing field). */
  function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
    if (Array.isArray(value)) return [path, ...value.flatMap((item, i) => pathsOf(item, [...path, i]))];
    if (value !== null && typeof value === 'object') return [path, [...path, 'not_there'], ...Object.entries(value).flatMap(([key, child]) => pathsOf(child, [...path, key]))];
    return [path];
  }

  function sameLines(text: string): boolean {
    const quick = quickData(text);
    if (!quick) return false;
    const lines = quickLines(text);
    const full = parseYamlText('lines.yaml', Buffer.from(text));
    for (const path of pathsOf(quick.data)) expect({ path, line: lines(path) }).toEqual({ path, line: full.locate(path).line });
    return true;
  }

  test('evidence lines found again by js-yaml are the lines of yaml\'s document, for every field', () => {
    for (const file of FILES) sameLines(readFileSync(file, 'utf8'));
    for (const index of [0, 3, 20]) sameLines(syntheticSubmission(index));
    sameLines('a:\n  b:\n    - { x: 1 }\n    - y: 2\n      z: [3, 4]\n  c: []\nd:\n- 1\n- two\n');
  });

  test("the fuzzer's texts: the same evidence lines wherever the quick reading takes them", async () => {
    let taken = 0;
    let cases = 0;
    await fc.assert(
      fc.property(fuzzCase, (c) => {
        cases++;
        const text = build(c, PACKS).bytes.toString('utf8');
        if (!/^\uFEFF/.test(text) && sameLines(text)) taken++;
      }),
      { seed: 20261203, numRuns: Number(process.env.PLANCHECK_QUICK_RUNS ?? 300) },
    );
    // Not vacuous: a good share of the mutated submissions is read quickly.
    expect(taken).toBeGreaterThan(cases * 0.2);
  }, 300_000);

  test.each([0, 3, 20, 77])('benchmark file #%i: the same result with places on demand', async (index) => {
    const [a, b] = await bothWays(`bench-${index}.yaml`, Buffer.from(syntheticSubmission(index)));
    expect(b).toEqual(a);
  });

  const SCALARS = [
    '12', '+12', '-12', '012', '0o17', '0x1F', '0b101', '1_000', '1.', '.5', '-.5', '+.5', '1.5e3', '1e3', '1E-2', '-1e+2',
    '.inf', '-.Inf', '+.INF', '.nan', '.NaN', 'NaN', 'inf', 'true', 'True', 'TRUE', 'tRUE', 'yes', 'no', 'on', 'off', 'y',
    'null', 'Null', 'NULL', '~', '0.1', '0.89999999999999999999', '123456789012345678', '2024-01-20', '2024-01-20T10:00:00Z',
    '12:30', '1:20:30', '93.5%', '100%', '"12"', "'true'", '"a\\tb"', '"\\u4e2d\\x41"', "'it''s'", '"\\/"', '"a\\\nb"',
    '某局', '《就业促进法》第1条', 'a b  c', '"  spaced  "', '-', '--', '@x', '`x`', '0.0', '-0', '00', '1e400', '0x', '0o8',
  ];

  test.each(SCALARS)('the scalar %s', (scalar) => {
    for (const text of [`value: ${scalar}\nother: 1\n`, `list: [${scalar}, 2]\n`, `map: { a: ${scalar}, b: 2 }\n`, `- ${scalar}\n- 3\n`]) {
      let expected: unknown;
      try {
        expected = yamlData(text);
      } catch {
        expected = undefined;
      }
      const quick = quickData(text);
      if (quick !== undefined) expect({ text, data: quick.data }).toEqual({ text, data: expected });
    }
  });

  test.each([
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a block scalar', 'a: |\n  text\nb: 1\n'],
    ['a blank', 'a:\nb: 1\n'],
    ['a key cut short in { }', 'a: { value: 1, source: x, y }\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a collection as a key', '[a]: 1\n'],
    ['a complex key', '? a\n: 1\n'],
    ['tabs', 'a:\t1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['__proto__', '__proto__: 1\n'],
    ['a number of more than 15 digits', 'a: 0.12345678901234567\n'],
  ])('%s: read by yaml, not quickly', (_what, text) => {
    expect(quickData(text)).toBeUndefined();
  });

  test("the fuzzer's mutated submissions give the same result with places on demand", async () => {
    await fc.assert(
      fc.asyncProperty(fuzzCase, async (c) => {
        const { bytes } = build(c, PACKS);
        const [a, b] = await bothWays('case.yaml', bytes);
        expect(b).toEqual(a);
      }),
      { seed: 20261202, numRuns: Number(process.env.PLANCHECK_QUICK_RUNS ?? 300) },
    );
  }, 300_000);
});
