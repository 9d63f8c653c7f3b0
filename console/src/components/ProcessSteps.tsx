import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { when } from './format';
import { ProblemMessage } from './ProblemMessage';

type Task = Schemas['TaskDto'];

/** Who holds a step: who completed it, who has it, or the roles that may take it. */
function holder(task: Task): string {
  if (task.completedBy) return task.completedBy;
  if (task.assignee) return task.assignee;
  return task.candidateRoles.length ? `any ${task.candidateRoles.join(' or ')}` : '—';
}

/** Tasks of one instance as steps, oldest first: status, who, and when done or due. */
export function StepsTable({ tasks, caption }: { tasks: Task[] | undefined; caption: string }) {
  const steps = tasks?.slice().sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <table className="list steps">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Status</th>
          <th scope="col">By</th>
          <th scope="col">Done or due</th>
        </tr>
      </thead>
      <tbody>
        {steps?.map((task) => (
          <tr key={task.id}>
            <td>
              <Link to={`/tasks/${task.id}`}>{task.name}</Link>
              {typeof task.item?.value === 'string' && <span className="muted"> ({task.item.value})</span>}
            </td>
            <td>
              <span className={`badge step-${task.status}`}>{task.status}</span>
              {task.outcome && <span className="muted"> {task.outcome}</span>}
            </td>
            <td>{holder(task)}</td>
            <td>
              {task.status === 'completed'
                ? when(task.completedAt)
                : task.status === 'open'
                  ? task.dueAt
                    ? `due ${when(task.dueAt)}`
                    : '—'
                  : when(task.cancelledAt)}
            </td>
          </tr>
        ))}
        {steps?.length === 0 && (
          <tr>
            <td colSpan={4}>No step yet.</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

/**
 * The steps a register entry's process has taken and has open (its user tasks, oldest first):
 * each with its status, who did or may do it, and when it was done or is due.
 */
export function ProcessSteps({ instanceId, caption }: { instanceId: string | null; caption: string }) {
  const tasks = useQuery({
    queryKey: ['tasks', 'instance', instanceId],
    enabled: !!instanceId,
    queryFn: () => unwrap(api.GET('/api/v1/tasks', { params: { query: { instanceId: instanceId!, limit: 100 } } })),
  });
  if (!instanceId) return <p>No process runs for it.</p>;
  return (
    <>
      <ProblemMessage error={tasks.error} />
      <StepsTable tasks={tasks.data?.items} caption={caption} />
      <p>
        <Link to={`/processes/instances/${instanceId}`}>Its process</Link>
      </p>
    </>
  );
}
