import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { ImplementationStatus } from '../implementation-status.js';

/** Implementation status of an Annex A control, for the Statement of Applicability. */
@Entity('control_implementations')
export class ControlImplementationEntity {
  @PrimaryColumn('text', { name: 'control_id' })
  controlId: string;

  @Column('text')
  status: ImplementationStatus;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('text', { name: 'updated_by' })
  updatedBy: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
