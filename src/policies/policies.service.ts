import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import { type Page, page } from '../common/pagination.js';
import { PeopleDirectory, unknownRoleProblem } from '../common/people-directory.js';
import { RoleUsages } from '../common/role-usages.js';
import { str } from '../common/variables.js';
import { Database } from '../database/database.js';
import { addDuration, parseDuration } from '../engine/process/index.js';
import { DefinitionsService } from '../processes/definitions/definitions.service.js';
import { type HandlerContext, HandlerRegistry } from '../processes/handlers/handler-registry.js';
import { RegisterWithdrawals } from '../processes/runtime/register-withdrawals.js';
import { ProcessEngineService } from '../processes/runtime/process-engine.service.js';
import { SubjectTypes } from '../processes/subjects/subject-types.js';
import { OutboxService } from '../webhooks/outbox.service.js';
import type { CreatePolicyDto, PolicyQueryDto } from './dto/policy.dto.js';
import { type AcknowledgementDto, type AcknowledgementsDto, type PolicyDto, toPolicyDto } from './dto/policy-response.dto.js';
import type { PolicyEntity } from './entities/policy.entity.js';
import { PolicyError, PolicyErrorCode } from './policies.errors.js';
import { PoliciesRepository } from './repositories/policies.repository.js';

export const POLICY_PROCESS = 'ai-policy';
/** Delivered (correlation key: the policy id) when the last person required acknowledges it. */
export const POLICY_ACKNOWLEDGED_MESSAGE = 'policy.acknowledged';
/** Delivered (correlation key: the replaced version's id) when a new version is published. */
export const POLICY_SUPERSEDED_MESSAGE = 'policy.superseded';

/**
 * The AI policies (ISO/IEC 42001 5.2, Annex A.2.2-A.2.4): versions drafted, reviewed, approved by top
 * management and published by the ai-policy process, acknowledged by the people holding the roles a
 * policy names (the people directory says who they are), reviewed at the interval the rules give.
 */
@Injectable()
export class PoliciesService implements OnModuleInit {
  private readonly logger = new Logger(PoliciesService.name);

  constructor(
    private readonly db: Database,
    private readonly policies: PoliciesRepository,
    private readonly people: PeopleDirectory,
    private readonly roleUsages: RoleUsages,
    private readonly definitions: DefinitionsService,
    private readonly handlers: HandlerRegistry,
    private readonly subjectTypes: SubjectTypes,
    private readonly withdrawals: RegisterWithdrawals,
    private readonly processes: ProcessEngineService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subjectTypes.register('policy', async (m, id) => (await this.policies.find(m, id))?.title);
    this.withdrawals.register('policy', (m, instanceId, at) => this.policies.withdraw(m, instanceId, at));
    this.roleUsages.register({ describe: 'policies', usages: (role) => this.policies.namingRole(this.db.manager, role) });
    this.handlers.register(
      'policy.update',
      'Writes the policy version’s status (in-review, changes-requested, awaiting-approval, revision-due), with a revised `body` from the variables.',
      async (vars, ctx) => {
        const row = await this.lock(ctx.manager, str(vars.policyId)!);
        if (vars.body !== undefined && str(vars.body)) row.body = str(vars.body)!;
        await this.save(ctx, row, str(vars.status)!);
      },
    );
    this.handlers.register(
      'policy.publish',
      'Publishes the policy version; the version it supersedes becomes superseded (message policy.superseded). Returns fullyAcknowledged (nobody holds the roles that must acknowledge it).',
      (vars, ctx) => this.publish(ctx, str(vars.policyId)!),
    );
    this.handlers.register(
      'policy.schedule-review',
      'Stores the review interval (variable `review`, from the policy-review-interval rules) and nextReviewAt = now + interval; returns nextReviewAt.',
      (vars, ctx) => this.scheduleReview(ctx, str(vars.policyId)!, str((vars.review as { interval?: unknown } | undefined)?.interval)),
    );
    this.handlers.register(
      'policy.remind',
      'Records a reminder to everyone who still has to acknowledge the policy (audit policy.reminded, webhook policy.acknowledgement-reminder).',
      async (vars, ctx) => {
        const id = str(vars.policyId)!;
        const pending = (await this.audience(ctx.manager, (await this.lock(ctx.manager, id)).acknowledgedByRoles, id)).filter((p) => !p.acknowledgedAt);
        const data = { id, pending: pending.map((p) => p.identity) };
        await this.audit.append(ctx.manager, ctx.actor, { action: 'policy.reminded', subjectType: 'policy', subjectId: id, after: data });
        await this.outbox.publish(ctx.manager, { type: 'policy.acknowledgement-reminder', subject: { type: 'policy', id }, data });
      },
    );
  }

  /** Drafts a version (a new policy, or the next version of a published one) and starts its process. */
  async create(dto: CreatePolicyDto, actor: Actor): Promise<PolicyDto> {
    const undefinedRoles = await this.people.undefinedRoles(dto.acknowledgedBy);
    if (undefinedRoles.length) {
      const { detail, errors } = unknownRoleProblem(dto.acknowledgedBy, undefinedRoles, '/acknowledgedBy');
      throw new PolicyError(PolicyErrorCode.UnknownRole, detail, errors);
    }
    return this.db.transaction(async (m) => {
      const previous = dto.supersedes ? await this.policies.lock(m, dto.supersedes) : undefined;
      if (dto.supersedes && !['published', 'revision-due'].includes(previous?.status ?? '')) {
        throw new PolicyError(PolicyErrorCode.InvalidPolicy, 'Only a published policy version can be superseded', [
          { pointer: '/supersedes', message: previous ? `policy ${dto.supersedes} is ${previous.status}, not published` : `no policy ${dto.supersedes}` },
        ]);
      }
      const now = this.clock.now();
      const id = randomUUID();
      const row = await this.policies.insert(m, {
        id,
        seriesId: previous?.seriesId ?? id,
        version: previous ? await this.policies.nextVersion(m, previous.seriesId) : 1,
        kind: dto.kind,
        title: dto.title,
        body: dto.body,
        scope: dto.scope,
        owner: dto.owner ?? actor.subject,
        acknowledgedByRoles: dto.acknowledgedBy,
        coversHighRiskSystems: dto.coversHighRiskSystems ?? false,
        status: 'in-review',
        supersedes: previous?.id ?? null,
        createdBy: actor.subject,
        createdAt: now,
        updatedAt: now,
      });
      const data = { id: row.id, seriesId: row.seriesId, version: row.version, title: row.title, kind: row.kind };
      await this.audit.append(m, actor, { action: 'policy.drafted', subjectType: 'policy', subjectId: row.id, after: data });
      if (await this.definitions.isDeployed(m, POLICY_PROCESS)) {
        const { instance } = await this.processes.start(m, {
          definitionKey: POLICY_PROCESS,
          subject: { type: 'policy', id: row.id },
          variables: { policyId: row.id, kind: row.kind, coversHighRiskSystems: row.coversHighRiskSystems, title: row.title },
          actor,
        });
        await this.policies.setInstance(m, row.id, instance.id);
      } else {
        this.logger.warn(`no "${POLICY_PROCESS}" process is deployed: policy ${row.id} has no lifecycle`);
      }
      return toPolicyDto((await this.policies.find(m, row.id))!);
    });
  }

  async list(query: PolicyQueryDto): Promise<Page<PolicyDto>> {
    const [items, total] = await this.policies.list(
      this.db.manager,
      { status: query.status, kind: query.kind, seriesId: query.seriesId },
      query.limit,
      query.offset,
    );
    return page(items.map(toPolicyDto), total, query);
  }

  async get(id: string): Promise<PolicyDto> {
    return toPolicyDto(await this.found(this.db.manager, id));
  }

  async acknowledgements(id: string): Promise<AcknowledgementsDto> {
    const row = await this.found(this.db.manager, id);
    const audience = await this.audience(this.db.manager, row.acknowledgedByRoles, id);
    const acknowledgements = (await this.policies.acknowledgements(this.db.manager, id)).map(({ policyId, identity, acknowledgedAt }) => ({
      policyId,
      identity,
      acknowledgedAt,
    }));
    const acknowledgedCount = audience.filter((p) => p.acknowledgedAt).length;
    return {
      policyId: id,
      roles: row.acknowledgedByRoles,
      required: audience.length,
      acknowledgedCount,
      complete: acknowledgedCount === audience.length,
      audience,
      acknowledgements,
    };
  }

  /** The caller acknowledges a published version; the last one required lets its process go on. */
  async acknowledge(id: string, actor: Actor): Promise<AcknowledgementDto> {
    return this.db.transaction(async (m) => {
      const row = await this.lock(m, id);
      if (!['published', 'revision-due'].includes(row.status)) {
        throw new PolicyError(PolicyErrorCode.NotPublished, `Policy ${id} is ${row.status}: only a published policy is acknowledged`);
      }
      if (!row.acknowledgedByRoles.some((role) => actor.roles.includes(role))) {
        throw new PolicyError(
          PolicyErrorCode.NotInAudience,
          `Policy ${id} is acknowledged by holders of ${row.acknowledgedByRoles.join(', ')}; you hold none of them`,
          [],
          {
            roles: row.acknowledgedByRoles,
          },
        );
      }
      const ack = await this.policies.acknowledge(m, id, actor.subject, this.clock.now());
      await this.audit.append(m, actor, { action: 'policy.acknowledged', subjectType: 'policy', subjectId: id, after: { identity: actor.subject } });
      const pending = (await this.audience(m, row.acknowledgedByRoles, id)).filter((p) => !p.acknowledgedAt);
      if (!pending.length && (await this.processes.awaitsMessage(m, POLICY_ACKNOWLEDGED_MESSAGE, id))) {
        await this.processes.deliverMessage(m, { name: POLICY_ACKNOWLEDGED_MESSAGE, correlationKey: id, variables: { fullyAcknowledged: true } }, actor);
      }
      return { policyId: ack.policyId, identity: ack.identity, acknowledgedAt: ack.acknowledgedAt };
    });
  }

  /** Everyone who holds one of the roles now, with when they acknowledged (null: not yet). */
  private async audience(m: EntityManager, roles: string[], id: string) {
    const acks = new Map((await this.policies.acknowledgements(m, id)).map((a) => [a.identity, a.acknowledgedAt]));
    return (await this.people.withAnyRole(roles))
      .map((p) => ({ identity: p.identity, displayName: p.displayName, acknowledgedAt: acks.get(p.identity) ?? null }))
      .sort((a, b) => a.identity.localeCompare(b.identity));
  }

  private async publish(ctx: HandlerContext, id: string): Promise<Record<string, unknown>> {
    const row = await this.lock(ctx.manager, id);
    row.publishedAt = this.clock.now();
    await this.save(ctx, row, 'published');
    if (row.supersedes) {
      const old = await this.lock(ctx.manager, row.supersedes);
      old.supersededBy = row.id;
      await this.save(ctx, old, 'superseded');
      if (await this.processes.awaitsMessage(ctx.manager, POLICY_SUPERSEDED_MESSAGE, old.id)) {
        await this.processes.deliverMessage(
          ctx.manager,
          { name: POLICY_SUPERSEDED_MESSAGE, correlationKey: old.id, variables: { supersededBy: row.id } },
          ctx.actor,
        );
      }
    }
    const data = { id, seriesId: row.seriesId, version: row.version, title: row.title, supersedes: row.supersedes };
    await this.outbox.publish(ctx.manager, { type: 'policy.published', subject: { type: 'policy', id }, data });
    const pending = (await this.audience(ctx.manager, row.acknowledgedByRoles, id)).filter((p) => !p.acknowledgedAt);
    return { fullyAcknowledged: pending.length === 0 };
  }

  private async scheduleReview(ctx: HandlerContext, id: string, interval: string | undefined): Promise<Record<string, unknown>> {
    const duration = interval ? parseDuration(interval) : undefined;
    if (!duration) throw new Error(`the policy-review-interval rules gave "${interval ?? ''}", which is not an ISO 8601 duration`);
    const row = await this.lock(ctx.manager, id);
    row.reviewInterval = interval!;
    row.nextReviewAt = addDuration(this.clock.now(), duration);
    await this.save(ctx, row, 'published');
    return { nextReviewAt: row.nextReviewAt.toISOString() };
  }

  private async found(m: EntityManager, id: string): Promise<PolicyEntity> {
    const row = await this.policies.find(m, id);
    if (!row) throw new PolicyError(PolicyErrorCode.NotFound, `No policy ${id}`);
    return row;
  }

  private async lock(m: EntityManager, id: string): Promise<PolicyEntity> {
    const row = await this.policies.lock(m, id);
    if (!row) throw new PolicyError(PolicyErrorCode.NotFound, `No policy ${id}`);
    return row;
  }

  /** Saves the row with its new status, and an audit event when the status moved. */
  private async save(ctx: HandlerContext, row: PolicyEntity, status: string): Promise<void> {
    const before = row.status;
    row.status = status;
    row.updatedAt = this.clock.now();
    await this.policies.save(ctx.manager, row);
    if (before === status) return;
    await this.audit.append(ctx.manager, ctx.actor, {
      action: 'policy.status-changed',
      subjectType: 'policy',
      subjectId: row.id,
      before: { status: before },
      after: { status },
    });
  }
}
