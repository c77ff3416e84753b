import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT, SCHEMA_DIR } from '../core/paths';
import { TOOL } from '../core/version';
import { sha256Hex } from '../intake/format';
import type { PackDefinition } from './types';

/**
 * Packs proved at build time. Proving a pack (parsing its YAML, validating it, finding every quote in its source
 * after NFKC, checking every field it names) is the same work on every run for the same files, so `npm run build`
 * proves every bundled pack once and keeps what it proved, by the sha256 of pack.yaml. A run still reads pack.yaml
 * and its source and hashes both: the proof is used only for the same pack.yaml, the same source, the same schemas
 * and the same version of plancheck; anything else is proved again, with every message as before.
 */
export const PROVED_DIR = join(PACKAGE_ROOT, 'dist', 'packs');

/** What a proof holds: the definition as loaded, and every input the proof depended on. */
export interface ProvedPack {
  tool: string;
  /** The sha256 of the code that proved it (this folder's modules): a proof by other code is not this code's. */
  code: string;
  packSha256: string;
  /** The sha256 of each source text, by its id (a pack with one `source`: under the pack's id). */
  sources: Record<string, string>;
  schemas: Record<string, string>;
  definition: PackDefinition;
}

/** The schemas a pack's proof reads: its own, and the submission's (for the fields its rules name). */
const PROOF_SCHEMAS = ['rule-pack.schema.json', 'submission.schema.json'];

let schemaHashes: Record<string, string> | undefined;

function currentSchemas(): Record<string, string> {
  return (schemaHashes ??= Object.fromEntries(PROOF_SCHEMAS.map((name) => [name, sha256Hex(readFileSync(join(SCHEMA_DIR, name)))])));
}

let codeHash: string | undefined;

/** The code that proves a pack: every module of this folder, as it runs (dist/pack/*.js, or src/pack/*.ts in the tests). */
function provingCode(): string {
  if (codeHash === undefined) {
    const hash = createHash('sha256');
    for (const name of readdirSync(__dirname).filter((f) => /\.(js|ts)$/.test(f)).sort()) hash.update(name).update(readFileSync(join(__dirname, name)));
    codeHash = hash.digest('hex');
  }
  return codeHash;
}

function proofFile(packSha256: string, dir = PROVED_DIR): string {
  return join(dir, `${packSha256}.json`);
}

/**
 * The proof made at build time for these bytes of pack.yaml, by this code, against these schemas, or undefined. The
 * caller still holds each source to its sha256 in `sources`.
 */
export function provedPack(packSha256: string): ProvedPack | undefined {
  const file = proofFile(packSha256);
  if (!existsSync(file)) return undefined;
  let proof: ProvedPack;
  try {
    proof = JSON.parse(readFileSync(file, 'utf8')) as ProvedPack;
  } catch {
    return undefined;
  }
  const schemas = currentSchemas();
  const same = proof.tool === TOOL.version && proof.code === provingCode() && proof.packSha256 === packSha256 && PROOF_SCHEMAS.every((name) => proof.schemas[name] === schemas[name]);
  return same ? proof : undefined;
}

/** `npm run build`: keeps the proof of a pack that was just loaded (proved) from these bytes. */
export function writeProof(packSha256: string, sources: Record<string, string>, definition: PackDefinition, dir = PROVED_DIR): string {
  mkdirSync(dir, { recursive: true });
  const proof: ProvedPack = { tool: TOOL.version, code: provingCode(), packSha256, sources, schemas: currentSchemas(), definition };
  const target = proofFile(packSha256, dir);
  writeFileSync(`${target}.tmp`, `${JSON.stringify(proof)}\n`);
  renameSync(`${target}.tmp`, target);
  return target;
}
