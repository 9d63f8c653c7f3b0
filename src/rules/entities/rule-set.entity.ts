import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The pointer to the active version of each rule set. */
@Entity('rule_sets')
export class RuleSetEntity {
  @PrimaryColumn('text')
  key: string;

  @Column('integer', { name: 'active_version', nullable: true })
  activeVersion: number | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
