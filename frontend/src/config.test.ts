import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const serve = (body: unknown, status = 200) => (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

describe('loadConfig', () => {
  it('loadConfig_LocalMode_NeedsNoUserPool', async () => {
    await expect(loadConfig(serve({ region: 'us-east-1', apiUrl: '/api', authMode: 'local' }))).resolves.toMatchObject({ authMode: 'local', apiUrl: '/api' });
  });

  it('loadConfig_CognitoWithoutPool_Rejected', async () => {
    await expect(loadConfig(serve({ apiUrl: 'https://x', authMode: 'cognito' }))).rejects.toThrow('userPoolId');
  });

  it('loadConfig_Missing_Rejected', async () => {
    await expect(loadConfig(serve({}, 404))).rejects.toThrow('HTTP 404');
  });
});
