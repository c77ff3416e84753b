import { isExistingDate } from '../core/dates';
import { bi, type Bilingual } from '../core/i18n';

/**
 * The edits a pack's test case makes to its base submission (docs/pack-tests.md): the base moved to another reporting
 * year, a fragment deep-merged, values set and fields removed by dotted path. Pure data to data: what is built is read
 * afterwards exactly as `plancheck check` reads a file.
 */

export type Data = Record<string, unknown>;

export function isData(value: unknown): value is Data {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A copy that shares nothing with the original: a base serves many cases, and no case may change it for the next. */
export function copyData<T>(value: T): T {
  return structuredClone(value);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date moved by whole years; a 29 February with no counterpart in the target year becomes the 28th. */
function shiftDate(date: string, years: number): string {
  const moved = `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
  return isExistingDate(moved) ? moved : `${moved.slice(0, 8)}28`;
}

function shiftDates(value: unknown, years: number): unknown {
  if (typeof value === 'string' && ISO_DATE.test(value)) return shiftDate(value, years);
  if (Array.isArray(value)) return value.map((item) => shiftDates(item, years));
  if (isData(value)) return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, shiftDates(child, years)]));
  return value;
}

/**
 * The submission moved to another reporting year: `year` set, and every date in it moved by the same number of years,
 * so that its records stay inside the year it reports on (a base's year is the one it was written for).
 */
export function moveToYear(data: Data, year: number): Data {
  const from = typeof data.year === 'number' ? data.year : year;
  const moved = shiftDates(data, year - from) as Data;
  moved.year = year;
  return moved;
}

/** A fragment merged onto data: mappings key by key, anything else (a scalar, a list) replacing what is there. */
export function deepMerge(data: Data, fragment: Data): Data {
  const merged: Data = { ...data };
  for (const [key, value] of Object.entries(fragment)) {
    const before = Object.hasOwn(merged, key) ? merged[key] : undefined;
    // Defined, not assigned: a key `__proto__` in a fragment stays a key, as it is in the YAML.
    Object.defineProperty(merged, key, { value: isData(value) && isData(before) ? deepMerge(before, value) : copyData(value), enumerable: true, writable: true, configurable: true });
  }
  return merged;
}

/** What went wrong with one edit: said in words, for the case file's place of the edit. */
export interface EditProblem {
  message: Bilingual;
}

type Container = Data | unknown[];

/** A step of a dotted path: a list index where the node is a list, else a key. */
function stepInto(node: Container, key: string): { index: number } | { key: string } {
  return Array.isArray(node) ? { index: /^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : Number.NaN } : { key };
}

/** The node a path's last step applies to, mappings missing on the way created; or what stands in the way. */
/** Names that reach into a JavaScript object's machinery rather than the data: never a field of a submission. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function parentOf(data: Data, keys: readonly string[], path: string, create: boolean): { node: Container } | { problem: EditProblem } {
  const forbidden = keys.find((key) => FORBIDDEN.has(key));
  if (forbidden) return { problem: { message: bi(`路径 ${path} 中的 ${forbidden} 不是报送的字段`, `The path ${path}: ${forbidden} is not a field of a submission`) } };
  let node: Container = data;
  for (const [i, key] of keys.slice(0, -1).entries()) {
    const step = stepInto(node, key);
    const walked = keys.slice(0, i + 1).join('.');
    let child: unknown;
    if ('index' in step) {
      if (!(step.index >= 0 && step.index < (node as unknown[]).length)) return { problem: outOfRange(path, walked, (node as unknown[]).length) };
      child = (node as unknown[])[step.index];
    } else {
      child = Object.hasOwn(node, key) ? (node as Data)[key] : undefined;
      if (child === undefined || child === null) {
        if (!create) return { problem: absent(path) };
        child = {};
        (node as Data)[key] = child;
      }
    }
    if (!isData(child) && !Array.isArray(child)) {
      return { problem: { message: bi(`路径 ${path} 经过的 ${walked} 是单个值,不能再往下取`, `The path ${path} goes through ${walked}, which is a single value, not a mapping or a list`) } };
    }
    node = child;
  }
  return { node };
}

function outOfRange(path: string, list: string, length: number): EditProblem {
  return { message: bi(`路径 ${path} 中 ${list} 的序号超出列表范围(列表共 ${length} 项,序号从 0 起)`, `The path ${path}: ${list} is beyond the list (it has ${length} items, counted from 0)`) };
}

function absent(path: string): EditProblem {
  return { message: bi(`要删除的 ${path} 在报送中不存在(是否拼写有误?)`, `${path}, to be removed, is not in the submission (a typo?)`) };
}

/** Sets a value at a dotted path; a list index may name an item or the place just after the last (to add one). */
export function setAt(data: Data, path: string, value: unknown): EditProblem | undefined {
  const keys = path.split('.');
  const parent = parentOf(data, keys, path, true);
  if ('problem' in parent) return parent.problem;
  const last = keys[keys.length - 1];
  const { node } = parent;
  const step = stepInto(node, last);
  if ('index' in step) {
    const list = node as unknown[];
    if (!(step.index >= 0 && step.index <= list.length)) return outOfRange(path, keys.slice(0, -1).join('.'), list.length);
    list[step.index] = copyData(value);
  } else (node as Data)[last] = copyData(value);
  return undefined;
}

/** Deletes the field (or list item) at a dotted path; one that is not there is a misspelling, said so. */
export function removeAt(data: Data, path: string): EditProblem | undefined {
  const keys = path.split('.');
  const parent = parentOf(data, keys, path, false);
  if ('problem' in parent) return parent.problem;
  const last = keys[keys.length - 1];
  const { node } = parent;
  const step = stepInto(node, last);
  if ('index' in step) {
    const list = node as unknown[];
    if (!(step.index >= 0 && step.index < list.length)) return absent(path);
    list.splice(step.index, 1);
  } else {
    if (!Object.hasOwn(node, last)) return absent(path);
    delete (node as Data)[last];
  }
  return undefined;
}
