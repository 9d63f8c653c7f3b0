import { Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import { type Page, page } from '../common/pagination.js';
import { str } from '../common/variables.js';
import { Database } from '../database/database.js';
import { HandlerRegistry } from '../processes/handlers/handler-registry.js';
import { ProcessEngineService } from '../processes/runtime/process-engine.service.js';
import { type ActivatedRuleSet, RuleSetsService } from '../rules/rule-sets.service.js';
import { SimulationService } from '../rules/simulation.service.js';
import { CLASSIFYING_RULE_SETS, SystemClassifier, systemFacts } from '../rules/system-classifier.js';
import { OutboxService } from '../webhooks/outbox.service.js';
import { AiSystemChangeHooks } from './ai-system-change-hooks.js';
import { AiSystemLifecycle } from './ai-system-lifecycle.service.js';
import { AiSystemError, AiSystemErrorCode } from './ai-systems.errors.js';
import { AttributeSchema } from './attribute-schema.js';
import { type AiSystemQueryDto, type CreateAiSystemDto, ORGANISATION_ROLES, type RetireAiSystemDto, type UpdateAiSystemDto } from './dto/ai-system.dto.js';
import { type AiSystemDto, toAiSystemDto } from './dto/ai-system-response.dto.js';
import { AI_SYSTEM_STATUSES, AiSystemEntity, type AiSystemStatus, type ModelRef } from './entities/ai-system.entity.js';
import { type AiSystemChange, AiSystemsRepository } from './repositories/ai-systems.repository.js';
import { SubjectTypes } from '../processes/subjects/subject-types.js';

/** An AI system as other modules read it. */
export type AiSystemRecord = Readonly<AiSystemEntity>;

/** Fields whose change is recorded in the audit trail's before/after. */
const TRACKED_FIELDS = [
  'name',
  'description',
  'intendedPurpose',
  'owner',
  'roles',
  'model',
  'thirdParty',
  'attributes',
  'status',
  'riskClass',
  'legalBasis',
  'requiredControls',
] as const;

/** Changing one of these re-runs classification and required controls in the same transaction. */
const CLASSIFICATION_INPUTS: string[] = ['roles', 'thirdParty', 'attributes'];
const RECLASSIFY_BATCH = 500;

function snapshot(system: AiSystemRecord): Record<string, unknown> {
  return Object.fromEntries(TRACKED_FIELDS.map((field) => [field, system[field] ?? null]));
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = changedFields(before, after);
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
}

/** JSON merge patch (RFC 7386) of one level: null removes an attribute. */
function mergeAttributes(current: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

function parseIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const match = header.match(/^(?:W\/)?"?(\d+)"?$/);
  if (!match)
    throw new AiSystemError(AiSystemErrorCode.InvalidIfMatch, `If-Match must be the ETag you read, e.g. "3"; got ${header}`, [
      { pointer: '', message: 'If-Match must be an ETag such as "3"' },
    ]);
  return Number(match[1]);
}

/**
 * The AI system register. Every write to a system goes through `lockForChange` and the repository's
 * `update`, so it moves the version (the ETag) and follows the lock order of docs/adr/0004: the
 * system's running process instances first, then its row.
 */
@Injectable()
export class AiSystemsService implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly systems: AiSystemsRepository,
    private readonly audit: AuditTrailService,
    private readonly attributeSchema: AttributeSchema,
    private readonly clock: Clock,
    private readonly classifier: SystemClassifier,
    private readonly outbox: OutboxService,
    private readonly lifecycle: AiSystemLifecycle,
    private readonly changeHooks: AiSystemChangeHooks,
    private readonly handlers: HandlerRegistry,
    private readonly subjectTypes: SubjectTypes,
    private readonly engine: ProcessEngineService,
    private readonly ruleSets: RuleSetsService,
    private readonly simulation: SimulationService,
  ) {}

  onModuleInit(): void {
    this.subjectTypes.register('ai-system', async (m, id) => (await this.systems.find(m, id))?.name);
    this.handlers.register(
      'ai-system.load-facts',
      'Puts the system’s facts into the variables: every attribute, roles, thirdParty, riskClass, impactLevel, owner, systemName (input: systemId).',
      async (vars, ctx) => {
        const system = await this.find(ctx.manager, str(vars.systemId) ?? ctx.subject.id);
        return { ...systemFacts(system), owner: system.owner, systemName: system.name, systemId: system.id };
      },
    );
    this.handlers.register(
      'ai-system.set-status',
      `Sets the system’s status (input: systemId, status — ${AI_SYSTEM_STATUSES.join(', ')}), audited and announced as ai-system.status-changed.`,
      async (vars, ctx) => {
        const status = (str(ctx.params.status) ?? str(vars.status)) as AiSystemStatus;
        await this.setStatus(ctx.manager, str(vars.systemId) ?? ctx.subject.id, status, ctx.actor);
      },
    );
    this.handlers.register(
      'ai-system.confirm-roles',
      'Replaces the system’s roles with the confirmed `roles` (a non-empty list; otherwise nothing changes), re-classified and audited like any change (input: systemId, roles).',
      (vars, ctx) => this.confirmRoles(ctx.manager, str(vars.systemId) ?? ctx.subject.id, vars.roles, ctx.actor),
    );
    this.ruleSets.onActivated((m, activated) => this.reclassifyAll(m, activated));
    this.simulation.useSubjects({
      count: () => this.systems.countNotRetired(this.db.manager),
      page: (afterId, limit) => this.factsPage(afterId, limit),
    });
  }

  /** Systems not retired with the facts the rules read about them, ordered by id, after `afterId` (simulations, obligations). */
  async factsPage(afterId: string, limit: number): Promise<Array<{ id: string; name: string; facts: Record<string, unknown> }>> {
    return (await this.systems.factsPage(this.db.manager, afterId, limit)).map((row) => ({
      id: row.id,
      name: row.name,
      facts: systemFacts({
        attributes: row.attributes,
        roles: row.roles,
        thirdParty: row.third_party,
        riskClass: row.risk_class,
        impactLevel: row.impact_level,
      }),
    }));
  }

  async register(dto: CreateAiSystemDto, actor: Actor): Promise<AiSystemDto> {
    const attributes = dto.attributes ?? {};
    this.assertValidAttributes(attributes);
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const draft = {
        id: randomUUID(),
        name: dto.name,
        description: dto.description ?? null,
        intendedPurpose: dto.intendedPurpose,
        owner: dto.owner ?? actor.subject,
        roles: dto.roles,
        model: dto.model ? { ...dto.model } : null,
        thirdParty: dto.thirdParty ?? false,
        attributes,
        status: 'registered' as const,
        impactLevel: null,
        createdBy: actor.subject,
        createdAt: now,
        updatedAt: now,
        retiredAt: null,
      };
      const classification = await this.classifier.classify(m, draft.id, draft, actor, 'ai-system.registered');
      const system = await this.systems.insert(m, Object.assign(new AiSystemEntity(), draft, classification));
      await this.audit.append(m, actor, { action: 'ai-system.registered', subjectType: 'ai-system', subjectId: system.id, after: snapshot(system) });
      await this.outbox.publish(m, {
        type: 'ai-system.registered',
        subject: { type: 'ai-system', id: system.id },
        data: { id: system.id, name: system.name, riskClass: system.riskClass, status: system.status, owner: system.owner },
      });
      await this.lifecycle.startOnboarding(m, system, actor);
      return toAiSystemDto(system);
    });
  }

  async list(query: AiSystemQueryDto): Promise<Page<AiSystemDto>> {
    const [items, total] = await this.systems.list(this.db.manager, query);
    return page(items.map(toAiSystemDto), total, query);
  }

  /** The JSON Schema attributes are validated against, for clients that build forms from it. */
  attributeSchemaDocument(): Record<string, unknown> {
    return this.attributeSchema.schema;
  }

  async get(id: string): Promise<AiSystemDto> {
    return toAiSystemDto(await this.find(this.db.manager, id));
  }

  /** A system, in the caller's transaction (404 when there is none). */
  async find(m: EntityManager, id: string): Promise<AiSystemRecord> {
    const system = await this.systems.find(m, id);
    if (!system) throw new AiSystemError(AiSystemErrorCode.NotFound, `No AI system with id ${id}`);
    return system;
  }

  /** A system, or undefined when there is none (for checking references). */
  lookup(m: EntityManager, id: string): Promise<AiSystemRecord | undefined> {
    return this.systems.find(m, id);
  }

  /** Optimistic concurrency: the caller names the version it read (If-Match or `version`); without one, 428. */
  async update(id: string, dto: UpdateAiSystemDto, ifMatch: string | undefined, actor: Actor): Promise<AiSystemDto> {
    const expectedVersion = dto.version ?? parseIfMatch(ifMatch);
    if (expectedVersion === undefined) {
      throw new AiSystemError(
        AiSystemErrorCode.PreconditionRequired,
        'Send the ETag you read as If-Match (or its number as `version`), so a change made since is not overwritten',
        [{ pointer: '/version', message: 'is required when no If-Match header is sent' }],
      );
    }
    return this.db.transaction(async (m) => {
      const { version: _version, ...change } = dto;
      return toAiSystemDto(await this.applyChange(m, await this.lockForChange(m, id, expectedVersion), change, actor));
    });
  }

  /**
   * Locks a system for a change that starts outside any process step (a request, a model event),
   * in the lock order of docs/adr/0004: its running instances (with their call trees) first, then
   * its row, so it never holds the row while a step of those instances waits for it. Refuses a
   * stale version and a retired system.
   */
  async lockForChange(m: EntityManager, id: string, expectedVersion?: number): Promise<AiSystemRecord> {
    await this.engine.lockSubject(m, { type: 'ai-system', id });
    const system = await this.lockRow(m, id);
    if (expectedVersion !== undefined && expectedVersion !== system.version) {
      throw new AiSystemError(
        AiSystemErrorCode.StaleVersion,
        `The system is at version ${system.version}, not ${expectedVersion}: read it again and reapply your change`,
        [],
        {
          currentVersion: system.version,
        },
      );
    }
    return system;
  }

  /**
   * The row alone: for changes made inside a process step (its handlers), which holds its own
   * instance tree already and must not wait for the subject's other trees.
   */
  private async lockRow(m: EntityManager, id: string): Promise<AiSystemRecord> {
    const system = await this.systems.lock(m, id);
    if (!system) throw new AiSystemError(AiSystemErrorCode.NotFound, `No AI system with id ${id}`);
    if (system.status === 'retired') throw new AiSystemError(AiSystemErrorCode.Retired, `AI system ${id} is retired and can no longer change`);
    return system;
  }

  /**
   * The roles the AI owner confirmed in the onboarding's scope task replace the registered ones
   * (re-classified like any change of roles); no roles confirmed, nothing changes.
   */
  async confirmRoles(m: EntityManager, id: string, roles: unknown, actor: Actor): Promise<void> {
    if (!Array.isArray(roles) || roles.length === 0) return;
    const unknown = roles.filter((role) => !(ORGANISATION_ROLES as readonly unknown[]).includes(role));
    if (unknown.length) {
      throw new AiSystemError(AiSystemErrorCode.InvalidRoles, `Not organisation roles: ${unknown.map((r) => JSON.stringify(r)).join(', ')}`, [
        { pointer: '/roles', message: `each must be one of ${ORGANISATION_ROLES.join(', ')}` },
      ]);
    }
    await this.applyChange(m, await this.lockRow(m, id), { roles: [...new Set(roles as string[])] }, actor);
  }

  /**
   * Sets the status (a lifecycle step, a reassessment), audited and announced. The caller is a
   * process step or has locked the system with `lockForChange`.
   */
  async setStatus(m: EntityManager, systemId: string, status: AiSystemStatus, actor: Actor): Promise<void> {
    if (!AI_SYSTEM_STATUSES.includes(status)) throw new AiSystemError(AiSystemErrorCode.InvalidStatus, `"${status}" is not an AI system status`);
    const system = await this.lockRow(m, systemId);
    if (system.status === status) return;
    const now = this.clock.now();
    await this.systems.update(m, systemId, { status, ...(status === 'retired' ? { retiredAt: now } : {}) }, now);
    await this.audit.append(m, actor, {
      action: 'ai-system.status-changed',
      subjectType: 'ai-system',
      subjectId: systemId,
      before: { status: system.status },
      after: { status },
    });
    await this.outbox.publish(m, {
      type: 'ai-system.status-changed',
      subject: { type: 'ai-system', id: systemId },
      data: { id: systemId, from: system.status, to: status },
    });
  }

  /** A new model version: the system now runs `model` (the caller has locked it with `lockForChange` and audits the change). */
  async recordModel(m: EntityManager, systemId: string, model: ModelRef): Promise<void> {
    await this.systems.update(m, systemId, { model }, this.clock.now());
  }

  /** The impact level of the system's approved impact assessment (the rules read it from the register); inside that process's step. */
  async recordImpactLevel(m: EntityManager, systemId: string, impactLevel: string, actor: Actor): Promise<void> {
    const system = await this.lockRow(m, systemId);
    if (system.impactLevel === impactLevel) return;
    await this.systems.update(m, systemId, { impactLevel }, this.clock.now());
    await this.audit.append(m, actor, {
      action: 'ai-system.updated',
      subjectType: 'ai-system',
      subjectId: systemId,
      before: { impactLevel: system.impactLevel },
      after: { impactLevel },
    });
  }

  /** Systems not retired that use the model (provider and name). */
  usingModel(m: EntityManager, provider: string, modelName: string): Promise<string[]> {
    return this.systems.usingModel(m, provider, modelName);
  }

  /** Systems in the scope of the AIMS (neither retired nor out of scope), by name. */
  inScope(): Promise<AiSystemRecord[]> {
    return this.systems.inScope(this.db.manager);
  }

  /**
   * A system in operation retires through its lifecycle (message ai-system.retire, then the
   * decommissioning task); any other is retired at once and its open lifecycle cancelled.
   */
  async retire(id: string, dto: RetireAiSystemDto, actor: Actor): Promise<AiSystemDto> {
    return this.db.transaction(async (m) => {
      const system = await this.lockForChange(m, id);
      if (await this.lifecycle.requestRetirement(m, id, actor, dto.reason)) return toAiSystemDto(await this.find(m, id));
      const now = this.clock.now();
      const retired = await this.systems.update(m, id, { status: 'retired', retiredAt: now }, now);
      await this.audit.append(m, actor, {
        action: 'ai-system.retired',
        subjectType: 'ai-system',
        subjectId: id,
        before: { status: system.status },
        after: { status: 'retired', reason: dto.reason ?? null },
      });
      await this.outbox.publish(m, { type: 'ai-system.status-changed', subject: { type: 'ai-system', id }, data: { id, from: system.status, to: 'retired' } });
      return toAiSystemDto(retired);
    });
  }

  private async applyChange(m: EntityManager, system: AiSystemRecord, change: Omit<UpdateAiSystemDto, 'version'>, actor: Actor): Promise<AiSystemRecord> {
    const before = snapshot(system);
    const { attributes, ...fields } = change;
    const next: AiSystemEntity = Object.assign(new AiSystemEntity(), system, fields);
    if (attributes) {
      next.attributes = mergeAttributes(system.attributes, attributes);
      this.assertValidAttributes(next.attributes);
    }
    const changed = changedFields(before, snapshot(next));
    if (changed.length === 0) return system;
    if (changed.some((field) => CLASSIFICATION_INPUTS.includes(field)))
      Object.assign(next, await this.classifier.classify(m, system.id, next, actor, 'ai-system.updated'));
    const update: AiSystemChange = Object.fromEntries(
      [...TRACKED_FIELDS, 'transparencyObligations', 'classificationDecisionId', 'controlsDecisionId'].map((field) => [
        field,
        next[field as keyof AiSystemEntity],
      ]),
    );
    let stored = await this.systems.update(m, system.id, update, this.clock.now());
    await this.audit.append(m, actor, { action: 'ai-system.updated', subjectType: 'ai-system', subjectId: system.id, ...diff(before, snapshot(stored)) });
    if (changed.includes('attributes') || changed.includes('intendedPurpose')) {
      await this.changeHooks.attributesChanged(m, system, stored, actor);
      stored = await this.find(m, system.id); // a hook may have moved the status
    }
    return stored;
  }

  /** A classifying rule set was activated: every system not retired is classified again, in the activation's transaction. */
  private async reclassifyAll(m: EntityManager, activated: ActivatedRuleSet): Promise<number> {
    if (!CLASSIFYING_RULE_SETS.includes(activated.key)) return 0;
    let count = 0;
    for (let offset = 0; ; offset += RECLASSIFY_BATCH) {
      const systems = await this.systems.lockNotRetired(m, offset, RECLASSIFY_BATCH);
      for (const system of systems) {
        const classification = await this.classifier.classify(m, system.id, system, activated.actor, activated.trigger);
        await this.systems.update(m, system.id, classification, this.clock.now());
      }
      count += systems.length;
      if (systems.length < RECLASSIFY_BATCH) return count;
    }
  }

  private assertValidAttributes(attributes: Record<string, unknown>): void {
    const errors = this.attributeSchema.validate(attributes);
    if (errors.length) throw new AiSystemError(AiSystemErrorCode.InvalidAttributes, 'Some attributes are invalid', errors);
  }
}
