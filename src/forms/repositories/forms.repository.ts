import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql, sqlOne } from '../../database/sql.js';
import { FormEntity } from '../entities/form.entity.js';

/** A form id with its latest version, as the list shows it. */
export interface FormSummaryRow {
  formId: string;
  name: string | null;
  latestVersion: number;
  updatedAt: Date;
}

/** The only code that reads and writes `forms`. */
@Injectable()
export class FormsRepository {
  /** Serialises new versions of one form id (held until the transaction ends). */
  async lockId(m: EntityManager, formId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('aimsflow.form:' || $1))`, [formId]);
  }

  /** Stores the next version of the id (the caller holds `lockId`). */
  async insertNextVersion(m: EntityManager, row: Omit<FormEntity, 'version'>): Promise<FormEntity> {
    const { version } = (await sqlOne<{ version: number }>(
      m,
      `INSERT INTO forms (form_id, version, name, schema, created_by, created_at)
       SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5 FROM forms WHERE form_id = $1
       RETURNING version`,
      [row.formId, row.name, JSON.stringify(row.schema), row.createdBy, row.createdAt],
    ))!;
    return { ...row, version };
  }

  /** Form ids with their latest version, by id; `search` matches the id or the latest name. */
  async list(m: EntityManager, search: string | undefined, limit: number, offset: number): Promise<[FormSummaryRow[], number]> {
    const latest = `WITH latest AS (SELECT DISTINCT ON (form_id) form_id, name, version, created_at FROM forms ORDER BY form_id, version DESC)`;
    const where = `WHERE $1::text IS NULL OR form_id ILIKE $1 OR name ILIKE $1`;
    const like = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = await sql<FormSummaryRow>(
      m,
      `${latest} SELECT form_id AS "formId", name, version AS "latestVersion", created_at AS "updatedAt" FROM latest ${where} ORDER BY form_id LIMIT $2 OFFSET $3`,
      [like, limit, offset],
    );
    const { total } = (await sqlOne<{ total: number }>(m, `${latest} SELECT count(*)::int AS total FROM latest ${where}`, [like]))!;
    return [rows, total];
  }

  /** Every version of the id, newest first. */
  versions(m: EntityManager, formId: string): Promise<FormEntity[]> {
    return m.getRepository(FormEntity).find({ where: { formId }, order: { version: 'DESC' } });
  }

  async version(m: EntityManager, formId: string, version: number): Promise<FormEntity | undefined> {
    return (await m.getRepository(FormEntity).findOneBy({ formId, version })) ?? undefined;
  }

  /** The latest version of each id that exists. */
  latest(m: EntityManager, formIds: string[]): Promise<FormEntity[]> {
    return sql<FormEntity>(
      m,
      `SELECT DISTINCT ON (form_id) form_id AS "formId", version, name, schema, created_by AS "createdBy", created_at AS "createdAt"
         FROM forms WHERE form_id = ANY($1) ORDER BY form_id, version DESC`,
      [formIds],
    );
  }
}
