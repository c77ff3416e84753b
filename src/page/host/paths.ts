/**
 * core/paths.ts in the page: the page has no package folder (it reads nothing by path). The bundled packs keep
 * their ids, which messages name; their paths are the package's own, relative to its folder.
 */
export const PACKAGE_ROOT = '.';
export const SCHEMA_DIR = 'schemas';
export const BUNDLED_PACK = 'rules/hunan-hrss-2022-2025/pack.yaml';

export const BUNDLED_PACKS: Readonly<Record<string, string>> = {
  'hunan-hrss-fazhi-2022-2025': BUNDLED_PACK,
  'cn-national-baseline': 'rules/cn-national-baseline/pack.yaml',
};

export function bundledPackFile(id: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(BUNDLED_PACKS, id) ? BUNDLED_PACKS[id] : undefined;
}
