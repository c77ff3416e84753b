import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { runCli } from '../src/cli/program';

export const ROOT = join(__dirname, '..');
export const EXAMPLES = join(ROOT, 'examples');
/** The contract's reference submission, copied from the spec so that a clone needs nothing beside it. */
export const SPEC_EXAMPLE = join(ROOT, 'tests', 'fixtures', 'reference-submission.yaml');
export const CITY_ALL_MET = join(EXAMPLES, 'city-2024-all-met.yaml');
export const PROVINCE = join(EXAMPLES, 'province-2024.yaml');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process, as the bin would, capturing what the user sees. */
export async function cli(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { status, stdout, stderr };
}

/** Runs the built bin in a child process: what `npx plancheck` does. */
export function bin(args: string[], cwd = ROOT): CliRun {
  const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), ...args], { cwd, encoding: 'utf8' });
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

const created: string[] = [];

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-test-'));
  created.push(dir);
  return dir;
}

/** Removes the folders this test file made (called after each test file, from tests/setup.ts). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes text to a new file in its own temporary folder. */
export function writeTemp(name: string, text: string, dir = tempDir()): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

export type Data = Record<string, unknown>;

/** Marks a field to delete in an edit. */
export const DELETE = Symbol('delete');
/** Field edits by dot path (list indexes as numbers: `major_decisions.items.0.archived`). */
export type Edits = Record<string, unknown>;

export function readYaml(file: string): Data {
  return parse(readFileSync(file, 'utf8')) as Data;
}

function applyEdit(data: Data, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = data as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === undefined || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === DELETE) delete node[last];
  else node[last] = value;
}

/** A submission built from a base file with edits applied, written where the CLI can read it. */
export function variant(base: string, edits: Edits, name = 'submission.yaml'): string {
  const data = readYaml(base);
  for (const [path, value] of Object.entries(edits)) applyEdit(data, path, value);
  return writeTemp(name, stringify(data));
}

export interface JsonFinding {
  rule: string;
  status: string;
  actual: unknown;
  expected: { operator: string; value: unknown; unit: string };
  message: { zh: string; en: string };
  evidence: { record?: string; detail: string; field?: string; line?: number; source?: string; remark?: string }[];
}

export interface JsonSubmission {
  file: string;
  summary: Record<string, number>;
  findings: JsonFinding[];
  error: { message: { zh: string; en: string }; line?: number; column?: number; field?: string; problems: unknown[] } | null;
}

/** `plancheck check --format json` on files; returns the parsed document and the exit status. */
export async function checkJson(files: string[], ...args: string[]): Promise<{ status: number; submissions: JsonSubmission[]; stderr: string }> {
  const run = await cli('check', ...files, '--format', 'json', ...args);
  const document = JSON.parse(run.stdout) as { submissions: JsonSubmission[] };
  return { status: run.status, submissions: document.submissions, stderr: run.stderr };
}

export async function findingOf(file: string, rule: string, ...args: string[]): Promise<JsonFinding> {
  const { submissions } = await checkJson([file], ...args);
  const finding = submissions[0].findings.find((f) => f.rule === rule);
  if (!finding) throw new Error(`no finding for ${rule}: ${JSON.stringify(submissions[0].error)}`);
  return finding;
}

/** Every ISO date in the data moved by whole years: an example of one reporting year made into another's. */
function shiftDates(value: unknown, years: number): unknown {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `${Number(value.slice(0, 4)) + years}${value.slice(4)}`;
  if (Array.isArray(value)) return value.map((item) => shiftDates(item, years));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDates(v, years)]));
  return value;
}

/** A base submission moved to another reporting year (its records and as_of with it), with edits applied. */
export function variantIn(year: number, base: string, edits: Edits = {}, name = 'submission.yaml'): string {
  const data = readYaml(base);
  const moved = shiftDates(data, year - (data.year as number)) as Data;
  moved.year = year;
  for (const [path, value] of Object.entries(edits)) applyEdit(moved, path, value);
  return writeTemp(name, stringify(moved));
}

/** A copy of a pack (the bundled one unless named) in a temporary folder, with its pack.yaml edited: what a maintainer might get wrong. */
export function editedPack(edit: (text: string) => string, pack = join(ROOT, 'rules', 'hunan-hrss-2022-2025')): string {
  const dir = join(tempDir(), 'pack');
  cpSync(pack, dir, { recursive: true });
  const file = join(dir, 'pack.yaml');
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error('the edit changed nothing in pack.yaml');
  writeFileSync(file, after);
  return dir;
}
