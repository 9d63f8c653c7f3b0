import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RuleExplanation } from '../../engine/rules/index.js';

/** A decision that changed state: what the rules saw, what they decided, and why. */
@Index('decisions_subject_idx', { synchronize: false })
@Index('decisions_rule_set_idx', { synchronize: false })
@Index('decisions_trigger_idx', { synchronize: false })
@Entity('decisions')
export class DecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { name: 'rule_set_key' })
  ruleSetKey: string;

  @Column('integer', { name: 'rule_set_version' })
  ruleSetVersion: number;

  @Column('text', { name: 'subject_type' })
  subjectType: string;

  @Column('text', { name: 'subject_id' })
  subjectId: string;

  /** What asked for the decision, e.g. ai-system.registered, process:<instance>/<element>. */
  @Column('text')
  trigger: string;

  @Column('jsonb')
  facts: Record<string, unknown>;

  @Column('jsonb')
  outcome: Record<string, unknown>;

  @Column('jsonb')
  explanation: RuleExplanation[];

  @Column('text')
  actor: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
