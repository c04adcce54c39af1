// HTTP client of the backend's widget API (JSON over fetch, bearer token, RFC 7807 errors).
// The session token lives in localStorage under `verloop.session`, so a reload resumes and
// every tab of the visitor shares one session. It is re-read on every call: when another
// tab replaced it (logout, new session), this tab follows instead of fighting over it.

import type {
  AttachmentRequest,
  AttachmentUpload,
  CreatedSession,
  FieldScope,
  NegotiateResult,
  OpenRoomResult,
  OutgoingMessage,
  Message,
  ReadRecorded,
  SessionInfo,
  Transcript,
  UserParams,
} from './types';

export const SESSION_KEY = 'verloop.session';

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails | null;
  constructor(status: number, problem: ProblemDetails | null, fallback: string) {
    super(problem?.detail || problem?.title || fallback);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

export interface ResponseLike {
  status: number;
  ok: boolean;
  text(): Promise<string>;
}
export type FetchLike = (url: string, init: RequestInit) => Promise<ResponseLike>;

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The stored session token. Falls back to memory when localStorage is unavailable. */
export class TokenStore {
  private memory: string | null = null;
  constructor(private readonly storage: StorageLike | null) {}

  get(): string | null {
    if (this.storage) {
      try {
        const raw = this.storage.getItem(SESSION_KEY);
        if (!raw) return null;
        const parsed = JSON.parse(raw) as { token?: unknown; expiresAt?: unknown };
        if (typeof parsed.token !== 'string' || !parsed.token) return null;
        if (typeof parsed.expiresAt === 'string') {
          const expires = Date.parse(parsed.expiresAt);
          if (!Number.isNaN(expires) && expires <= Date.now()) return null;
        }
        return parsed.token;
      } catch {
        return this.memory;
      }
    }
    return this.memory;
  }

  set(session: CreatedSession): void {
    this.memory = session.token;
    if (!this.storage) return;
    try {
      const value: Record<string, string> = { token: session.token };
      if (session.sessionId) value.sessionId = session.sessionId;
      if (session.expiresAt) value.expiresAt = session.expiresAt;
      this.storage.setItem(SESSION_KEY, JSON.stringify(value));
    } catch {
      /* storage full or blocked: the in-memory token still works for this page */
    }
  }

  /** Removes the token, unless another tab already replaced it with a different one. */
  clear(onlyIf?: string): void {
    if (onlyIf !== undefined && this.get() !== onlyIf) return;
    this.memory = null;
    if (!this.storage) return;
    try {
      this.storage.removeItem(SESSION_KEY);
    } catch {
      /* ignore */
    }
  }
}

export interface ApiClientOptions {
  /** e.g. https://chat.example.com/api (no trailing slash needed). */
  apiBase: string;
  fetch: FetchLike;
  tokens: TokenStore;
  /** Per-request timeout; 0 disables. */
  timeoutMs?: number;
  /** The visitor's language (a BCP 47 tag, see Locale.tag), sent when a chat opens so the bot speaks it. */
  language?: string;
}

type On401 = 'renew' | 'discard';

interface RequestOptions {
  auth?: boolean;
  on401?: On401;
}

export class ApiClient {
  readonly apiBase: string;
  private readonly fetchImpl: FetchLike;
  readonly tokens: TokenStore;
  private readonly timeoutMs: number;
  private readonly language: string | undefined;
  private creating: Promise<CreatedSession> | null = null;
  /** Called when a 401 made the client drop the stored session and create a new one. */
  onSessionRenewed: (() => void) | null = null;
  /** The token of this page's last authenticated call (the stored one may since be dropped or replaced by another tab). */
  lastUsedToken: string | null = null;

  constructor(options: ApiClientOptions) {
    this.apiBase = options.apiBase.replace(/\/+$/, '');
    this.fetchImpl = options.fetch;
    this.tokens = options.tokens;
    this.timeoutMs = options.timeoutMs ?? 20000;
    this.language = options.language;
  }

  hasSession(): boolean {
    return this.tokens.get() !== null;
  }

  currentToken(): string | null {
    return this.tokens.get();
  }

  /** Returns the stored token, creating an anonymous session first when there is none. */
  ensureSession(): Promise<string> {
    const token = this.tokens.get();
    if (token) return Promise.resolve(token);
    return this.createSession().then((s) => s.token);
  }

  /** POST /v1/sessions. Concurrent callers share one request. */
  createSession(): Promise<CreatedSession> {
    if (!this.creating) {
      this.creating = this.request<CreatedSession>('POST', '/v1/sessions', {}, { auth: false })
        .then((s) => {
          if (!s || typeof s.token !== 'string') throw new Error('session response has no token');
          this.tokens.set(s);
          return s;
        })
        .finally(() => {
          this.creating = null;
        });
    }
    return this.creating;
  }

  /** GET /v1/session. A 401 discards the stored token (the caller decides what next). */
  getSession(): Promise<SessionInfo> {
    return this.request('GET', '/v1/session', undefined, { on401: 'discard' });
  }

  setUser(userId: string, signature?: string): Promise<SessionInfo> {
    const body: { userId: string; signature?: string } = { userId };
    if (signature !== undefined && signature !== null) body.signature = signature;
    return this.request('PUT', '/v1/session/user', body);
  }

  setParams(params: UserParams): Promise<SessionInfo> {
    return this.request('PUT', '/v1/session/params', params);
  }

  setField(key: string, value: unknown, scope: FieldScope): Promise<unknown> {
    return this.request('PUT', `/v1/session/fields/${encodeURIComponent(key)}`, { value, scope });
  }

  setDepartment(department: string): Promise<unknown> {
    return this.request('PUT', '/v1/session/department', { department });
  }

  clearDepartment(): Promise<unknown> {
    return this.request('DELETE', '/v1/session/department');
  }

  setRecipe(recipeId: string): Promise<unknown> {
    return this.request('PUT', '/v1/session/recipe', { recipeId });
  }

  /** POST /v1/session/logout. A 401 means the session is already gone: that counts as done. */
  async logout(): Promise<void> {
    try {
      await this.request('POST', '/v1/session/logout', {}, { on401: 'discard' });
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) throw err;
    }
  }

  /** POST /v1/rooms with the visitor's language: a chat it starts greets in it (an open one keeps its own). */
  openRoom(): Promise<OpenRoomResult> {
    return this.request('POST', '/v1/rooms', this.language ? { language: this.language } : {});
  }

  getMessages(roomId: string, afterSeq: number): Promise<Transcript> {
    return this.request(
      'GET',
      `/v1/rooms/${encodeURIComponent(roomId)}/messages?afterSeq=${encodeURIComponent(String(afterSeq))}`,
    );
  }

  postMessage(roomId: string, body: OutgoingMessage): Promise<{ message: Message }> {
    return this.request('POST', `/v1/rooms/${encodeURIComponent(roomId)}/messages`, body);
  }

  /** POST /v1/rooms/{roomId}/attachments: a short-lived link to upload one file straight to storage. */
  createAttachmentUpload(roomId: string, file: AttachmentRequest): Promise<AttachmentUpload> {
    return this.request('POST', `/v1/rooms/${encodeURIComponent(roomId)}/attachments`, file);
  }

  /** Tells the room's agent the visitor is typing (nothing is stored; the server drops calls closer than 2 s). */
  typing(roomId: string): Promise<void> {
    return this.request('POST', `/v1/rooms/${encodeURIComponent(roomId)}/typing`, {});
  }

  /** The visitor has seen the room up to `seq` (the window open and visible); the room's agent hears it. */
  read(roomId: string, seq: number): Promise<ReadRecorded> {
    return this.request('POST', `/v1/rooms/${encodeURIComponent(roomId)}/read`, { seq });
  }

  /** The page the visitor is on, for the agent's visitor panel. */
  reportPage(roomId: string, url: string, title: string): Promise<{ throttled: boolean }> {
    return this.request('PUT', `/v1/rooms/${encodeURIComponent(roomId)}/page`, { url, title });
  }

  closeRoom(roomId: string): Promise<{ roomId: string; status: string }> {
    return this.request('POST', `/v1/rooms/${encodeURIComponent(roomId)}/close`, {});
  }

  negotiate(): Promise<NegotiateResult> {
    return this.request('POST', '/v1/negotiate', {});
  }

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<T> {
    const auth = options.auth !== false;
    let token = auth ? await this.ensureSession() : null;
    for (let attempt = 0; ; attempt++) {
      if (token) this.lastUsedToken = token;
      const res = await this.send(method, path, body, token);
      if (res.status === 401 && auth && attempt === 0) {
        const stored = this.tokens.get();
        if (stored && stored !== token) {
          token = stored; // another tab replaced the session meanwhile: use theirs
          continue;
        }
        this.tokens.clear(token ?? undefined);
        if (options.on401 === 'discard') return this.fail(res);
        token = await this.ensureSession();
        this.onSessionRenewed?.();
        continue;
      }
      if (!res.ok) return this.fail(res);
      const text = await res.text();
      return (text ? JSON.parse(text) : undefined) as T;
    }
  }

  private async send(
    method: string,
    path: string,
    body: unknown,
    token: string | null,
  ): Promise<ResponseLike> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    const init: RequestInit = { method, headers, credentials: 'omit', mode: 'cors' };
    if (body !== undefined) init.body = JSON.stringify(body);
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (this.timeoutMs > 0 && typeof AbortController !== 'undefined') {
      const controller = new AbortController();
      init.signal = controller.signal;
      timer = setTimeout(() => controller.abort(), this.timeoutMs);
    }
    try {
      return await this.fetchImpl(this.apiBase + path, init);
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }

  private async fail(res: ResponseLike): Promise<never> {
    let problem: ProblemDetails | null = null;
    try {
      const text = await res.text();
      if (text) problem = JSON.parse(text) as ProblemDetails;
    } catch {
      problem = null;
    }
    throw new ApiError(res.status, problem, `HTTP ${res.status}`);
  }
}

/** Network failures, timeouts, 408, 429 and 5xx are worth retrying with the same clientMessageId. */
export function isTransient(err: unknown): boolean {
  if (err instanceof ApiError) return err.status === 408 || err.status === 429 || err.status >= 500;
  return true;
}
