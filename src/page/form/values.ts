import { percentText } from '../../intake/xlsx-layout';

/**
 * How the form reads what is typed into a value, and shows a loaded value as text: the same readings the YAML and
 * xlsx intake make (a percentage is held as its text, "93.5%", which normalisation turns into the exact ratio; a
 * count is a number; a date is `YYYY-MM-DD`). What cannot be read as the field's kind is passed on as typed, so that
 * the submission's own check says what is wrong with it, with the CLI's message.
 */

/** The control a field gets, by the kind of value it holds. */
export type ControlKind = 'text' | 'number' | 'count' | 'rate' | 'date' | 'flag' | 'choice';

/** A decimal number as YAML reads one (no sign for a count: a negative count is left to the schema to refuse). */
const DECIMAL = /^[-+]?\d+(?:\.\d+)?$/;
const PERCENT = /^(\d+(?:\.\d+)?)%?$/;

/** Full-width digits, points and percent signs, as a Chinese input method types them, read as their ASCII forms. */
function asciiDigits(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * The value a control's text stands for; undefined when it is empty (not filled in: the field is left out).
 * A percentage typed with or without its sign (93.5, 93.5%, 93.5%) is the text "93.5%", as YAML holds `93.5%`.
 */
export function readTyped(kind: ControlKind, typed: string): unknown {
  const text = typed.trim();
  if (text === '') return undefined;
  switch (kind) {
    case 'count':
    case 'number': {
      const digits = asciiDigits(text);
      return DECIMAL.test(digits) ? Number(digits) : text;
    }
    case 'rate': {
      const match = PERCENT.exec(asciiDigits(text));
      return match ? `${match[1]}%` : text;
    }
    default:
      return text;
  }
}

/**
 * A loaded value as the control shows it: a rate written as a ratio (0.85) as its percentage (85%), a number as
 * its digits, a date or a text as written; anything else (a value of the wrong kind) as its JSON, so that it is seen.
 */
export function shownText(kind: ControlKind, value: unknown): string {
  if (kind === 'rate' && typeof value === 'number') return percentText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

/** A value as it is written with its source (`{ value, source }`), or as it is, with no source. */
export interface Sourced {
  value: unknown;
  source?: string;
}

/** Whether a written value is `{ value, source }` (and nothing else): then its parts fill the value and the 出处. */
export function unwrapSourced(written: unknown): Sourced {
  if (written === null || typeof written !== 'object' || Array.isArray(written)) return { value: written };
  const keys = Object.keys(written);
  const { value, source } = written as { value?: unknown; source?: unknown };
  if (keys.includes('value') && keys.every((key) => key === 'value' || key === 'source') && (source === undefined || typeof source === 'string')) {
    return source === undefined ? { value } : { value, source };
  }
  return { value: written };
}

/** A value with its source as the submission writes it: `{ value, source }` where a source is given, else the value. */
export function withSource(value: unknown, source: string): unknown {
  const text = source.trim();
  return text === '' ? value : { value, source: text };
}

/** A path's parts (`enforcement.decisions[2].decided_on` → enforcement, decisions, 2, decided_on). */
export function pathParts(path: string): (string | number)[] {
  return path.split('.').flatMap((part) => {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) return [part];
    const indexes = [...match[2].matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    return [...(match[1] ? [match[1]] : []), ...indexes];
  });
}

/** The value at a path of plain data; undefined where any step is absent. */
export function valueAt(data: unknown, parts: readonly (string | number)[]): unknown {
  let value = data;
  for (const part of parts) {
    if (value === null || typeof value !== 'object') return undefined;
    if (Array.isArray(value) !== (typeof part === 'number') || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

type Plain = Record<string, unknown>;

/** Sets a key of plain data; a key `__proto__` stays a key, as the parsed YAML keeps it, rather than setting the prototype. */
export function put(object: Plain, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function isPlain(value: unknown): value is Plain {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Sets a value at a path of objects (record lists are set whole, never through an index), making the objects on the way. */
export function setPath(data: Plain, parts: readonly string[], value: unknown): void {
  let node = data;
  for (const key of parts.slice(0, -1)) {
    if (!Object.hasOwn(node, key) || !isPlain(node[key])) put(node, key, {});
    node = node[key] as Plain;
  }
  put(node, parts[parts.length - 1], value);
}

/**
 * What a loaded submission holds besides the values the form shows (a field of another level, a key the schema does
 * not know): kept, so that nothing loaded is lost. `taken` are the paths the form took; an object all of whose keys
 * were taken is left out, an object that was empty as written is kept.
 */
export function remainder(data: unknown, taken: ReadonlySet<string>, prefix = ''): unknown {
  if (!isPlain(data)) return data;
  const rest: Plain = {};
  const keys = Object.keys(data);
  for (const key of keys) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (taken.has(path)) continue;
    const value = remainder(data[key], taken, path);
    if (isPlain(value) && Object.keys(value).length === 0 && isPlain(data[key]) && Object.keys(data[key] as Plain).length > 0) continue;
    put(rest, key, value);
  }
  return rest;
}

/** Adds what `extra` holds and `into` does not, deeply, after `into`'s own keys: the form's values come first, in the template's order. */
export function mergeMissing(into: Plain, extra: unknown): void {
  if (!isPlain(extra)) return;
  for (const [key, value] of Object.entries(extra)) {
    if (!Object.hasOwn(into, key)) put(into, key, value);
    else if (isPlain(into[key]) && isPlain(value)) mergeMissing(into[key] as Plain, value);
  }
}
