import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/roles.js';
import { Clock } from '../clock/clock.js';
import { type Page, page } from '../common/pagination.js';
import type { DeniedAttempt, SecurityEvents } from '../common/security-events.js';
import { Database } from '../database/database.js';
import { WriteStatement } from '../database/write-statement.js';
import type { BackgroundWorker } from '../workers/background-worker.js';
import { WorkerHost } from '../workers/worker-host.js';
import { chainHash, GENESIS_HASH } from './audit-chain.js';
import type { AuditEventQueryDto } from './dto/audit-event-query.dto.js';
import { type AuditEventDto, type AuditVerificationDto, toAuditEventDto, toAuditVerificationDto } from './dto/audit-event.dto.js';
import { type AuditEventRow, AuditEventsRepository, type ChainLink } from './repositories/audit-events.repository.js';

export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface VerifyResult {
  valid: boolean;
  /** Sealed events whose hash and link were recomputed. */
  checked: number;
  sealed: number;
  /** Events committed but not yet sealed into the chain (sealing runs in the background). */
  pending: number;
  firstBrokenId?: string;
  reason?: string;
}

/** A change of a subject as its history shows it. */
export interface SubjectChange {
  at: Date;
  actor: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const VERIFY_BATCH = 5000;
const SEAL_BATCH = 1000;

/**
 * The append-only, hash-chained audit trail. Events are appended in the transaction of the change
 * they record; the `audit-sealer` background worker later gives them their place in the chain.
 */
@Injectable()
export class AuditTrailService implements OnModuleInit, BackgroundWorker, SecurityEvents {
  readonly name = 'audit-sealer';

  constructor(
    private readonly db: Database,
    private readonly events: AuditEventsRepository,
    private readonly clock: Clock,
    private readonly workers: WorkerHost,
  ) {}

  onModuleInit(): void {
    this.workers.register(this);
  }

  /**
   * A refused attempt as the security event `security.denied`, in its own transaction (the refused
   * request's rolled back). Its subject is the task when the refusal names one, else the route.
   */
  async denied(actor: Actor, attempt: DeniedAttempt): Promise<void> {
    const taskId = typeof attempt.facts.taskId === 'string' ? attempt.facts.taskId : undefined;
    await this.append(this.db.manager, actor, {
      action: 'security.denied',
      subjectType: taskId ? 'task' : 'route',
      subjectId: taskId ?? `${attempt.method} ${attempt.path}`,
      after: { code: attempt.code, detail: attempt.detail, method: attempt.method, path: attempt.path, roles: actor.roles, ...attempt.facts },
    });
  }

  /** Appends an event inside the caller's transaction: it commits or rolls back with the change. */
  async append(manager: EntityManager, actor: Actor, record: AuditRecord): Promise<void> {
    const stmt = new WriteStatement();
    this.appendIn(stmt, actor, [record]);
    await stmt.run(manager);
  }

  /** Adds the events to a statement that writes the change itself, saving a round trip per event. */
  appendIn(stmt: WriteStatement, actor: Actor, records: AuditRecord[]): void {
    if (!records.length) return;
    const rows = records.map((record) => ({
      action: record.action,
      subject_type: record.subjectType,
      subject_id: record.subjectId,
      before: record.before ?? null,
      after: record.after ?? null,
    }));
    this.events.appendIn(stmt, this.clock.now(), actor.subject, actor.requestId ?? null, rows);
  }

  async list(query: AuditEventQueryDto): Promise<Page<AuditEventDto>> {
    const [items, total] = await this.events.list(this.db.manager, query);
    return page(items.map(toAuditEventDto), total, query);
  }

  /** Every recorded change of one subject, oldest first. */
  async changesOf(subjectType: string, subjectId: string): Promise<SubjectChange[]> {
    const rows = await this.events.forSubject(this.db.manager, subjectType, subjectId);
    return rows.map((e) => ({ at: e.occurredAt, actor: e.actor, action: e.action, before: e.before, after: e.after }));
  }

  /** The sealer's pass: seals until nothing committed is left unsealed. */
  async runOnce(signal?: AbortSignal): Promise<number> {
    let total = 0;
    for (;;) {
      const sealed = await this.sealBatch();
      total += sealed;
      if (sealed < SEAL_BATCH || signal?.aborted) return total;
    }
  }

  /**
   * Gives committed events their place in the chain. One sealer at a time across replicas: it waits
   * for a pass running elsewhere instead of skipping, so when this returns everything committed
   * before the call is sealed.
   */
  sealPending(): Promise<number> {
    return this.runOnce();
  }

  private sealBatch(): Promise<number> {
    return this.db.transaction(async (m) => {
      await this.events.lockSealer(m);
      const rows = await this.events.unsealed(m, SEAL_BATCH);
      if (rows.length === 0) return 0;
      const last = await this.events.lastSealed(m);
      let seq = BigInt(last?.seq ?? 0);
      let previous = last?.hash ?? GENESIS_HASH;
      const links: ChainLink[] = [];
      for (const row of rows) {
        seq += 1n;
        const hash = chainHash(previous, toChained(row, seq.toString()));
        links.push({ id: String(row.id), seq: seq.toString(), prev: previous, hash });
        previous = hash;
      }
      await this.events.seal(m, links);
      return rows.length;
    });
  }

  /** The last sealed event: documents name it, so a reader can later check that the chain still leads through it. */
  async head(): Promise<{ seq: string; hash: string } | null> {
    const last = await this.events.lastSealed(this.db.manager);
    return last ? { seq: String(last.seq), hash: last.hash } : null;
  }

  /** Recomputes every sealed event's hash and link, in chain order. */
  async verify(): Promise<AuditVerificationDto> {
    return toAuditVerificationDto(await this.verifyChain());
  }

  private async verifyChain(): Promise<VerifyResult> {
    const m = this.db.manager;
    const { sealed, pending } = await this.events.counts(m);
    let previous = GENESIS_HASH;
    let checked = 0;
    let afterSeq = '0';
    for (;;) {
      const rows = await this.events.sealedAfter(m, afterSeq, VERIFY_BATCH);
      for (const row of rows) {
        const id = String(row.id);
        if (row.prev_hash !== previous) {
          return { valid: false, checked, sealed, pending, firstBrokenId: id, reason: 'link to the previous event does not match' };
        }
        if (chainHash(previous, toChained(row, String(row.seq))) !== row.hash) {
          return { valid: false, checked, sealed, pending, firstBrokenId: id, reason: 'content does not match its hash' };
        }
        previous = row.hash;
        checked++;
      }
      if (rows.length < VERIFY_BATCH) return { valid: true, checked, sealed, pending };
      afterSeq = String(rows[rows.length - 1].seq);
    }
  }
}

function toChained(row: AuditEventRow, seq: string) {
  return {
    id: String(row.id),
    seq,
    occurredAt: row.occurred_at,
    actor: row.actor,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id ?? null,
  };
}
