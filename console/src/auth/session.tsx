import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { api, ProblemError, setCsrfToken, unwrap } from '../api/client';

export interface Session {
  identity: string;
  roles: string[];
  csrfToken: string;
  expiresAt: string;
}

interface SessionState {
  session: Session | null;
  signIn(token: string): Promise<void>;
  signOut(): Promise<void>;
  /** Whether the signed-in person holds any of these roles (admin holds them all). */
  can(...roles: string[]): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

/** The current session from its HttpOnly cookie; null when there is none. */
async function currentSession(): Promise<Session | null> {
  try {
    return await unwrap<Session>(api.GET('/api/v1/auth/session'));
  } catch (error) {
    if (error instanceof ProblemError && error.problem.status === 401) return null;
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const { data, isPending } = useQuery({ queryKey: ['session'], queryFn: currentSession, staleTime: Infinity, retry: false });
  setCsrfToken(data?.csrfToken);
  // What one person saw is not shown to the next (the session query itself stays observed).
  const forgetData = () => client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });

  const state: SessionState = {
    session: data ?? null,
    async signIn(token) {
      // The token is exchanged for a cookie the page cannot read; it is kept nowhere else.
      const session = await unwrap<Session>(api.POST('/api/v1/auth/token-session', { body: { token } }));
      setCsrfToken(session.csrfToken);
      forgetData();
      client.setQueryData(['session'], session);
    },
    async signOut() {
      await api.POST('/api/v1/auth/logout');
      setCsrfToken(undefined);
      forgetData();
      client.setQueryData(['session'], null);
    },
    can: (...roles) => !!data && (data.roles.includes('admin') || roles.some((role) => data.roles.includes(role))),
  };
  if (isPending) return <p className="loading">Loading…</p>;
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
