import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from './api/client';
import type { Session } from './auth/session';

export type Task = Schemas['TaskDto'];

/** What the signed-in person may do with a task, from its state and their roles (the API decides again). */
export function taskActions(task: Task, session: Session) {
  const admin = session.roles.includes('admin');
  const candidate = admin || task.candidateRoles.some((role) => session.roles.includes(role));
  const mine = task.assignee === session.identity;
  const open = task.status === 'open';
  return {
    claim: open && !task.assignee && candidate,
    unclaim: open && (mine || (admin && !!task.assignee)),
    delegate: open && (mine || admin || (!task.assignee && candidate)),
    complete: open && (mine || (!task.assignee && candidate)),
  };
}

/** Claim, unclaim, delegate: each refreshes the task lists once the service answered. */
export function useTaskMutations() {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: ['tasks'] });
  const path = (id: string) => ({ params: { path: { id } } });
  return {
    claim: useMutation({ mutationFn: (id: string) => unwrap(api.POST('/api/v1/tasks/{id}/claim', path(id))), onSuccess: done }),
    unclaim: useMutation({ mutationFn: (id: string) => unwrap(api.POST('/api/v1/tasks/{id}/unclaim', path(id))), onSuccess: done }),
    delegate: useMutation({
      mutationFn: ({ id, to }: { id: string; to: string }) => unwrap(api.POST('/api/v1/tasks/{id}/delegate', { ...path(id), body: { to } })),
      onSuccess: done,
    }),
  };
}
