import type { ParsedElement, ParsedProcess } from './model.js';

/**
 * A service task (or a send task without a message, which Camunda 7 runs like one) that names nothing aimsflow can run — no `aimsflow:handler`, no `zeebe:taskDefinition type`, no
 * Camunda 7 external topic; typically a Camunda 7 Java delegate (`camunda:class`, `camunda:expression`,
 * `camunda:delegateExpression`) or no implementation at all — is work done outside the engine. It becomes an
 * external job whose type is the element id (never resolved to a built-in handler): the instance waits until a
 * worker completes it (`POST /jobs/activate` with that type), and the deployment says so in a warning.
 */
export function withUnimplementedTasksAsJobs(p: ParsedProcess): ParsedProcess {
  const warnings = [...p.warnings];
  const elements: ParsedElement[] = p.elements.map((el) => {
    if (el.kind !== 'serviceTask' || el.handler || el.jobType) return el;
    warnings.push({
      elementId: el.id,
      message: `${el.type === 'bpmn:SendTask' ? 'send task without a message' : 'service task'} names no implementation aimsflow runs (aimsflow:handler, zeebe:taskDefinition type or camunda:topic): it waits as an external job of type "${el.id}" for a worker`,
    });
    return { ...el, jobType: el.id, external: true };
  });
  return warnings.length === p.warnings.length ? p : { ...p, elements, warnings };
}
