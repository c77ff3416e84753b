import type { Bilingual, Lang } from '../core/i18n';

/**
 * The one renderer type of every report, and the registry of a subject's formats.
 *
 * Reports are grouped by their subject, what they are a report of: `check/` (a check's findings), `review/` (a
 * provincial review), and later a catalogue of the rules, a submission template, notices, a pack's own tests. A
 * subject is a folder of `src/report/` with
 *
 *   - `index.ts`, its registry: one line per format, `name: { title, binary?, load }` (`formats()` below), from which
 *     it exports the names (for `--format`, `--report`; nothing is loaded to know them), a function that loads one
 *     format's renderer when it is asked for, and the map of its renderers for the library;
 *   - one file per format (`table.ts`, `json.ts`, `html.ts`…), exporting one `Renderer` of the subject's result;
 *   - anything the subject's formats share with each other alone (`check/view.ts`, `review/view.ts`).
 *
 * So a new format of a subject is one file and its line in that subject's registry; a new subject is a folder with its
 * `index.ts` and one file per format, and its command asks that registry. What formats share across subjects lies in
 * `kit/`, one file per format (`kit/html.ts`, `kit/markdown.ts`, `kit/csv.ts`, `kit/text.ts` for the terminal) plus
 * `kit/labels.ts` and `kit/view.ts` (the words every format uses); a subject never imports from another subject's
 * folder (.dependency-cruiser.cjs, `report-no-sibling-subject`), and `kit/` from no subject.
 *
 * A renderer returns its report whole or in chunks, as text or as bytes, at once or later: a string, a `Uint8Array`
 * (a workbook, a PDF), an iterable of chunks (a review of tens of thousands of rows, never one string in memory), an
 * async iterable, or a promise of any of these (exceljs's `writeBuffer()`). The writer (`cli/write-output.ts`)
 * awaits it, writes text as UTF-8 and bytes as they are, and keeps its guarantee whichever it is: an output is
 * complete or absent.
 */

/** One piece of a report: text (written as UTF-8) or bytes (written as they are). */
export type Chunk = string | Uint8Array;

/** A rendered report: whole, or in chunks that are written as they come, synchronously or not. */
export type Rendered = Chunk | Iterable<Chunk> | AsyncIterable<Chunk>;

/** Every format of every subject: a result (`CheckResult`, `ReviewResult`…) in a language, to a report. */
export type Renderer<R> = (result: R, lang: Lang) => Rendered | Promise<Rendered>;

/** One format in a subject's registry. */
export interface FormatSpec<R> {
  /** What the format is, in words, for help and messages. */
  readonly title?: Bilingual;
  /** True when it renders bytes that are not text (a workbook): not for a terminal. */
  readonly binary?: boolean;
  /** The renderer, loaded (its file and its libraries) only when this is called: `require('./html')`. */
  readonly load: () => Renderer<R>;
}

/** A subject's registry: its formats by name, in the order `--format` lists them. */
export type Formats<R> = Readonly<Record<string, FormatSpec<R>>>;

/** The renderer each format's `load` gives, as precisely as its file types it. */
export type RenderersOf<S extends Formats<never>> = { readonly [K in keyof S]: ReturnType<S[K]['load']> };

/** The names of a registry's formats in its order; nothing is loaded. */
export function formatNames<S extends Formats<never>>(formats: S): readonly (keyof S & string)[] {
  return Object.freeze(Object.keys(formats)) as readonly (keyof S & string)[];
}

/** The formats of a registry that render bytes (a workbook): never shown on a terminal. Nothing is loaded. */
export function binaryNames<S extends Formats<never>>(formats: S): readonly (keyof S & string)[] {
  return Object.freeze(Object.keys(formats).filter((name) => formats[name].binary === true)) as readonly (keyof S & string)[];
}

/**
 * The renderers of a registry as one map, each loaded when it is first read: the library's `RENDERERS.html(result,
 * 'zh')`, without loading every format when the registry is.
 */
export function renderersOf<S extends Formats<never>>(formats: S): RenderersOf<S> {
  const map = {};
  for (const name of Object.keys(formats)) Object.defineProperty(map, name, { enumerable: true, get: () => formats[name].load() });
  return Object.freeze(map) as RenderersOf<S>;
}
