import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ConsoleConfig } from '../config';
import { SignInPage } from './SignInPage';

const localConfig: ConsoleConfig = { region: 'us-east-1', apiUrl: '/api', userPoolId: '', userPoolClientId: '', authMode: 'local' };

describe('SignInPage', () => {
  it('SignInPage_LocalMode_ListsPresetUsersAndSignsInWithGroups', async () => {
    const fetchFn = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      if (String(url) === '/local-auth/users') {
        return new Response(JSON.stringify([
          { email: 'planner@example.test', displayName: 'Plan manager', groups: ['DRSPlanManager'] },
          { email: 'operator@example.test', displayName: 'Operator', groups: ['DRSOperator'] },
        ]));
      }
      expect(JSON.parse(String(init?.body))).toEqual({ email: 'operator@example.test', groups: ['DRSOperator'] });
      return new Response(JSON.stringify({ idToken: 'tok-1', expiresAt: '2030-01-01T00:00:00Z' }));
    });
    const onSignedIn = vi.fn();
    const { container } = render(<SignInPage config={localConfig} onSignedIn={onSignedIn} fetchFn={fetchFn as unknown as typeof fetch} />);

    await screen.findByText('Plan manager');
    fireEvent.click(createWrapper(container).findTiles()!.findInputByValue('operator@example.test')!.getElement());
    fireEvent.click(screen.getByTestId('local-sign-in'));

    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith('tok-1'));
  });

  it('SignInPage_UsersUnavailable_ShowsError', async () => {
    const fetchFn = vi.fn(async () => new Response('no', { status: 503 }));
    render(<SignInPage config={localConfig} onSignedIn={vi.fn()} fetchFn={fetchFn as unknown as typeof fetch} />);

    expect(await screen.findByText('Preset users could not be loaded (HTTP 503).')).toBeInTheDocument();
  });

  it('SignInPage_IdleNotice_Shown', async () => {
    const fetchFn = vi.fn(async () => new Response('[]'));
    render(<SignInPage config={localConfig} notice="You were signed out after 45 minutes without activity." onSignedIn={vi.fn()} fetchFn={fetchFn as unknown as typeof fetch} />);

    expect(await screen.findByText('You were signed out after 45 minutes without activity.')).toBeInTheDocument();
  });

  it('SignInPage_CognitoMode_ShowsEmailAndPassword', () => {
    render(<SignInPage config={{ ...localConfig, authMode: 'cognito', userPoolId: 'pool', userPoolClientId: 'client' }} onSignedIn={vi.fn()} />);

    expect(screen.getByLabelText('E-mail')).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toBeInTheDocument();
  });
});
