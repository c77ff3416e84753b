/**
 * `npm run schemas`: writes schemas/rule-pack.schema.json's `definitions.check` from the check kinds' own schema
 * fragments (src/engine/kinds/*.ts, one `meta.schema` each). The rest of the file is written by hand; the pack
 * loader reads the file, and tests/kinds.test.ts fails when it differs from what the kinds say.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkDefinition } from '../../src/engine/kinds';

export const RULE_PACK_SCHEMA = join(__dirname, '..', '..', 'schemas', 'rule-pack.schema.json');

export const REGENERATE = 'npm run schemas';

/** The pack schema's text as the kinds write it: `text` (the file as it is) with its `definitions.check` drawn from the registry. */
export function generatedPackSchema(text: string = readFileSync(RULE_PACK_SCHEMA, 'utf8')): string {
  const schema = JSON.parse(text) as { definitions: Record<string, unknown> };
  schema.definitions.check = checkDefinition();
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (require.main === module) {
  const current = readFileSync(RULE_PACK_SCHEMA, 'utf8');
  const generated = generatedPackSchema(current);
  const name = relative(process.cwd(), RULE_PACK_SCHEMA);
  if (generated === current) {
    process.stdout.write(`${name}: up to date\n`);
  } else {
    writeFileSync(RULE_PACK_SCHEMA, generated);
    process.stdout.write(`${name}: written from the check kinds\n`);
  }
}
