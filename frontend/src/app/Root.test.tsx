import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeBackend, ok, page } from '../test/FakeBackend';
import { Root } from './Root';

// Amplify is for Cognito sign-in only: the local host must never download it. The mocks count loads
// (a factory runs when its module is first imported), so the local-mode tests below run before the
// Cognito one in this file.
const amplifyLoads = vi.hoisted(() => ({ modules: [] as string[] }));
vi.mock('aws-amplify', () => {
  amplifyLoads.modules.push('aws-amplify');
  return { Amplify: { configure: () => undefined } };
});
vi.mock('aws-amplify/auth', () => {
  amplifyLoads.modules.push('aws-amplify/auth');
  return {
    fetchAuthSession: () => Promise.resolve({ tokens: undefined }),
    signIn: () => Promise.reject(new Error('not used')),
    confirmSignIn: () => Promise.reject(new Error('not used')),
    signOut: () => Promise.resolve(),
  };
});

function token(groups: string[]): string {
  const encode = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '');
  return `${encode({ alg: 'none' })}.${encode({ sub: 'u-1', email: 'operator@example.test', 'cognito:groups': groups, exp: Math.floor(Date.now() / 1000) + 3600 })}.sig`;
}

/** The local host as the console meets it: config, local sign-in and the API under /api. */
function localHost() {
  const api = new FakeBackend()
    .on('GET', '/users/profile', ok({ sub: 'u-1', email: 'operator@example.test', groups: ['DRSOperator'], permissions: ['drs:ExecuteRecovery', 'drs:ExecuteDrill', 'drs:ViewResources'] }))
    .on('GET', '/executions', page([]))
    .on('GET', '/drs/capacity', ok({ regions: [] }))
    .on('GET', '/recovery-plans', page([]));
  const fetchFn = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    if (url === '/aws-config.json') return new Response(JSON.stringify({ region: 'us-east-1', apiUrl: '/api', userPoolId: '', userPoolClientId: '', authMode: 'local' }));
    if (url === '/local-auth/users') return new Response(JSON.stringify([{ email: 'operator@example.test', displayName: 'Operator', groups: ['DRSOperator'] }]));
    if (url === '/local-auth/sign-in') return new Response(JSON.stringify({ idToken: token(['DRSOperator']), expiresAt: '2030-01-01T00:00:00Z' }));
    return api.fetch(url, init);
  });
  vi.stubGlobal('fetch', fetchFn);
  return api;
}

describe('Root', () => {
  // Root loads the shell and the sign-in page lazily; transforming them the first time takes longer
  // on a busy machine than a findBy waits, so load them once up front.
  beforeAll(async () => {
    await Promise.all([import('./SignedInApp'), import('../auth/SignInPage')]);
  }, 120_000);
  afterEach(() => vi.unstubAllGlobals());

  it('Root_LocalSignIn_OpensDashboardWithRawTokenOnApiCalls', async () => {
    const api = localHost();
    const { container } = render(<Root />);

    await screen.findByText('Operator');
    fireEvent.click(createWrapper(container).findTiles()!.findInputByValue('operator@example.test')!.getElement());
    fireEvent.click(screen.getByTestId('local-sign-in'));

    expect(await screen.findByRole('heading', { name: 'Dashboard', level: 1 })).toBeInTheDocument();
    await waitFor(() => expect(api.callsTo('GET', '/users/profile')).toHaveLength(1));
    expect(api.callsTo('GET', '/users/profile')[0]!.headers.Authorization).toMatch(/^[\w-]+\.[\w-]+\.sig$/);
    expect(createWrapper(container).findSideNavigation()!.findLinkByHref('/recovery-plans')).not.toBeNull();
  });

  it('Root_SignOut_ReturnsToSignInAndForgetsToken', async () => {
    localHost();
    sessionStorage.setItem('drs-orchestrator.local-id-token', token(['DRSOperator']));
    const { container } = render(<Root />);
    await screen.findByRole('heading', { name: 'Dashboard', level: 1 });

    // jsdom has no layout width, so the top navigation folds its utilities into the overflow menu.
    await waitFor(() => expect(createWrapper(container).findTopNavigation()?.findOverflowMenuButton()).toBeTruthy());
    createWrapper(container).findTopNavigation()!.findOverflowMenuButton()!.click();
    // The folded menu lists the user; the last copy is the one inside the open overflow panel.
    fireEvent.click((await screen.findAllByText('operator@example.test')).at(-1)!);
    fireEvent.click((await screen.findAllByText('Sign out')).at(-1)!);

    expect(await screen.findByTestId('local-sign-in')).toBeInTheDocument();
    expect(sessionStorage.getItem('drs-orchestrator.local-id-token')).toBeNull();
  });

  it('Root_LocalMode_NeverLoadsAmplify', async () => {
    localHost();
    const { container } = render(<Root />);
    await screen.findByText('Operator');
    fireEvent.click(createWrapper(container).findTiles()!.findInputByValue('operator@example.test')!.getElement());
    fireEvent.click(screen.getByTestId('local-sign-in'));

    expect(await screen.findByRole('heading', { name: 'Dashboard', level: 1 })).toBeInTheDocument();
    expect(amplifyLoads.modules).toEqual([]);
  });

  it('Root_CognitoMode_LoadsAmplifyOnDemand', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ region: 'us-east-1', apiUrl: '/api', userPoolId: 'us-east-1_pool', userPoolClientId: 'client-1', authMode: 'cognito' }))),
    );
    render(<Root />);

    expect(await screen.findByTestId('cognito-sign-in')).toBeInTheDocument();
    expect(amplifyLoads.modules).toEqual(['aws-amplify', 'aws-amplify/auth']);
  });

  it('Root_ExpiredStoredToken_AsksToSignIn', async () => {
    localHost();
    const encode = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '');
    sessionStorage.setItem('drs-orchestrator.local-id-token', `${encode({})}.${encode({ sub: 'u', email: 'e', exp: 1 })}.sig`);
    render(<Root />);

    expect(await screen.findByTestId('local-sign-in')).toBeInTheDocument();
  });
});
