import { bi } from '../core/i18n';
import type { BareKey, ParsedDocument } from '../intake/format';
import { formatFieldPath, type FieldPath } from '../intake/field-path';
import { InputError, type InputProblem } from '../intake/problem';
import { schemaFieldsOf } from '../intake/schema-labels';
import { fieldLabel, labelOf } from './field-labels';
import type { SubmissionNotice } from './types';
import { SUBMISSION_SCHEMA } from './value-kinds';

/**
 * Fields the schema renamed (`x-renamed-from` on the field under its new name). A submission written before the
 * rename is still read: each old key is read as the new one, and the reader is told, at the old key's place, to use
 * the new name. The renames are data in the schema, so a later rename is one annotation and no code.
 */
interface RenameGroup {
  /** The object the renamed keys stand in, as steps: `['normative_documents', 'items', '[]']`. */
  steps: readonly string[];
  /** Old name → new name. */
  names: ReadonlyMap<string, string>;
}

/** `normative_documents.items[].legality_review` → `['normative_documents', 'items', '[]']` and `legality_review`. */
function splitGeneral(general: string): { steps: string[]; name: string } {
  const steps = general.match(/\[\]|[^.[\]]+/g) ?? [];
  return { steps: steps.slice(0, -1), name: steps[steps.length - 1] ?? '' };
}

function renameGroups(): RenameGroup[] {
  const groups = new Map<string, Map<string, string>>();
  for (const { path, from } of schemaFieldsOf(SUBMISSION_SCHEMA).renamed()) {
    const { steps, name } = splitGeneral(path);
    const key = steps.join('\u0000');
    const names = groups.get(key) ?? new Map<string, string>();
    for (const old of from) names.set(old, name);
    groups.set(key, names);
  }
  return [...groups].map(([key, names]) => ({ steps: key ? key.split('\u0000') : [], names }));
}

const GROUPS = renameGroups();

/** One old key found: where it is written, and the path it is read at. */
interface OldKey {
  old: FieldPath;
  now: FieldPath;
}

interface Found {
  renamed: OldKey[];
  /** Objects that write a field under both names. */
  both: OldKey[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The object with its old keys under their new names, in the order written; the same object when it has none. */
function renameKeys(value: unknown, path: FieldPath, names: ReadonlyMap<string, string>, found: Found): unknown {
  if (!isRecord(value)) return value;
  const olds = [...names.keys()].filter((old) => Object.hasOwn(value, old));
  if (olds.length === 0) return value;
  for (const old of olds) {
    const now = names.get(old) as string;
    (Object.hasOwn(value, now) ? found.both : found.renamed).push({ old: [...path, old], now: [...path, now] });
  }
  // Object.fromEntries keeps a key `__proto__` as a key, as the reader wrote it.
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [names.get(key) ?? key, child]));
}

/** Copies only the objects on the way to a renamed key; everything else is shared with the data as parsed. */
function rewrite(value: unknown, steps: readonly string[], path: FieldPath, names: ReadonlyMap<string, string>, found: Found): unknown {
  if (steps.length === 0) return renameKeys(value, path, names, found);
  const [step, ...rest] = steps;
  if (step === '[]') {
    if (!Array.isArray(value)) return value;
    let changed = false;
    const items = value.map((item: unknown, i) => {
      const next = rewrite(item, rest, [...path, i], names, found);
      changed ||= next !== item;
      return next;
    });
    return changed ? items : value;
  }
  if (!isRecord(value) || !Object.hasOwn(value, step)) return value;
  const child = value[step];
  const next = rewrite(child, rest, [...path, step], names, found);
  return next === child ? value : { ...value, [step]: next };
}

/** Maps paths between the names as written and the names as read, for the keys that were renamed. */
class PathMap {
  private readonly toOld = new Map<string, string>();
  private readonly toNew = new Map<string, string>();
  private readonly oldNames = new Set<string>();
  private readonly newNames = new Set<string>();

  constructor(renamed: readonly OldKey[]) {
    for (const { old, now } of renamed) {
      this.toOld.set(formatFieldPath(now), String(old[old.length - 1]));
      this.toNew.set(formatFieldPath(old), String(now[now.length - 1]));
      this.oldNames.add(String(old[old.length - 1]));
      this.newNames.add(String(now[now.length - 1]));
    }
  }

  private map(path: FieldPath, names: ReadonlySet<string>, table: ReadonlyMap<string, string>): FieldPath {
    // Most paths pass no renamed key: they are returned as they are, without formatting a prefix.
    if (!path.some((part) => typeof part === 'string' && names.has(part))) return path;
    const mapped = [...path];
    for (let i = 0; i < mapped.length; i++) {
      const part = mapped[i];
      if (typeof part !== 'string' || !names.has(part)) continue;
      const other = table.get(formatFieldPath(mapped.slice(0, i + 1)));
      if (other !== undefined) mapped[i] = other;
    }
    return mapped;
  }

  /** A path as read (`…legality_review`) → where it is written (`…legality_reviewed`). */
  written(path: FieldPath): FieldPath {
    return this.map(path, this.newNames, this.toOld);
  }

  /** A path as written → as read. */
  read(path: FieldPath): FieldPath {
    return this.map(path, this.oldNames, this.toNew);
  }
}

function bothProblem(parsed: ParsedDocument, { old, now }: OldKey): InputProblem {
  const [oldName, newName] = [String(old[old.length - 1]), String(now[now.length - 1])];
  const owner = old.slice(0, -1);
  const zhOwner = owner.length > 0 ? fieldLabel(owner, 'zh') : '报送文件';
  const enOwner = owner.length > 0 ? fieldLabel(owner, 'en') : 'The submission';
  return {
    file: parsed.file,
    at: parsed.locate(old, 'key'),
    field: formatFieldPath(old),
    label: bi(zhOwner, enOwner),
    message: bi(
      `${zhOwner}同时写了 ${oldName} 和 ${newName}:${oldName} 是 ${newName} 的旧名,两者只能写一个,请删去 ${oldName}`,
      `${enOwner} has both ${oldName} and ${newName}: ${oldName} is the old name of ${newName}, and only one may be written; delete ${oldName}`,
    ),
    expected: bi(`只写新名 ${newName}`, `${newName} only`),
  };
}

/** One notice per renamed field, at the first place its old name is written, with how many places there are. */
function renameNotices(parsed: ParsedDocument, renamed: readonly OldKey[]): SubmissionNotice[] {
  const byName = new Map<string, OldKey[]>();
  for (const use of renamed) {
    const key = `${String(use.old[use.old.length - 1])}\u0000${String(use.now[use.now.length - 1])}`;
    byName.set(key, [...(byName.get(key) ?? []), use]);
  }
  return [...byName.values()].map((uses) => {
    const [{ old, now }] = uses;
    const [oldName, newName] = [String(old[old.length - 1]), String(now[now.length - 1])];
    const label = labelOf(formatFieldPath(now).replace(/\[\d+\]/g, '[]'));
    const count = uses.length > 1 ? bi(`(本文件共 ${uses.length} 处)`, ` (${uses.length} places in this file)`) : bi('', '');
    return {
      code: 'renamed_field',
      message: bi(
        `字段 ${oldName}${label ? `(${label.zh})` : ''}已更名为 ${newName},本次仍按旧名读取,请改用新名${count.zh}`,
        `The field ${oldName}${label ? ` (${label.en})` : ''} is now called ${newName}; it was read under its old name this time; please write ${newName} instead${count.en}`,
      ),
      field: formatFieldPath(old),
      at: parsed.locate(old, 'key'),
    };
  });
}

/**
 * Reads every old name of a renamed field as its new name. The document returned has the data under the new names
 * and finds each renamed field at its old key, so problems and evidence point where the bureau wrote it. Both names
 * in one object is a mistake (which value counts?), refused with its place.
 */
export function readRenamedFields(parsed: ParsedDocument): { parsed: ParsedDocument; notices: SubmissionNotice[] } {
  const found: Found = { renamed: [], both: [] };
  let data = parsed.data;
  for (const group of GROUPS) data = rewrite(data, group.steps, [], group.names, found);
  if (found.both.length > 0) throw new InputError(found.both.map((both) => bothProblem(parsed, both)));
  if (found.renamed.length === 0) return { parsed, notices: [] };
  const paths = new PathMap(found.renamed);
  const bareKeys: BareKey[] = parsed.bareKeys.map((bare) => ({ ...bare, path: paths.read(bare.path) }));
  const { evidenceAt } = parsed;
  const read: ParsedDocument = {
    ...parsed,
    data,
    bareKeys,
    locate: (path, part) => parsed.locate(paths.written(path), part),
    scalarSource: (path) => parsed.scalarSource(paths.written(path)),
    ...(evidenceAt ? { evidenceAt: (path: FieldPath) => evidenceAt.call(parsed, paths.written(path)) } : {}),
  };
  return { parsed: read, notices: renameNotices(parsed, found.renamed) };
}
