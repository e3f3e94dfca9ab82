export type AuthMode = 'cognito' | 'local';

/** /aws-config.json, written by the frontend builder when deployed and served by the local host. */
export interface ConsoleConfig {
  region: string;
  apiUrl: string;
  userPoolId: string;
  userPoolClientId: string;
  authMode: AuthMode;
}

export async function loadConfig(fetchFn: typeof fetch = fetch): Promise<ConsoleConfig> {
  const response = await fetchFn('/aws-config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`aws-config.json could not be loaded (HTTP ${response.status}).`);
  const raw = (await response.json()) as Partial<ConsoleConfig>;
  if (!raw.apiUrl) throw new Error('aws-config.json has no apiUrl.');
  const authMode: AuthMode = raw.authMode === 'local' ? 'local' : 'cognito';
  if (authMode === 'cognito' && (!raw.userPoolId || !raw.userPoolClientId)) {
    throw new Error('aws-config.json needs userPoolId and userPoolClientId for Cognito sign-in.');
  }
  return {
    region: raw.region ?? '',
    apiUrl: raw.apiUrl,
    userPoolId: raw.userPoolId ?? '',
    userPoolClientId: raw.userPoolClientId ?? '',
    authMode,
  };
}
