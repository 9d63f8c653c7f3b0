import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { sql, sqlOne } from '../../database/sql.js';
import { EvidenceEntity } from '../entities/evidence.entity.js';

export interface EvidenceLink {
  kind: string;
  id: string;
}

export interface EvidenceFilter {
  links: EvidenceLink[];
  expiringBefore?: Date;
  uploadedBy?: string;
  current?: boolean;
}

/** Per link target: how many current (not superseded) items, and how many of them expired. */
export interface CurrentEvidenceRow {
  targetId: string;
  id: string;
  fileName: string;
  sha256: string;
  sizeBytes: string;
  uploadedBy: string;
  createdAt: Date;
  validUntil: Date | null;
}

export interface LinkedEvidenceCount {
  targetId: string;
  count: number;
  expired: number;
}

/** One lock for every upload's final quota check: two uploads cannot both take the last free bytes. */
const QUOTA_LOCK = 'evidence-quota';

/** The only code that reads and writes `evidence` and `evidence_links`. */
@Injectable()
export class EvidenceRepository {
  async insert(m: EntityManager, row: EvidenceEntity, links: EvidenceLink[]): Promise<void> {
    const repo = m.getRepository(EvidenceEntity);
    await repo.insert(repo.create(row));
    if (!links.length) return;
    await m.query(
      'INSERT INTO evidence_links (evidence_id, kind, target_id) SELECT $1, kind, target_id FROM unnest($2::text[], $3::text[]) AS l(kind, target_id) ON CONFLICT DO NOTHING',
      [row.id, links.map((l) => l.kind), links.map((l) => l.id)],
    );
  }

  async find(m: EntityManager, id: string): Promise<EvidenceEntity | undefined> {
    return (await m.getRepository(EvidenceEntity).findOneBy({ id })) ?? undefined;
  }

  findMany(m: EntityManager, ids: string[]): Promise<EvidenceEntity[]> {
    return m.getRepository(EvidenceEntity).findBy({ id: In(ids) });
  }

  async lock(m: EntityManager, id: string): Promise<EvidenceEntity | undefined> {
    return (await m.getRepository(EvidenceEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })) ?? undefined;
  }

  async markSuperseded(m: EntityManager, id: string, by: string): Promise<void> {
    await m.getRepository(EvidenceEntity).update({ id }, { supersededBy: by });
  }

  /** Links of each item, in one query. */
  async linksOf(m: EntityManager, ids: string[]): Promise<Map<string, EvidenceLink[]>> {
    const rows = ids.length
      ? await sql<{ evidence_id: string; kind: string; target_id: string }>(
          m,
          'SELECT evidence_id, kind, target_id FROM evidence_links WHERE evidence_id = ANY($1::uuid[]) ORDER BY kind, target_id',
          [ids],
        )
      : [];
    const byId = new Map<string, EvidenceLink[]>(ids.map((id) => [id, []]));
    for (const row of rows) byId.get(row.evidence_id)?.push({ kind: row.kind, id: row.target_id });
    return byId;
  }

  /** Newest first; every link in the filter must be present (AND). */
  async list(m: EntityManager, filter: EvidenceFilter, limit: number, offset: number): Promise<[EvidenceEntity[], number]> {
    const qb = m.getRepository(EvidenceEntity).createQueryBuilder('e');
    filter.links.forEach((link, i) =>
      qb.andWhere(`EXISTS (SELECT 1 FROM evidence_links l WHERE l.evidence_id = e.id AND l.kind = :kind${i} AND l.target_id = :target${i})`, {
        [`kind${i}`]: link.kind,
        [`target${i}`]: link.id,
      }),
    );
    if (filter.expiringBefore) qb.andWhere('e.valid_until < :before', { before: filter.expiringBefore });
    if (filter.uploadedBy) qb.andWhere('e.uploaded_by = :uploadedBy', { uploadedBy: filter.uploadedBy });
    if (filter.current !== undefined) qb.andWhere(filter.current ? 'e.superseded_by IS NULL' : 'e.superseded_by IS NOT NULL');
    return qb.orderBy('e.created_at', 'DESC').addOrderBy('e.id', 'ASC').take(limit).skip(offset).getManyAndCount();
  }

  /** Current items linked to targets of one kind, and how many of them expired before `now`. */
  countsByTarget(m: EntityManager, kind: string, now: Date): Promise<LinkedEvidenceCount[]> {
    return sql<LinkedEvidenceCount>(
      m,
      `SELECT l.target_id AS "targetId", count(*)::int AS count, count(*) FILTER (WHERE e.valid_until < $2)::int AS expired
         FROM evidence_links l JOIN evidence e ON e.id = l.evidence_id
        WHERE l.kind = $1 AND e.superseded_by IS NULL
        GROUP BY l.target_id`,
      [kind, now],
    );
  }

  /**
   * A page of the items uploaded in [from, to), linked to one of `systemIds` when given, oldest first:
   * the `limit` items after the item `afterId` (keyset, so a long listing is read page by page).
   */
  uploadedBetween(m: EntityManager, from: Date, to: Date, systemIds: string[], afterId: string | null, limit: number): Promise<EvidenceEntity[]> {
    const qb = this.uploadedQuery(m, from, to, systemIds);
    // The cursor's own row gives its created_at at full (microsecond) precision, which a JS Date would round.
    if (afterId) qb.andWhere('(e.created_at, e.id) > (SELECT a.created_at, a.id FROM evidence a WHERE a.id = :afterId)', { afterId });
    return qb.orderBy('e.created_at', 'ASC').addOrderBy('e.id', 'ASC').limit(limit).getMany();
  }

  /** How many items `uploadedBetween` lists over all its pages. */
  countUploadedBetween(m: EntityManager, from: Date, to: Date, systemIds: string[]): Promise<number> {
    return this.uploadedQuery(m, from, to, systemIds).getCount();
  }

  private uploadedQuery(m: EntityManager, from: Date, to: Date, systemIds: string[]) {
    const qb = m.getRepository(EvidenceEntity).createQueryBuilder('e').where('e.created_at >= :from AND e.created_at < :to', { from, to });
    if (systemIds.length)
      qb.andWhere(`EXISTS (SELECT 1 FROM evidence_links l WHERE l.evidence_id = e.id AND l.kind = 'ai-system' AND l.target_id IN (:...systemIds))`, {
        systemIds,
      });
    return qb;
  }

  /** Current items linked to targets of one kind, oldest first. */
  currentByTarget(m: EntityManager, kind: string): Promise<CurrentEvidenceRow[]> {
    return sql<CurrentEvidenceRow>(
      m,
      `SELECT l.target_id AS "targetId", e.id, e.file_name AS "fileName", e.sha256, e.size_bytes::text AS "sizeBytes",
              e.uploaded_by AS "uploadedBy", e.created_at AS "createdAt", e.valid_until AS "validUntil"
         FROM evidence_links l JOIN evidence e ON e.id = l.evidence_id
        WHERE l.kind = $1 AND e.superseded_by IS NULL
        ORDER BY e.created_at, e.id`,
      [kind],
    );
  }

  /** Content bytes of every stored item together (the quota counts them, superseded items included: both are kept). */
  async totalBytes(m: EntityManager): Promise<number> {
    const [row] = await sql<{ total: string }>(m, 'SELECT coalesce(sum(size_bytes), 0)::text AS total FROM evidence');
    return Number(row.total);
  }

  /** Takes the quota lock until the transaction ends (an advisory lock guarding inserts: last in the lock order). */
  async lockQuota(m: EntityManager): Promise<void> {
    await sqlOne(m, 'SELECT pg_advisory_xact_lock(hashtext($1)) AS locked', [QUOTA_LOCK]);
  }
}
