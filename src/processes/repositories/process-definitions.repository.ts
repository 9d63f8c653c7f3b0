import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hydrate } from '../../database/rows.js';
import { sql, sqlOne } from '../../database/sql.js';
import type { StartEventInfo } from '../../engine/process/index.js';
import { type DefinitionSource, ProcessDefinitionEntity } from '../entities/process-definition.entity.js';

const COLUMNS = `id, key, version, name, documentation, content_hash, unique_per_subject, start_events, source, source_file, deployed_by, deployed_at`;
const LATEST = `SELECT DISTINCT ON (key) ${COLUMNS} FROM process_definitions ORDER BY key, version DESC`;

export type DefinitionVersionSummary = Pick<ProcessDefinitionEntity, 'version' | 'contentHash' | 'source' | 'sourceFile' | 'deployedBy' | 'deployedAt'>;

export interface NewDefinitionVersion {
  key: string;
  name: string | null;
  documentation: string | null;
  xml: string;
  contentHash: string;
  uniquePerSubject: boolean;
  startEvents: StartEventInfo[];
  source: DefinitionSource;
  sourceFile: string | null;
  deployedBy: string;
  deployedAt: Date;
}

/** The only code that reads and writes `process_definitions` (immutable versions; the XML is read only where needed). */
@Injectable()
export class ProcessDefinitionsRepository {
  /** Serialises deployments of one key until the transaction ends. */
  async lockKey(m: EntityManager, key: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('aimsflow.process-definition:' || $1))`, [key]);
  }

  async withContent(m: EntityManager, key: string, contentHash: string): Promise<ProcessDefinitionEntity | undefined> {
    return this.one(m, `SELECT ${COLUMNS} FROM process_definitions WHERE key = $1 AND content_hash = $2`, [key, contentHash]);
  }

  /** Stores the next version of the key (the caller holds `lockKey`). */
  async insertNextVersion(m: EntityManager, d: NewDefinitionVersion): Promise<ProcessDefinitionEntity> {
    const row = await this.one(
      m,
      `INSERT INTO process_definitions (key, version, name, documentation, xml, content_hash, unique_per_subject, start_events, source, source_file, deployed_by, deployed_at)
       SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 FROM process_definitions WHERE key = $1
       RETURNING ${COLUMNS}`,
      [
        d.key,
        d.name,
        d.documentation,
        d.xml,
        d.contentHash,
        d.uniquePerSubject,
        JSON.stringify(d.startEvents),
        d.source,
        d.sourceFile,
        d.deployedBy,
        d.deployedAt,
      ],
    );
    return row!;
  }

  /** The latest version of every key, by key. */
  async listLatest(m: EntityManager, limit: number, offset: number): Promise<[ProcessDefinitionEntity[], number]> {
    const items = await this.many(m, `SELECT ${COLUMNS} FROM (${LATEST}) d ORDER BY key LIMIT $1 OFFSET $2`, [limit, offset]);
    const count = await sqlOne<{ total: number }>(m, `SELECT count(DISTINCT key)::int AS total FROM process_definitions`);
    return [items, count?.total ?? 0];
  }

  versions(m: EntityManager, key: string): Promise<DefinitionVersionSummary[]> {
    return m.getRepository(ProcessDefinitionEntity).find({
      where: { key },
      order: { version: 'DESC' },
      select: { version: true, contentHash: true, source: true, sourceFile: true, deployedBy: true, deployedAt: true },
    });
  }

  /** The id of the latest version of every key, by key. */
  latestIds(m: EntityManager): Promise<Array<{ id: string; key: string }>> {
    return sql(m, `SELECT id, key FROM (${LATEST}) d ORDER BY key`);
  }

  /** Every stored version, by key and version. */
  allVersions(m: EntityManager): Promise<Array<{ id: string; key: string; version: number }>> {
    return sql(m, `SELECT id, key, version FROM process_definitions ORDER BY key, version`);
  }

  async xml(m: EntityManager, key: string, version: number): Promise<string | undefined> {
    return (await sqlOne<{ xml: string }>(m, `SELECT xml FROM process_definitions WHERE key = $1 AND version = $2`, [key, version]))?.xml;
  }

  /** The XML of a version and its key: the process of the file it is (a file may hold several). */
  sourceById(m: EntityManager, id: string): Promise<{ key: string; xml: string } | undefined> {
    return sqlOne<{ key: string; xml: string }>(m, `SELECT key, xml FROM process_definitions WHERE id = $1`, [id]);
  }

  /** A version of a key; the latest when `version` is undefined. */
  find(m: EntityManager, key: string, version?: number): Promise<ProcessDefinitionEntity | undefined> {
    return version === undefined
      ? this.one(m, `SELECT ${COLUMNS} FROM process_definitions WHERE key = $1 ORDER BY version DESC LIMIT 1`, [key])
      : this.one(m, `SELECT ${COLUMNS} FROM process_definitions WHERE key = $1 AND version = $2`, [key, version]);
  }

  byId(m: EntityManager, id: string): Promise<ProcessDefinitionEntity | undefined> {
    return this.one(m, `SELECT ${COLUMNS} FROM process_definitions WHERE id = $1`, [id]);
  }

  async exists(m: EntityManager, key: string): Promise<boolean> {
    return (await sql(m, `SELECT 1 FROM process_definitions WHERE key = $1 LIMIT 1`, [key])).length > 0;
  }

  /** Whether the version is the latest of its key (an older one no longer schedules timer starts). */
  async isLatest(m: EntityManager, id: string): Promise<boolean> {
    const row = await sqlOne<{ latest: boolean }>(
      m,
      `SELECT d.version = (SELECT max(version) FROM process_definitions WHERE key = d.key) AS latest FROM process_definitions d WHERE d.id = $1`,
      [id],
    );
    return row?.latest ?? false;
  }

  /** The latest version of each key that has a message start event of this name. */
  withMessageStart(m: EntityManager, messageName: string): Promise<ProcessDefinitionEntity[]> {
    return this.many(
      m,
      `SELECT ${COLUMNS} FROM (${LATEST}) d
        WHERE start_events @> jsonb_build_array(jsonb_build_object('kind', 'message', 'messageName', $1::text))
        ORDER BY key`,
      [messageName],
    );
  }

  /** The latest version of each key that has a signal start event of this name. */
  withSignalStart(m: EntityManager, signalName: string): Promise<ProcessDefinitionEntity[]> {
    return this.many(
      m,
      `SELECT ${COLUMNS} FROM (${LATEST}) d
        WHERE start_events @> jsonb_build_array(jsonb_build_object('kind', 'signal', 'signalName', $1::text))
        ORDER BY key`,
      [signalName],
    );
  }

  private async one(m: EntityManager, text: string, params: unknown[]): Promise<ProcessDefinitionEntity | undefined> {
    return (await this.many(m, text, params))[0];
  }

  private async many(m: EntityManager, text: string, params: unknown[]): Promise<ProcessDefinitionEntity[]> {
    const rows = await sql<Record<string, unknown>>(m, text, params);
    return rows.map((row) => hydrate(m, ProcessDefinitionEntity, row));
  }
}
