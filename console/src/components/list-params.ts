import { type FormEvent } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list page's filters and page, kept in the address bar (a filtered page can be shared, reloaded
 * and left with Back): what the address sets, and how a filter form, Clear and the pages change it.
 * `query` is what the API's list route takes: the `filters` the address sets, with limit and offset.
 */
export function useListParams(filters: readonly string[] = [], limit = 20) {
  const [params, setParams] = useSearchParams();
  const offset = Number(params.get('offset') ?? 0);
  const picked = (names: readonly string[]): Record<string, string> =>
    Object.fromEntries(names.filter((name) => params.get(name)).map((name) => [name, params.get(name)!]));
  return {
    params,
    limit,
    offset,
    query: { limit, offset, ...picked(filters) },
    /** The filters among `names` that the address sets (as typed by anyone: the API checks their values). */
    picked,
    /** A filter form's submission: its non-empty fields become the address, from the first page. */
    applyFilters(event: FormEvent<HTMLFormElement>): void {
      event.preventDefault();
      const next = new URLSearchParams();
      for (const [key, value] of new FormData(event.currentTarget).entries()) if (typeof value === 'string' && value.trim()) next.set(key, value.trim());
      setParams(next);
    },
    clear(): void {
      setParams(new URLSearchParams());
    },
    setOffset(offset: number): void {
      const next = new URLSearchParams(params);
      next.set('offset', String(offset));
      setParams(next);
    },
  };
}
