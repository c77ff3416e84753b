import { load } from 'js-yaml';
import { readHead } from './read-file';
import { schemaFieldsOf } from './schema-labels';

/**
 * Whether a YAML or JSON file found in a folder is something else than a submission: a mapping that reads without
 * a fault and names none of the submission's own top-level fields (bureau, year, services…), as a `package.json`
 * or a tool's settings. A folder walk skips it with a note rather than reject it with dozens of "unknown field"
 * errors. A file that does not read (broken, cut short, binary) is no such file: it is read, and refused with its
 * places, so that nothing is lost because it was broken. Named on the command line, every file is read.
 */

/** Larger files are read as submissions (a real one is tens of kilobytes; a settings file a few). */
const LOOKED_AT = 1024 * 1024;

let names: ReadonlySet<string> | undefined;

function submissionKeys(): ReadonlySet<string> {
  return (names ??= new Set(schemaFieldsOf('submission.schema.json').get('')?.properties ?? []));
}

export function isOtherMapping(file: string): boolean {
  const head = readHead(file, LOOKED_AT + 1);
  if (head === undefined || head.length > LOOKED_AT) return false;
  let data: unknown;
  try {
    data = load(head.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return false;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
  const keys = Object.keys(data);
  return keys.length > 0 && !keys.some((key) => submissionKeys().has(key));
}
