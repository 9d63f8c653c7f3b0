import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** An RFC 9457 problem as the service answers every 4xx/5xx, with the fields at fault. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  /** Segregation of duties: the rule that refused, e.g. "separateFrom: Task_draft". */
  rule?: string;
  errors?: { pointer: string; message: string }[];
  /** `role-in-use`: where the role is still named, by kind of place. */
  usedBy?: { source: string; usages: string[] }[];
}

/** Thrown by `unwrap` for a refused request, carrying the problem document. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
}

let csrfToken: string | undefined;

/** The session's CSRF token: cookie-authenticated writes must echo it in X-CSRF-Token. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && request.method !== 'GET' && request.method !== 'HEAD') request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

/** The typed client: paths and bodies come from the service's OpenAPI document (schema.ts). */
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? 'http://localhost', credentials: 'same-origin' });
api.use(csrf);

function asProblem(error: unknown, response: Response): Problem {
  if (error && typeof error === 'object' && 'status' in error) return error as Problem;
  return { status: response.status, title: response.statusText || 'Request failed' };
}

/** The data of a successful answer, or a ProblemError with the service's problem document. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ProblemError(asProblem(error, response));
  return data as T;
}
