import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditTrailService } from '../audit-trail/audit-trail.service.js';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import { processDeployed, str } from '../common/process-steps.js';
import { HandlerRegistry } from '../processes/handlers/handler-registry.js';
import { ProcessEngineService } from '../processes/runtime/process-engine.service.js';
import { systemFacts } from '../rules/system-classifier.js';
import { OutboxService } from '../webhooks/outbox.service.js';
import { AiSystemError, AiSystemErrorCode } from './ai-systems.errors.js';
import { AI_SYSTEM_STATUSES, AiSystemEntity, type AiSystemStatus } from './entities/ai-system.entity.js';

export const ONBOARDING_PROCESS = 'ai-system-onboarding';
export const RETIRE_MESSAGE = 'ai-system.retire';

/** Ties AI systems to their onboarding lifecycle: starts it, and lets it read facts and move the status. */
@Injectable()
export class AiSystemLifecycle implements OnModuleInit {
  constructor(
    private readonly handlers: HandlerRegistry,
    private readonly processes: ProcessEngineService,
    private readonly audit: AuditTrailService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
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
  }

  /** The system's onboarding starts with its registration, in the same transaction. */
  async startOnboarding(m: EntityManager, system: AiSystemEntity, actor: Actor): Promise<string | null> {
    if (!(await processDeployed(m, ONBOARDING_PROCESS))) return null;
    const { instance } = await this.processes.start(m, {
      definitionKey: ONBOARDING_PROCESS,
      subject: { type: 'ai-system', id: system.id },
      variables: { systemId: system.id, systemName: system.name },
      actor,
    });
    return instance.id;
  }

  /**
   * Retirement: a system in operation waits for the message `ai-system.retire` and retires through
   * its decommissioning task; otherwise it is retired at once and its open lifecycle is cancelled.
   * Returns true when the message was delivered (the status changes when decommissioning is done).
   */
  async requestRetirement(m: EntityManager, systemId: string, actor: Actor, reason?: string): Promise<boolean> {
    const waiting = await m.query(`SELECT 1 FROM process_message_subscriptions WHERE name = $1 AND correlation_key = $2 LIMIT 1`, [RETIRE_MESSAGE, systemId]);
    if (waiting.length) {
      await this.processes.deliverMessage(m, { name: RETIRE_MESSAGE, correlationKey: systemId, variables: { retirementReason: reason ?? null } }, actor);
      return true;
    }
    const active: Array<{ id: string }> = await m.query(
      `SELECT id FROM process_instances WHERE subject_type = 'ai-system' AND subject_id = $1 AND status = 'active' AND parent_id IS NULL`,
      [systemId],
    );
    for (const { id } of active) await this.processes.cancel(m, id, actor, `AI system retired${reason ? `: ${reason}` : ''}`);
    return false;
  }

  async setStatus(m: EntityManager, systemId: string, status: AiSystemStatus, actor: Actor): Promise<void> {
    if (!AI_SYSTEM_STATUSES.includes(status)) throw new AiSystemError(AiSystemErrorCode.InvalidStatus, `"${status}" is not an AI system status`);
    const system = await this.find(m, systemId, true);
    if (system.status === status) return;
    const now = this.clock.now();
    await m.getRepository(AiSystemEntity).update({ id: systemId }, { status, updatedAt: now, ...(status === 'retired' ? { retiredAt: now } : {}) });
    await this.audit.append(m, actor, { action: 'ai-system.status-changed', subjectType: 'ai-system', subjectId: systemId, before: { status: system.status }, after: { status } });
    await this.outbox.publish(m, { type: 'ai-system.status-changed', subject: { type: 'ai-system', id: systemId }, data: { id: systemId, from: system.status, to: status } });
  }

  private async find(m: EntityManager, id: string, lock = false): Promise<AiSystemEntity> {
    const system = await m.getRepository(AiSystemEntity).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!system) throw new AiSystemError(AiSystemErrorCode.NotFound, `No AI system with id ${id}`);
    return system;
  }
}
