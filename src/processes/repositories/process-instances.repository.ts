import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LockedAlongside } from '../../database/locked-alongside.js';
import { preparedQuery } from '../../database/prepared-query.js';
import { hydrate } from '../../database/rows.js';
import { sql, sqlOne } from '../../database/sql.js';
import type { WriteStatement } from '../../database/write-statement.js';
import type { InstanceQueryDto } from '../dto/processes.dto.js';
import { ProcessInstanceEntity } from '../entities/process-instance.entity.js';

export interface Subject {
  type: string;
  id: string;
}

/** The only code that reads and writes `process_instances`. */
@Injectable()
export class ProcessInstancesRepository {
  /**
   * Locks an instance for a step: its root first, then itself, in one statement, so events on
   * different instances of one call tree serialise instead of deadlocking.
   */
  async lockTree(m: EntityManager, instanceId: string): Promise<ProcessInstanceEntity | undefined> {
    const rows = await this.lockRows(m, `SELECT $1::uuid AS id`, instanceId);
    const row = rows.find((r) => r.is_target);
    return row && hydrate(m, ProcessInstanceEntity, row);
  }

  /** `lockTree` for the instance `alongside.target` selects, with the other module's row locked in the same statement. */
  async lockTreeWith(
    m: EntityManager,
    id: string,
    alongside: LockedAlongside,
  ): Promise<{ instance: ProcessInstanceEntity; row: Record<string, unknown> } | undefined> {
    const rows = await this.lockRows(m, alongside.target, id, alongside);
    const row = rows.find((r) => r.is_target);
    return row && { instance: hydrate(m, ProcessInstanceEntity, row), row };
  }

  /**
   * Locks every running instance of a subject with its call tree: trees in the order of their root
   * ids, each root before its children — the order every step follows (docs/adr/0004).
   */
  async lockSubjectTrees(m: EntityManager, subject: Subject): Promise<void> {
    await m.query(
      `WITH subject_trees AS (SELECT DISTINCT root_id FROM process_instances WHERE subject_type = $1 AND subject_id = $2 AND status IN ('active', 'failed'))
       SELECT p.id FROM process_instances p JOIN subject_trees t ON p.root_id = t.root_id
        WHERE p.status IN ('active', 'failed') OR p.id = p.root_id
        ORDER BY p.root_id, p.id <> p.root_id, p.id FOR UPDATE OF p`,
      [subject.type, subject.id],
    );
  }

  /** Root first, then the target (ordered), with the row of `also` locked alongside. */
  private lockRows(m: EntityManager, target: string, id: string, also?: LockedAlongside): Promise<Array<Record<string, unknown>>> {
    return preparedQuery(
      m,
      `WITH target AS (${target})
       SELECT p.*, p.id = target.id AS is_target${also ? `, ${also.columns}` : ''}
         FROM process_instances p ${also?.join ?? ''}, target
        WHERE p.id = target.id OR p.id = (SELECT root_id FROM process_instances WHERE id = target.id)
        ORDER BY p.id = target.id FOR UPDATE OF p${also ? `, ${also.alias}` : ''}`,
      [id],
    );
  }

  /** The instance row of a step: updated, or inserted for a start (over the row a failed start left, when retried). */
  writeIn(stmt: WriteStatement, instance: ProcessInstanceEntity, isNew: boolean): void {
    const p = (value: unknown) => stmt.param(value);
    const values = {
      status: p(instance.status),
      state: p(JSON.stringify(instance.state)),
      variables: p(JSON.stringify(instance.variables)),
      active_element_ids: p(instance.activeElementIds),
      waits: p(JSON.stringify(instance.waits)),
      completed_by: p(JSON.stringify(instance.completedBy)),
      initiator: p(instance.initiator),
      updated_at: p(instance.updatedAt),
      ended_at: p(instance.endedAt),
    };
    if (!isNew) {
      const set = Object.entries(values).map(([column, value]) => `${column} = ${value}`);
      stmt.with('instance_row', `UPDATE process_instances SET ${set.join(', ')}, version = version + 1 WHERE id = ${p(instance.id)}`);
      return;
    }
    const fixed = {
      id: p(instance.id),
      definition_id: p(instance.definitionId),
      definition_key: p(instance.definitionKey),
      definition_version: p(instance.definitionVersion),
      subject_type: p(instance.subjectType),
      subject_id: p(instance.subjectId),
      parent_id: p(instance.parentId),
      parent_wait_key: p(instance.parentWaitKey),
      root_id: p(instance.rootId),
      call_depth: p(instance.callDepth),
      started_by: p(instance.startedBy),
      started_at: p(instance.startedAt),
    };
    const columns = { ...fixed, ...values };
    stmt.with(
      'instance_row',
      `INSERT INTO process_instances (${Object.keys(columns).join(', ')}) VALUES (${Object.values(columns).join(', ')})
       ON CONFLICT (id) DO UPDATE SET ${Object.keys(values)
         .map((column) => `${column} = EXCLUDED.${column}`)
         .join(', ')}, version = process_instances.version + 1`,
    );
  }

  /** An instance back to `active` by its step stays `failed` while another incident of it is open. */
  async keepFailedWhileIncidentOpen(m: EntityManager, instanceId: string): Promise<boolean> {
    const rows = await sql<{ id: string }>(
      m,
      `UPDATE process_instances SET status = 'failed'
        WHERE id = $1 AND EXISTS (SELECT 1 FROM process_incidents WHERE instance_id = $1 AND status = 'open') RETURNING id`,
      [instanceId],
    );
    return rows.length > 0;
  }

  /** A start that never succeeded still gets a row (status failed, no state) to carry its incident. */
  async insertFailedStart(
    m: EntityManager,
    row: {
      id: string;
      definitionId: string;
      definitionKey: string;
      definitionVersion: number;
      subject: Subject;
      variables: Record<string, unknown>;
      actor: string;
      at: Date;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO process_instances (id, definition_id, definition_key, definition_version, subject_type, subject_id, status, variables, initiator,
                                      root_id, started_by, started_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'failed', $7, $8, $1, $8, $9, $9)`,
      [row.id, row.definitionId, row.definitionKey, row.definitionVersion, row.subject.type, row.subject.id, JSON.stringify(row.variables), row.actor, row.at],
    );
  }

  async markFailed(m: EntityManager, instanceId: string, at: Date): Promise<void> {
    await m.query(`UPDATE process_instances SET status = 'failed', updated_at = $2, version = version + 1 WHERE id = $1 AND status = 'active'`, [
      instanceId,
      at,
    ]);
  }

  /** A `failed` instance whose last open incident was resolved outside a step runs again. */
  async reactivateUnlessIncidentOpen(m: EntityManager, instanceId: string, at: Date): Promise<void> {
    await m.query(
      `UPDATE process_instances SET status = 'active', updated_at = $2, version = version + 1
        WHERE id = $1 AND status = 'failed' AND NOT EXISTS (SELECT 1 FROM process_incidents WHERE instance_id = $1 AND status = 'open')`,
      [instanceId, at],
    );
  }

  /** Cancels an instance that has no state (its start failed). */
  async markCancelled(m: EntityManager, instanceId: string, at: Date): Promise<void> {
    await m.query(`UPDATE process_instances SET status = 'cancelled', ended_at = $2, updated_at = $2, version = version + 1 WHERE id = $1`, [instanceId, at]);
  }

  /** Serialises starts of one definition for one subject until the transaction ends. */
  async lockUniqueStart(m: EntityManager, definitionKey: string, subject: Subject): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('aimsflow.process-unique'), hashtext($1 || '|' || $2 || '|' || $3))`, [
      definitionKey,
      subject.type,
      subject.id,
    ]);
  }

  /** A running instance of the definition for the subject. */
  async runningFor(m: EntityManager, definitionKey: string, subject: Subject): Promise<string | undefined> {
    const row = await sqlOne<{ id: string }>(
      m,
      `SELECT id FROM process_instances WHERE subject_type = $1 AND subject_id = $2 AND definition_key = $3 AND status IN ('active', 'failed') LIMIT 1`,
      [subject.type, subject.id, definitionKey],
    );
    return row?.id;
  }

  /** Active top-level instances of a subject. */
  async activeTopLevel(m: EntityManager, subject: Subject): Promise<string[]> {
    const rows = await sql<{ id: string }>(
      m,
      `SELECT id FROM process_instances WHERE subject_type = $1 AND subject_id = $2 AND status = 'active' AND parent_id IS NULL ORDER BY started_at, id`,
      [subject.type, subject.id],
    );
    return rows.map((row) => row.id);
  }

  /** Running children started for the given call-activity waits of a parent. */
  async runningChildren(m: EntityManager, parentId: string, waitKeys: string[]): Promise<string[]> {
    const rows = await sql<{ id: string }>(
      m,
      `SELECT id FROM process_instances WHERE parent_id = $1 AND parent_wait_key = ANY($2) AND status IN ('active', 'failed') ORDER BY started_at, id`,
      [parentId, waitKeys],
    );
    return rows.map((row) => row.id);
  }

  async status(m: EntityManager, instanceId: string): Promise<string | undefined> {
    return (await sqlOne<{ status: string }>(m, `SELECT status FROM process_instances WHERE id = $1`, [instanceId]))?.status;
  }

  list(m: EntityManager, query: InstanceQueryDto): Promise<[ProcessInstanceEntity[], number]> {
    const qb = m.getRepository(ProcessInstanceEntity).createQueryBuilder('i');
    if (query.definitionKey) qb.andWhere('i.definition_key = :definitionKey', { definitionKey: query.definitionKey });
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    if (query.subjectType) qb.andWhere('i.subject_type = :subjectType', { subjectType: query.subjectType });
    if (query.subjectId) qb.andWhere('i.subject_id = :subjectId', { subjectId: query.subjectId });
    if (query.parentId) qb.andWhere('i.parent_id = :parentId', { parentId: query.parentId });
    return qb.orderBy('i.started_at', 'DESC').addOrderBy('i.id').take(query.limit).skip(query.offset).getManyAndCount();
  }

  async find(m: EntityManager, id: string): Promise<ProcessInstanceEntity | undefined> {
    return (await m.getRepository(ProcessInstanceEntity).findOneBy({ id })) ?? undefined;
  }

  exists(m: EntityManager, id: string): Promise<boolean> {
    return m.getRepository(ProcessInstanceEntity).existsBy({ id });
  }

  async definitionKeyOf(m: EntityManager, id: string): Promise<string | undefined> {
    return (await m.getRepository(ProcessInstanceEntity).findOne({ where: { id }, select: { id: true, definitionKey: true } }))?.definitionKey;
  }

  children(m: EntityManager, parentId: string): Promise<Array<Pick<ProcessInstanceEntity, 'id' | 'definitionKey' | 'status' | 'parentWaitKey'>>> {
    return m.getRepository(ProcessInstanceEntity).find({
      where: { parentId },
      select: { id: true, definitionKey: true, status: true, parentWaitKey: true },
      order: { startedAt: 'ASC', parentWaitKey: 'ASC', id: 'ASC' },
    });
  }
}
