import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditTrailService } from '../../audit-trail/audit-trail.service.js';
import type { Actor } from '../../auth/roles.js';
import { Clock } from '../../clock/clock.js';

/** A register whose rows a process instance works on (their `instance_id`). */
export interface WithdrawableRegister {
  table: 'impact_assessments' | 'risks' | 'nonconformities' | 'audits';
  /** Audit events say `<subjectType>.withdrawn`. */
  subjectType: string;
  /** Statuses of rows still being worked on: the ones withdrawn when their instance is cancelled. */
  inProgress: readonly string[];
}

export const WITHDRAWN = 'withdrawn';

/**
 * A cancelled instance (a retired system's onboarding and its children, say) leaves nobody to finish
 * the register rows it was working on: those still in progress become `withdrawn`, in the
 * cancellation's transaction, each with an audit event. Registers announce themselves here.
 */
@Injectable()
export class RegisterWithdrawals {
  private readonly registers: WithdrawableRegister[] = [];

  constructor(
    private readonly audit: AuditTrailService,
    private readonly clock: Clock,
  ) {}

  register(register: WithdrawableRegister): void {
    this.registers.push(register);
  }

  async withdraw(m: EntityManager, instanceId: string, actor: Actor): Promise<void> {
    for (const { table, subjectType, inProgress } of this.registers) {
      const rows: Array<{ id: string; status: string }> = await m.query(
        `WITH old AS (SELECT id, status FROM ${table} WHERE instance_id = $1 AND status = ANY($2) ORDER BY id FOR UPDATE),
              withdrawn AS (UPDATE ${table} t SET status = '${WITHDRAWN}', updated_at = $3 FROM old WHERE t.id = old.id RETURNING t.id)
         SELECT old.id, old.status FROM old JOIN withdrawn USING (id) ORDER BY old.id`,
        [instanceId, inProgress, this.clock.now()],
      );
      for (const row of rows) {
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
