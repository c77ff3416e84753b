/**
 * The schemas a person fills in speak Chinese: every field (every property at every depth, the records of a list,
 * the `{ value, source }` forms) has a Chinese title and description, their English, a Markdown description for the
 * editor, and examples that the field itself accepts. VS Code's YAML extension (yaml-language-server) shows `title`
 * and `markdownDescription` (else `description`) on hover, and `examples` on hover and in completion.
 */
import { readFileSync } from 'node:fs';
import type Ajv from 'ajv';
import { configuredAjv } from '../src/intake/schema-compiler';
import { DOCUMENTED_SCHEMAS, markdownOf, outsideCode, REGENERATE_DOCS, schemaPath } from './schemas/schema-docs';

interface Node {
  $id?: string;
  $ref?: string;
  title?: string;
  'x-title-en'?: string;
  description?: string;
  'x-description-en'?: string;
  markdownDescription?: string;
  examples?: unknown[];
  type?: string;
  enum?: unknown[];
  pattern?: string;
  'x-kind'?: string;
  properties?: Record<string, Node>;
  items?: Node;
  oneOf?: Node[];
  definitions?: Record<string, Node>;
}

/** A field of a schema: where it is (a JSON pointer) and its node. */
interface Field {
  pointer: string;
  node: Node;
}

/** Every property at every depth, every list's records, and the properties of the definitions' forms. */
function fieldsOf(schema: Node): Field[] {
  const fields: Field[] = [];
  const walk = (node: Node, pointer: string): void => {
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      fields.push({ pointer: `${pointer}/properties/${name}`, node: child });
      walk(child, `${pointer}/properties/${name}`);
    }
    if (node.items) {
      fields.push({ pointer: `${pointer}/items`, node: node.items });
      walk(node.items, `${pointer}/items`);
    }
    (node.oneOf ?? []).forEach((branch, i) => walk(branch, `${pointer}/oneOf/${i}`));
  };
  walk(schema, '');
  for (const [name, definition] of Object.entries(schema.definitions ?? {})) walk(definition, `/definitions/${name}`);
  return fields;
}

const CHINESE = /[\u4e00-\u9fff]/;
const LATIN_WORDS = /[A-Za-z]{3,}/;

/** The kind of typed scalar a field refers to (`x-kind` of its definition), if any. */
function kindOf(schema: Node, node: Node): string | undefined {
  const name = node.$ref?.replace('#/definitions/', '');
  return name ? schema.definitions?.[name]?.['x-kind'] : undefined;
}

/** What a field's description must say for a person to write the value, by the value's shape. */
function howToWrite(schema: Node, node: Node): string[] {
  const description = node.description ?? '';
  const missing: string[] = [];
  const says = (text: string | RegExp, what: string): void => {
    if (typeof text === 'string' ? !description.includes(text) : !text.test(description)) missing.push(what);
  };
  const kind = kindOf(schema, node);
  if (kind === 'flag') says(/true\s?[((]是[))]\s?或 false\s?[((]否[))]/, 'true(是)或 false(否)');
  if (kind === 'rate') says(/"\d+(\.\d+)?%" 或 0\.\d+|"\d+%" 或 1/, 'a rate as "93.5%" or 0.935');
  if (kind === 'count') says('整数', 'a whole number');
  if (kind === 'count') says('不加引号', 'no quotes');
  if (kind === 'date' || node.type === 'string' && (node as { format?: string }).format === 'date') says(/年-月-日,如 \d{4}-\d{2}-\d{2}/, 'a date as 2024-03-01');
  // A figure may carry its source: the description says how, and what it is for.
  if (kind && kind !== 'text') says(/\{ value: [^,]+, source: [^}]+\}/, '{ value, source }');
  if (kind && kind !== 'text') says('依据', 'what the source is for');
  if (node.type === 'array' && node.items?.properties) says('[]', 'none this year: []');
  if (node.pattern && /^\^\[0-9\]/.test(node.pattern)) says('加引号', 'digits in quotes');
  if (node.type === 'integer') says(/\d{4}|整数/, 'a whole number');
  for (const value of node.enum ?? []) says(String(value), `the choice ${String(value)}`);
  return missing;
}

/** What is wrong with the documentation of one schema's fields, one line each. */
function docProblems(name: string, schema: Node, ajv: Ajv): string[] {
  const problems: string[] = [];
  ajv.addSchema(schema as object, name);
  for (const { pointer, node } of fieldsOf(schema)) {
    const say = (what: string): void => void problems.push(`${name}#${pointer}: ${what}`);
    if (!node.title || !CHINESE.test(node.title)) say('no Chinese title');
    if (!node['x-title-en'] || !/[A-Za-z]/.test(node['x-title-en'])) say('no English title (x-title-en)');
    if (!node.description || !CHINESE.test(node.description)) say('no Chinese description');
    if (!node['x-description-en'] || !LATIN_WORDS.test(node['x-description-en'])) say('no English description (x-description-en)');
    if (node.description !== undefined && node.markdownDescription !== markdownOf(node.description)) say(`markdownDescription is not the description's (${REGENERATE_DOCS} writes it)`);
    if (node.markdownDescription !== undefined && /[*_[\]<>|\\#]/.test(outsideCode(node.markdownDescription))) say('markdownDescription has Markdown markup outside code');
    for (const what of howToWrite(schema, node)) say(`the description does not say how to write it: ${what}`);
    if (!Array.isArray(node.examples) || node.examples.length === 0) {
      say('no example');
      continue;
    }
    const validate = ajv.getSchema(`${name}#${pointer}`);
    if (!validate) throw new Error(`ajv cannot find ${name}#${pointer}`);
    node.examples.forEach((example, i) => {
      if (!validate(example)) say(`example ${i + 1} ${JSON.stringify(example)} is not valid for the field: ${ajv.errorsText(validate.errors)}`);
    });
  }
  return problems;
}

const read = (name: string): Node => JSON.parse(readFileSync(schemaPath(name), 'utf8')) as Node;

describe('the schemas a person fills in document every field in Chinese and English, with valid examples', () => {
  test.each(DOCUMENTED_SCHEMAS)('%s', (name) => {
    const schema = read(name);
    expect(fieldsOf(schema).length).toBeGreaterThan(name === 'submission.schema.json' ? 150 : 5);
    expect(docProblems(name, schema, configuredAjv())).toEqual([]);
  });

  test('the walk reaches the records of a list and the { value, source } forms, and catches what is missing or wrong', () => {
    const schema = read('submission.schema.json');
    const pointers = fieldsOf(schema).map((f) => f.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/properties/enforcement/properties/decisions/items', '/properties/enforcement/properties/decisions/items/properties/published_on', '/definitions/rate/oneOf/1/properties/source']));
    const decision = schema.properties?.enforcement.properties?.decisions.items as Node;
    const published = decision.properties?.published_on as Node;
    delete published.title;
    published.examples = ['2024-02-30', 'soon'];
    published.description = '决定向社会公开之日';
    const online = schema.properties?.services.properties?.online_handling_rate as Node;
    online.examples = [93.5];
    const problems = docProblems('submission.schema.json', schema, configuredAjv());
    const at = '#/properties/enforcement/properties/decisions/items/properties/published_on';
    expect(problems).toEqual(
      expect.arrayContaining([
        `submission.schema.json${at}: no Chinese title`,
        `submission.schema.json${at}: markdownDescription is not the description's (npm run schemas:docs writes it)`,
        `submission.schema.json${at}: the description does not say how to write it: a date as 2024-03-01`,
        `submission.schema.json${at}: the description does not say how to write it: { value, source }`,
        expect.stringMatching(new RegExp(`^submission\\.schema\\.json${at.replace(/[/$]/g, '\\$&')}: example 1 "2024-02-30" is not valid`)),
        expect.stringMatching(/online_handling_rate: example 1 93\.5 is not valid/),
      ]),
    );
  });

  test('the Markdown sets what one types as code and nothing else', () => {
    expect(markdownOf('写成 "93.5%" 或 0.935;要注明出处时写成 { value: true, source: 年度报告 一、(二) };本年度没有写 []')).toBe(
      '写成 `"93.5%"` 或 `0.935`;要注明出处时写成 `{ value: true, source: 年度报告 一、(二) }`;本年度没有写 `[]`',
    );
    expect(markdownOf('写 province(省级);旧名 legality_reviewed,如 MD-2023-01、2024-03-01')).toBe('写 `province`(省级);旧名 `legality_reviewed`,如 `MD-2023-01`、`2024-03-01`');
  });
});

describe('the renamed field is a single entry of the schema', () => {
  test('legality_review of a normative document names its old name, and the old name is no field of its own', () => {
    const record = read('submission.schema.json').properties?.normative_documents.properties?.items.items as Node & { properties: Record<string, Node & { 'x-renamed-from'?: string[] }> };
    expect(record.properties.legality_review['x-renamed-from']).toEqual(['legality_reviewed']);
    expect(record.properties.legality_reviewed).toBeUndefined();
  });
});
