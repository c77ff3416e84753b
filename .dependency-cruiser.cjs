'use strict';
/**
 * The layers of `src/` enforced (`tests/layers.test.ts`, run by `npm test`; `npx depcruise src` by hand).
 * The layers themselves are listed once, in docs/layers.cjs.
 */
const { LAYERS, selector } = require('./docs/layers.cjs');

/** One rule per pair of layers: nothing in a layer imports from a layer above it. */
const upward = LAYERS.flatMap((lower, low) =>
  LAYERS.slice(low + 1).map((higher, offset) => ({
    name: `upward-${lower.name}-to-${higher.name}`,
    comment: `${lower.name} (layer ${low + 1}) may not import from ${higher.name} (layer ${low + 2 + offset}), which is above it`,
    severity: 'error',
    from: selector(low),
    to: selector(low + 1 + offset),
  })),
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'no import cycle, type-only imports included', severity: 'error', from: {}, to: { circular: true } },
    { name: 'no-folder-cycle', comment: 'no two folders importing each other, whichever files do it', severity: 'error', scope: 'folder', from: {}, to: { circular: true } },
    ...upward,
    {
      name: 'report-no-sibling-subject',
      comment: 'a subject of src/report/ (check/, review/…) imports nothing from another subject: what formats share lies in report/kit/',
      severity: 'error',
      from: { path: '^src/report/([^/]+)/', pathNot: '^src/report/kit/' },
      to: { path: '^src/report/[^/]+/', pathNot: ['^src/report/$1/', '^src/report/kit/'] },
    },
    {
      name: 'report-kit-no-subject',
      comment: 'src/report/kit/ is shared by every subject and imports from none of them, nor from their registries',
      severity: 'error',
      from: { path: '^src/report/kit/' },
      to: { path: '^src/report/', pathNot: ['^src/report/kit/', '^src/report/renderer\\.ts$'] },
    },
  ],
  options: {
    includeOnly: '^src/',
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.build.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};
