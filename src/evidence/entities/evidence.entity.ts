import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One evidence item: what it is and who collected it, the SHA-256 of its content (recorded in
 * its audit event too) and the item that superseded it. Its content is in `evidence_chunks` and
 * its links in `evidence_links` (both written with SQL by the repositories). Immutable but for
 * `supersededBy`, which is set once (a database trigger refuses anything else).
 */
@Entity('evidence')
export class EvidenceEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'file_name' })
  fileName: string;

  @Column('text', { name: 'content_type' })
  contentType: string;

  /** bigint: node-postgres hands it over as a string; the repository makes it a number. */
  @Column('bigint', { name: 'size_bytes', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  sizeBytes: number;

  @Column('text')
  sha256: string;

  @Column('integer', { name: 'chunk_bytes' })
  chunkBytes: number;

  @Column('text')
  description: string;

  @Column('text', { name: 'collected_by' })
  collectedBy: string;

  @Column('text', { name: 'uploaded_by' })
  uploadedBy: string;

  @Column('timestamptz', { name: 'valid_until', nullable: true })
  validUntil: Date | null;

  @Column('uuid', { nullable: true })
  supersedes: string | null;

  @Column('text', { name: 'supersede_reason', nullable: true })
  supersedeReason: string | null;

  @Column('uuid', { name: 'superseded_by', nullable: true })
  supersededBy: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
