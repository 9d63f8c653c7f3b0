import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Input, Label, TextField } from 'react-aria-components';
import { Link, useLocation } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { when, isOverdue } from '../components/format';
import { useListParams } from '../components/list-params';
import { FilterForm } from '../components/RegisterList';
import { Pagination } from '../components/Pagination';
import { SubjectLink } from '../components/SubjectLink';
import { ProblemMessage } from '../components/ProblemMessage';
import { type Task, taskActions, useTaskMutations } from '../tasks';

const LIMIT = 20;
const FILTERS = ['candidateRole', 'instanceId', 'subjectType', 'subjectId', 'dueBefore'] as const;

/** My tasks and the tasks I may claim, with the API's filters kept in the address bar. */
export function Inbox() {
  const { session } = useSession();
  const list = useListParams();
  const { params, offset, picked, setOffset } = list;
  const completed = (useLocation().state as { completed?: string } | null)?.completed;
  const dueBefore = params.get('dueBefore');
  const query = {
    limit: LIMIT,
    offset,
    ...(params.get('overdue') === 'true' ? { overdue: 'true' as const } : {}),
    ...picked(FILTERS),
    ...(dueBefore ? { dueBefore: new Date(dueBefore).toISOString() } : {}),
  };
  const tasks = useQuery({
    queryKey: ['tasks', 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/tasks', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const act = useTaskMutations();
  const error = act.claim.error ?? act.unclaim.error;

  const mine = tasks.data?.items.filter((t) => t.assignee === session!.identity) ?? [];
  const others = tasks.data?.items.filter((t) => t.assignee !== session!.identity) ?? [];
  const filtered = FILTERS.some((f) => params.get(f));

  function rows(list: Task[]) {
    return list.map((task) => {
      const can = taskActions(task, session!);
      return (
        <tr key={task.id}>
          <td>
            <Link to={`/tasks/${task.id}`}>{task.name}</Link>
            {task.item && (
              <span className="muted">
                {' '}
                (item {task.item.index + 1}
                {task.item.count !== undefined && ` of ${task.item.count}`})
              </span>
            )}
          </td>
          <td>{task.definitionKey}</td>
          <td>
            <SubjectLink type={task.subjectType} id={task.subjectId} />
          </td>
          <td>{task.candidateRoles.join(', ')}</td>
          <td className={isOverdue(task.dueAt, task.status) ? 'overdue' : undefined}>
            {when(task.dueAt)}
            {isOverdue(task.dueAt, task.status) && ' (overdue)'}
          </td>
          <td>{task.assignee ?? '—'}</td>
          <td className="actions">
            {can.claim && (
              <Button className="button small" onPress={() => act.claim.mutate(task.id)} aria-label={`Claim ${task.name}`}>
                Claim
              </Button>
            )}
            {can.unclaim && (
              <Button className="button small secondary" onPress={() => act.unclaim.mutate(task.id)} aria-label={`Release ${task.name}`}>
                Release
              </Button>
            )}
          </td>
        </tr>
      );
    });
  }

  const table = (caption: string, list: Task[]) => (
    <table className="list">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Task</th>
          <th scope="col">Process</th>
          <th scope="col">Subject</th>
          <th scope="col">Roles</th>
          <th scope="col">Due</th>
          <th scope="col">Held by</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {list.length ? (
          rows(list)
        ) : (
          <tr>
            <td colSpan={7}>None.</td>
          </tr>
        )}
      </tbody>
    </table>
  );

  return (
    <>
      <h1>Inbox</h1>
      {completed && (
        <p role="status" className="notice">
          Completed: {completed}.
        </p>
      )}
      <FilterForm list={list} label="Filter tasks">
        <Checkbox name="overdue" value="true" defaultSelected={params.get('overdue') === 'true'}>
          <span className="checkbox" aria-hidden="true" />
          Overdue only
        </Checkbox>
        <TextField name="dueBefore" type="date" defaultValue={params.get('dueBefore') ?? ''}>
          <Label>Due before</Label>
          <Input />
        </TextField>
        <TextField name="candidateRole" defaultValue={params.get('candidateRole') ?? ''}>
          <Label>Role</Label>
          <Input />
        </TextField>
        <TextField name="instanceId" defaultValue={params.get('instanceId') ?? ''}>
          <Label>Process instance</Label>
          <Input />
        </TextField>
        <TextField name="subjectType" defaultValue={params.get('subjectType') ?? ''}>
          <Label>Subject type</Label>
          <Input placeholder="ai-system" />
        </TextField>
        <TextField name="subjectId" defaultValue={params.get('subjectId') ?? ''}>
          <Label>Subject id</Label>
          <Input />
        </TextField>
      </FilterForm>
      <ProblemMessage error={tasks.error ?? error} />
      {filtered ? (
        table('Matching tasks', tasks.data?.items ?? [])
      ) : (
        <>
          {table('Assigned to me', mine)}
          {table('Claimable with my roles', others)}
        </>
      )}
      {tasks.data && <Pagination offset={offset} limit={LIMIT} total={tasks.data.total} onOffset={setOffset} />}
    </>
  );
}
