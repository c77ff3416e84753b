import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValueKind } from '../input/schema-validator';
import { SCHEMA_DIR } from '../paths';

interface SchemaNode {
  $ref?: string;
  'x-kind'?: ValueKind;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
}

/**
 * The typed scalar at each field of the submission schema, keyed by the path with list indexes
 * written `[]` (`major_decisions.items[].public_consultation.from`). Read from the schema itself,
 * so a field added there is normalised without code.
 */
function collectKinds(schema: SchemaNode): Map<string, ValueKind> {
  const kinds = new Map<string, ValueKind>();
  const resolve = (node: SchemaNode): SchemaNode => (node.$ref ? schema.definitions?.[node.$ref.replace('#/definitions/', '')] ?? node : node);
  const walk = (node: SchemaNode, path: string): void => {
    const target = resolve(node);
    if (target['x-kind']) kinds.set(path, target['x-kind']);
    for (const [name, child] of Object.entries(target.properties ?? {})) walk(child, path ? `${path}.${name}` : name);
    if (target.items) walk(target.items, `${path}[]`);
  };
  walk(schema, '');
  return kinds;
}

export const SUBMISSION_SCHEMA = 'submission.schema.json';
export const VALUE_KINDS: ReadonlyMap<string, ValueKind> = collectKinds(JSON.parse(readFileSync(join(SCHEMA_DIR, SUBMISSION_SCHEMA), 'utf8')) as SchemaNode);
