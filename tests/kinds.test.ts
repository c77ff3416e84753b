import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BUNDLED_PACK } from '../src/core/paths';
import { checkDefinition, KINDS, kindNamed, kindOf } from '../src/engine/kinds';
import { FIELD_NAME_PATTERNS } from '../src/engine/kinds/schema';
import { STATUSES } from '../src/findings/types';
import { SUBMISSION_CHOICES, SUBMISSION_CHOICES_META, SUBMISSION_FIELD, SUBMISSION_FIELD_META, type SubmissionChoices, type SubmissionField } from '../src/pack/fields';
import { leafChecks } from '../src/pack/check-tree';
import { loadPack } from '../src/pack/load';
import { checkJson, EXAMPLES, ROOT, SPEC_EXAMPLE } from './helpers';
import { generatedPackSchema, REGENERATE, RULE_PACK_SCHEMA } from './schemas/rule-pack-schema';

const pack = loadPack(BUNDLED_PACK);
const bundledKinds = [...new Set(pack.rules.flatMap((rule) => leafChecks(rule.check).map((check) => check.kind)))];

type Schema = { type?: string; additionalProperties?: boolean; required?: string[]; properties?: Record<string, { const?: unknown }> };

/** Ajv as the pack loader runs it (strict), knowing the field-proof annotations and holding them to their own schemas. */
function strictAjv(): Ajv {
  return addFormats(new Ajv({ strict: true, strictRequired: false }))
    .addKeyword({ keyword: SUBMISSION_FIELD, schemaType: 'object', metaSchema: SUBMISSION_FIELD_META })
    .addKeyword({ keyword: SUBMISSION_CHOICES, schemaType: 'object', metaSchema: SUBMISSION_CHOICES_META });
}

interface Node {
  type?: string;
  pattern?: string;
  properties?: Record<string, Node>;
  items?: Node;
  [SUBMISSION_FIELD]?: SubmissionField;
  [SUBMISSION_CHOICES]?: SubmissionChoices;
}

/** Each schema node of a fragment, in schema order (the order the field proof walks), with its place and its object's properties. */
function nodesOf(node: Node, at: string[] = [], siblings: Record<string, Node> = {}): { node: Node; at: string[]; siblings: Record<string, Node> }[] {
  return [
    { node, at, siblings },
    ...Object.entries(node.properties ?? {}).flatMap(([name, child]) => nodesOf(child, [...at, name], node.properties ?? {})),
    ...(node.items ? nodesOf(node.items, [...at, '[]'], siblings) : []),
  ];
}

describe('the registry of check kinds', () => {
  test.each(bundledKinds)('the bundled pack\'s kind %s has a definition', (kind) => {
    const definition = kindNamed(kind);
    expect(definition).toBeDefined();
    expect(definition?.kind).toBe(kind);
  });

  test('every rule of the bundled pack finds its own kind', () => {
    for (const check of pack.rules.flatMap((rule) => leafChecks(rule.check))) expect(kindOf(check).kind).toBe(check.kind);
  });

  test('each kind is registered once, and no name is taken for one', () => {
    const names = KINDS.map((k) => k.kind);
    expect(new Set(names).size).toBe(names.length);
    expect(kindNamed('toString')).toBeUndefined();
    expect(kindNamed('no_such_kind')).toBeUndefined();
  });
});

describe.each(KINDS.map((k) => [k.kind, k] as const))('the kind %s', (kind, definition) => {
  const { meta } = definition;

  test('says what it checks in both languages, one sentence', () => {
    for (const lang of ['zh', 'en'] as const) {
      expect(typeof meta.description[lang]).toBe('string');
      expect(meta.description[lang].trim().length).toBeGreaterThan(10);
      expect(meta.description[lang]).not.toMatch(/[.。]\s*\S/);
    }
  });

  test('names the statuses it can give, each a status of the contract and no waiver', () => {
    expect(meta.statuses.length).toBeGreaterThan(0);
    expect(new Set(meta.statuses).size).toBe(meta.statuses.length);
    for (const status of meta.statuses) expect(STATUSES).toContain(status);
    expect(meta.statuses).not.toContain('waived');
    // A rule for another level or year does not apply, whatever its kind.
    expect(meta.statuses).toContain('not_applicable');
  });

  test('has the schema of its check: its kind, what it requires, nothing else', () => {
    const schema = meta.schema as Schema;
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties?.kind).toEqual({ const: kind });
    expect(schema.required?.[0]).toBe('kind');
    for (const key of schema.required ?? []) expect(Object.keys(schema.properties ?? {})).toContain(key);
    expect(() => strictAjv().compile(meta.schema)).not.toThrow();
  });

  test('marks every property that names a submission field, so that the field proof needs no code of its own', () => {
    const nodes = nodesOf(meta.schema as Node);
    // A field path, a record field or a record id names a field: each says where and as what it is proved.
    const naming = nodes.filter(({ node, at }) => (node.type === 'string' && FIELD_NAME_PATTERNS.includes(node.pattern ?? '')) || at[at.length - 1] === 'record_id');
    expect(naming.length).toBeGreaterThan(0);
    for (const { node, at } of naming) expect({ at: at.join('.'), annotated: node[SUBMISSION_FIELD] !== undefined }).toEqual({ at: at.join('.'), annotated: true });
    // The scopes open before what is in them, once each; a sibling a shape or a choice depends on is there.
    const opened = new Set<string>();
    const proved = new Set<string>();
    for (const { node, at, siblings } of nodes) {
      const field = node[SUBMISSION_FIELD];
      const place = at.join('.');
      if (field) {
        expect({ place, type: node.type }).toEqual({ place, type: 'string' });
        if (field.scope !== 'top') expect({ place, scope: field.scope, open: opened.has(field.scope) }).toEqual({ place, scope: field.scope, open: true });
        if (field.opens) {
          expect({ place, opens: field.opens, again: opened.has(field.opens) }).toEqual({ place, opens: field.opens, again: false });
          expect({ place, shapes: field.shapes, scope: field.scope }).toEqual({ place, shapes: field.opens === 'records' ? ['list'] : ['group'], scope: field.opens === 'records' ? 'top' : 'records' });
          opened.add(field.opens);
        }
        if (field.shapesWhen) expect({ place, sibling: Object.keys(siblings).includes(field.shapesWhen.path.split('.')[0]) }).toEqual({ place, sibling: true });
        proved.add(place);
      }
      const choices = node[SUBMISSION_CHOICES];
      if (choices) {
        expect({ place, type: node.type, items: node.items?.type }).toEqual({ place, type: 'array', items: 'string' });
        // The field the values are choices of is proved before them.
        expect({ place, of: proved.has([...at.slice(0, -1), choices.of].join('.')) }).toEqual({ place, of: true });
      }
    }
  });

  test('its schema accepts the bundled pack\'s checks of the kind, and no check of another kind', () => {
    const validate = strictAjv().compile(meta.schema);
    for (const rule of pack.rules) {
      for (const check of leafChecks(rule.check)) {
        const valid = validate(check);
        expect({ rule: rule.id, valid, errors: valid ? null : validate.errors }).toEqual({ rule: rule.id, valid: check.kind === kind, errors: check.kind === kind ? null : expect.anything() });
      }
    }
  });
});

describe('schemas/rule-pack.schema.json', () => {
  test('its definitions.check is what the kinds write', () => {
    const current = readFileSync(RULE_PACK_SCHEMA, 'utf8');
    const generated = generatedPackSchema(current);
    const at = current.split('\n').findIndex((line, i) => line !== generated.split('\n')[i]);
    const state = generated === current ? 'up to date' : `differs from the check kinds (src/engine/kinds/*.ts) from line ${at + 1}: run \`${REGENERATE}\` to write it from them, and edit a kind's schema in its kind file, never in the JSON`;
    expect(`${relative(ROOT, RULE_PACK_SCHEMA)} ${state}`).toBe(`${relative(ROOT, RULE_PACK_SCHEMA)} up to date`);
  });

  test('lists each kind once, with its schema', () => {
    const definition = checkDefinition() as { properties: { kind: { enum: string[] } }; allOf: { if: Schema; then: unknown }[] };
    expect(definition.properties.kind.enum).toEqual(KINDS.map((k) => k.kind));
    expect(definition.allOf.map((branch) => branch.if.properties?.kind?.const)).toEqual(KINDS.map((k) => k.kind));
    expect(definition.allOf.map((branch) => branch.then)).toEqual(KINDS.map((k) => k.meta.schema));
  });
});

describe('a kind in one place', () => {
  /** Modules of src/ that may read a check's kind: the kinds themselves, and the pack layer below the engine. */
  const ALLOWED = /^src\/(engine\/kinds|pack)\//;

  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return sources(full);
      return entry.name.endsWith('.ts') ? [relative(ROOT, full).split('\\').join('/')] : [];
    });
  }

  test('nothing above the pack layer switches on a check\'s kind but the kinds and their registry', () => {
    const offending = sources(join(ROOT, 'src'))
      .filter((file) => !ALLOWED.test(file))
      .filter((file) => /\bcheck\.kind\b|switch \(\s*\w+\.check\.kind/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offending).toEqual([]);
  });

  test('the statuses the examples give are among those their rules\' kinds name', async () => {
    const files = [...readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')).map((f) => join(EXAMPLES, f)), SPEC_EXAMPLE];
    const { submissions } = await checkJson(files, '--exit-zero');
    const byRule = new Map(pack.rules.map((rule) => [rule.id, rule]));
    const seen = new Set<string>();
    for (const submission of submissions) {
      for (const finding of submission.findings) {
        const rule = byRule.get(finding.rule);
        expect(rule).toBeDefined();
        if (!rule) continue;
        // The bundled pack's rules are checks of a kind (composites are tests/composite-checks.test.ts's).
        const { meta, kind } = kindOf(leafChecks(rule.check)[0]);
        seen.add(`${kind}:${finding.status}`);
        expect({ rule: finding.rule, kind, status: finding.status, known: (meta.statuses as readonly string[]).includes(finding.status) }).toEqual({ rule: finding.rule, kind, status: finding.status, known: true });
      }
    }
    expect(seen.size).toBeGreaterThan(KINDS.length);
  });
});
