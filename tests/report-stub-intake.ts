import { bi } from '../src/core/i18n';
import type { ParagraphPosition, Position } from '../src/core/place';
import { formatFieldPath, type FieldPath } from '../src/intake/field-path';
import { sha256Hex, type IntakeFormat, type ParsedDocument } from '../src/intake/format';

/**
 * A test-only intake for a draft drafted from a prose report, until the real report format is in the registry: what
 * extraction gives (values with the sentence each was read from, places that are paragraphs and sentences), written
 * as one field a line:
 *
 *     year = 2024
 *     services.online_handling_rate = 85% @3.2 | 全县政务服务事项网上可办率达85%。
 *     major_decisions.items.0.id = MD-1 @6.1 | …
 *
 * A value with `@paragraph.sentence | sentence` becomes `{ value, source: 第N段:<sentence> }` at that place, as the
 * extraction writes it; one without (the bureau and the year, from the title) is plain, at paragraph 1. `true` and
 * `false` are truths, nothing is a blank, a plain number is a number, anything else is text (`85%` a rate, as the YAML writes it).
 */

const LINE = /^([\w.]+)\s*=\s*(.*?)(?:\s*@(\d+)\.(\d+)\s*\|\s*(.+))?$/;

function scalar(text: string): string | number | boolean | null {
  // Nothing after `=` is a blank, as `name:` is in YAML: what extraction writes for a name the report does not give.
  if (text === '') return null;
  if (text === 'true' || text === 'false') return text === 'true';
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** `major_decisions.items.0.archived` → the field path, a record's number (from 0) as a list index. */
function pathOf(dotted: string): FieldPath {
  return dotted.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key));
}

function setAt(data: Record<string, unknown>, path: FieldPath, value: unknown): void {
  let node: Record<string | number, unknown> = data;
  path.slice(0, -1).forEach((key, i) => {
    node = (node[key] ??= typeof path[i + 1] === 'number' ? [] : {}) as Record<string | number, unknown>;
  });
  node[path[path.length - 1]] = value;
}

/** Reads a draft's text into a ParsedDocument whose origin is the report. */
export function parseReportDraft(file: string, text: string): ParsedDocument {
  const data: Record<string, unknown> = {};
  const places = new Map<string, ParagraphPosition>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = LINE.exec(line);
    if (!match) throw new Error(`${file}: line ${index + 1} is not "path = value [@p.s | sentence]"`);
    const [, dotted, value, paragraph, sentence, quoted] = match;
    const path = pathOf(dotted);
    if (quoted === undefined) {
      setAt(data, path, scalar(value));
      return;
    }
    setAt(data, path, { value: scalar(value), source: `第${paragraph}段:${quoted}` });
    places.set(formatFieldPath(path), { paragraph: Number(paragraph), sentence: Number(sentence) });
  });
  // A field's place, or its nearest placed ancestor's (`….value` of a `{value, source}`), else the report's title.
  const locate = (path: FieldPath): Position => {
    for (let n = path.length; n > 0; n--) {
      const place = places.get(formatFieldPath(path.slice(0, n)));
      if (place) return place;
    }
    return { paragraph: 1 };
  };
  return { file, sha256: sha256Hex(text), text, data, locate, evidenceAt: locate, scalarSource: () => undefined, bareKeys: [], plainNumbers: true, origin: 'report' };
}

/** The draft as an intake format of a run (`formats` of a check or review request), for files ending in `.draft`. */
export const reportDraftFormat: IntakeFormat = {
  id: 'report-draft',
  title: bi('报告草稿', 'report draft'),
  extensions: ['.draft'],
  parse: (file, bytes) => parseReportDraft(file, bytes.toString('utf8')),
};
