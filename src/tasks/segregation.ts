import { subjectKey } from '../auth/subject.js';
import type { Wait } from '../engine/process/index.js';
import type { TaskEntity } from './entities/task.entity.js';

export interface InstanceDuties {
  initiator: string | null;
  completedBy: Record<string, string[]>;
  /** The instance's current waits: multi-instance items carry who completed the other items so far. */
  waits: Wait[];
}

/** What segregation of duties asks of a task: the part of a task row (or of a task about to be opened) it reads. */
export type SegregatedTask = Pick<TaskEntity, 'separateFrom' | 'elementId' | 'waitKey'> & { item: unknown };

/**
 * Who may not complete the task, by rule, in the order the rules are checked: whoever started the
 * instance or completed a task named in `separateFrom`, subjects a process names by expression,
 * and on a multi-instance activity whoever completed one of its other items. Nobody is exempt,
 * admins included.
 */
export function segregationBars(task: SegregatedTask, duties: InstanceDuties): Array<{ rule: string; subjects: readonly string[] }> {
  const wait = duties.waits.find((w) => w.kind === 'userTask' && w.key === task.waitKey);
  const itemCompleters = wait?.kind === 'userTask' ? (wait.item?.completedBy ?? []) : [];
  const bars: Array<{ rule: string; subjects: readonly string[] }> = [];
  for (const ref of task.separateFrom) {
    if (ref === 'initiator') bars.push({ rule: 'separateFrom: initiator', subjects: duties.initiator === null ? [] : [duties.initiator] });
    // Naming the activity itself on a multi-instance task means its other items of this activation.
    else bars.push({ rule: `separateFrom: ${ref}`, subjects: (ref === task.elementId && task.item ? itemCompleters : duties.completedBy[ref]) ?? [] });
  }
  if (wait?.kind === 'userTask') bars.push({ rule: 'separateFrom: a subject named by expression', subjects: wait.separateFromSubjects ?? [] });
  bars.push({ rule: 'multi-instance: one item per person', subjects: itemCompleters });
  return bars;
}

/**
 * The segregation-of-duties rule that forbids `subject` to complete the task, if any (see
 * segregationBars). Subjects compare in their canonical form (`Mallory` and ` mallory` are one
 * person), also where a process names them in a variable.
 */
export function segregationViolation(task: SegregatedTask, duties: InstanceDuties, subject: string): string | undefined {
  const who = subjectKey(subject);
  return segregationBars(task, duties).find((bar) => bar.subjects.some((s) => subjectKey(s) === who))?.rule;
}
