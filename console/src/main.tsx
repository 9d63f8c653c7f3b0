import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ProblemError } from './api/client';
import { SessionProvider } from './auth/session';
import { router } from './routes';
import './styles.css';

const queries = new QueryClient({
  defaultOptions: {
    // A refused request (4xx) is an answer, not a glitch: do not retry it.
    queries: { retry: (count, error) => !(error instanceof ProblemError && error.problem.status < 500) && count < 2, staleTime: 5_000 },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
