// The one door from the web app to the API: sends the session cookie, adds the CSRF token to
// every state-changing request, turns problem+json into an ApiError with field errors, and
// sends the user to the "your session has ended" page when a signed-in call answers 401.
import type { Problem } from '../../server/contracts/index.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    /** Field messages keyed by the field's path inside the body, e.g. `staffText`. */
    readonly fieldErrors: Record<string, string>,
    /** The current record, sent with a 409. */
    readonly current: unknown,
  ) {
    super(detail || title);
  }
}

let csrfToken: string | null = null;
let onSessionEnded: () => void = () => undefined;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when a request that needed a session gets 401. */
export function onUnauthorised(handler: () => void) {
  onSessionEnded = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type RequestOptions = {
  /** A 401 here is an answer (e.g. wrong password), not an ended session. */
  allow401?: boolean;
  signal?: AbortSignal;
  /** Extra request headers, e.g. an Idempotency-Key for a create that may be retried. */
  headers?: Record<string, string>;
};

export async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}) {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'Network error', '', {}, undefined);
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data as T;
  const error = toApiError(res.status, data);
  if (res.status === 401 && !options.allow401) onSessionEnded();
  throw error;
}

export function toApiError(status: number, data: unknown): ApiError {
  const p = (data ?? {}) as Partial<Problem>;
  const fieldErrors: Record<string, string> = {};
  for (const e of p.errors ?? []) {
    // 'body.staffText' → 'staffText'; the first message for a field wins.
    const key = e.path.replace(/^(querystring|query|params|body)(\.|$)/, '') || '_';
    fieldErrors[key] ??= e.message;
  }
  return new ApiError(status, p.title ?? 'Error', p.detail ?? '', fieldErrors, p.current);
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, { signal }),
  post: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('POST', path, body, options),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};
