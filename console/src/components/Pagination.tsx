import { Button } from 'react-aria-components';

/** Server-side pages: the API's offset and limit, with the total it reports. */
export function Pagination({ offset, limit, total, onOffset }: { offset: number; limit: number; total: number; onOffset(offset: number): void }) {
  if (total <= limit && offset === 0) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      <Button className="button secondary" isDisabled={offset === 0} onPress={() => onOffset(Math.max(0, offset - limit))}>
        Previous
      </Button>
      <span>
        {total === 0 ? 0 : offset + 1}–{Math.min(offset + limit, total)} of {total}
      </span>
      <Button className="button secondary" isDisabled={offset + limit >= total} onPress={() => onOffset(offset + limit)}>
        Next
      </Button>
    </nav>
  );
}
