import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditTrailService } from '../../audit-trail/audit-trail.service.js';
import type { Actor } from '../../auth/roles.js';
import { Clock } from '../../clock/clock.js';

export const WITHDRAWN = 'withdrawn';

/** A register's rows still in progress for the instance become `withdrawn`; returns each with its former status. */
export type WithdrawRows = (m: EntityManager, instanceId: string, at: Date) => Promise<Array<{ id: string; status: string }>>;

/**
 * A cancelled instance (a retired system's onboarding and its children, say) leaves nobody to finish
 * the register rows it was working on: those still in progress become `withdrawn`, in the
 * cancellation's transaction, each with an audit event. Each register registers how its own
 * repository withdraws its rows.
 */
@Injectable()
export class RegisterWithdrawals {
  private readonly registers: Array<{ subjectType: string; withdrawRows: WithdrawRows }> = [];

  constructor(
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  /** Audit events say `<subjectType>.withdrawn`. */
  register(subjectType: string, withdrawRows: WithdrawRows): void {
    this.registers.push({ subjectType, withdrawRows });
  }

  async withdraw(m: EntityManager, instanceId: string, actor: Actor): Promise<void> {
    for (const { subjectType, withdrawRows } of this.registers) {
      for (const row of await withdrawRows(m, instanceId, this.clock.now())) {
        await this.audit.append(m, actor, {
          action: `${subjectType}.withdrawn`,
          subjectType,
          subjectId: row.id,
          before: { status: row.status },
          after: { status: WITHDRAWN, instanceId },
        });
      }
    }
  }
}
