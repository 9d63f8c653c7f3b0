import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** The AI systems a form may name (not retired), as values with their names for labels. */
export function useSystemChoices(): { values: string[]; valueLabels: Record<string, string> } | undefined {
  const systems = useQuery({
    queryKey: ['ai-systems', 'choices'],
    queryFn: () => unwrap(api.GET('/api/v1/ai-systems', { params: { query: { limit: 500 } } })),
    staleTime: 60_000,
  });
  if (!systems.data) return undefined;
  const live = systems.data.items.filter((s) => s.status !== 'retired');
  return { values: live.map((s) => s.id), valueLabels: Object.fromEntries(live.map((s) => [s.id, s.name])) };
}
