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
    await createDrsApi(clientWith(fetchFn)).executions.list({ status: 'PAUSED', executionType: 'DRILL', limit: 10 });

    expect(vi.mocked(fetchFn).mock.calls[0]![0]).toBe('/api/executions?limit=10&status=PAUSED&executionType=DRILL');
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
