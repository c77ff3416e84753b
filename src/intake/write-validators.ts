import { mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_DIR } from '../core/paths';
import { sha256Hex } from '../core/sha256';
import { configuredAjv } from './schema-compiler';
import { schemaText, VALIDATOR_DIR } from './schema-files';

/** `npm run build`: writes the generated validator of every schema of schemas/ (each written whole, then renamed). */
export function writeValidators(dir = VALIDATOR_DIR): string[] {
  const standaloneCode = (require('ajv/dist/standalone') as typeof import('ajv/dist/standalone')).default;
  mkdirSync(dir, { recursive: true });
  const names = readdirSync(SCHEMA_DIR).filter((name) => name.endsWith('.schema.json')).sort();
  for (const name of names) {
    const text = schemaText(name);
    const ajv = configuredAjv(true);
    const code = standaloneCode(ajv, ajv.compile(JSON.parse(text) as object));
    const target = join(dir, `${name}.js`);
    writeFileSync(`${target}.tmp`, `${code}\nmodule.exports.schemaSha256 = ${JSON.stringify(sha256Hex(text))};\n`);
    renameSync(`${target}.tmp`, target);
  }
  return names;
}
