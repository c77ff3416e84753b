/**
 * The bundled pack is proved once by `npm run build` (src/pack/proved.ts): a run then uses that proof, but only for
 * the very bytes of pack.yaml and of its source it proved, and proves anything else again with every message.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_PACK, InputError, loadPack } from '../src';
import { BUNDLED_PACKS } from '../src/core/paths';
import { packSources } from '../src/pack/sources';
import { sha256Hex } from '../src/intake/format';
import { definitionOf, provePack } from '../src/pack/load';
import { provedPack, writeProof } from '../src/pack/proved';
import { ROOT, tempDir } from './helpers';

const PACK_DIR = join(BUNDLED_PACK, '..');

function copyOfPack(): string {
  const dir = join(tempDir(), 'pack');
  cpSync(PACK_DIR, dir, { recursive: true });
  return dir;
}

describe('packs proved at build time', () => {
  test('a proof gives the pack that proving it gives', () => {
    const bytes = readFileSync(BUNDLED_PACK);
    const proved = provePack(BUNDLED_PACK, bytes);
    const dir = tempDir();
    writeProof(proved.sha256, { [proved.id]: proved.source?.sha256 ?? '' }, definitionOf(proved), dir);
    const kept = JSON.parse(readFileSync(join(dir, `${proved.sha256}.json`), 'utf8')) as { definition: unknown };
    expect(kept.definition).toEqual(definitionOf(proved));
    expect(loadPack(BUNDLED_PACK)).toEqual(proved);
  });

  test('a proof is for the code that made it: the tests, running from src/, prove the pack themselves', () => {
    // The build's proof was made by dist/pack/*.js; these tests run src/pack/*.ts, another code.
    expect(provedPack(sha256Hex(readFileSync(BUNDLED_PACK)))).toBeUndefined();
  });

  test('the built plancheck uses the proof its build made of the bundled pack', () => {
    const script = "const { provedPack } = require('./dist/pack/proved'); const { sha256Hex } = require('./dist/intake/format'); const fs = require('fs'); process.stdout.write(String(provedPack(sha256Hex(fs.readFileSync('rules/hunan-hrss-2022-2025/pack.yaml'))) !== undefined));";
    expect(spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }).stdout).toBe('true');
  });

  test('the build proves every bundled pack, each against all its source texts', () => {
    const script = "const { provedPack } = require('./dist/pack/proved'); const { sha256Hex } = require('./dist/intake/format'); const fs = require('fs'); const p = provedPack(sha256Hex(fs.readFileSync('rules/cn-national-baseline/pack.yaml'))); process.stdout.write(JSON.stringify(p && Object.keys(p.sources)));";
    expect(spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }).stdout).toBe('["gov-info-disclosure","major-decision-procedure"]');
  });

  test('a proof of a pack with several sources gives the pack that proving it gives', () => {
    const file = BUNDLED_PACKS['cn-national-baseline'];
    const proved = provePack(file, readFileSync(file));
    const dir = tempDir();
    writeProof(proved.sha256, Object.fromEntries(packSources(proved).map((s) => [s.id, s.sha256])), definitionOf(proved), dir);
    const kept = JSON.parse(readFileSync(join(dir, `${proved.sha256}.json`), 'utf8')) as { definition: unknown; sources: Record<string, string> };
    expect(kept.definition).toEqual(definitionOf(proved));
    expect(kept.sources).toEqual({ 'gov-info-disclosure': sha256Hex(readFileSync(join(file, '..', 'government-information-disclosure-regulation-2019.md'))), 'major-decision-procedure': sha256Hex(readFileSync(join(file, '..', 'major-decision-procedure-regulation-2019.md'))) });
    expect(loadPack(file)).toEqual(proved);
  });

  test('a pack whose source was changed is refused, whatever proof there is of the same pack.yaml', () => {
    const dir = copyOfPack();
    writeFileSync(join(dir, 'source.txt'), `${readFileSync(join(dir, 'source.txt'), 'utf8')}\n改动。\n`);
    expect(() => loadPack(dir)).toThrow(InputError);
    try {
      loadPack(dir);
    } catch (error) {
      expect((error as InputError).problems[0].message.zh).toContain('原文文件的 sha256 与规则包记载的不一致');
    }
  });
});
