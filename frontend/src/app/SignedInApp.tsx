import { useEffect, useMemo, useState } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { ApiClient } from '../api/client';
import { createDrsApi } from '../api/drsApi';
import { parsePermissions, permissionsFor, type Permission } from '../auth/permissions';
import type { IdTokenClaims } from '../auth/jwt';
import { useIdleTimeout } from '../auth/useIdleTimeout';
import { AppShell } from './AppShell';
import { FlashProvider } from './FlashProvider';
import { ServicesContext, type AppServices } from './services';

export interface SignedInAppProps {
  apiUrl: string;
  claims: IdTokenClaims;
  getToken: () => Promise<string | null>;
  onSignOut: (reason?: string) => void;
}

export function SignedInApp({ apiUrl, claims, getToken, onSignOut }: SignedInAppProps) {
  const api = useMemo(
    () => createDrsApi(new ApiClient({ baseUrl: apiUrl, getToken, onUnauthorized: () => onSignOut('Your session has expired. Sign in again.') })),
    [apiUrl, getToken, onSignOut],
  );
  const [serverPermissions, setServerPermissions] = useState<ReadonlySet<Permission> | null>(null);

  useEffect(() => {
    // The token's groups give permissions at once; the profile, when it answers, is the server's word.
    let cancelled = false;
    api
      .profile()
      .then((profile) => {
        if (!cancelled && Array.isArray(profile.permissions)) setServerPermissions(parsePermissions(profile.permissions));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [api]);

  useIdleTimeout(() => onSignOut('You were signed out after 45 minutes without activity.'));

  const services = useMemo<AppServices>(
    () => ({
      api,
      user: { email: claims.email, groups: claims.groups },
      permissions: serverPermissions ?? permissionsFor(claims.groups),
      signOut: () => onSignOut(),
    }),
    [api, claims, serverPermissions, onSignOut],
  );

  return (
    <BrowserRouter>
      <ServicesContext.Provider value={services}>
        <FlashProvider>
          <AppShell />
        </FlashProvider>
      </ServicesContext.Provider>
    </BrowserRouter>
  );
}
