import { ApiError, ClientErrorCodes } from './ApiError';

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** e.g. `/api` locally or the API Gateway stage URL when deployed. */
  baseUrl: string;
  getToken: () => Promise<string | null>;
  fetchFn?: FetchFn;
  /** Called once per 401 so the shell can send the user back to sign-in. */
  onUnauthorized?: () => void;
}

export type QueryValue = string | number | boolean | undefined | null | string[];

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
}

interface ErrorEnvelope {
  success: false;
  error?: { code?: string; message?: string; details?: unknown };
  requestId?: string;
}

function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Transport for the REST API: adds the id token, unwraps the envelope and turns every failure into an ApiError. */
export class ApiClient {
  private readonly baseUrl: string;
  private readonly fetchFn: FetchFn;

  constructor(private readonly options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchFn = options.fetchFn ?? ((input, init) => globalThis.fetch(input, init));
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = await this.options.getToken();
    // API Gateway's Cognito authorizer expects the raw id token, without a "Bearer " prefix.
    if (token) headers.Authorization = token;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }

    let response: Response;
    try {
      response = await this.fetchFn(`${this.baseUrl}${path}${buildQuery(options.query)}`, { method, headers, body });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ApiError(ClientErrorCodes.network, `The API could not be reached: ${reason}`, 0);
    }

    if (response.status === 204) return undefined as T;
    const payload = await readJson(response);

    if (response.ok) {
      if (isRecord(payload) && payload.success === true) return payload.data as T;
      throw new ApiError(ClientErrorCodes.invalidResponse, 'The API answered without the expected envelope.', response.status);
    }

    if (response.status === 401) this.options.onUnauthorized?.();
    throw ApiClient.errorFrom(response.status, payload);
  }

  private static errorFrom(status: number, payload: unknown): ApiError {
    if (isRecord(payload) && payload.success === false) {
      const envelope = payload as unknown as ErrorEnvelope;
      return new ApiError(
        envelope.error?.code ?? `HTTP_${status}`,
        envelope.error?.message ?? `Request failed with status ${status}.`,
        status,
        envelope.error?.details,
        envelope.requestId,
      );
    }
    // API Gateway itself (authorizer, throttling, integration errors) answers {"message": "..."}.
    const gatewayMessage = isRecord(payload) && typeof payload.message === 'string' ? payload.message : undefined;
    const code = status === 401 ? ClientErrorCodes.unauthorized : status === 429 ? 'THROTTLED' : `HTTP_${status}`;
    return new ApiError(code, gatewayMessage ?? `Request failed with status ${status}.`, status);
  }
}
