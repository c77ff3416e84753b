import type { GeneratedValidator } from '../../intake/schema-files';
import { pageData } from './embedded';

/** intake/schema-files.ts in the page: the schemas' texts embedded by `plancheck page`. */

export const VALIDATOR_DIR = 'dist/validators';

export function schemaText(name: string): string {
  const text = pageData().schemas[name];
  if (text === undefined) throw new Error(`plancheck: the page has no schema ${name}`);
  return text;
}

/**
 * The submission schema's validator as `npm run build` generated it, bundled; it names the sha256 of the schema it
 * was made from, which schema-compiler.ts compares with the embedded text, as for the command line.
 */
export function generatedValidator(name: string): GeneratedValidator | undefined {
  if (name === 'submission.schema.json') return require('../../../dist/validators/submission.schema.json.js') as GeneratedValidator;
  return undefined;
}
