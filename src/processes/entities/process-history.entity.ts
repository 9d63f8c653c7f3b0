import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One transition of an instance: the event, the elements left and entered, who and when. */
@Index('process_history_instance_idx', { synchronize: false })
@Entity('process_history')
export class ProcessHistoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('uuid', { name: 'instance_id' })
  instanceId: string;

  /** `start`, `task.complete`, `timer.fire`, `message`, `child.complete`, `cancel`, `rule.result`, `service.result`. */
  @Column('text')
  event: string;

  @Column('text', { name: 'wait_key', nullable: true })
  waitKey: string | null;

  @Column('jsonb', { name: 'elements_left' })
  elementsLeft: string[];

  @Column('jsonb', { name: 'elements_entered' })
  elementsEntered: string[];

  /** Decisions stored by business rule tasks in this transition. */
  @Column('jsonb', { name: 'decision_ids', default: () => "'[]'" })
  decisionIds: string[];

  @Column('text')
  actor: string;

  @Column('timestamptz')
  at: Date;

  /** What drove the step: task id, message name, timer job, incident retried, reason of a cancel. */
  @Column('jsonb', { nullable: true })
  details: Record<string, unknown> | null;
}
