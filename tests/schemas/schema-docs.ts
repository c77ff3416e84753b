/**
 * `npm run schemas:docs`: writes the `markdownDescription` of every documented field of the schemas a person fills in
 * (submission, waivers, calendar) from its Chinese `description`. VS Code's YAML extension (yaml-language-server)
 * shows `markdownDescription` before `description` on hover and in completion; the Markdown is the description with
 * what one types (`true`, `"93.5%"`, `2024-03-01`, `{ value, source }`, `[]`, key names) set as code, so a reader
 * sees what to type, and nothing in it can turn into Markdown markup. tests/schema-docs.test.ts fails when a
 * `markdownDescription` is not the one written here from its description.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const SCHEMA_DIR = join(__dirname, '..', '..', 'schemas');

/** The schemas written for the people who fill in the files (the pack schema is for pack maintainers). */
export const DOCUMENTED_SCHEMAS = ['submission.schema.json', 'waivers.schema.json', 'calendar.schema.json'] as const;

export const REGENERATE_DOCS = 'npm run schemas:docs';

// What one types, in the order tried: a flow mapping, an empty list, a quoted text, a date, a word or code of ASCII
// letters (true, province, legality_review, MD-2023-01), a ratio.
const TYPED = /\{[^{}]*\}|\[\]|"[^"]*"|\d{4}-\d{2}-\d{2}|[A-Za-z][A-Za-z0-9_-]*|\b0\.\d+\b/g;

/** A Chinese description as Markdown: each thing one types set as code. */
export function markdownOf(description: string): string {
  return description.replace(TYPED, (typed) => `\`${typed}\``);
}

/** The text outside code spans, which must hold no Markdown markup. */
export function outsideCode(markdown: string): string {
  return markdown.replace(/`[^`]*`/g, '');
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// The schemas' own layout: two spaces, a list of plain values on one line, except `required` and `enum`, one a line.
const ONE_A_LINE = new Set(['required', 'enum']);

/** A schema as its file is laid out, so that writing one changes only what changed. */
export function schemaText(value: Json): string {
  const write = (node: Json, depth: number, key?: string): string => {
    const pad = '  '.repeat(depth);
    if (Array.isArray(node)) {
      if (node.length === 0) return '[]';
      if (node.every((item) => item === null || typeof item !== 'object') && !ONE_A_LINE.has(key ?? '')) return `[${node.map((item) => JSON.stringify(item)).join(', ')}]`;
      return `[\n${node.map((item) => `${pad}  ${write(item, depth + 1)}`).join(',\n')}\n${pad}]`;
    }
    if (node !== null && typeof node === 'object') {
      const entries = Object.entries(node);
      if (entries.length === 0) return '{}';
      return `{\n${entries.map(([name, child]) => `${pad}  ${JSON.stringify(name)}: ${write(child, depth + 1, name)}`).join(',\n')}\n${pad}}`;
    }
    return JSON.stringify(node);
  };
  return `${write(value, 0)}\n`;
}

/** Every documented node (one with `x-description-en`) given its `markdownDescription`, right after the English. */
export function withMarkdown(node: Json): Json {
  if (Array.isArray(node)) return node.map(withMarkdown);
  if (node === null || typeof node !== 'object') return node;
  const documented = typeof node.description === 'string' && typeof node['x-description-en'] === 'string';
  const out: { [key: string]: Json } = {};
  for (const [key, child] of Object.entries(node)) {
    if (key === 'markdownDescription' && documented) continue;
    // Examples are data, not schema: they are kept as written.
    out[key] = key === 'examples' ? child : withMarkdown(child);
    if (key === 'x-description-en' && documented) out.markdownDescription = markdownOf(node.description as string);
  }
  return out;
}

export function schemaPath(name: string): string {
  return join(SCHEMA_DIR, name);
}

if (require.main === module) {
  for (const name of DOCUMENTED_SCHEMAS) {
    const file = schemaPath(name);
    const text = readFileSync(file, 'utf8');
    const written = schemaText(withMarkdown(JSON.parse(text) as Json));
    if (written !== text) writeFileSync(file, written);
    process.stdout.write(`${relative(process.cwd(), file)}: ${written === text ? 'unchanged' : 'written'}\n`);
  }
}
