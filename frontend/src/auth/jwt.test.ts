import { describe, expect, it } from 'vitest';
import { decodeIdToken } from './jwt';

function fakeIdToken(claims: Record<string, unknown>): string {
  const encode = (o: unknown) => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${encode({ alg: 'none' })}.${encode(claims)}.sig`;
}

describe('decodeIdToken', () => {
  it('decodeIdToken_CognitoShapedClaims_ReadsEmailGroupsExp', () => {
    const token = fakeIdToken({ sub: 'u-1', email: 'ops@example.test', 'cognito:groups': ['DRSOperator', 'DRSReadOnly'], exp: 1900000000 });

    expect(decodeIdToken(token)).toEqual({ sub: 'u-1', email: 'ops@example.test', groups: ['DRSOperator', 'DRSReadOnly'], exp: 1900000000 });
  });

  it('decodeIdToken_NoGroupsClaim_EmptyGroups', () => {
    expect(decodeIdToken(fakeIdToken({ sub: 'u', email: 'e', exp: 1 })).groups).toEqual([]);
  });

  it('decodeIdToken_NonAsciiName_DecodedAsUtf8', () => {
    const json = JSON.stringify({ sub: 'u', email: 'zoë@example.test', exp: 1 });
    const payload = btoa(String.fromCharCode(...new TextEncoder().encode(json))).replace(/=+$/, '');

    expect(decodeIdToken(`a.${payload}.c`).email).toBe('zoë@example.test');
  });

  it('decodeIdToken_NotAJwt_Throws', () => {
    expect(() => decodeIdToken('nonsense')).toThrow('not a JWT');
  });
});
