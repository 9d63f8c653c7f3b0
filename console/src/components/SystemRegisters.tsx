import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { AUDIT_TRAIL_ROLES } from '../pages/AuditTrail';
import { day } from './format';
import { ProblemMessage } from './ProblemMessage';

/** One obligation as a calendar entry: article, title, roles and where its date comes from. */
export function ObligationEntry({ obligation }: { obligation: Schemas['ObligationDto'] }) {
  return (
    <>
      <strong>{obligation.article}</strong> {obligation.title} <span className="muted">({obligation.roles.join(', ')})</span>
      {obligation.source === 'digital-omnibus' && <span className="badge omnibus">deferred by the Digital Omnibus</span>}
      {obligation.applies && <span className="badge applies">applies</span>}
    </>
  );
}

const REGISTERS = [
  { path: '/api/v1/impact-assessments', page: '/impact-assessments', label: 'Impact assessments' },
  { path: '/api/v1/risks', page: '/risks', label: 'Risks' },
  { path: '/api/v1/nonconformities', page: '/nonconformities', label: 'Nonconformities' },
  { path: '/api/v1/incidents', page: '/incidents', label: 'Incidents' },
] as const;

/** What the registers hold about one AI system (counts linking to the filtered registers), its audit events and its obligations. */
export function SystemRegisters({ systemId }: { systemId: string }) {
  const { can } = useSession();
  const counts = useQueries({
    queries: REGISTERS.map((register) => ({
      queryKey: [register.page.slice(1), 'count', systemId],
      queryFn: () => unwrap(api.GET(register.path, { params: { query: { systemId, limit: 1 } } })).then((page) => page.total),
    })),
  });
  const obligations = useQuery({
    queryKey: ['obligations', 'system', systemId],
    queryFn: () => unwrap(api.GET('/api/v1/ai-systems/{id}/obligations', { params: { path: { id: systemId } } })),
  });
  return (
    <>
      <section aria-labelledby="registers-heading">
        <h2 id="registers-heading">In the registers</h2>
        <ul>
          {REGISTERS.map((register, i) => (
            <li key={register.page}>
              <Link to={`${register.page}?systemId=${systemId}`}>{register.label}</Link>: {counts[i].data ?? '…'}
            </li>
          ))}
          {can(...AUDIT_TRAIL_ROLES) && (
            <li>
              <Link to={`/audit-trail?subjectType=ai-system&subjectId=${systemId}`}>Audit events</Link>
            </li>
          )}
        </ul>
      </section>
      <section aria-labelledby="obligations-heading">
        <h2 id="obligations-heading">EU AI Act obligations</h2>
        <ProblemMessage error={obligations.error} />
        {obligations.data?.obligations.length === 0 && <p>None.</p>}
        <ul>
          {obligations.data?.obligations.map((o) => (
            <li key={o.id}>
              <time dateTime={o.appliesFrom}>{day(o.appliesFrom)}</time>: <ObligationEntry obligation={o} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
