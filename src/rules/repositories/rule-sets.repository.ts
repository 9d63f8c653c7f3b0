import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql, sqlOne } from '../../database/sql.js';
import type { RuleSetDocument } from '../../engine/rules/index.js';
import { type RuleSetSource, RuleSetVersionEntity } from '../entities/rule-set-version.entity.js';

/** A rule set as the list shows it: its active version's document (or the latest one's) and both numbers. */
export interface RuleSetListRow {
  key: string;
  active_version: number | null;
  active_source: RuleSetSource | null;
  active_document: RuleSetDocument | null;
  latest_document: RuleSetDocument;
  latest_version: string;
}

export interface NewRuleSetVersion {
  document: RuleSetDocument;
  contentHash: string;
  source: RuleSetSource;
  sourceFile: string | null;
  createdBy: string;
  createdAt: Date;
}

/** The only code that reads and writes `rule_sets` (the active-version pointers) and `rule_set_versions`. */
@Injectable()
export class RuleSetsRepository {
  list(m: EntityManager): Promise<RuleSetListRow[]> {
    return sql<RuleSetListRow>(
      m,
      `SELECT DISTINCT ON (v.key) v.key, s.active_version, a.source AS active_source, a.document AS active_document,
              v.document AS latest_document, max(v.version) OVER (PARTITION BY v.key) AS latest_version
         FROM rule_set_versions v
         LEFT JOIN rule_sets s ON s.key = v.key
         LEFT JOIN rule_set_versions a ON a.key = v.key AND a.version = s.active_version
        ORDER BY v.key, v.version DESC`,
    );
  }

  /** The active version of a key: undefined when the key is unknown, null when none is active. */
  async activeVersion(m: EntityManager, key: string): Promise<number | null | undefined> {
    const row = await sqlOne<{ active_version: number | null }>(m, `SELECT active_version FROM rule_sets WHERE key = $1`, [key]);
    return row ? row.active_version : undefined;
  }

  /** The active version and where it came from (file or api). */
  activeWithSource(m: EntityManager, key: string): Promise<{ version: number; source: RuleSetSource } | undefined> {
    return sqlOne<{ version: number; source: RuleSetSource }>(
      m,
      `SELECT v.version, v.source FROM rule_sets s JOIN rule_set_versions v ON v.key = s.key AND v.version = s.active_version WHERE s.key = $1`,
      [key],
    );
  }

  /** Keys that have an active version. */
  async activeKeys(m: EntityManager): Promise<string[]> {
    return (await sql<{ key: string }>(m, `SELECT key FROM rule_sets WHERE active_version IS NOT NULL`)).map((row) => row.key);
  }

  listVersions(m: EntityManager, key: string, limit: number, offset: number): Promise<[RuleSetVersionEntity[], number]> {
    return m.getRepository(RuleSetVersionEntity).findAndCount({ where: { key }, order: { version: 'DESC' }, take: limit, skip: offset });
  }

  async version(m: EntityManager, key: string, version: number): Promise<RuleSetVersionEntity | undefined> {
    return (await m.getRepository(RuleSetVersionEntity).findOneBy({ key, version })) ?? undefined;
  }

  /** The newest version of a key with exactly this content. */
  async versionWithContent(m: EntityManager, key: string, contentHash: string): Promise<number | undefined> {
    const row = await sqlOne<{ version: number }>(
      m,
      `SELECT version FROM rule_set_versions WHERE key = $1 AND content_hash = $2 ORDER BY version DESC LIMIT 1`,
      [key, contentHash],
    );
    return row?.version;
  }

  /** Serialises version numbering and activation of one key until the transaction ends. */
  async lockKey(m: EntityManager, key: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('aimsflow.rule-set:' || $1))`, [key]);
  }

  /** Serialises start-up syncs of replicas until the transaction ends. */
  async lockSync(m: EntityManager): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('aimsflow.rules-sync'))`);
  }

  /** The next version of the key (the caller holds `lockKey`). */
  async insertVersion(m: EntityManager, version: NewRuleSetVersion): Promise<RuleSetVersionEntity> {
    const next = await sqlOne<{ next: number }>(m, `SELECT coalesce(max(version), 0) + 1 AS next FROM rule_set_versions WHERE key = $1`, [
      version.document.key,
    ]);
    const repo = m.getRepository(RuleSetVersionEntity);
    return repo.save(repo.create({ key: version.document.key, version: next!.next, ...version }));
  }

  async activate(m: EntityManager, key: string, version: number, at: Date, by: string): Promise<void> {
    await m.query(
      `INSERT INTO rule_sets (key, active_version, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET active_version = $2, updated_at = $3`,
      [key, version, at],
    );
    await m.query(`UPDATE rule_set_versions SET activated_at = $3, activated_by = $4 WHERE key = $1 AND version = $2`, [key, version, at, by]);
  }
}
