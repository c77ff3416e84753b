import { Engine, type RuleResult } from 'json-rules-engine';
import { leavesOf, type CheckPath } from '../pack/check-tree';
import type { Check, Operator, Rule, RulePack } from '../pack/types';
import type { Submission } from '../submission/types';
import { inapplicable } from './applicability';
import { compileRule, factName } from './compile';
import { ALL_TRUE, GIVEN, NO_PROBLEMS, SETTLED } from './conditions';
import { measure, type MeasureContext } from './kinds';
import type { Observation, Undecided } from './observation';
import { allTrue, COMPARE, given, noProblems, OPERATOR_NAMES, settled } from './operators';

/** One leaf of a rule (the rule's one check of a kind, or a leaf of its composite) on one submission. */
export interface LeafOutcome {
  path: CheckPath;
  check: Check;
  observation: Observation;
  /** The engine's result for the leaf's condition; meaningless where the observation is undecided. */
  met: boolean;
}

/** A rule's outcome on one submission, before it is worded as a finding: every leaf, in the pack's order. */
export interface RuleOutcome {
  rule: Rule;
  leaves: LeafOutcome[];
  /** json-rules-engine's verdict on the rule as a whole; a composite's status is made from its leaves (findings/combine.ts). */
  met: boolean;
  /** Why the rule does not apply at all (another level, a year outside the plan), whatever its leaves. */
  inapplicable?: Undecided;
}

function buildEngine(pack: RulePack): Engine {
  // Every leaf's fact is given on every run, so an undefined fact is a bug, not missing data.
  const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: (value: object, path: string) => (value as Record<string, unknown>)[path] });
  for (const [operator, name] of Object.entries(OPERATOR_NAMES) as [Operator, string][]) {
    engine.addOperator<unknown, number>(name, (actual, expected) => COMPARE[operator](actual, expected));
  }
  engine.addOperator<unknown, boolean>(ALL_TRUE, (actual) => allTrue(actual));
  engine.addOperator<unknown, boolean>(NO_PROBLEMS, (actual) => noProblems(actual));
  engine.addOperator<unknown, boolean>(SETTLED, (actual) => settled(actual));
  engine.addOperator<unknown, boolean>(GIVEN, (actual, expected) => given(actual) === expected);
  for (const rule of pack.rules) engine.addRule(compileRule(rule));
  return engine;
}

/** A node of json-rules-engine's evaluated condition tree, as far as it is read here. */
interface EvaluatedNode {
  all?: EvaluatedNode[];
  any?: EvaluatedNode[];
  not?: EvaluatedNode;
  fact?: string;
  operator?: string;
  result?: boolean;
}

/** Each leaf condition's result in a rule's evaluated tree, by its fact (the guards of a `not` and a `first_given` left out). */
function leafResults(node: EvaluatedNode, into: Map<string, boolean>): void {
  for (const child of [...(node.all ?? []), ...(node.any ?? []), ...(node.not ? [node.not] : [])]) leafResults(child, into);
  if (node.fact !== undefined && node.operator !== SETTLED && node.operator !== GIVEN) into.set(node.fact, node.result === true);
}

/**
 * A pack's rules compiled once into a json-rules-engine Engine. Submissions are evaluated one at a time:
 * overlapping runs on one Engine can skip rules (json-rules-engine #303).
 */
export class PackEngine {
  private readonly engine: Engine;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly pack: RulePack,
    private readonly context: MeasureContext,
  ) {
    this.engine = buildEngine(pack);
  }

  evaluate(submission: Submission): Promise<RuleOutcome[]> {
    const run = this.queue.then(() => this.run(submission));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(submission: Submission): Promise<RuleOutcome[]> {
    const observations = new Map<string, Observation>();
    const leaves = new Map<string, { path: CheckPath; check: Check; fact: string }[]>();
    const blocked = new Map<string, Observation>();
    for (const rule of this.pack.rules) {
      // A rule for another level or year does not apply, whatever its leaves would say.
      const none = inapplicable(rule, this.pack, submission);
      if (none) blocked.set(rule.id, none);
      const ruleLeaves = leavesOf(rule.check).map((leaf) => ({ ...leaf, fact: factName(rule.id, leaf.path) }));
      for (const leaf of ruleLeaves) observations.set(leaf.fact, none ?? measure(leaf.check, submission, this.context));
      leaves.set(rule.id, ruleLeaves);
    }
    const { results, failureResults } = await this.engine.run(Object.fromEntries(observations));
    const met = new Map<string, boolean>();
    const leafMet = new Map<string, boolean>();
    for (const result of [...results, ...failureResults] as RuleResult[]) {
      met.set(result.name, result.result === true);
      leafResults(result.conditions as EvaluatedNode, leafMet);
    }
    // The engine answers in completion order; findings follow the pack's order.
    return this.pack.rules.map((rule) => ({
      rule,
      leaves: (leaves.get(rule.id) ?? []).map(({ path, check, fact }) => ({ path, check, observation: observations.get(fact) as Observation, met: leafMet.get(fact) === true })),
      met: met.get(rule.id) === true,
      ...(blocked.get(rule.id)?.undecided ? { inapplicable: blocked.get(rule.id)?.undecided } : {}),
    }));
  }
}
