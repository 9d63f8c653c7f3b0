import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components';
import { Navigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { ProblemMessage } from '../components/ProblemMessage';

/** Sign in with the organisation's OpenID provider (when configured) or an API token; the service answers with an HttpOnly session cookie. */
export function SignIn() {
  const { session, signIn } = useSession();
  const [params] = useSearchParams();
  const [token, setToken] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const next = params.get('next')?.startsWith('/') ? params.get('next')! : '/';
  const providers = useQuery({ queryKey: ['auth', 'providers'], queryFn: () => unwrap(api.GET('/api/v1/auth/providers')), staleTime: Infinity });
  if (session) return <Navigate to={next} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(token.trim());
      setToken('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="sign-in">
      <h1>Sign in to aimsflow</h1>
      {providers.data?.oidc && (
        <>
          {/* A full navigation: the service redirects to the provider and back with the session cookie. */}
          <a className="button" href={`/api/v1/auth/login?returnTo=${encodeURIComponent(next)}`}>
            Sign in with {providers.data.oidcName}
          </a>
          <p className="muted">Or with an API token:</p>
        </>
      )}
      <Form onSubmit={submit}>
        <TextField type="password" value={token} onChange={setToken} isRequired autoComplete="off" autoFocus>
          <Label>API token</Label>
          <Input />
          <Text slot="description">The token printed when the service first started, or one from POST /api/v1/tokens.</Text>
          <FieldError />
        </TextField>
        <ProblemMessage error={error} />
        <Button type="submit" className="button" isDisabled={busy}>
          Sign in
        </Button>
      </Form>
    </main>
  );
}
