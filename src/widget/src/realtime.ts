// Realtime client: one SignalR connection per page, to the URL and access token that
// POST /v1/negotiate returns. Automatic reconnect handles short drops; when the connection
// closes for good (or a start fails, e.g. 401 on an expired token) we negotiate again with
// backoff. After every (re)connect the widget re-reads the transcript so nothing is lost.

import { HubConnection, HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import type { NegotiateResult } from './types';

export const REALTIME_EVENTS = [
  'chatStarted',
  'chatEnded',
  'message',
  'logoutComplete',
  'agentJoined',
  'typing',
  'read',
  'queuePosition',
] as const;
export type RealtimeEventName = (typeof REALTIME_EVENTS)[number];

export interface RealtimeHandlers {
  onEvent(name: RealtimeEventName, arg: unknown): void;
  /** Called after the first connect and after every reconnect. */
  onConnected(): void;
}

export interface RealtimeConnection {
  /** Starts connecting; resolves after the first attempt (retries continue in the background). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export type RealtimeFactory = (handlers: RealtimeHandlers) => RealtimeConnection;

export interface SignalROptions {
  negotiate: () => Promise<NegotiateResult>;
  /** Resolves a relative hub URL from negotiate (e.g. the local server's `/hubs/chat`). */
  baseUrl: string;
  /** Backoff between full re-negotiations, in ms. */
  retryDelays?: number[];
  /** An access token older than this is refreshed by negotiating again before use. */
  tokenMaxAgeMs?: number;
}

export function signalRRealtime(options: SignalROptions): RealtimeFactory {
  return (handlers) => new SignalRConnection(options, handlers);
}

class SignalRConnection implements RealtimeConnection {
  private conn: HubConnection | null = null;
  private stopped = true;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly delays: number[];

  constructor(
    private readonly options: SignalROptions,
    private readonly handlers: RealtimeHandlers,
  ) {
    this.delays = options.retryDelays ?? [1000, 2000, 5000, 10000, 30000];
  }

  start(): Promise<void> {
    if (!this.stopped) return Promise.resolve();
    this.stopped = false;
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const conn = this.conn;
    this.conn = null;
    if (conn) {
      try {
        await conn.stop();
      } catch {
        /* already closed */
      }
    }
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    let conn: HubConnection | null = null;
    try {
      const first = await this.options.negotiate();
      if (this.stopped) return;
      let token = first.accessToken;
      let obtainedAt = Date.now();
      const maxAge = this.options.tokenMaxAgeMs ?? 60000;
      const url = new URL(first.url, this.options.baseUrl).toString();
      conn = new HubConnectionBuilder()
        .withUrl(url, {
          // Reconnects after a long outage need a fresh token: negotiate again when it is old.
          accessTokenFactory: async () => {
            if (Date.now() - obtainedAt > maxAge) {
              const fresh = await this.options.negotiate();
              token = fresh.accessToken;
              obtainedAt = Date.now();
            }
            return token;
          },
          // Auth is the bearer token; no cookies, so plain CORS is enough on the server.
          withCredentials: false,
        })
        .withAutomaticReconnect()
        .configureLogging(LogLevel.Warning)
        .build();
      const current = conn;
      for (const name of REALTIME_EVENTS) {
        current.on(name, (arg: unknown) => {
          if (this.conn === current && !this.stopped) this.handlers.onEvent(name, arg);
        });
      }
      current.onreconnected(() => {
        if (this.conn === current && !this.stopped) this.handlers.onConnected();
      });
      current.onclose(() => {
        if (this.conn === current && !this.stopped) {
          this.conn = null;
          this.scheduleRetry();
        }
      });
      this.conn = current;
      await current.start();
      if (this.stopped || this.conn !== current) {
        await current.stop().catch(() => undefined);
        return;
      }
      this.failures = 0;
      this.handlers.onConnected();
    } catch (err) {
      if (this.stopped) return;
      if (conn && this.conn === conn) this.conn = null;
      console.error('[Verloop] realtime connection failed, retrying:', err);
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retryTimer !== null) return;
    const delay = this.delays[Math.min(this.failures, this.delays.length - 1)];
    this.failures++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }
}
