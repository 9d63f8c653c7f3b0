/** Dates as the reader's locale shows them; nothing for none. */
export function when(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
}

export function isOverdue(dueAt: string | null, status: string): boolean {
  return status === 'open' && !!dueAt && Date.parse(dueAt) < Date.now();
}
