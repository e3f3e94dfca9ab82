import type { ConsoleConfig } from '../config';

// Amplify is imported on demand: the local twin never needs it and it is the bulk of the bundle.
async function auth() {
  return import('aws-amplify/auth');
}

let configured = false;

async function ensureConfigured(config: ConsoleConfig): Promise<void> {
  if (configured) return;
  const { Amplify } = await import('aws-amplify');
  Amplify.configure({
    Auth: { Cognito: { userPoolId: config.userPoolId, userPoolClientId: config.userPoolClientId } },
  });
  configured = true;
}

export type CognitoSignInResult = { done: true } | { done: false; nextStep: 'NEW_PASSWORD_REQUIRED' | string };

export const cognitoAuth = {
  async signIn(config: ConsoleConfig, username: string, password: string): Promise<CognitoSignInResult> {
    await ensureConfigured(config);
    const { signIn } = await auth();
    const result = await signIn({ username, password });
    if (result.isSignedIn) return { done: true };
    const step = result.nextStep.signInStep;
    return { done: false, nextStep: step === 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED' ? 'NEW_PASSWORD_REQUIRED' : step };
  },

  async confirmNewPassword(config: ConsoleConfig, newPassword: string): Promise<CognitoSignInResult> {
    await ensureConfigured(config);
    const { confirmSignIn } = await auth();
    const result = await confirmSignIn({ challengeResponse: newPassword });
    return result.isSignedIn ? { done: true } : { done: false, nextStep: result.nextStep.signInStep };
  },

  /** The current id token, refreshed by Amplify when it is close to expiry; null when signed out. */
  async idToken(config: ConsoleConfig): Promise<string | null> {
    await ensureConfigured(config);
    const { fetchAuthSession } = await auth();
    try {
      const session = await fetchAuthSession();
      return session.tokens?.idToken?.toString() ?? null;
    } catch {
      return null;
    }
  },

  async signOut(config: ConsoleConfig): Promise<void> {
    await ensureConfigured(config);
    const { signOut } = await auth();
    await signOut();
  },
};
