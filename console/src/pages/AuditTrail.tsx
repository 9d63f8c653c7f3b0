import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Input, Label, TextField } from 'react-aria-components';
import { api, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { when } from '../components/format';
import { useListParams } from '../components/list-params';
import { FilterForm } from '../components/RegisterList';
import { Pagination } from '../components/Pagination';
import { ProblemMessage } from '../components/ProblemMessage';

const LIMIT = 25;
const TEXT_FILTERS = [
  ['subjectType', 'Subject type'],
  ['subjectId', 'Subject id'],
  ['actor', 'Actor'],
  ['action', 'Action'],
] as const;
/** The API's roles for the audit trail (admin passes every check). */
export const AUDIT_TRAIL_ROLES = ['auditor', 'external-auditor'];

/** A datetime-local value (the reader's time) as the ISO 8601 instant the API filters on. */
function instant(local: string | null): string | undefined {
  return local ? new Date(local).toISOString() : undefined;
}

/** The audit trail (auditors): the API's filters and pages, and whether the hash chain verifies. */
export function AuditTrail() {
  const { can } = useSession();
  const allowed = can(...AUDIT_TRAIL_ROLES);
  const list = useListParams();
  const { params, offset, picked, setOffset } = list;
  const query = {
    limit: LIMIT,
    offset,
    ...picked(TEXT_FILTERS.map(([name]) => name)),
    from: instant(params.get('from')),
    to: instant(params.get('to')),
  };
  const events = useQuery({
    queryKey: ['audit-events', query],
    enabled: allowed,
    queryFn: () => unwrap(api.GET('/api/v1/audit-events', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const verification = useQuery({ queryKey: ['audit-events', 'verify'], enabled: allowed, queryFn: () => unwrap(api.GET('/api/v1/audit-events/verify')) });

  if (!allowed)
    return (
      <>
        <h1>Audit trail</h1>
        <p>Reading the audit trail needs the auditor or external-auditor role.</p>
      </>
    );
  const v = verification.data;
  return (
    <>
      <h1>Audit trail</h1>
      <section aria-labelledby="chain-heading">
        <h2 id="chain-heading">Hash chain</h2>
        <ProblemMessage error={verification.error} />
        {v && (
          <p role="status" className={v.valid ? undefined : 'problem'}>
            {v.valid ? 'The chain verifies' : `The chain does not verify at event ${v.firstBrokenId ?? '?'}: ${v.reason ?? 'unknown reason'}`}: {v.checked} of{' '}
            {v.sealed} sealed events checked, {v.pending} pending sealing.
          </p>
        )}
      </section>
      <section aria-labelledby="events-heading">
        <h2 id="events-heading">Events</h2>
        <FilterForm list={list} label="Filter audit events">
          {TEXT_FILTERS.map(([name, label]) => (
            <TextField key={name} name={name} defaultValue={params.get(name) ?? ''}>
              <Label>{label}</Label>
              <Input />
            </TextField>
          ))}
          <TextField name="from" defaultValue={params.get('from') ?? ''}>
            <Label>From</Label>
            <Input type="datetime-local" />
          </TextField>
          <TextField name="to" defaultValue={params.get('to') ?? ''}>
            <Label>Before</Label>
            <Input type="datetime-local" />
          </TextField>
        </FilterForm>
        <ProblemMessage error={events.error} />
        <table className="list">
          <caption>{events.data ? `${events.data.total} ${events.data.total === 1 ? 'event' : 'events'}` : 'Loading…'}</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">Subject</th>
              <th scope="col">Actor</th>
              <th scope="col">Chain</th>
            </tr>
          </thead>
          <tbody>
            {events.data?.items.map((event) => (
              <tr key={event.id}>
                <td>{when(event.occurredAt)}</td>
                <td>
                  <code>{event.action}</code>
                </td>
                <td>
                  {event.subjectType} <code>{event.subjectId}</code>
                </td>
                <td>{event.actor}</td>
                <td>{event.seq ? `#${event.seq}` : 'pending'}</td>
              </tr>
            ))}
            {events.data?.items.length === 0 && (
              <tr>
                <td colSpan={5}>No event matches.</td>
              </tr>
            )}
          </tbody>
        </table>
        {events.data && <Pagination offset={offset} limit={LIMIT} total={events.data.total} onOffset={setOffset} />}
      </section>
    </>
  );
}
