import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/roles.js';
import { DefinitionsService } from '../processes/definitions/definitions.service.js';
import { ProcessEngineService } from '../processes/runtime/process-engine.service.js';

export const ONBOARDING_PROCESS = 'ai-system-onboarding';
export const RETIRE_MESSAGE = 'ai-system.retire';

/** Ties AI systems to their onboarding lifecycle: starts it, and retires through it. */
@Injectable()
export class AiSystemLifecycle {
  constructor(
    private readonly processes: ProcessEngineService,
    private readonly definitions: DefinitionsService,
  ) {}

  /** The system's onboarding starts with its registration, in the same transaction. */
  async startOnboarding(m: EntityManager, system: { id: string; name: string }, actor: Actor): Promise<string | null> {
    if (!(await this.definitions.isDeployed(m, ONBOARDING_PROCESS))) return null;
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
   * its decommissioning task; otherwise its open lifecycle is cancelled. Returns true when the
   * message was delivered (the status changes when decommissioning is done). The caller holds the
   * system's instances (AiSystemsService.lockForChange).
   */
  async requestRetirement(m: EntityManager, systemId: string, actor: Actor, reason?: string): Promise<boolean> {
    if (await this.processes.awaitsMessage(m, RETIRE_MESSAGE, systemId)) {
      await this.processes.deliverMessage(m, { name: RETIRE_MESSAGE, correlationKey: systemId, variables: { retirementReason: reason ?? null } }, actor);
      return true;
    }
    const subject = { type: 'ai-system', id: systemId };
    for (const id of await this.processes.activeFor(m, subject)) await this.processes.cancel(m, id, actor, `AI system retired${reason ? `: ${reason}` : ''}`);
    return false;
  }
}
