import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CamundaFormSchema } from '../../engine/forms/camunda-form.js';

/** One version of a Camunda form (form-js JSON); immutable once stored. */
@Entity('forms')
export class FormEntity {
  @PrimaryColumn('text', { name: 'form_id' })
  formId: string;

  @PrimaryColumn('integer')
  version: number;

  @Column('text', { nullable: true })
  name: string | null;

  @Column('jsonb')
  schema: CamundaFormSchema;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
