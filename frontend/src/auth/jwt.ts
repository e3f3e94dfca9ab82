/** The claims the console reads from a Cognito (or local) id token. */
export interface IdTokenClaims {
  sub: string;
  email: string;
  groups: string[];
  /** Seconds since the epoch. */
  exp: number;
}

function decodeBase64Url(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * Reads (does not verify) the claims: the signature is the server's business, the console only
 * needs the user's name and groups to shape the UI.
 */
export function decodeIdToken(token: string): IdTokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) throw new Error('The id token is not a JWT.');
  const raw = JSON.parse(decodeBase64Url(parts[1])) as Record<string, unknown>;
  const groupsClaim = raw['cognito:groups'];
  const groups = Array.isArray(groupsClaim)
    ? groupsClaim.filter((g): g is string => typeof g === 'string')
    : typeof groupsClaim === 'string'
      ? [groupsClaim]
      : [];
  return {
    sub: typeof raw.sub === 'string' ? raw.sub : '',
    email: typeof raw.email === 'string' ? raw.email : typeof raw['cognito:username'] === 'string' ? (raw['cognito:username'] as string) : '',
    groups,
    exp: typeof raw.exp === 'number' ? raw.exp : 0,
  };
}
