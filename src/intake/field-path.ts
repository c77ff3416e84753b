/** A place in a parsed document: property names and list indexes. */
export type FieldPath = readonly (string | number)[];

/** `['major_decisions', 'items', 1, 'id']` → `major_decisions.items[1].id` */
export function formatFieldPath(path: FieldPath): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text ? `.${part}` : part;
  }
  return text;
}

/** Ajv's JSON pointer (`/major_decisions/items/1/id`) → the path parts. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^(0|[1-9][0-9]*)$/.test(part) ? Number(part) : part));
}

/** Reads a dot path (`a.b.c`) from plain data; undefined where any step is absent. */
export function getAt(data: unknown, dotPath: string): unknown {
  let value: unknown = data;
  for (const key of dotPath.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Whether parsed data holds a null anywhere (a blank, or a key cut short in `{ … }`). */
export function holdsNull(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (holdsNull(item)) return true;
    return false;
  }
  for (const key in value) if (holdsNull((value as Record<string, unknown>)[key])) return true;
  return false;
}
