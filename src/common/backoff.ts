/**
 * Delay before the next attempt of something sent to a peer (webhooks, notifications): exponential
 * from `baseMs`, capped at `capMs`, with full jitter in its upper half so retries of many items
 * that failed together spread out.
 */
export function retryDelay(attempts: number, baseMs: number, capMs = 3_600_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.max(1, Math.round(ceiling / 2 + Math.random() * (ceiling / 2)));
}
