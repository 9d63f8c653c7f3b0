import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, lazy, Suspense, useState } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import { Link, useNavigate, useParams } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { when, isOverdue } from '../components/format';
import { ProblemMessage } from '../components/ProblemMessage';
import { SubjectLink } from '../components/SubjectLink';
import { GeneratedForm } from '../forms/GeneratedForm';
import { fromFormField } from '../forms/fields';
import { taskActions, useTaskMutations } from '../tasks';

/** What a task's `links` name, in words; a name the console does not know is shown as it is. */
const TASK_LINK_LABELS: Record<string, string> = {
  reviewInput: 'Management review input (JSON)',
  reviewInputPdf: 'Management review input (PDF)',
};

// The form-js viewer is loaded only for a task that has a Camunda form.
const CamundaForm = lazy(() => import('../forms/CamundaForm'));

/** One task: what to do, who may do it, and the form to complete it with. */
export function TaskPage() {
  const { id } = useParams() as { id: string };
  const { session } = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const task = useQuery({ queryKey: ['tasks', 'one', id], queryFn: () => unwrap(api.GET('/api/v1/tasks/{id}', { params: { path: { id } } })) });
  const act = useTaskMutations();
  const [delegateTo, setDelegateTo] = useState('');

  if (task.error) return <ProblemMessage error={task.error} />;
  if (!task.data) return <p className="loading">Loading…</p>;
  const t = task.data;
  const can = taskActions(t, session!);

  async function complete(variables: Record<string, unknown>) {
    await unwrap(api.POST('/api/v1/tasks/{id}/complete', { params: { path: { id } }, body: { variables } as Schemas['CompleteTaskDto'] }));
    await client.invalidateQueries({ queryKey: ['tasks'] });
    navigate('/inbox', { state: { completed: t.name } });
  }

  function delegate(event: FormEvent) {
    event.preventDefault();
    act.delegate.mutate({ id, to: delegateTo.trim() }, { onSuccess: () => setDelegateTo('') });
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/inbox">Inbox</Link> /
      </p>
      <h1>{t.name}</h1>
      {t.documentation && <p className="documentation">{t.documentation}</p>}
      <dl className="facts">
        <dt>Status</dt>
        <dd>{t.status}</dd>
        <dt>Process</dt>
        <dd>
          {t.definitionKey} v{t.definitionVersion}
        </dd>
        <dt>Subject</dt>
        <dd>
          <SubjectLink type={t.subjectType} id={t.subjectId} />
        </dd>
        <dt>Candidate roles</dt>
        <dd>{t.candidateRoles.join(', ')}</dd>
        <dt>Held by</dt>
        <dd>{t.assignee ?? 'nobody (claimable)'}</dd>
        <dt>Due</dt>
        <dd className={isOverdue(t.dueAt, t.status) ? 'overdue' : undefined}>{when(t.dueAt)}</dd>
        {t.separateFrom.length > 0 && (
          <>
            <dt>Segregation of duties</dt>
            <dd>Not by whoever completed: {t.separateFrom.join(', ')}</dd>
          </>
        )}
        {Object.keys(t.links).length > 0 && (
          <>
            <dt>To work from</dt>
            <dd>
              <ul className="plain">
                {Object.entries(t.links).map(([name, href]) => (
                  <li key={name}>
                    <a href={href}>{TASK_LINK_LABELS[name] ?? name}</a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {t.item && (
          <>
            <dt>Item</dt>
            <dd>
              {t.item.count !== undefined && `${t.item.index + 1} of ${t.item.count}: `}
              <code>{JSON.stringify(t.item.value)}</code>
            </dd>
          </>
        )}
      </dl>
      <div className="toolbar">
        {can.claim && (
          <Button className="button" onPress={() => act.claim.mutate(id)}>
            Claim
          </Button>
        )}
        {can.unclaim && (
          <Button className="button secondary" onPress={() => act.unclaim.mutate(id)}>
            Release
          </Button>
        )}
      </div>
      <ProblemMessage error={act.claim.error ?? act.unclaim.error} />
      {can.delegate && (
        <Form className="inline" onSubmit={delegate} aria-label="Delegate">
          <TextField value={delegateTo} onChange={setDelegateTo} isRequired>
            <Label>Delegate to (subject)</Label>
            <Input />
          </TextField>
          <Button type="submit" className="button secondary">
            Delegate
          </Button>
          <ProblemMessage error={act.delegate.error} />
        </Form>
      )}
      {can.complete ? (
        <section aria-labelledby="complete-heading">
          <h2 id="complete-heading">Complete</h2>
          {t.camundaForm ? (
            <Suspense fallback={<p className="loading">Loading the form…</p>}>
              <CamundaForm schema={t.camundaForm.schema} submitLabel="Complete task" onSubmit={complete} />
            </Suspense>
          ) : (
            <GeneratedForm specs={t.form.map(fromFormField)} pointerBase="/variables" submitLabel="Complete task" onSubmit={complete} />
          )}
        </section>
      ) : (
        t.status === 'open' && <p className="muted">You cannot complete this task: it is held by someone else or needs another role.</p>
      )}
      {t.status === 'completed' && (
        <section>
          <h2>Completed</h2>
          <p>
            By {t.completedBy} on {when(t.completedAt)}
            {t.outcome && <> — outcome {t.outcome}</>}
          </p>
          <pre>{JSON.stringify(t.variables, null, 2)}</pre>
        </section>
      )}
    </>
  );
}
