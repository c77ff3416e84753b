import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The package's own folder, found from this file whether it runs from src/ (tests) or dist/ (the bin). */
function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`plancheck: package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PACKAGE_ROOT = findPackageRoot(__dirname);
export const SCHEMA_DIR = join(PACKAGE_ROOT, 'schemas');
export const BUNDLED_PACK = join(PACKAGE_ROOT, 'rules', 'hunan-hrss-2022-2025', 'pack.yaml');

/** The packs that come with plancheck, by their id: `--pack cn-national-baseline` names one (the default is the Hunan pack). */
export const BUNDLED_PACKS: Readonly<Record<string, string>> = {
  'hunan-hrss-fazhi-2022-2025': BUNDLED_PACK,
  'cn-national-baseline': join(PACKAGE_ROOT, 'rules', 'cn-national-baseline', 'pack.yaml'),
};

/** The pack.yaml of a bundled pack of this id, or undefined. */
export function bundledPackFile(id: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(BUNDLED_PACKS, id) ? BUNDLED_PACKS[id] : undefined;
}
