import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { RuleSetDocument } from '../../engine/rules/index.js';

export type RuleSetSource = 'file' | 'api';

/** One immutable version of a rule set; `rule_sets.active_version` says which one decides. */
@Entity('rule_set_versions')
@Unique(['key', 'version'])
export class RuleSetVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  key: string;

  @Column('integer')
  version: number;

  @Column('jsonb')
  document: RuleSetDocument;

  /** sha256 of the canonical JSON of the document: a file is synced only when it differs. */
  @Column('text', { name: 'content_hash', select: false })
  contentHash: string;

  @Column('text')
  source: RuleSetSource;

  @Column('text', { name: 'source_file', nullable: true })
  sourceFile: string | null;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'activated_at', nullable: true })
  activatedAt: Date | null;

  @Column('text', { name: 'activated_by', nullable: true })
  activatedBy: string | null;
}
