import { Engine, type EngineOptions, type RuleResult } from 'json-rules-engine';
import { type ConditionTemplate, conditionTemplate, explainConditions } from './explain.js';
import { type Contribution, type OutcomeBuilder, outcomeBuilder } from './outcome.js';
import type { Decision, FiredEvent, RuleDefinition, RuleExplanation, RuleSetDocument, ValidationIssue } from './types.js';
import { validateFacts, validateRuleSet } from './validate.js';

/**
 * Options of every engine built from a rule set. Facts come from optional AI system attributes, so
 * a missing fact is `undefined` rather than an error (see docs/rules.md, "Missing facts").
 * Compare against bare json-rules-engine only with these same options.
 */
export const ENGINE_OPTIONS: Readonly<EngineOptions> = Object.freeze({
  allowUndefinedFacts: true,
  allowUndefinedConditions: false,
  replaceFactsInEventParams: false,
});

export class RuleSetInvalidError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(`Invalid rule set: ${issues.map((issue) => `${issue.pointer || '/'} ${issue.message}`).join('; ')}`);
    this.name = 'RuleSetInvalidError';
  }
}

/**
 * json-rules-engine 7 keeps the run status on the Engine, not per run: when one of two
 * overlapping runs finishes it marks the engine FINISHED and the other skips its remaining rules
 * (observed: events lost under concurrent load). We never call engine.stop(), so the status is
 * pinned to RUNNING; everything else a run touches lives in its own Almanac.
 */
class ReentrantEngine extends Engine {
  get status(): string {
    return 'RUNNING';
  }

  set status(_ignored: string) {}
}

interface RuleMeta {
  definition: RuleDefinition;
  priority: number;
  index: number;
  template: ConditionTemplate;
}

/** A validated rule set with its engine built once; `evaluate` is safe to call concurrently. */
export class CompiledRuleSet {
  private readonly engine: Engine;
  private readonly meta = new Map<string, RuleMeta>();
  private readonly rules: RuleMeta[];
  private readonly buildOutcome: OutcomeBuilder;

  private constructor(readonly document: Readonly<RuleSetDocument>) {
    // The library mutates what it is given (condition priorities) and we keep the document for
    // explanations: it gets its own copy.
    const rules = structuredClone(document.rules).map(({ name, priority, conditions, event }) => ({ name, priority, conditions, event }));
    this.engine = new ReentrantEngine(rules, ENGINE_OPTIONS);
    const shared = document.sharedConditions ?? {};
    for (const [name, condition] of Object.entries(structuredClone(shared))) this.engine.setCondition(name, condition);
    this.rules = document.rules.map((definition, index) => ({
      definition,
      priority: definition.priority ?? 1,
      index,
      template: conditionTemplate(definition.conditions, shared),
    }));
    for (const meta of this.rules) this.meta.set(meta.definition.name, meta);
    this.buildOutcome = outcomeBuilder(
      document.outcome,
      document.rules.map((rule) => rule.event.params),
    );
  }

  /**
   * Every reason the document cannot be stored: its validation issues, or, when it validates, a
   * failure to build it or to evaluate it once on no facts (a version that cannot be evaluated is
   * never stored, let alone activated).
   */
  static async check(doc: unknown): Promise<ValidationIssue[]> {
    const issues = validateRuleSet(doc);
    if (issues.length) return issues;
    try {
      await new CompiledRuleSet(structuredClone(doc as RuleSetDocument)).evaluate({});
      return [];
    } catch (error) {
      return [{ pointer: '', message: `cannot be evaluated: ${error instanceof Error ? error.message : String(error)}` }];
    }
  }

  /** Validates and builds; throws RuleSetInvalidError (with every issue) if the document is invalid. */
  static compile(doc: RuleSetDocument): CompiledRuleSet {
    const issues = validateRuleSet(doc);
    if (issues.length > 0) throw new RuleSetInvalidError(issues);
    return new CompiledRuleSet(structuredClone(doc));
  }

  get key(): string {
    return this.document.key;
  }

  get kind(): string {
    return this.document.kind;
  }

  /** Issues with pointers under `base` (e.g. `/facts/useCases/0`); [] when the facts fit factsSchema. */
  validateFacts(facts: unknown, base = '/facts'): ValidationIssue[] {
    return validateFacts(this.document.factsSchema, facts, base);
  }

  async evaluate(facts: Record<string, unknown>): Promise<Decision> {
    const { results, failureResults } = await this.engine.run(facts);
    const events: FiredEvent[] = [];
    const contributions: Contribution[] = [];
    for (const result of results) {
      const { event } = result;
      const type = event?.type as string;
      const meta = this.meta.get(result.name) as RuleMeta;
      events.push(event?.params === undefined ? { type, rule: result.name } : { type, params: event.params, rule: result.name });
      contributions.push({ rule: result.name, priority: meta.priority, index: meta.index, params: event?.params });
    }
    return { outcome: this.buildOutcome(contributions), events, explanation: this.explain(results, failureResults) };
  }

  private explain(results: RuleResult[], failureResults: RuleResult[]): RuleExplanation[] {
    const byIndex: Array<RuleResult | undefined> = new Array(this.meta.size);
    for (const result of results) byIndex[(this.meta.get(result.name) as RuleMeta).index] = result;
    for (const result of failureResults) byIndex[(this.meta.get(result.name) as RuleMeta).index] = result;
    return this.rules.map(({ definition, priority, index, template }) => {
      const result = byIndex[index];
      const fired = result?.result === true;
      return {
        name: definition.name,
        description: definition.description,
        priority,
        fired,
        conditions: explainConditions(template, result?.conditions, result ? fired : undefined),
      };
    });
  }
}
