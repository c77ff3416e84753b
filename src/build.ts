/**
 * `npm run build`, after tsc: what every run would otherwise redo, done once. Writes the schemas' validators
 * (intake/schema-compiler.ts) and the proof of the bundled pack (pack/proved.ts); each is checked against the files
 * it was made from when a run uses it, and made again at run time when they differ.
 */
import { BUNDLED_PACK } from './core/paths';
import { writeValidators } from './intake/schema-compiler';
import { readInputBytes } from './intake/read-file';
import { definitionOf, provePack } from './pack/load';
import { rmSync } from 'node:fs';
import { PROVED_DIR, writeProof } from './pack/proved';

const validators = writeValidators();
// Proved here from the files, never from an earlier proof; the proofs of earlier builds go.
rmSync(PROVED_DIR, { recursive: true, force: true });
const pack = provePack(BUNDLED_PACK, readInputBytes(BUNDLED_PACK));
const proof = writeProof(pack.sha256, pack.source.sha256, definitionOf(pack));
process.stdout.write(`plancheck: ${validators.length} validators and the proof of ${pack.id} (${proof}) written\n`);
