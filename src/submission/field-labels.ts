import { bi, type Bilingual, type Lang } from '../core/i18n';
import type { FieldPath } from '../intake/field-path';
import { schemaFieldsOf } from '../intake/schema-labels';
import { SUBMISSION_SCHEMA } from './value-kinds';

/**
 * The Chinese label (the schema's `title`) and the English one (`x-title-en`) of each field of a submission.
 * Read from the schema, so a field added there is labelled without code.
 */
const FIELDS = schemaFieldsOf(SUBMISSION_SCHEMA);

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
  const field = FIELDS.get(generalPath);
  return field?.title !== undefined ? bi(field.title, field.titleEn ?? generalPath.split('.').pop()?.replace(/\[\]$/, '') ?? generalPath) : undefined;
}

/**
 * A field as a clerk reads it: `enforcement.decisions[3].published_on` → 执法决定第 4 条的公开日期
 * (English: Enforcement decision 4, published on). Each leaf's title reads on its own; a record adds
 * its list's name and its number, counted from 1. A field the schema does not label keeps its own name.
 */
export function fieldLabel(path: FieldPath | string, lang: Lang): string {
  const parts = toParts(path);
  return FIELDS.label(parts, lang) ?? String(parts[parts.length - 1] ?? '');
}
