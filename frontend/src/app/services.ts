import { createContext, useContext } from 'react';
import type { DrsApi } from '../api/drsApi';
import type { Permission } from '../auth/permissions';

export interface SignedInUser {
  email: string;
  groups: string[];
}

/** What every page needs from the shell: the API, who is signed in and what they may do. */
export interface AppServices {
  api: DrsApi;
  user: SignedInUser;
  permissions: ReadonlySet<Permission>;
  signOut: () => void;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside the signed-in shell.');
  return services;
}
