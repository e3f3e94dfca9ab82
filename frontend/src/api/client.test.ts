import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './ApiError';
import { ApiClient, type FetchFn } from './client';
import { createDrsApi, listAll } from './drsApi';

function respond(status: number, body?: unknown, raw?: string): FetchFn {
  return vi.fn(async () => new Response(raw ?? (body === undefined ? null : JSON.stringify(body)), { status }));
}

function clientWith(fetchFn: FetchFn, onUnauthorized?: () => void) {
  return new ApiClient({ baseUrl: '/api/', getToken: async () => 'id-token-1', fetchFn, onUnauthorized });
}

describe('ApiClient', () => {
  it('request_SuccessEnvelope_ReturnsData', async () => {
    const client = clientWith(respond(200, { success: true, data: { id: 'x' } }));

    await expect(client.request('GET', '/things/x')).resolves.toEqual({ id: 'x' });
  });

  it('request_Always_SendsRawIdTokenAndJsonBody', async () => {
    const fetchFn = respond(201, { success: true, data: {} });
    const client = clientWith(fetchFn);

    await client.request('POST', '/things', { body: { name: 'a' }, query: { limit: 5, nextToken: 'abc/=', empty: undefined } });

    const [url, init] = vi.mocked(fetchFn).mock.calls[0]!;
    expect(url).toBe('/api/things?limit=5&nextToken=abc%2F%3D');
    expect(init?.headers).toMatchObject({ Authorization: 'id-token-1', 'Content-Type': 'application/json' });
    expect(init?.body).toBe('{"name":"a"}');
  });

  it('request_NoContent_ReturnsUndefined', async () => {
    await expect(clientWith(respond(204)).request('DELETE', '/things/x')).resolves.toBeUndefined();
  });

  it('request_ErrorEnvelope_ThrowsApiErrorWithCodeDetailsAndRequestId', async () => {
    const client = clientWith(respond(409, { success: false, error: { code: 'SERVER_CONFLICT', message: 'taken', details: { serverId: 's-1' } }, requestId: 'req-9' }));

    const error = (await client.request('POST', '/x').catch((e: unknown) => e)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect([error.code, error.message, error.status, error.requestId]).toEqual(['SERVER_CONFLICT', 'taken', 409, 'req-9']);
    expect(error.details).toEqual({ serverId: 's-1' });
  });

  it('request_GatewayUnauthorized_CodeUnauthorizedAndCallback', async () => {
    const onUnauthorized = vi.fn();
    const client = clientWith(respond(401, { message: 'Unauthorized' }), onUnauthorized);

    await expect(client.request('GET', '/x')).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: 'Unauthorized', status: 401 });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('request_HtmlErrorPage_CodeFromStatus', async () => {
    await expect(clientWith(respond(502, undefined, '<html>Bad gateway</html>')).request('GET', '/x')).rejects.toMatchObject({ code: 'HTTP_502' });
  });

  it('request_OkWithoutEnvelope_InvalidResponse', async () => {
    await expect(clientWith(respond(200, { id: 1 })).request('GET', '/x')).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it('request_NetworkFailure_NetworkError', async () => {
    const client = clientWith(vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));

    await expect(client.request('GET', '/x')).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });

  it('request_NoToken_NoAuthorizationHeader', async () => {
    const fetchFn = respond(200, { success: true, data: null });
    await new ApiClient({ baseUrl: '/api', getToken: async () => null, fetchFn }).request('GET', '/health');

    expect(vi.mocked(fetchFn).mock.calls[0]![1]?.headers).not.toHaveProperty('Authorization');
  });
});

describe('createDrsApi', () => {
  it('executions_Pause_PostsToPausePathWithEncodedId', async () => {
    const fetchFn = respond(200, { success: true, data: {} });
    await createDrsApi(clientWith(fetchFn)).executions.pause('exec/1');

    expect(vi.mocked(fetchFn).mock.calls[0]![0]).toBe('/api/executions/exec%2F1/pause');
    expect(vi.mocked(fetchFn).mock.calls[0]![1]?.method).toBe('POST');
  });

  it('executions_ListWithFilters_SendsQuery', async () => {
    const fetchFn = respond(200, { success: true, data: { items: [] } });
    await createDrsApi(clientWith(fetchFn)).executions.list({ status: 'PAUSED', type: 'DRILL', limit: 10 });

    expect(vi.mocked(fetchFn).mock.calls[0]![0]).toBe('/api/executions?limit=10&status=PAUSED&type=DRILL');
  });

  it('drs_SourceServersWithTags_SendsLocationAndTagPairs', async () => {
    const fetchFn = respond(200, { success: true, data: { accountId: '111122223333', region: 'us-east-1', items: [], total: 0, nextToken: null } });
    await createDrsApi(clientWith(fetchFn)).drs.sourceServers({
      accountId: '111122223333',
      region: 'us-east-1',
      tags: [{ key: 'Tier', value: 'db' }, { key: 'Env', value: 'prod' }],
      unassigned: true,
    });

    expect(vi.mocked(fetchFn).mock.calls[0]![0]).toBe('/api/drs/source-servers?accountId=111122223333&region=us-east-1&tag=Tier%3Ddb%2CEnv%3Dprod&unassigned=true');
  });

  it('drs_PutTags_SendsLocationInQueryAndChangeInBody', async () => {
    const fetchFn = respond(200, { success: true, data: { sourceServerId: 's-1', tags: {} } });
    await createDrsApi(clientWith(fetchFn)).drs.putTags('s-1', { accountId: '111122223333', region: 'eu-west-1' }, { set: { Tier: 'web' }, remove: ['Old'] });

    const [url, init] = vi.mocked(fetchFn).mock.calls[0]!;
    expect(url).toBe('/api/drs/source-servers/s-1/tags?accountId=111122223333&region=eu-west-1');
    expect(init?.method).toBe('PUT');
    expect(JSON.parse(String(init?.body))).toEqual({ set: { Tier: 'web' }, remove: ['Old'] });
  });

  it('executions_TerminateRecovery_SendsConfirmRecovery', async () => {
    const fetchFn = respond(202, { success: true, data: { executionId: 'e', termination: {}, instancesRemaining: 0 } });
    await createDrsApi(clientWith(fetchFn)).executions.terminateInstances('e', { confirmRecovery: true });

    expect(JSON.parse(String(vi.mocked(fetchFn).mock.calls[0]![1]?.body))).toEqual({ confirmRecovery: true });
  });

  it('executions_RemoveMany_PostsIds', async () => {
    const fetchFn = respond(200, { success: true, data: { deleted: ['a'], notFound: [], refused: [] } });
    await createDrsApi(clientWith(fetchFn)).executions.removeMany(['a']);

    expect(vi.mocked(fetchFn).mock.calls[0]![0]).toBe('/api/executions/delete');
    expect(JSON.parse(String(vi.mocked(fetchFn).mock.calls[0]![1]?.body))).toEqual({ ids: ['a'] });
  });

  it('config_ImportDryRun_SendsDryRunQuery', async () => {
    const fetchFn = respond(200, { success: true, data: { dryRun: true } });
    await createDrsApi(clientWith(fetchFn)).config.importAll({ formatVersion: 1 }, true);

    expect(vi.mocked(fetchFn).mock.calls[0]![0]).toBe('/api/config/import?dryRun=true');
  });
});

describe('listAll', () => {
  it('listAll_TwoPages_FollowsNextToken', async () => {
    const pages: Record<string, { items: number[]; nextToken?: string }> = { '': { items: [1, 2], nextToken: 't2' }, t2: { items: [3] } };
    const seen: (string | undefined)[] = [];

    const all = await listAll(async (p) => {
      seen.push(p.nextToken);
      return pages[p.nextToken ?? '']!;
    });

    expect(all).toEqual([1, 2, 3]);
    expect(seen).toEqual([undefined, 't2']);
  });
});
