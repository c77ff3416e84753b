import type { PackDefinition, Rule, SourceDocument } from './types';

/**
 * The source texts of a pack, one way for both forms: a pack with one `source` (the Hunan plan) has one document,
 * under the pack's id, with the pack's title and document number; a pack with `sources` lists its own.
 */
export interface PackSource extends SourceDocument {
  /** Where the document's `file` is written in pack.yaml, for a problem's place. */
  path: (string | number)[];
}

export function packSources(pack: PackDefinition): PackSource[] {
  if (pack.sources) return pack.sources.map((source, index) => ({ ...source, path: ['sources', index] }));
  const source = pack.source ?? { file: '', sha256: '' };
  return [{ id: pack.id, file: source.file, sha256: source.sha256, title: pack.title.zh, document_number: pack.document_number ?? '', issued_on: pack.issued_on ?? '', path: ['source'] }];
}

/** The source a rule cites: the one named by its citation's `document`, or a single-source pack's only one. */
export function citedSource<S extends SourceDocument>(sources: readonly S[], rule: Rule): S | undefined {
  if (rule.citation.document === undefined) return sources.length === 1 ? sources[0] : undefined;
  return sources.find((source) => source.id === rule.citation.document);
}

/** The document numbers of a pack: its own, or its sources' joined (国务院令第711号、国务院令第713号). */
export function packDocumentNumber(pack: PackDefinition): string {
  return pack.document_number ?? (pack.sources ?? []).map((source) => source.document_number).join('、');
}

/** The document a rule cites, as a finding and the catalogue name it: 《title》 and its number. */
export function citedDocument(pack: PackDefinition, rule: Rule): { document: string; document_number: string } {
  const source = citedSource(packSources(pack), rule);
  return { document: `《${source?.title ?? pack.title.zh}》`, document_number: source?.document_number ?? packDocumentNumber(pack) };
}
