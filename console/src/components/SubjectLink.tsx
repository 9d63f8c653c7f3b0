import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';

/** What a task or instance is about: an AI system by its name (linked), anything else by type and id. */
export function SubjectLink({ type, id }: { type: string; id: string }) {
  const system = useQuery({
    queryKey: ['ai-systems', 'one', id],
    enabled: type === 'ai-system',
    queryFn: () => unwrap(api.GET('/api/v1/ai-systems/{id}', { params: { path: { id } } })),
    staleTime: 60_000,
  });
  if (type !== 'ai-system') return <>{`${type} ${id}`}</>;
  return <Link to={`/systems/${id}`}>{system.data?.name ?? 'AI system'}</Link>;
}
