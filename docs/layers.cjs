'use strict';
/**
 * The layers of `src/`, lowest first: the one list that `.dependency-cruiser.cjs` turns into rules, that
 * `tests/layers.test.ts` checks the tree and the README against, and that `npm run docs:layers` writes into the
 * README's "Layout" section.
 *
 * A module may import from its own layer or a lower one, never from a higher one; no import cycle at all.
 * `paths` are relative to `src/`: a folder ends with `/` and holds every module under it, a file names one module.
 * A file named in one layer and lying in a folder named in another belongs to the file's layer.
 */
const path = require('node:path');
const fs = require('node:fs');

const LAYERS = [
  {
    name: 'core',
    paths: ['core/'],
    role: 'what everything shares: bilingual text, exact decimal numbers, places in a file (`place.ts`), text that cannot act on the reader, date arithmetic, the order a person reads things in, where the bundled files lie, the version',
  },
  { name: 'intake', paths: ['intake/'], role: 'input files: one module per format behind one interface (`format.ts`, `registry.ts`, `yaml.ts`, `json.ts`), the folder walk that asks the registry, safe reading, and schema errors a person can act on' },
  { name: 'calendar', paths: ['calendar/'], role: 'working days and holiday calendars' },
  { name: 'pack', paths: ['pack/'], role: 'load and prove a rule pack; `units.ts` writes its quantities and requirements' },
  { name: 'submission', paths: ['submission/'], role: 'read, validate, normalise a submission' },
  { name: 'engine', paths: ['engine/'], role: 'one json-rules-engine rule per target, one file per check kind (what it is beside what it measures), strict operators' },
  { name: 'findings', paths: ['findings/'], role: 'status, messages, evidence, and the shape of a waiver a finding carries (`findings/waiver-types.ts`)' },
  { name: 'waivers', paths: ['waivers/'], role: 'approved exceptions' },
  { name: 'run', paths: ['run/'], role: 'what `check`, `review` and `notices` do, as library functions that return a result and its exit status: load the packs, evaluate (`review/`: the worker pool, the compact rows, the matrix, the year-over-year comparison), apply waivers' },
  { name: 'report', paths: ['report/'], role: 'one renderer type (`renderer.ts`); a folder per subject (`check/`, `review/`, `notice/`…), each with its registry and one file per format; what formats share in `kit/` (the PDF printer, `kit/pdf.ts`, among them)' },
  { name: 'entry', paths: ['index.ts', 'cli/', 'build.ts'], role: 'the library\'s exports, the command line (flags, lazy commands, writing outputs), and what `npm run build` makes once (`build.ts`: the validators, the proof of the bundled pack)' },
  { name: 'page', paths: ['page/'], role: 'the self-check page\'s script, bundled for a browser by `npm run build` (`app.ts`: a file or the form\'s data → the same intake, Checker and report renderer as `check`), and `host/`: the page\'s stand-ins for the few modules that read files or use Node, each the same interface over the data `plancheck page` embeds; nothing imports it' },
];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The regular expression (dependency-cruiser's `path`) for one entry of `paths`, from the repository root. */
function pattern(entry) {
  return entry.endsWith('/') ? `^src/${escape(entry)}` : `^src/${escape(entry)}$`;
}

/** The entries of other layers that lie inside an entry of this layer: their modules are not this layer's. */
function carvedOut(index) {
  const own = LAYERS[index].paths.filter((entry) => entry.endsWith('/'));
  return LAYERS.flatMap((layer, other) =>
    other === index ? [] : layer.paths.filter((entry) => own.some((folder) => entry !== folder && entry.startsWith(folder))),
  );
}

/** `{ path, pathNot }` selecting the modules of one layer, for a dependency-cruiser rule's `from` or `to`. */
function selector(index) {
  const not = carvedOut(index);
  return { path: LAYERS[index].paths.map(pattern), ...(not.length > 0 ? { pathNot: not.map(pattern) } : {}) };
}

/** The index of the layer a module (`src/…`, as dependency-cruiser names it) belongs to, or -1. */
function layerOf(modulePath) {
  const relative = modulePath.replace(/^src\//, '');
  let best = -1;
  let bestLength = -1;
  LAYERS.forEach((layer, index) => {
    for (const entry of layer.paths) {
      const hit = entry.endsWith('/') ? relative.startsWith(entry) : relative === entry;
      if (hit && entry.length > bestLength) [best, bestLength] = [index, entry.length];
    }
  });
  return best;
}

const START = '<!-- layers: written by `npm run docs:layers` from docs/layers.cjs; edit there -->';
const END = '<!-- /layers -->';

/** The README's layout section, between its markers, drawn from `LAYERS`. */
function readmeSection() {
  const code = (entry) => `\`${entry}\``;
  const rows = LAYERS.map((layer, index) => `| ${index + 1} | ${layer.name} | ${layer.paths.map(code).join(', ')} | ${layer.role} |`);
  return [
    START,
    '`src/` is in layers, lowest first. A module imports only from its own layer or a lower one, and no import makes a',
    'cycle; `npm test` checks both with dependency-cruiser (`.dependency-cruiser.cjs`, `tests/layers.test.ts`), and every',
    'module of `src/` must be in a layer. A file named in a layer belongs there even inside another layer\'s folder.',
    '',
    '| | layer | `src/` | holds |',
    '|---|---|---|---|',
    ...rows,
    END,
  ].join('\n');
}

const README = path.join(__dirname, '..', 'README.md');

/** The section as the README has it now, or undefined without its markers. */
function readmeSectionInFile(text = fs.readFileSync(README, 'utf8')) {
  const start = text.indexOf(START.slice(0, 12));
  const end = text.indexOf(END);
  return start < 0 || end < start ? undefined : text.slice(start, end + END.length);
}

function writeReadme() {
  const text = fs.readFileSync(README, 'utf8');
  const current = readmeSectionInFile(text);
  if (current === undefined) throw new Error(`README.md has no ${START.slice(0, 12)} … ${END} markers`);
  fs.writeFileSync(README, text.replace(current, () => readmeSection()));
}

module.exports = { LAYERS, pattern, selector, layerOf, readmeSection, readmeSectionInFile };

if (require.main === module) writeReadme();
