const BACKOFF_BASE_MS = 10_000;
const BACKOFF_MAX_MS = 3_600_000;

/** Exponential backoff after the n-th failed attempt of a step: 10 s, 20 s, 40 s, … at most an hour. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, failedAttempts - 1), BACKOFF_MAX_MS);
}
