import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import { SystemClassifier } from '../rules/system-classifier.js';
import { OutboxService } from '../webhooks/outbox.service.js';
import { AiSystemChangeHooks } from './ai-system-change-hooks.js';
import { AiSystemLifecycle } from './ai-system-lifecycle.service.js';
import { str } from '../common/process-steps.js';
import { HandlerRegistry } from '../processes/handlers/handler-registry.js';
import { randomUUID } from 'node:crypto';
import { type Page, page } from '../common/pagination.js';
import { AiSystemError, AiSystemErrorCode } from './ai-systems.errors.js';
import { AttributeSchema } from './attribute-schema.js';
import type { AiSystemQueryDto, CreateAiSystemDto, RetireAiSystemDto, UpdateAiSystemDto } from './dto/ai-system.dto.js';
import { AiSystemEntity } from './entities/ai-system.entity.js';

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

function snapshot(system: AiSystemEntity): Record<string, unknown> {
  return Object.fromEntries(TRACKED_FIELDS.map((field) => [field, system[field] ?? null]));
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = changedFields(before, after);
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
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

@Injectable()
export class AiSystemsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrailService,
    private readonly attributeSchema: AttributeSchema,
    private readonly clock: Clock,
    private readonly classifier: SystemClassifier,
    private readonly outbox: OutboxService,
    private readonly lifecycle: AiSystemLifecycle,
    private readonly changeHooks: AiSystemChangeHooks,
    private readonly handlers: HandlerRegistry,
  ) {}

  onModuleInit(): void {
    this.handlers.register(
      'ai-system.confirm-roles',
      'Replaces the system’s roles with the confirmed `roles` (a non-empty list; otherwise nothing changes), re-classified and audited like any change (input: systemId, roles).',
      (vars, ctx) => this.confirmRoles(ctx.manager, str(vars.systemId) ?? ctx.subject.id, vars.roles, ctx.actor),
    );
  }

  async register(dto: CreateAiSystemDto, actor: Actor): Promise<AiSystemEntity> {
    const attributes = dto.attributes ?? {};
    this.assertValidAttributes(attributes);
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(AiSystemEntity);
      const now = this.clock.now();
      const system = repo.create({
        id: randomUUID(),
        name: dto.name,
        description: dto.description ?? null,
        intendedPurpose: dto.intendedPurpose,
        owner: dto.owner ?? actor.subject,
        roles: dto.roles,
        model: dto.model ? { ...dto.model } : null,
        thirdParty: dto.thirdParty ?? false,
        attributes,
        status: 'registered',
        createdBy: actor.subject,
        createdAt: now,
        updatedAt: now,
      });
      await this.classifier.classify(m, system, actor, 'ai-system.registered');
      await repo.save(system);
      await this.audit.append(m, actor, {
        action: 'ai-system.registered',
        subjectType: 'ai-system',
        subjectId: system.id,
        after: snapshot(system),
      });
      await this.outbox.publish(m, {
        type: 'ai-system.registered',
        subject: { type: 'ai-system', id: system.id },
        data: { id: system.id, name: system.name, riskClass: system.riskClass, status: system.status, owner: system.owner },
      });
      await this.lifecycle.startOnboarding(m, system, actor);
      return system;
    });
  }

  async list(query: AiSystemQueryDto): Promise<Page<AiSystemEntity>> {
    const qb = this.dataSource.getRepository(AiSystemEntity).createQueryBuilder('s');
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    if (query.role) qb.andWhere(':role = ANY(s.roles)', { role: query.role });
    if (query.useCase) qb.andWhere(`s.attributes @> jsonb_build_object('useCases', jsonb_build_array(:useCase::text))`, { useCase: query.useCase });
    if (query.riskClass) qb.andWhere('s.risk_class = :riskClass', { riskClass: query.riskClass });
    if (query.q) {
      const pattern = `%${query.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
      qb.andWhere('(s.name ILIKE :pattern OR s.intended_purpose ILIKE :pattern)', { pattern });
    }
    const [items, total] = await qb.orderBy('s.created_at', 'DESC').addOrderBy('s.id').take(query.limit).skip(query.offset).getManyAndCount();
    return page(items, total, query);
  }

  async get(id: string): Promise<AiSystemEntity> {
    const system = await this.dataSource.getRepository(AiSystemEntity).findOneBy({ id });
    if (!system) throw new AiSystemError(AiSystemErrorCode.NotFound, `No AI system with id ${id}`);
    return system;
  }

  /** Optimistic concurrency: the caller names the version it read (If-Match or `version`). */
  async update(id: string, dto: UpdateAiSystemDto, ifMatch: string | undefined, actor: Actor): Promise<AiSystemEntity> {
    const expectedVersion = dto.version ?? parseIfMatch(ifMatch);
    return this.dataSource.transaction(async (m) => {
      const { version: _version, ...change } = dto;
      return this.applyChange(m, await this.lockForChange(m, id, expectedVersion), change, actor);
    });
  }

  /**
   * The roles the AI owner confirmed in the onboarding's scope task replace the registered ones
   * (re-classified like any change of roles); no roles confirmed, nothing changes.
   */
  async confirmRoles(m: EntityManager, id: string, roles: unknown, actor: Actor): Promise<void> {
    if (!Array.isArray(roles) || roles.length === 0) return;
    await this.applyChange(m, await this.lockForChange(m, id, undefined), { roles: roles.map(String) }, actor);
  }

  private async applyChange(m: EntityManager, system: AiSystemEntity, change: Omit<UpdateAiSystemDto, 'version'>, actor: Actor): Promise<AiSystemEntity> {
    const id = system.id;
    const before = snapshot(system);
    const { attributes, ...fields } = change;
    Object.assign(system, fields);
    if (attributes) {
      system.attributes = mergeAttributes(system.attributes, attributes);
      this.assertValidAttributes(system.attributes);
    }
    const changed = changedFields(before, snapshot(system));
    if (changed.length === 0) return system;
    if (changed.some((field) => CLASSIFICATION_INPUTS.includes(field))) {
      await this.classifier.classify(m, system, actor, 'ai-system.updated');
    }
    const previous = { intendedPurpose: before.intendedPurpose as string, attributes: before.attributes as Record<string, unknown> };
    const after = snapshot(system);
    system.updatedAt = this.clock.now();
    await m.getRepository(AiSystemEntity).save(system);
    await this.audit.append(m, actor, {
      action: 'ai-system.updated',
      subjectType: 'ai-system',
      subjectId: id,
      ...diff(before, after),
    });
    if (changed.includes('attributes') || changed.includes('intendedPurpose')) {
      await this.changeHooks.attributesChanged(m, previous, system, actor);
      return m.getRepository(AiSystemEntity).findOneByOrFail({ id }); // a hook may have moved the status
    }
    return system;
  }

  /**
   * A system in operation retires through its lifecycle (message ai-system.retire, then the
   * decommissioning task); any other is retired at once and its open lifecycle cancelled.
   */
  async retire(id: string, dto: RetireAiSystemDto, actor: Actor): Promise<AiSystemEntity> {
    return this.dataSource.transaction(async (m) => {
      const system = await this.lockForChange(m, id, undefined);
      if (await this.lifecycle.requestRetirement(m, id, actor, dto.reason)) return system;
      const previousStatus = system.status;
      system.status = 'retired';
      system.retiredAt = this.clock.now();
      system.updatedAt = system.retiredAt;
      await m.getRepository(AiSystemEntity).save(system);
      await this.audit.append(m, actor, {
        action: 'ai-system.retired',
        subjectType: 'ai-system',
        subjectId: id,
        before: { status: previousStatus },
        after: { status: 'retired', reason: dto.reason ?? null },
      });
      await this.outbox.publish(m, {
        type: 'ai-system.status-changed',
        subject: { type: 'ai-system', id },
        data: { id, from: previousStatus, to: 'retired' },
      });
      return system;
    });
  }

  private async lockForChange(m: EntityManager, id: string, expectedVersion: number | undefined): Promise<AiSystemEntity> {
    const system = await m.getRepository(AiSystemEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!system) throw new AiSystemError(AiSystemErrorCode.NotFound, `No AI system with id ${id}`);
    if (expectedVersion !== undefined && expectedVersion !== system.version) {
      throw new AiSystemError(
        AiSystemErrorCode.StaleVersion,
        `The system is at version ${system.version}, not ${expectedVersion}: read it again and reapply your change`,
        [],
        { currentVersion: system.version },
      );
    }
    if (system.status === 'retired') throw new AiSystemError(AiSystemErrorCode.Retired, `AI system ${id} is retired and can no longer change`);
    return system;
  }

  private assertValidAttributes(attributes: Record<string, unknown>): void {
    const errors = this.attributeSchema.validate(attributes);
    if (errors.length) throw new AiSystemError(AiSystemErrorCode.InvalidAttributes, 'Some attributes are invalid', errors);
  }
}

function parseIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const match = header.match(/^(?:W\/)?"?(\d+)"?$/);
  if (!match) {
    throw new AiSystemError(AiSystemErrorCode.StaleVersion, `If-Match must be the ETag you read, e.g. "3"; got ${header}`);
  }
  return Number(match[1]);
}
