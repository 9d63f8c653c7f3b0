import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import { Database } from '../database/database.js';
import { CompiledRuleSet, type Decision, validateFacts } from '../engine/rules/index.js';
import { OutboxService } from '../webhooks/outbox.service.js';
import { DecisionsRepository } from './repositories/decisions.repository.js';
import { RuleSetsRepository } from './repositories/rule-sets.repository.js';
import { RulesError, RulesErrorCode } from './rules.errors.js';

export interface Evaluation extends Decision {
  key: string;
  version: number;
  /** The facts the rules saw. */
  facts: Record<string, unknown>;
}

export interface EvaluateOptions {
  /** Default: the active version. */
  version?: number;
  pickDeclared?: boolean;
  manager?: EntityManager;
}

function pickDeclared(schema: Record<string, unknown>, facts: Record<string, unknown>): Record<string, unknown> {
  const declared = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
  return Object.fromEntries(declared.filter((name) => facts[name] !== undefined).map((name) => [name, facts[name]]));
}

export interface RecordedDecision extends Evaluation {
  decisionId: string;
}

export interface DecisionRequest {
  key: string;
  facts: Record<string, unknown>;
  subject: { type: string; id: string };
  /** What asked, e.g. ai-system.registered or process:<instance>/<element>. */
  trigger: string;
  actor: Actor;
  pickDeclared?: boolean;
}

/**
 * Evaluates rule sets. Versions are immutable, so each is compiled once and cached by key and
 * version; which version is active is read from the database every time (another replica may
 * have activated a new one).
 */
@Injectable()
export class RuleEvaluator {
  private readonly compiled = new Map<string, CompiledRuleSet>();

  constructor(
    private readonly db: Database,
    private readonly ruleSets: RuleSetsRepository,
    private readonly decisions: DecisionsRepository,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
  ) {}

  async activeVersion(key: string, manager: EntityManager = this.db.manager): Promise<number> {
    const active = await this.ruleSets.activeVersion(manager, key);
    if (active === undefined) throw new RulesError(RulesErrorCode.RuleSetNotFound, `No rule set "${key}"`);
    if (active === null) throw new RulesError(RulesErrorCode.NoActiveVersion, `Rule set "${key}" has no active version`);
    return active;
  }

  async compiledVersion(key: string, version: number, manager: EntityManager = this.db.manager): Promise<CompiledRuleSet> {
    const cacheKey = `${key}@${version}`;
    const cached = this.compiled.get(cacheKey);
    if (cached) return cached;
    const row = await this.ruleSets.version(manager, key, version);
    if (!row) throw new RulesError(RulesErrorCode.VersionNotFound, `Rule set "${key}" has no version ${version}`);
    const compiled = CompiledRuleSet.compile(row.document);
    this.compiled.set(cacheKey, compiled);
    return compiled;
  }

  /**
   * Evaluates without storing anything; the facts are checked against the rule set's facts schema.
   * With `pickDeclared`, facts the rule set does not declare are left out first (a system's full
   * fact set fed to a rule set that reads a few of them).
   */
  async evaluate(key: string, given: Record<string, unknown>, options: EvaluateOptions = {}): Promise<Evaluation> {
    const version = options.version ?? (await this.activeVersion(key, options.manager));
    const compiled = await this.compiledVersion(key, version, options.manager);
    const facts = options.pickDeclared ? pickDeclared(compiled.document.factsSchema, given) : given;
    const issues = validateFacts(compiled.document.factsSchema, facts);
    if (issues.length) throw new RulesError(RulesErrorCode.InvalidFacts, `The facts do not match the facts schema of "${key}"`, issues);
    return { key, version, facts, ...(await compiled.evaluate(facts)) };
  }

  /** Evaluates with the active version and stores the decision in the caller's transaction. */
  async decide(manager: EntityManager, request: DecisionRequest): Promise<RecordedDecision> {
    const evaluation = await this.evaluate(request.key, request.facts, { manager, pickDeclared: request.pickDeclared });
    const decisionId = await this.decisions.insert(manager, {
      ruleSetKey: request.key,
      ruleSetVersion: evaluation.version,
      subjectType: request.subject.type,
      subjectId: request.subject.id,
      trigger: request.trigger,
      facts: evaluation.facts,
      outcome: evaluation.outcome,
      explanation: evaluation.explanation,
      actor: request.actor.subject,
      createdAt: this.clock.now(),
    });
    await this.outbox.publish(manager, {
      type: 'decision.recorded',
      subject: request.subject,
      data: {
        id: decisionId,
        ruleSet: request.key,
        version: evaluation.version,
        subject: request.subject,
        trigger: request.trigger,
        outcome: evaluation.outcome,
      },
    });
    return { ...evaluation, decisionId };
  }
}
