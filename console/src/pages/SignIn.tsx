import { type FormEvent, useState } from 'react';
import { Button, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components';
import { Navigate, useSearchParams } from 'react-router';
import { useSession } from '../auth/session';
import { ProblemMessage } from '../components/ProblemMessage';

/** Sign in with an API token; the service answers with an HttpOnly session cookie. */
export function SignIn() {
  const { session, signIn } = useSession();
  const [params] = useSearchParams();
  const [token, setToken] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const next = params.get('next')?.startsWith('/') ? params.get('next')! : '/';
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
