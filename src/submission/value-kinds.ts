import { schemaFieldsOf, type ValueKind } from '../intake/schema-labels';

export const SUBMISSION_SCHEMA = 'submission.schema.json';

const FIELDS = schemaFieldsOf(SUBMISSION_SCHEMA);

/**
 * The typed scalar at each field of the submission schema, keyed by the path with list indexes
 * written `[]` (`major_decisions.items[].public_consultation.from`). Read from the schema itself,
 * so a field added there is normalised without code.
 */
const VALUE_KINDS: { get(general: string): ValueKind | undefined } = { get: (general) => FIELDS.get(general)?.kind };

/**
 * A field of the schema, to walk data with: its kind, its named fields and its records, each found once. A walk over
 * a submission of 2,000 records asks the same few dozen fields thousands of times; building and looking up their
 * general paths (`enforcement.decisions[].published_on`) for each node cost more than all the checks together.
 */
export class FieldNode {
  readonly kind: ValueKind | undefined;
  private readonly children = new Map<string, FieldNode>();
  private records: FieldNode | undefined;

  constructor(private readonly general: string) {
    this.kind = VALUE_KINDS.get(general);
  }

  /** The field `key` of this one (a name the schema does not have gives a node with no kind). */
  child(key: string): FieldNode {
    let node = this.children.get(key);
    if (!node) this.children.set(key, (node = new FieldNode(this.general ? `${this.general}.${key}` : key)));
    return node;
  }

  /** The records of this list. */
  items(): FieldNode {
    return (this.records ??= new FieldNode(`${this.general}[]`));
  }
}

/** The top of a submission, to walk it with (see FieldNode). */
export const SUBMISSION_FIELDS = new FieldNode('');
