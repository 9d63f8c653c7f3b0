import { QueryFailedError } from 'typeorm';

/** SQLSTATEs of conflicts that a new attempt of the same transaction resolves. */
const RETRYABLE = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available: lock_timeout expired
]);

/** SQLSTATE classes and codes that mean the database cannot serve now (not a fault of the request). */
const UNAVAILABLE_CLASSES = ['08', '53', '57P']; // connection exceptions, insufficient resources, operator intervention
const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);

function sqlState(error: unknown): string | undefined {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: unknown }) : (error as { code?: unknown } | null);
  const code = driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A deadlock, serialization failure or lock timeout: the whole transaction may simply run again. */
export function isRetryableDatabaseError(error: unknown): boolean {
  const code = sqlState(error);
  return code !== undefined && RETRYABLE.has(code);
}

/**
 * An error of the database rather than of the request: a transient conflict retries did not
 * resolve, a statement timeout, a lost connection. Answered 503 with Retry-After.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = sqlState(error);
  if (code === undefined) return false;
  if (RETRYABLE.has(code) || code === '57014' /* query_canceled: statement_timeout */) return true;
  if (CONNECTION_ERRORS.has(code)) return true;
  return UNAVAILABLE_CLASSES.some((prefix) => code.startsWith(prefix));
}

/** Any error PostgreSQL (or the driver talking to it) raised; never a domain refusal. */
export function isDatabaseError(error: unknown): boolean {
  return error instanceof QueryFailedError || isDatabaseUnavailable(error);
}
