import { isFeel, type ParsedElement, type StartPolicy } from '../../engine/process/index.js';
import { canonicalRole } from '../../tasks/candidate-roles.js';

/** A role a definition names literally, and where. */
export interface NamedRole {
  elementId: string;
  /** As written in the BPMN (`risk_officer`). */
  written: string;
  /** The role key it means (`risk-officer`). */
  role: string;
  /** The attribute that names it, for messages. */
  via: 'candidate roles' | 'aimsflow:startableBy';
}

/**
 * Every role a definition names literally: the candidate roles (or groups) of its user tasks, in
 * any syntax the parser reads (`aimsflow:candidateRoles`, `camunda:candidateGroups`,
 * `zeebe:assignmentDefinition candidateGroups`), and its `aimsflow:startableBy`. FEEL candidate
 * roles are computed when the task opens and cannot be named here.
 */
export function rolesNamedBy(definition: { key: string; startableBy?: StartPolicy; elements: Iterable<ParsedElement> }): NamedRole[] {
  const named: NamedRole[] = [];
  for (const el of definition.elements) {
    if (el.kind !== 'userTask' || !el.candidateRoles || isFeel(el.candidateRoles) || /^[$#]\{/.test(el.candidateRoles)) continue;
    for (const written of el.candidateRoles.split(',').map((r) => r.trim())) {
      if (written) named.push({ elementId: el.id, written, role: canonicalRole(written), via: 'candidate roles' });
    }
  }
  for (const written of Array.isArray(definition.startableBy) ? definition.startableBy : []) {
    named.push({ elementId: definition.key, written, role: canonicalRole(written), via: 'aimsflow:startableBy' });
  }
  return named;
}
