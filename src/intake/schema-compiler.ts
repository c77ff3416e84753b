import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { sha256Hex } from '../core/sha256';
import { generatedValidator, schemaText, VALIDATOR_DIR } from './schema-files';

export { VALIDATOR_DIR };

/**
 * The validators of schemas/. Compiling a schema with Ajv is most of what a cold `check` used to cost (about 200 ms
 * for the submission and pack schemas), so `npm run build` compiles each one to JavaScript (Ajv's standalone code,
 * `dist/validators/<schema>.js`) once, and a run loads that. A generated validator names the sha256 of the schema
 * text it was made from: when the schema has changed since (a schema edited without a build, or the tests, which
 * run from src/), the schema is compiled here as before. Either way the validator is the same, and so are its errors.
 */
/** The options every validator is made with: `verbose` keeps each error's schema, which the messages read. */
export function configuredAjv(source = false): Ajv {
  const AjvClass = (require('ajv') as typeof import('ajv')).default;
  const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;
  const ajv = new AjvClass({
    allErrors: true,
    verbose: true,
    strict: true,
    strictRequired: false,
    // Generated code requires the formats it uses from ajv-formats itself.
    ...(source ? { code: { source: true, formats: (require('ajv') as typeof import('ajv'))._`require("ajv-formats/dist/formats").fullFormats` } } : {}),
  });
  addFormats(ajv, ['date']);
  ajv.addKeyword({ keyword: 'x-kind', schemaType: 'string' });
  // The English label of a field; its Chinese label is the standard `title` (see submission/field-labels.ts).
  ajv.addKeyword({ keyword: 'x-title-en', schemaType: 'string' });
  // What to write, in English, beside the Chinese `description`; and the same in Markdown for editors that show it
  // on hover and completion (yaml-language-server prefers `markdownDescription` to `description`).
  ajv.addKeyword({ keyword: 'x-description-en', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'markdownDescription', schemaType: 'string' });
  // The names a field had before: a submission that writes one is read under the new name, with a notice.
  ajv.addKeyword({ keyword: 'x-renamed-from', schemaType: 'array' });
  // The Chinese meaning of each value of an enum, then other words a clerk may write for it (县 for county).
  ajv.addKeyword({ keyword: 'x-enum-zh', schemaType: 'object' });
  // The pack schema's marks of a property that names a submission field, and of set choices of one (pack/fields.ts).
  ajv.addKeyword({ keyword: 'x-submission-field', schemaType: 'object' });
  ajv.addKeyword({ keyword: 'x-submission-choices', schemaType: 'object' });
  return ajv;
}

/** A schema of schemas/ compiled now, as a run does when no generated validator matches it. */
export function compiledValidator(name: string): ValidateFunction {
  return configuredAjv(false).compile(JSON.parse(schemaText(name)) as object);
}

const validators = new Map<string, ValidateFunction>();

/** The validator of a schema of schemas/, the generated one when it was made from the schema as it is now. */
export function schemaValidator(name: string): ValidateFunction {
  let validate = validators.get(name);
  if (validate) return validate;
  const text = schemaText(name);
  const built = generatedValidator(name);
  validate = built?.schemaSha256 === sha256Hex(text) ? built : compiledValidator(name);
  validators.set(name, validate);
  return validate;
}
