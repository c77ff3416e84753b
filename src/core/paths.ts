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
