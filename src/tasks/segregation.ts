import { subjectKey } from '../auth/subject.js';
import type { Wait } from '../engine/process/index.js';
import type { TaskEntity } from './entities/task.entity.js';

export interface InstanceDuties {
  initiator: string | null;
  completedBy: Record<string, string[]>;
  /** The instance's current waits: multi-instance items carry who completed the other items so far. */
  waits: Wait[];
}

/**
 * The segregation-of-duties rule that forbids `subject` to complete the task, if any: whoever
 * started the instance or completed a task named in `separateFrom` may not complete it, and one
 * person completes at most one item of a multi-instance activity. Nobody is exempt, admins included.
 * Subjects compare in their canonical form (`Mallory` and ` mallory` are one person), also where a
 * process names them in a variable.
 */
export function segregationViolation(task: TaskEntity, duties: InstanceDuties, subject: string): string | undefined {
  const who = subjectKey(subject);
  const among = (subjects: readonly string[] | null | undefined) => (subjects ?? []).some((s) => subjectKey(s) === who);
  const wait = duties.waits.find((w) => w.kind === 'userTask' && w.key === task.waitKey);
  const itemCompleters = wait?.kind === 'userTask' ? (wait.item?.completedBy ?? []) : [];
  for (const ref of task.separateFrom) {
    if (ref === 'initiator') {
      if (among(duties.initiator === null ? [] : [duties.initiator])) return 'separateFrom: initiator';
      continue;
    }
    // Naming the activity itself on a multi-instance task means its other items of this activation.
    if (among(ref === task.elementId && task.item ? itemCompleters : duties.completedBy[ref])) return `separateFrom: ${ref}`;
  }
  if (wait?.kind === 'userTask' && among(wait.separateFromSubjects)) return 'separateFrom: a subject named by expression';
  if (among(itemCompleters)) return 'multi-instance: one item per person';
  return undefined;
}
