import type { FetchFn } from '../api/client';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
  params: Record<string, string>;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
}

type Handler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

export const ok = (data: unknown, status = 200): FakeResponse => ({ status, body: { success: true, data } });

export const fail = (status: number, code: string, message: string, details?: unknown): FakeResponse => ({
  status,
  body: { success: false, error: { code, message, details }, requestId: 'req-test-1' },
});

export const page = <T,>(items: T[], nextToken?: string) => ok({ items, nextToken: nextToken ?? null });

/**
 * An in-memory stand-in for the REST API at the fetch boundary: the console's real client, envelope
 * handling and pages run unchanged on top of it. Later routes win, so a test can override a default.
 */
export class FakeBackend {
  readonly calls: FakeRequest[] = [];
  private readonly routes: Route[] = [];

  constructor(private readonly baseUrl = '/api') {}

  on(method: string, path: string, response: FakeResponse | Handler): this {
    const names: string[] = [];
    const source = path.replace(/:[a-zA-Z]+/g, (m) => {
      names.push(m.slice(1));
      return '([^/]+)';
    });
    this.routes.unshift({
      method,
      pattern: new RegExp(`^${source}$`),
      names,
      handler: typeof response === 'function' ? response : () => response,
    });
    return this;
  }

  callsTo(method: string, path: string): FakeRequest[] {
    return this.calls.filter((c) => c.method === method && c.path === path);
  }

  readonly fetch: FetchFn = async (input, init) => {
    const url = new URL(input, 'http://127.0.0.1');
    const path = url.pathname.startsWith(this.baseUrl) ? url.pathname.slice(this.baseUrl.length) : url.pathname;
    const method = init?.method ?? 'GET';
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const match = route.pattern.exec(path);
      if (!match) continue;
      const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1] ?? '')]));
      const request: FakeRequest = { method, path, query: url.searchParams, body, headers, params };
      this.calls.push(request);
      const response = await route.handler(request);
      return new Response(response.body === undefined ? null : JSON.stringify(response.body), {
        status: response.status,
        headers: { 'Content-Type': 'application/json' },
      });
    }
    this.calls.push({ method, path, query: url.searchParams, body, headers, params: {} });
    const missing = fail(404, 'ROUTE_NOT_FOUND', `No fake route for ${method} ${path}`);
    return new Response(JSON.stringify(missing.body), { status: 404 });
  };
}
