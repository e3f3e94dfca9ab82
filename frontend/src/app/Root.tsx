import Box from '@cloudscape-design/components/box';
import Spinner from '@cloudscape-design/components/spinner';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { decodeIdToken, type IdTokenClaims } from '../auth/jwt';
import { cognitoAuth } from '../auth/cognitoAuth';
import { localTokenStore } from '../auth/localAuth';
import { loadConfig, type ConsoleConfig } from '../config';

// The entry chunk holds only what decides between signing in and the console: the app shell (app
// layout, navigation, router, dashboard) and the sign-in page are separate chunks. The shell starts
// downloading at once, in parallel with /aws-config.json, so a signed-in user waits no longer for it.
const loadSignedInApp = () => import('./SignedInApp');
const SignedInApp = lazy(() => loadSignedInApp().then((m) => ({ default: m.SignedInApp })));
const SignInPage = lazy(() => import('../auth/SignInPage').then((m) => ({ default: m.SignInPage })));

function Loading() {
  return (
    <Box padding="xxl" textAlign="center">
      <Spinner size="large" />
    </Box>
  );
}

type State =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'signed-out'; config: ConsoleConfig; notice?: string }
  | { kind: 'signed-in'; config: ConsoleConfig; claims: IdTokenClaims };

function unexpired(token: string | null): IdTokenClaims | null {
  if (!token) return null;
  try {
    const claims = decodeIdToken(token);
    return claims.exp * 1000 > Date.now() ? claims : null;
  } catch {
    return null;
  }
}

async function currentToken(config: ConsoleConfig): Promise<string | null> {
  return config.authMode === 'local' ? localTokenStore.read() : cognitoAuth.idToken(config);
}

export function Root() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const enter = useCallback(async (config: ConsoleConfig, notice?: string) => {
    const claims = unexpired(await currentToken(config));
    setState(claims ? { kind: 'signed-in', config, claims } : { kind: 'signed-out', config, notice });
  }, []);

  useEffect(() => {
    void loadSignedInApp().catch(() => undefined);
    loadConfig()
      .then((config) => enter(config))
      .catch((e: unknown) => setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }));
  }, [enter]);

  const config = state.kind === 'signed-in' || state.kind === 'signed-out' ? state.config : null;

  const getToken = useCallback(async () => {
    if (!config) return null;
    const token = await currentToken(config);
    return unexpired(token) ? token : null;
  }, [config]);

  const signOut = useCallback(
    (reason?: string) => {
      if (!config) return;
      localTokenStore.clear();
      const done = () => setState({ kind: 'signed-out', config, notice: reason });
      if (config.authMode === 'cognito') void cognitoAuth.signOut(config).finally(done);
      else done();
    },
    [config],
  );

  switch (state.kind) {
    case 'loading':
      return <Loading />;
    case 'failed':
      return (
        <Box padding="xxl">
          {/* Plain text rather than an Alert: this rare screen should not pull Alert into the entry chunk. */}
          <Box variant="h1">The console could not start</Box>
          <Box color="text-status-error" data-testid="startup-error">
            {state.message}
          </Box>
        </Box>
      );
    case 'signed-out':
      return (
        <Suspense fallback={<Loading />}>
          <SignInPage
            config={state.config}
            notice={state.notice}
            onSignedIn={(token) => {
              if (token) localTokenStore.write(token);
              void enter(state.config);
            }}
          />
        </Suspense>
      );
    case 'signed-in':
      return (
        <Suspense fallback={<Loading />}>
          <SignedInApp apiUrl={state.config.apiUrl} claims={state.claims} getToken={getToken} onSignOut={signOut} />
        </Suspense>
      );
  }
}
