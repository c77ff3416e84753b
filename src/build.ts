/**
 * `npm run build`, after tsc: what every run would otherwise redo, done once. Writes the schemas' validators
 * (intake/schema-compiler.ts), the checked bundled phrasings of extraction (intake/extract/phrasings.ts) and the
 * proofs of the bundled packs (pack/proved.ts); each is checked against the files
 * it was made from when a run uses it, and made again at run time when they differ.
 */
import { BUNDLED_PACKS } from './core/paths';
import { writeValidators } from './intake/write-validators';
import { writeDigestedPhrasings } from './intake/extract/phrasings';
import { readInputBytes } from './intake/read-file';
import { definitionOf, provePack } from './pack/load';
import { rmSync } from 'node:fs';
import { PROVED_DIR, writeProof } from './pack/proved';
import { packSources } from './pack/sources';
import { buildPageBundle, PAGE_BUNDLE } from './build-page';

const validators = writeValidators();
writeDigestedPhrasings();
// Proved here from the files, never from an earlier proof; the proofs of earlier builds go.
rmSync(PROVED_DIR, { recursive: true, force: true });
// Every bundled pack, and every source text of each.
const proofs = Object.values(BUNDLED_PACKS).map((file) => {
  const pack = provePack(file, readInputBytes(file));
  const sources = Object.fromEntries(packSources(pack).map((source) => [source.id, source.sha256]));
  return `${pack.id} (${writeProof(pack.sha256, sources, definitionOf(pack))})`;
});
process.stdout.write(`plancheck: ${validators.length} validators, the phrasings and the proofs of ${proofs.join(', ')} written\n`);
// The self-check page's script, after the validators: it bundles the submission schema's.
buildPageBundle().then(
  (bytes) => process.stdout.write(`plancheck: the self-check page's script (${PAGE_BUNDLE}, ${bytes} bytes) written\n`),
  (error: unknown) => {
    process.stderr.write(`plancheck: the self-check page's script could not be bundled: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
