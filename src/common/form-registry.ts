import type { EntityManager } from 'typeorm';
import type { CamundaFormSchema } from '../engine/forms/camunda-form.js';

/** One stored version of a Camunda form. */
export interface StoredForm {
  formId: string;
  version: number;
  schema: CamundaFormSchema;
}

/**
 * The Camunda forms register as other modules see it (process deployment, the step that opens
 * tasks), provided by the forms module: they ask it and never touch its table.
 */
export abstract class FormRegistry {
  /** The latest version of each of the ids that names a stored form (ids without one are left out). */
  abstract latest(m: EntityManager, formIds: string[]): Promise<Map<string, StoredForm>>;
}
