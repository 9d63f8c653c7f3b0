/** Dates as the reader's locale shows them; nothing for none. */
export function when(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
}

/** A calendar date (YYYY-MM-DD) as the reader's locale writes it, without a time zone shift. */
export function day(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

export function isPast(iso: string): boolean {
  return Date.parse(iso) < Date.now();
}

export function isOverdue(dueAt: string | null, status: string): boolean {
  return status === 'open' && !!dueAt && isPast(dueAt);
}
