import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Tiles from '@cloudscape-design/components/tiles';
import { useEffect, useState } from 'react';
import type { LocalUser } from '../api/types';
import type { ConsoleConfig } from '../config';
import { cognitoAuth } from './cognitoAuth';
import { fetchLocalUsers, localSignIn } from './localAuth';

export interface SignInPageProps {
  config: ConsoleConfig;
  /** Called with the id token once signed in (local), or with null when Amplify now holds the session. */
  onSignedIn: (localToken: string | null) => void;
  notice?: string;
  fetchFn?: typeof fetch;
}

function LocalSignIn({ onSignedIn, fetchFn }: Pick<SignInPageProps, 'onSignedIn' | 'fetchFn'>) {
  const [users, setUsers] = useState<LocalUser[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    fetchLocalUsers(fetchFn)
      .then(setUsers)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [fetchFn]);

  const signIn = async () => {
    const user = users?.find((u) => u.email === chosen);
    if (!user) return;
    setBusy(true);
    setError(null);
    try {
      const { idToken } = await localSignIn(user, fetchFn);
      onSignedIn(idToken);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  if (!users && !error) return <Spinner size="large" />;
  return (
    <form onSubmit={(e) => { e.preventDefault(); void signIn(); }}>
      <Form
        errorText={error ?? undefined}
        actions={
          <Button variant="primary" disabled={!chosen} loading={busy} data-testid="local-sign-in">
            Sign in
          </Button>
        }
      >
        <Tiles
          ariaLabel="Preset users"
          value={chosen}
          columns={2}
          onChange={(e) => setChosen(e.detail.value)}
          items={(users ?? []).map((u) => ({
            value: u.email,
            label: u.displayName ?? u.email,
            description: `${u.email} - ${u.groups.join(', ')}`,
          }))}
        />
      </Form>
    </form>
  );
}

function CognitoSignIn({ config, onSignedIn }: Pick<SignInPageProps, 'config' | 'onSignedIn'>) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [newPassword, setNewPassword] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = newPassword === null ? await cognitoAuth.signIn(config, email, password) : await cognitoAuth.confirmNewPassword(config, newPassword);
      if (result.done) onSignedIn(null);
      else if (result.nextStep === 'NEW_PASSWORD_REQUIRED') setNewPassword('');
      else setError(`Sign-in needs a step this console does not support: ${result.nextStep}.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Form errorText={error ?? undefined} actions={<Button variant="primary" loading={busy} data-testid="cognito-sign-in">{newPassword === null ? 'Sign in' : 'Set password'}</Button>}>
        {newPassword === null ? (
          <SpaceBetween size="m">
            <FormField label="E-mail">
              <Input type="email" autoComplete="username" value={email} ariaLabel="E-mail" onChange={(e) => setEmail(e.detail.value)} />
            </FormField>
            <FormField label="Password">
              <Input type="password" autoComplete="current-password" value={password} ariaLabel="Password" onChange={(e) => setPassword(e.detail.value)} />
            </FormField>
          </SpaceBetween>
        ) : (
          <FormField label="New password" description="Your temporary password must be replaced.">
            <Input type="password" autoComplete="new-password" value={newPassword} ariaLabel="New password" onChange={(e) => setNewPassword(e.detail.value)} />
          </FormField>
        )}
      </Form>
    </form>
  );
}

export function SignInPage({ config, onSignedIn, notice, fetchFn }: SignInPageProps) {
  return (
    <Box padding="xxl">
      <div style={{ maxWidth: 720, margin: '0 auto' }}>
        <Container header={<Header variant="h1" description={config.authMode === 'local' ? 'Local twin: choose a preset user and role group.' : undefined}>Sign in to DRS Orchestrator</Header>}>
          <SpaceBetween size="m">
            {notice && <Alert type="info">{notice}</Alert>}
            {config.authMode === 'local' ? <LocalSignIn onSignedIn={onSignedIn} fetchFn={fetchFn} /> : <CognitoSignIn config={config} onSignedIn={onSignedIn} />}
          </SpaceBetween>
        </Container>
      </div>
    </Box>
  );
}
