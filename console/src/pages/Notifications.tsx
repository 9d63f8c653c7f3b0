import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { when } from '../components/format';
import { Pagination } from '../components/Pagination';
import { ProblemMessage } from '../components/ProblemMessage';

const LIMIT = 25;

/** My in-app notifications, newest first: unread ones marked, each read on its own or all at once. */
export function Notifications() {
  const [params, setParams] = useSearchParams();
  const client = useQueryClient();
  const unread = params.get('unread') === 'true';
  const offset = Number(params.get('offset') ?? 0);
  const list = useQuery({
    queryKey: ['notifications', unread, offset],
    queryFn: () => unwrap(api.GET('/api/v1/me/notifications', { params: { query: { limit: LIMIT, offset, ...(unread ? { unread: 'true' as const } : {}) } } })),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['notifications'] });
  const read = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const readAll = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/me/notifications/read-all')), onSuccess: refresh });

  return (
    <>
      <h1>Notifications</h1>
      <div className="toolbar">
        <Button className="button secondary" onPress={() => setParams(unread ? {} : { unread: 'true' })} aria-pressed={unread}>
          Unread only
        </Button>
        <Button className="button secondary" onPress={() => readAll.mutate()}>
          Mark all as read
        </Button>
      </div>
      <ProblemMessage error={list.error ?? read.error ?? readAll.error} />
      {list.data?.items.length === 0 && <p>None.</p>}
      <ul className="notifications">
        {list.data?.items.map((n) => (
          <li key={n.id} className={n.read ? 'read' : 'unread'}>
            <p>
              {!n.read && <span className="badge">unread</span>}{' '}
              <strong>{n.link ? <Link to={n.link.replace(/^https?:\/\/[^/]+/, '')}>{n.title}</Link> : n.title}</strong>{' '}
              <span className="muted">{when(n.createdAt)}</span>
            </p>
            <p>{n.body}</p>
            {!n.read && (
              <Button className="button small secondary" aria-label={`Mark as read: ${n.title}`} onPress={() => read.mutate(n.id)}>
                Mark as read
              </Button>
            )}
          </li>
        ))}
      </ul>
      {list.data && (
        <Pagination
          offset={offset}
          limit={LIMIT}
          total={list.data.total}
          onOffset={(next) => setParams({ ...(unread ? { unread: 'true' } : {}), offset: String(next) })}
        />
      )}
    </>
  );
}
