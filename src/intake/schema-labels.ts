import type { Lang } from '../core/i18n';
import { schemaText } from './schema-files';
import type { FieldPath } from './field-path';

/** The typed scalars of the schemas; `x-kind` on a definition names one, so an error can say what was expected. */
export type ValueKind = 'flag' | 'count' | 'rate' | 'date' | 'text';

/** How a value of each kind is written, as an example: in messages, and in the catalogue where a field gives none. */
export const KIND_EXAMPLE: Readonly<Record<ValueKind, string>> = { flag: 'true', count: '3', rate: '95%', date: '2024-03-01', text: '文字' };

/** The parts of a JSON Schema node that messages use. */
export interface SchemaNode {
  $ref?: string;
  title?: string;
  'x-title-en'?: string;
  description?: string;
  /** Names the field had before; a submission that still writes one is read as if it wrote this one. */
  'x-renamed-from'?: string[];
  'x-description-en'?: string;
  'x-kind'?: ValueKind;
  'x-enum-zh'?: Record<string, string[]>;
  enum?: unknown[];
  examples?: unknown[];
  minimum?: number;
  maximum?: number;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
}

/** One field of a schema, after following its `$ref`. */
export interface FieldSchema {
  /** Chinese label (`title`); absent in the schemas that are not written for a clerk. */
  title?: string;
  titleEn?: string;
  /** What to write and how, in the schema's language (Chinese where there is a `title`). */
  description?: string;
  /** The same in English (`x-description-en`), where the schema gives it. */
  descriptionEn?: string;
  kind?: ValueKind;
  /** Each enum value's Chinese meaning first, then other words that mean it. */
  enumZh?: Readonly<Record<string, readonly string[]>>;
  examples?: readonly unknown[];
  /** The values a field of set choices may take. */
  enum?: readonly unknown[];
  minimum?: number;
  maximum?: number;
  /** The names the field had before (`x-renamed-from`): read as this one, with a notice. */
  renamedFrom?: readonly string[];
  /** The property names of an object field, in schema order. */
  properties: readonly string[];
  /** Those of them a value of the field must have. */
  required?: readonly string[];
}

/** A schema's fields by general path: property names joined by dots, a list's records written `[]`. */
export interface SchemaFields {
  get(general: string): FieldSchema | undefined;
  /** Every general path whose last property is `name`, in schema order. */
  pathsNamed(name: string): string[];
  /**
   * A field as its reader knows it: `enforcement.decisions[3].published_on` → 执法决定第 4 条的公开日期
   * (English: Enforcement decision 4, published on); undefined when the schema gives the field no title.
   */
  label(path: FieldPath, lang: Lang): string | undefined;
  /** The schema labels its fields (the submission schema does; those written for developers do not). */
  titled: boolean;
  /** Every field the schema renamed, by general path, with the names it had before (`x-renamed-from`). */
  renamed(): { path: string; from: readonly string[] }[];
  /** Names of the definitions that are typed scalars (`x-kind`): their inner errors are said by one message. */
  kindDefinitions: ReadonlySet<string>;
}

/** `['enforcement', 'decisions', 3, 'id']` → `enforcement.decisions[].id` */
export function generalPath(path: FieldPath): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? '[]' : text ? `.${part}` : part;
  return text;
}

// Schemas nest definitions a few levels at most; the bound only stops a recursive `$ref` from looping.
const MAX_DEPTH = 12;

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

export function schemaFields(schema: SchemaNode): SchemaFields {
  const fields = new Map<string, FieldSchema>();
  const resolve = (node: SchemaNode): SchemaNode => {
    const target = node.$ref?.startsWith('#/definitions/') ? schema.definitions?.[node.$ref.slice('#/definitions/'.length)] : undefined;
    // Annotations beside a `$ref` (title, description) describe this use of the definition: they win.
    return target ? { ...target, ...node } : node;
  };
  const walk = (raw: SchemaNode, path: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const node = resolve(raw);
    fields.set(path, {
      // The whole document is named only by a schema that names it for a person too (`x-title-en`: 豁免文件).
      ...(node.title !== undefined && (path || node['x-title-en'] !== undefined) ? { title: node.title } : {}),
      ...(node['x-title-en'] !== undefined ? { titleEn: node['x-title-en'] } : {}),
      ...(node.description !== undefined && path ? { description: node.description } : {}),
      ...(node['x-description-en'] !== undefined && path ? { descriptionEn: node['x-description-en'] } : {}),
      ...(node['x-kind'] ? { kind: node['x-kind'] } : {}),
      ...(node['x-enum-zh'] ? { enumZh: node['x-enum-zh'] } : {}),
      ...(node.examples ? { examples: node.examples } : {}),
      ...(node.enum ? { enum: node.enum } : {}),
      ...(node.minimum !== undefined ? { minimum: node.minimum } : {}),
      ...(node.maximum !== undefined ? { maximum: node.maximum } : {}),
      ...(node['x-renamed-from'] ? { renamedFrom: node['x-renamed-from'] } : {}),
      properties: Object.keys(node.properties ?? {}),
      ...(node.required && node.required.length > 0 ? { required: node.required } : {}),
    });
    // A typed scalar's `{value, source}` form is not a field of its own.
    if (node['x-kind']) return;
    for (const [name, child] of Object.entries(node.properties ?? {})) walk(child, path ? `${path}.${name}` : name, depth + 1);
    if (node.items) walk(node.items, `${path}[]`, depth + 1);
  };
  walk(schema, '', 0);

  const titleOf = (general: string, lang: Lang): string | undefined => {
    const field = fields.get(general);
    return lang === 'zh' ? field?.title : (field?.titleEn ?? field?.title);
  };

  return {
    titled: [...fields.values()].some((field) => field.title !== undefined),
    kindDefinitions: new Set(Object.entries(schema.definitions ?? {}).filter(([, node]) => node['x-kind']).map(([name]) => name)),
    get: (general) => fields.get(general),
    renamed: () => [...fields].flatMap(([path, field]) => (field.renamedFrom ? [{ path, from: field.renamedFrom }] : [])),
    pathsNamed: (name) => [...fields.keys()].filter((path) => path === name || path.endsWith(`.${name}`)),
    label(path, lang) {
      const records: string[] = [];
      let general = '';
      for (const part of path) {
        if (typeof part === 'number') {
          const list = titleOf(general, lang) ?? general;
          records.push(lang === 'zh' ? `${list}第 ${part + 1} 条` : `${list} ${part + 1}`);
          general = `${general}[]`;
        } else {
          general = general ? `${general}.${part}` : part;
        }
      }
      if (typeof path[path.length - 1] === 'number') return records[records.length - 1];
      const leaf = titleOf(general, lang);
      if (leaf === undefined) return undefined;
      if (records.length === 0) return leaf;
      return lang === 'zh' ? `${records.join('')}的${leaf}` : `${records.join(', ')}, ${lowerFirst(leaf)}`;
    },
  };
}

const loaded = new Map<string, SchemaFields>();

/** The fields of a schema of `schemas/`, read once per process. */
export function schemaFieldsOf(name: string): SchemaFields {
  let fields = loaded.get(name);
  if (!fields) {
    fields = schemaFields(JSON.parse(schemaText(name)) as SchemaNode);
    loaded.set(name, fields);
  }
  return fields;
}
