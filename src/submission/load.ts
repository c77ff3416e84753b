import { bi } from '../core/i18n';
import { formatFieldPath, holdsNull } from '../intake/field-path';
import { InputError } from '../intake/problem';
import { validateAgainst } from '../intake/schema-validator';
import type { IntakeFormat, IntakeOptions, ParsedDocument } from '../intake/format';
import { parseSubmissionDocument, readSubmissionDocument } from '../intake/registry';
import { readSubmissionBytes } from '../intake/read-file';
import { consistencyProblems } from './consistency';
import { normalizeSubmission } from './normalize';
import { readRenamedFields } from './renamed-fields';
import type { Bureau, Submission, SubmissionData } from './types';
import { SUBMISSION_SCHEMA } from './value-kinds';
import { schemaFieldsOf } from '../intake/schema-labels';

const FIELDS = schemaFieldsOf(SUBMISSION_SCHEMA);
import { evidencePosition } from '../core/place';

/**
 * A key with nothing after it (`budgeted:`) is a blank in the form: absent, so its rule reports missing data.
 * A key with no colon inside `{ … }` is kept: it is text cut short at a comma, which the schema then reports.
 */
function dropBlanks(value: unknown, path: string, bare: ReadonlySet<string>): unknown {
  // Most files have no blank: then nothing is copied, and no path is written for each node.
  if (bare.size === 0 && !holdsNull(value)) return value;
  if (Array.isArray(value)) return value.map((item, i) => dropBlanks(item, `${path}[${i}]`, bare));
  if (value === null || typeof value !== 'object') return value;
  const required = FIELDS.get(path.replace(/\[\d+\]/g, '[]'))?.required ?? [];
  return Object.fromEntries(
    Object.entries(value)
      .map(([key, child]) => {
        const at = path ? `${path}.${key}` : key;
        return [key, child, at, dropBlanks(child, at, bare)] as const;
      })
      .filter(([key, child, at, kept]) => (child !== null || bare.has(at)) && !(emptiedGroup(child, kept) && !required.includes(key)))
      .map(([key, , , kept]) => [key, kept]),
  );
}

/**
 * A group every field of which was left blank (`emergency:` over `response_plan:` with nothing after it, or an empty
 * row of a workbook) is not filled in, as if absent: a file that leaves it out reads the same. A group its parent
 * requires (`bureau`) is kept, so that the schema says which of its fields is missing.
 */
function emptiedGroup(written: unknown, kept: unknown): boolean {
  const isGroup = (node: unknown): node is object => node !== null && typeof node === 'object' && !Array.isArray(node);
  return isGroup(written) && isGroup(kept) && Object.keys(written).length > 0 && Object.keys(kept).length === 0;
}

/**
 * Fields a submission must name but the data can be checked without, whose blank (`name:`, as a template leaves it)
 * reads as "not filled in" rather than as a mistake: the bureau's name, which no rule reads. The findings are made,
 * and a notice asks for it (run/checker.ts). A blank `level` or `year` is still refused: nothing can be chosen
 * without them.
 */
const BLANK_ALLOWED = ['bureau.name'];

function blankAt(data: unknown, path: string, bare: ReadonlySet<string>): boolean {
  if (bare.has(path)) return false;
  const parts = path.split('.');
  const parent = parts.slice(0, -1).reduce<unknown>((node, key) => (node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined), data);
  const key = parts[parts.length - 1];
  return parent !== null && typeof parent === 'object' && !Array.isArray(parent) && Object.hasOwn(parent, key) && (parent as Record<string, unknown>)[key] === null;
}

/** A submission as written and as checked: what `convert` writes in another format, and its places. */
export interface WrittenSubmission {
  submission: Submission;
  /** The data as written (old names under the new ones, blanks dropped), validated but not normalised. */
  written: SubmissionData;
  /** The document it was read from: where each field is written, and the text of each number. */
  parsed: ParsedDocument;
}

/**
 * A submission from a document an intake format has read: renamed fields, blanks, the schema, normalisation and
 * consistency, as for a file. The one way in for a format the registry does not list (a prose report's draft), and
 * what every loader below ends in; a user's mistake throws an InputError with places.
 */
export function submissionFromDocument(document: ParsedDocument): Submission {
  return writtenFromParsed(document).submission;
}

/**
 * A document's data as the checks below begin from it: old names read as the new ones, blanks dropped; not yet
 * checked against the schema. What the self-check page's form shows of a loaded file, mistakes and all, so that
 * the check's messages can be put on the fields they name.
 */
export function writtenDataOf(document: ParsedDocument): unknown {
  return blanksDropped(readRenamedFields(document).parsed);
}

function blanksDropped(parsedFile: ParsedDocument): unknown {
  return dropBlanks(parsedFile.data, '', new Set(parsedFile.bareKeys.map((key) => formatFieldPath(key.path))));
}

function writtenFromParsed(document: ParsedDocument): WrittenSubmission {
  // Old names are read as the new ones first, so that everything after (blanks, the schema, places) sees one name.
  const { parsed: parsedFile, notices } = readRenamedFields(document);
  const bare = new Set(parsedFile.bareKeys.map((key) => formatFieldPath(key.path)));
  const blank = new Set(BLANK_ALLOWED.filter((path) => blankAt(parsedFile.data, path, bare)));
  const parsed = { ...parsedFile, data: blanksDropped(parsedFile) };
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    throw new InputError([{ file: parsed.file, at: { line: 1, column: 1 }, message: bi('报送文件应为一个映射(键: 值),而不是空文件、列表或单个值', 'A submission is a mapping (key: value), not an empty file, a list or a single value'), expected: bi('含 bureau、year 等字段的映射', 'a mapping with bureau, year and the data sections') }]);
  }
  // A blank allowed field is absent once blanks are dropped: the schema's "required" for it is not a mistake.
  const schemaProblems = validateAgainst(SUBMISSION_SCHEMA, parsed).filter((problem) => problem.field === undefined || !blank.has(problem.field));
  if (schemaProblems.length > 0) throw new InputError(schemaProblems);
  // A number's source is asked only where its double may not be its written decimal.
  const { data, sources, exacts } = normalizeSubmission(parsed.data as SubmissionData, parsed.plainNumbers ? undefined : parsed.scalarSource);
  const problems = consistencyProblems(data, parsed);
  if (problems.length > 0) throw new InputError(problems);
  const year = data.year as number;
  const submission: Submission = {
    file: parsed.file,
    sha256: parsed.sha256,
    bureau: data.bureau as Bureau,
    year,
    asOf: (data.as_of as string | undefined) ?? `${year}-12-31`,
    data,
    sources,
    exacts,
    notices,
    locate: (path) => parsed.locate(path),
    evidenceAt: (path) => (parsed.evidenceAt ? parsed.evidenceAt(path) : evidencePosition(parsed.locate(path))),
    ...(parsed.origin ? { origin: parsed.origin } : {}),
  };
  return { submission, written: parsed.data as SubmissionData, parsed };
}

/**
 * Reads, validates and normalises one submission, in whichever format the intake registry reads it; a user's
 * mistake rejects with an InputError with places.
 */
export async function loadSubmission(file: string, options?: IntakeOptions, formats: readonly IntakeFormat[] = []): Promise<Submission> {
  return submissionFromDocument(await readDocument(file, options, formats));
}

/**
 * A file read by the first of `formats` that takes its name's ending, else by the registry's formats. `formats` are
 * a run's own (a library caller's, a test's): the registry's list stays what `--help` names.
 */
function readDocument(file: string, options: IntakeOptions | undefined, formats: readonly IntakeFormat[]): Promise<ParsedDocument> | ParsedDocument {
  const name = file.toLowerCase();
  const own = formats.find((format) => format.extensions.some((ending) => name.endsWith(ending)));
  if (own) return own.parse(file, readSubmissionBytes(file), options);
  return readSubmissionDocument(file, options);
}

/** The same, from bytes already in memory (a file name is still needed for messages and the format). */
export async function parseSubmission(file: string, bytes: Buffer, options?: IntakeOptions): Promise<Submission> {
  return submissionFromDocument(await parseSubmissionDocument(file, bytes, options));
}

/** The same, keeping the data as written beside the checked submission (`plancheck convert`). */
export async function loadWrittenSubmission(file: string): Promise<WrittenSubmission> {
  return writtenFromParsed(await readSubmissionDocument(file));
}

/**
 * The same, keeping the data as written, from a document another reader made (a draft extracted from a prose
 * report, `plancheck extract`): the draft passes the schema and the consistency checks as a written submission does.
 */
export function writtenSubmissionOf(document: ParsedDocument): WrittenSubmission {
  return writtenFromParsed(document);
}
