/**
 * `npm run schemas`: writes schemas/rule-pack.schema.json's `definitions.check` from the check kinds' own schema
 * fragments (src/engine/kinds/*.ts, one `meta.schema` each), and `definitions.rule_check` and `composite_check` (a
 * rule's check: one of a kind, or `all`/`any`/`not` over checks) with the rule's `check` pointing at them. The rest of
 * the file is written by hand; the pack loader reads the file, and tests/kinds.test.ts fails when it differs from what
 * the kinds say.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkDefinition, compositeCheckDefinition, ruleCheckDefinition } from '../../src/engine/kinds';

export const RULE_PACK_SCHEMA = join(__dirname, '..', '..', 'schemas', 'rule-pack.schema.json');

export const REGENERATE = 'npm run schemas';

/** The pack schema's text as the kinds write it: `text` (the file as it is) with its `definitions.check` drawn from the registry. */
export function generatedPackSchema(text: string = readFileSync(RULE_PACK_SCHEMA, 'utf8')): string {
  const schema = JSON.parse(text) as { definitions: Record<string, unknown> & { rule: { properties: Record<string, unknown> } } };
  // A rule's check is a check of a kind or a composite of them; both definitions are drawn from the code.
  schema.definitions.rule.properties.check = { $ref: '#/definitions/rule_check' };
  schema.definitions.check = checkDefinition();
  schema.definitions.rule_check = ruleCheckDefinition();
  schema.definitions.composite_check = compositeCheckDefinition();
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
