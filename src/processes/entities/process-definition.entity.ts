import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { StartEventInfo } from '../../engine/process/index.js';

export type DefinitionSource = 'file' | 'api';

/** One immutable version of a BPMN process definition. */
// Unique indexes (key + version, key + content hash) are written in the migration.
@Index('process_definitions_version_idx', { synchronize: false })
@Index('process_definitions_content_idx', { synchronize: false })
@Check('process_definitions_source_check', `source IN ('file', 'api')`)
@Entity('process_definitions')
export class ProcessDefinitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The BPMN process id. */
  @Column('text')
  key: string;

  @Column('integer')
  version: number;

  @Column('text', { nullable: true })
  name: string | null;

  @Column('text', { nullable: true })
  documentation: string | null;

  @Column('text', { select: false })
  xml: string;

  /** sha256 of the XML (line endings normalised): deploying the same content again returns this version. */
  @Column('text', { name: 'content_hash' })
  contentHash: string;

  @Column('boolean', { name: 'unique_per_subject', default: false })
  uniquePerSubject: boolean;

  @Column('jsonb', { name: 'start_events', default: () => "'[]'" })
  startEvents: StartEventInfo[];

  @Column('text')
  source: DefinitionSource;

  @Column('text', { name: 'source_file', nullable: true })
  sourceFile: string | null;

  @Column('text', { name: 'deployed_by' })
  deployedBy: string;

  @Column('timestamptz', { name: 'deployed_at' })
  deployedAt: Date;
}
