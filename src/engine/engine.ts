import { Engine } from 'json-rules-engine';
import type { Operator, Rule, RulePack } from '../pack/types';
import type { Submission } from '../submission/types';
import { inapplicable } from './applicability';
import { compileRule } from './compile';
import { ALL_TRUE, NO_PROBLEMS } from './conditions';
import { measure, type MeasureContext } from './kinds';
import type { Observation } from './observation';
import { allTrue, COMPARE, noProblems, OPERATOR_NAMES } from './operators';

/** A rule's outcome on one submission, before it is worded as a finding. */
export interface RuleOutcome {
  rule: Rule;
  observation: Observation;
  /** The engine's verdict; meaningless where the observation is undecided. */
  met: boolean;
}

function buildEngine(pack: RulePack): Engine {
  // Every rule's fact is given on every run, so an undefined fact is a bug, not missing data.
  const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: (value: object, path: string) => (value as Record<string, unknown>)[path] });
  for (const [operator, name] of Object.entries(OPERATOR_NAMES) as [Operator, string][]) {
    engine.addOperator<unknown, number>(name, (actual, expected) => COMPARE[operator](actual, expected));
  }
  engine.addOperator<unknown, boolean>(ALL_TRUE, (actual) => allTrue(actual));
  engine.addOperator<unknown, boolean>(NO_PROBLEMS, (actual) => noProblems(actual));
  for (const rule of pack.rules) engine.addRule(compileRule(rule));
  return engine;
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
    for (const rule of this.pack.rules) {
      observations.set(rule.id, inapplicable(rule, this.pack, submission) ?? measure(rule.check, submission, this.context));
    }
    const { results, failureResults } = await this.engine.run(Object.fromEntries(observations));
    const met = new Map<string, boolean>();
    for (const result of [...results, ...failureResults]) met.set(result.name, result.result === true);
    // The engine answers in completion order; findings follow the pack's order.
    return this.pack.rules.map((rule) => ({ rule, observation: observations.get(rule.id) as Observation, met: met.get(rule.id) === true }));
  }
}
