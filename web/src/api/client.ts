/**
 * Typed fetch for the Phoenix Letters API. Every failure becomes an `ApiError` carrying the stable
 * `code` of the server's error body: callers switch on `code`, never on the message text.
 *
 * Sessions live in httpOnly cookies the client never reads. When a call answers 401, the client
 * makes ONE silent `POST /api/auth/refresh` (shared by every call that failed at the same moment)
 * and retries the call once. A timer also refreshes a little before the access token expires.
 */
import type { z } from 'zod';
import type { SessionSchema, User } from '../../../contract/auth';
import i18n from '../i18n';

export type { User };
export type SessionInfo = z.infer<typeof SessionSchema>;

/** A field error as the server reports it under `details.fields`. */
export interface FieldError {
  field: string;
  message: string;
  reason?: string;
}

/** Codes the client itself produces, beside the server's closed list. */
export type ClientErrorCode = 'network_error' | 'bad_response';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> | undefined = undefined,
    /** Seconds to wait before trying again (from Retry-After), when the server said so. */
    readonly retryAfter: number | undefined = undefined,
    readonly requestId: string | undefined = undefined,
  ) {
    super(message);
  }

  /** The field errors of a `validation_failed` (or `forbidden` re-authentication) answer. */
  get fields(): FieldError[] {
    const fields = this.details?.fields;
    if (!Array.isArray(fields)) return [];
    return fields.filter(
      (item): item is FieldError =>
        typeof item === 'object' && item !== null && typeof (item as FieldError).field === 'string',
    );
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  signal?: AbortSignal;
  /** Extra headers (e.g. Idempotency-Key, Accept: text/event-stream). */
  headers?: Record<string, string>;
}

/** Auth endpoints answer 401 for their own reasons (wrong password, session over): never refresh on them. */
function refreshesOn401(path: string): boolean {
  if (!path.startsWith('/api/auth/')) return true;
  // Resending the verification e-mail is the one authenticated route under /api/auth.
  return path === '/api/auth/verify-email';
}

function buildInit(method: Method, body: unknown, options: RequestOptions): RequestInit {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language || 'fr',
    ...options.headers,
  };
  const init: RequestInit = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (options.signal) init.signal = options.signal;
  if (body instanceof FormData) {
    // The browser writes the multipart boundary itself.
    init.body = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return init;
}

function retryAfterOf(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function toApiError(response: Response): Promise<ApiError> {
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    payload = undefined;
  }
  const body = payload as
    | { error?: { code?: unknown; message?: unknown; details?: unknown }; requestId?: unknown }
    | undefined;
  const error = body?.error;
  const code =
    typeof error?.code === 'string' ? error.code : response.status >= 500 ? 'internal_error' : 'bad_response';
  const message = typeof error?.message === 'string' ? error.message : response.statusText;
  const details =
    typeof error?.details === 'object' && error.details !== null
      ? (error.details as Record<string, unknown>)
      : undefined;
  const requestId = typeof body?.requestId === 'string' ? body.requestId : undefined;
  return new ApiError(response.status, code, message, details, retryAfterOf(response), requestId);
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, init);
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'Network error');
  }
}

/**
 * The raw response of an API call, with the 401 → refresh → retry rule applied and any non-2xx
 * answer raised as an `ApiError`. For streams (text/event-stream) and downloads.
 */
export async function apiFetch(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<Response> {
  let response = await send(path, buildInit(method, body, options));
  if (response.status === 401 && refreshesOn401(path)) {
    const refreshed = await session.refresh();
    if (refreshed) response = await send(path, buildInit(method, body, options));
    if (response.status === 401) session.expire();
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** Calls the API and returns its JSON answer (undefined for 204 or an empty body). */
export async function api<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const response = await apiFetch(method, path, body, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return text as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, 'bad_response', 'Invalid JSON');
  }
}

/** Multipart upload (a CV file…): the same rules as `api`, the body sent as multipart/form-data. */
export function upload<T>(path: string, form: FormData, options: RequestOptions = {}): Promise<T> {
  return api<T>('POST', path, form, options);
}

// ---------------------------------------------------------------------------------------------
// Session helpers

export type SessionEvent = { type: 'refreshed'; user: User } | { type: 'expired' };
type Listener = (event: SessionEvent) => void;

/**
 * A "someone signed in in this tab" hint, so public pages only ask the server about a session
 * when one may exist (a logged-out visitor then causes no 401 at all). It is not a secret and
 * grants nothing: the cookies stay httpOnly and the server decides.
 */
const HINT_KEY = 'pl.signedIn';

function storeHint(on: boolean) {
  try {
    if (on) sessionStorage.setItem(HINT_KEY, '1');
    else sessionStorage.removeItem(HINT_KEY);
  } catch {
    // Storage disabled: the hint is only an optimisation.
  }
}

const listeners = new Set<Listener>();
let inFlight: Promise<SessionInfo | null> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function emit(event: SessionEvent) {
  for (const listener of listeners) listener(event);
}

function schedule(accessExpiresIn: number) {
  clearTimeout(timer);
  // A minute ahead for the usual 10-minute token; a fifth of its life for very short ones.
  const seconds = Math.max(5, accessExpiresIn > 120 ? accessExpiresIn - 60 : accessExpiresIn * 0.8);
  timer = setTimeout(() => {
    session.refresh().catch(() => {
      // The server is unreachable or busy: try again a little later; a real 401 ends the session.
      schedule(60);
    });
  }, seconds * 1000);
}

async function doRefresh(): Promise<SessionInfo | null> {
  const response = await send('/api/auth/refresh', buildInit('POST', undefined, {}));
  if (response.status === 401) {
    session.expire();
    return null;
  }
  if (!response.ok) throw await toApiError(response);
  const info = (await response.json()) as SessionInfo;
  session.started(info);
  emit({ type: 'refreshed', user: info.user });
  return info;
}

export const session = {
  /**
   * Renews the session from the refresh cookie. Concurrent callers share one request. Resolves
   * null when the session is over (401); rejects on other failures (offline, rate limited…).
   */
  refresh(): Promise<SessionInfo | null> {
    if (!inFlight) {
      inFlight = doRefresh().finally(() => {
        inFlight = null;
      });
    }
    return inFlight;
  },

  /** A session was just opened or renewed: remember the hint and plan the next silent refresh. */
  started(info: SessionInfo) {
    storeHint(true);
    schedule(info.accessExpiresIn);
  },

  /** GET /api/me answered: a session exists in this tab (its expiry is unknown until the next refresh). */
  confirmed() {
    storeHint(true);
  },

  /** The user logged out or deleted the account: forget the timer and the hint, tell nobody. */
  ended() {
    clearTimeout(timer);
    timer = undefined;
    storeHint(false);
  },

  /** The server refused the session (refresh answered 401): forget it and tell the listeners. */
  expire() {
    session.ended();
    emit({ type: 'expired' });
  },

  /** Whether a session may exist in this tab (see HINT_KEY); the server has the last word. */
  mightBeSignedIn(): boolean {
    try {
      return sessionStorage.getItem(HINT_KEY) === '1';
    } catch {
      return true;
    }
  },

  /** Subscribes to refreshes and expiries; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
