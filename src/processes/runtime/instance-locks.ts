import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LockedAlongside } from '../../database/locked-alongside.js';
import type { ProcessInstanceEntity } from '../entities/process-instance.entity.js';
import { ProcessError, ProcessErrorCode } from '../processes.errors.js';
import { ProcessInstancesRepository } from '../repositories/process-instances.repository.js';
import type { Subject } from './step-unit.js';

/**
 * Locks process instances in the order every transaction follows (docs/adr/0004-module-ownership-and-lock-order.md):
 * instance trees by root id, each root before its children; then register rows; then the AI system.
 */
@Injectable()
export class InstanceLocks {
  constructor(private readonly instances: ProcessInstancesRepository) {}

  /** An instance for a step: its root first, then itself. */
  async lock(m: EntityManager, instanceId: string): Promise<ProcessInstanceEntity> {
    const locked = await this.instances.lockTree(m, instanceId);
    if (!locked) throw new ProcessError(ProcessErrorCode.InstanceNotFound, `No process instance with id ${instanceId}`);
    return locked;
  }

  /** `lock` for the instance of another module's row, locked in the same statement (undefined: no such row). */
  lockWith(m: EntityManager, id: string, alongside: LockedAlongside): Promise<{ instance: ProcessInstanceEntity; row: Record<string, unknown> } | undefined> {
    return this.instances.lockTreeWith(m, id, alongside);
  }

  /**
   * Every running instance of a subject with its call tree: what a change that starts at the
   * subject (retiring an AI system, a new model version) takes before it locks the subject's row,
   * so it never waits for a step that waits for it.
   */
  lockSubject(m: EntityManager, subject: Subject): Promise<void> {
    return this.instances.lockSubjectTrees(m, subject);
  }
}
