import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { Button } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { when } from '../components/format';
import { ProblemMessage } from '../components/ProblemMessage';
import { SubjectLink } from '../components/SubjectLink';

const BpmnDiagram = lazy(() => import('../components/BpmnDiagram'));

/** One process instance: its diagram with live state, open tasks, timers, incidents (retry), history, variables, parent and children. */
export function InstancePage() {
  const { id } = useParams() as { id: string };
  const { can } = useSession();
  const client = useQueryClient();
  const instance = useQuery({
    queryKey: ['process-instances', id],
    queryFn: () => unwrap(api.GET('/api/v1/process-instances/{id}', { params: { path: { id } } })),
  });
  const history = useQuery({
    queryKey: ['process-instances', id, 'history'],
    queryFn: () => unwrap(api.GET('/api/v1/process-instances/{id}/history', { params: { path: { id }, query: { limit: 200 } } })),
  });
  const i = instance.data;
  const xml = useQuery({
    queryKey: ['process-definitions', 'xml', i?.definitionKey, i?.definitionVersion],
    enabled: !!i,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/process-definitions/{key}/versions/{version}/xml', {
          params: { path: { key: i!.definitionKey, version: i!.definitionVersion } },
          parseAs: 'text',
        }),
      ) as Promise<string>,
  });
  const retry = useMutation({
    mutationFn: (incidentId: string) =>
      unwrap(api.POST('/api/v1/process-instances/{id}/incidents/{incidentId}/retry', { params: { path: { id, incidentId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['process-instances', id] }),
  });
  const steps = history.data?.items;
  const openIncidents = i?.incidents.filter((incident) => incident.status === 'open') ?? [];
  const markers = useMemo(
    () => ({
      'was-visited': [...new Set(steps?.flatMap((step) => [...step.elementsEntered, ...step.elementsLeft]) ?? [])],
      'is-active': i?.activeElementIds ?? [],
      'has-incident': i?.incidents.filter((incident) => incident.status === 'open').map((incident) => incident.elementId) ?? [],
    }),
    [steps, i],
  );

  if (instance.error) return <ProblemMessage error={instance.error} />;
  if (!i) return <p className="loading">Loading…</p>;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/processes?key=${encodeURIComponent(i.definitionKey)}`}>{i.definitionKey}</Link>
      </p>
      <h1>
        {i.definitionKey} v{i.definitionVersion}: instance
      </h1>
      <dl className="facts">
        <dt>Status</dt>
        <dd>{i.status}</dd>
        <dt>About</dt>
        <dd>
          <SubjectLink type={i.subject.type} id={i.subject.id} />
        </dd>
        <dt>Active at</dt>
        <dd>{i.activeElementIds.join(', ') || '—'}</dd>
        <dt>Started</dt>
        <dd>
          {when(i.startedAt)} by {i.startedBy}
        </dd>
        {i.endedAt && (
          <>
            <dt>Ended</dt>
            <dd>{when(i.endedAt)}</dd>
          </>
        )}
        <dt>Parent</dt>
        <dd>{i.parent ? <Link to={`/processes/instances/${i.parent.id}`}>{i.parent.definitionKey}</Link> : '—'}</dd>
      </dl>
      <ProblemMessage error={history.error ?? xml.error ?? retry.error} />
      <Suspense fallback={<p className="loading">Loading the diagram viewer…</p>}>
        {xml.data && (
          <BpmnDiagram
            xml={xml.data}
            title={i.definitionKey}
            markers={markers}
            caption="Active elements are outlined in blue, the path taken is shaded, elements with an open incident are outlined in red; the lists below name each."
          />
        )}
      </Suspense>

      <section aria-labelledby="tasks-heading">
        <h2 id="tasks-heading">Open tasks</h2>
        {i.openTasks.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {i.openTasks.map((task) => (
              <li key={task.id}>
                <Link to={`/tasks/${task.id}`}>{task.name}</Link> at <code>{task.elementId}</code>,{' '}
                {task.assignee ? `held by ${task.assignee}` : `for ${task.candidateRoles.join(', ')}`}
                {task.dueAt && <>, due {when(task.dueAt)}</>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="timers-heading">
        <h2 id="timers-heading">Pending timers</h2>
        {i.timers.filter((timer) => timer.status === 'pending').length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {i.timers
              .filter((timer) => timer.status === 'pending')
              .map((timer) => (
                <li key={timer.id}>
                  <code>{timer.elementId}</code> due {when(timer.dueAt)}
                </li>
              ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="incidents-heading">
        <h2 id="incidents-heading">Incidents</h2>
        {i.incidents.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {i.incidents.map((incident) => (
              <li key={incident.id}>
                <code>{incident.elementId}</code>: {incident.message} ({incident.attempts} attempts, {incident.status}
                {incident.resolution && `: ${incident.resolution} by ${incident.resolvedBy}`}){' '}
                {incident.status === 'open' && can('governance') && (
                  <Button className="button small" aria-label={`Retry ${incident.elementId}`} onPress={() => retry.mutate(incident.id)}>
                    Retry
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
        {openIncidents.length > 0 && !can('governance') && <p className="muted">Retrying an incident needs the governance role.</p>}
      </section>

      <section aria-labelledby="children-heading">
        <h2 id="children-heading">Child instances</h2>
        {i.children.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {i.children.map((child) => (
              <li key={child.id}>
                <Link to={`/processes/instances/${child.id}`}>{child.definitionKey}</Link>: {child.status}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <ol className="timeline">
          {steps?.map((step) => (
            <li key={step.id}>
              <time dateTime={step.at}>{when(step.at)}</time> <strong>{step.event}</strong> by {step.actor}
              {step.elementsLeft.length > 0 && <> · left {step.elementsLeft.join(', ')}</>}
              {step.elementsEntered.length > 0 && <> · entered {step.elementsEntered.join(', ')}</>}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="variables-heading">
        <h2 id="variables-heading">Variables</h2>
        <pre tabIndex={0} aria-label="Variables">
          {JSON.stringify(i.variables, null, 2)}
        </pre>
      </section>
    </>
  );
}
