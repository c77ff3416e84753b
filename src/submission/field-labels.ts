import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bi, type Bilingual, type Lang } from '../i18n';
import type { FieldPath } from '../input/field-path';
import { SCHEMA_DIR } from '../paths';
import { SUBMISSION_SCHEMA } from './value-kinds';

interface SchemaNode {
  $ref?: string;
  title?: string;
  'x-title-en'?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
}

/**
 * The Chinese label (the schema's `title`) and the English one (`x-title-en`) of each field, keyed by the path
 * with list indexes written `[]`. Read from the schema, so a field added there is labelled without code.
 */
function collectLabels(schema: SchemaNode): Map<string, Bilingual> {
  const labels = new Map<string, Bilingual>();
  const walk = (node: SchemaNode, path: string): void => {
    if (path && node.title) labels.set(path, bi(node.title, node['x-title-en'] ?? path.split('.').pop()?.replace(/\[\]$/, '') ?? path));
    for (const [name, child] of Object.entries(node.properties ?? {})) walk(child, path ? `${path}.${name}` : name);
    if (node.items) walk(node.items, `${path}[]`);
  };
  walk(schema, '');
  return labels;
}

const LABELS: ReadonlyMap<string, Bilingual> = collectLabels(JSON.parse(readFileSync(join(SCHEMA_DIR, SUBMISSION_SCHEMA), 'utf8')) as SchemaNode);

function toParts(path: FieldPath | string): (string | number)[] {
  if (typeof path !== 'string') return [...path];
  const parts: (string | number)[] = [];
  for (const piece of path.split('.')) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(piece);
    if (!match) {
      parts.push(piece);
      continue;
    }
    if (match[1]) parts.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) parts.push(Number(index[1]));
  }
  return parts;
}

/** The label of one general path (`enforcement.decisions[]`), or undefined when the schema gives none. */
export function labelOf(generalPath: string): Bilingual | undefined {
  return LABELS.get(generalPath);
}

/**
 * A field as a clerk reads it: `enforcement.decisions[3].published_on` → 执法决定第 4 条的公开日期
 * (English: enforcement decision 4: publication date). Each leaf's title reads on its own; a record adds
 * its list's name and its number, counted from 1. A field the schema does not label keeps its own name.
 */
export function fieldLabel(path: FieldPath | string, lang: Lang): string {
  const parts = toParts(path);
  const records: string[] = [];
  let general = '';
  for (const part of parts) {
    if (typeof part === 'number') {
      const list = LABELS.get(general)?.[lang] ?? general;
      records.push(lang === 'zh' ? `${list}第 ${part + 1} 条` : `${list} ${part + 1}`);
      general = `${general}[]`;
    } else {
      general = general ? `${general}.${part}` : part;
    }
  }
  const last = parts[parts.length - 1];
  if (typeof last === 'number') return records[records.length - 1] ?? '';
  const leaf = LABELS.get(general)?.[lang] ?? String(last ?? '');
  if (records.length === 0) return leaf;
  return lang === 'zh' ? `${records.join('')}的${leaf}` : `${records.join(', ')}: ${leaf}`;
}
