import type { LocalSignInResponse, LocalUser } from '../api/types';

// The local host's sign-in lives outside /api because API Gateway has no such route in AWS.

export async function fetchLocalUsers(fetchFn: typeof fetch = fetch): Promise<LocalUser[]> {
  const response = await fetchFn('/local-auth/users', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`Preset users could not be loaded (HTTP ${response.status}).`);
  const body = (await response.json()) as LocalUser[] | { users: LocalUser[] };
  return Array.isArray(body) ? body : body.users;
}

export async function localSignIn(user: Pick<LocalUser, 'email' | 'groups'>, fetchFn: typeof fetch = fetch): Promise<LocalSignInResponse> {
  const response = await fetchFn('/local-auth/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ email: user.email, groups: user.groups }),
  });
  if (!response.ok) throw new Error(`Sign-in was refused (HTTP ${response.status}).`);
  return (await response.json()) as LocalSignInResponse;
}

const storageKey = 'drs-orchestrator.local-id-token';

// sessionStorage so that a reload keeps the user signed in but closing the tab does not.
export const localTokenStore = {
  read: (): string | null => sessionStorage.getItem(storageKey),
  write: (token: string): void => sessionStorage.setItem(storageKey, token),
  clear: (): void => sessionStorage.removeItem(storageKey),
};
