// Test doubles: a small in-memory backend behind a fake fetch, and a fake realtime connection.

import { expect } from 'vitest';
import { ApiClient, TokenStore, type ResponseLike } from '../src/api';
import { EventBus } from '../src/events';
import type { RealtimeConnection, RealtimeEventName, RealtimeHandlers } from '../src/realtime';
import type { TabChannel } from '../src/tabs';
import type { Message, RoomStatus } from '../src/types';
import { ChatUI } from '../src/ui';
import { Widget } from '../src/widget';

export const API_BASE = 'http://backend.test/api';

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: any;
  token: string | null;
}

interface FakeSession {
  sessionId: string;
  visitorId: string;
  userId: string | null;
}

interface FakeRoom {
  id: string;
  owner: string;
  status: RoomStatus;
  messages: Message[];
}

type Reply = { status: number; body?: unknown };
type Override = (call: Call) => Reply | undefined | Promise<Reply | undefined>;

export class FakeBackend {
  readonly calls: Call[] = [];
  readonly sessions = new Map<string, FakeSession>();
  readonly rooms = new Map<string, FakeRoom>();
  private n = 0;
  private seq = 0;
  /** Checked first; return undefined to fall through to the default behaviour. */
  override: Override | null = null;
  /** Bot messages added when a room is created. */
  welcome: (roomId: string) => Partial<Message>[] = () => [
    { sender: 'bot', text: 'Hi! How can we help?', buttons: [{ id: 'b1', label: 'Pricing' }, { id: 'b2', label: 'Support' }] },
  ];

  fetch = async (url: string, init: RequestInit): Promise<ResponseLike> => {
    const u = new URL(url);
    expect(u.origin + '/api').toBe(API_BASE);
    const headers = (init.headers ?? {}) as Record<string, string>;
    const auth = headers.Authorization ?? null;
    const call: Call = {
      method: init.method ?? 'GET',
      path: u.pathname.replace(/^\/api/, ''),
      query: u.searchParams,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
      token: auth ? auth.replace(/^Bearer /, '') : null,
    };
    this.calls.push(call);
    const reply = (this.override && (await this.override(call))) || this.route(call);
    const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
    return { status: reply.status, ok: reply.status >= 200 && reply.status < 300, text: async () => text };
  };

  /** "METHOD /path" of every call, for order assertions. */
  get log(): string[] {
    return this.calls.map((c) => `${c.method} ${c.path}`);
  }

  ownerOf(token: string): string {
    const s = this.sessions.get(token)!;
    return s.userId ? `user:${s.userId}` : `visitor:${s.visitorId}`;
  }

  openRoomOf(owner: string): FakeRoom | undefined {
    return Array.from(this.rooms.values()).find((r) => r.owner === owner && r.status !== 'ended');
  }

  createSession(): string {
    const token = `tok${++this.n}`;
    this.sessions.set(token, { sessionId: `s${this.n}`, visitorId: `v${this.n}`, userId: null });
    return token;
  }

  createRoom(owner: string): FakeRoom {
    const room: FakeRoom = { id: `room${++this.n}`, owner, status: 'open', messages: [] };
    this.rooms.set(room.id, room);
    for (const m of this.welcome(room.id)) this.addMessage(room.id, m);
    return room;
  }

  addMessage(roomId: string, partial: Partial<Message>): Message {
    const seq = ++this.seq;
    const message: Message = {
      id: `m${seq}`,
      roomId,
      seq,
      sender: 'bot',
      text: '',
      buttons: [],
      blockId: null,
      sentAt: new Date(1700000000000 + seq * 1000).toISOString(),
      ...partial,
    };
    this.rooms.get(roomId)!.messages.push(message);
    return message;
  }

  private route(call: Call): Reply {
    const { method, path } = call;
    if (method === 'POST' && path === '/v1/sessions') {
      const token = this.createSession();
      const s = this.sessions.get(token)!;
      return { status: 201, body: { sessionId: s.sessionId, token, expiresAt: '2999-01-01T00:00:00Z' } };
    }
    const session = call.token ? this.sessions.get(call.token) : undefined;
    if (!session) return problem(401, 'Unauthorized');
    const owner = this.ownerOf(call.token!);
    const info = () => ({
      sessionId: session.sessionId,
      visitorId: session.visitorId,
      userId: session.userId,
      openRoomId: this.openRoomOf(owner)?.id ?? null,
      department: null,
      recipeId: null,
      userParams: { name: null, email: null, phone: null },
    });
    let m: RegExpMatchArray | null;
    if (method === 'GET' && path === '/v1/session') return { status: 200, body: info() };
    if (method === 'PUT' && path === '/v1/session/user') {
      session.userId = call.body.userId;
      return { status: 200, body: { ...info(), openRoomId: this.openRoomOf(this.ownerOf(call.token!))?.id ?? null } };
    }
    if (method === 'PUT' && /^\/v1\/session\/(params|fields\/.+|department|recipe)$/.test(path)) return { status: 200, body: info() };
    if (method === 'DELETE' && path === '/v1/session/department') return { status: 200, body: info() };
    if (method === 'POST' && path === '/v1/session/logout') {
      const room = this.openRoomOf(owner);
      if (room) room.status = 'ended';
      this.sessions.delete(call.token!);
      return { status: 200, body: {} };
    }
    if (method === 'POST' && path === '/v1/negotiate') return { status: 200, body: { url: '/hub', accessToken: 'rt-token' } };
    if (method === 'POST' && path === '/v1/rooms') {
      const existing = this.openRoomOf(owner);
      const room = existing ?? this.createRoom(owner);
      return { status: 200, body: { roomId: room.id, status: room.status, created: !existing } };
    }
    if ((m = path.match(/^\/v1\/rooms\/([^/]+)\/(messages|close)$/))) {
      const room = this.rooms.get(decodeURIComponent(m[1]));
      if (!room || room.owner !== owner) return problem(404, 'Room not found');
      if (m[2] === 'close' && method === 'POST') {
        room.status = 'ended';
        return { status: 200, body: { roomId: room.id, status: 'ended' } };
      }
      if (method === 'GET') {
        const after = Number(call.query.get('afterSeq') ?? '0');
        return { status: 200, body: { roomId: room.id, status: room.status, messages: room.messages.filter((x) => x.seq > after) } };
      }
      if (method === 'POST') {
        const dup = room.messages.find((x) => x.clientMessageId === call.body.clientMessageId);
        if (dup) return { status: 202, body: { message: dup } };
        const label = room.messages.flatMap((x) => x.buttons).find((b) => b.id === call.body.buttonId)?.label;
        const message = this.addMessage(room.id, {
          sender: 'visitor',
          text: call.body.text ?? label ?? '',
          clientMessageId: call.body.clientMessageId,
          buttonId: call.body.buttonId ?? null,
        });
        return { status: 202, body: { message } };
      }
    }
    return problem(404, `No route ${method} ${path}`);
  }
}

export function problem(status: number, title: string): Reply {
  return { status, body: { type: 'about:blank', title, status } };
}

export class FakeRealtime implements RealtimeConnection {
  started = false;
  stopped = false;
  constructor(readonly handlers: RealtimeHandlers) {}
  async start(): Promise<void> {
    this.started = true;
    this.handlers.onConnected();
  }
  async stop(): Promise<void> {
    this.stopped = true;
  }
  emit(name: RealtimeEventName, arg: unknown): void {
    this.handlers.onEvent(name, arg);
  }
}

/** The other tabs of the browser: records what this tab announced, delivers what another tab did. */
export class FakeTabs implements TabChannel {
  readonly announced: string[] = [];
  private listener: ((roomId: string, reconnect: boolean) => void) | null = null;
  announce(roomId: string, reconnect = false): void {
    this.announced.push(reconnect ? `${roomId} (reconnect)` : roomId);
  }
  subscribe(onRoom: (roomId: string, reconnect: boolean) => void): void {
    this.listener = onRoom;
  }
  /** Another tab opened `roomId` (and, with `reconnect`, called setUserId). */
  receive(roomId: string, reconnect = false): void {
    this.listener?.(roomId, reconnect);
  }
}

export interface Harness {
  backend: FakeBackend;
  widget: Widget;
  ui: ChatUI;
  events: { name: string; arg: unknown }[];
  realtimes: FakeRealtime[];
  tabs: FakeTabs;
  /** The live realtime connection (the last one that was not stopped). */
  rt(): FakeRealtime;
  shadow(): ShadowRoot;
  idle(): Promise<void>;
  /** The page wakes: its tab is shown again or the browser is back online. */
  wake(): void;
}

export const ALL_HANDLERS = [
  'onButtonClicked',
  'onChatStarted',
  'onChatEnded',
  'onIncomingMessage',
  'onLogoutComplete',
  'onChatMaximized',
  'onChatMinimized',
  'onWidgetLoaded',
] as const;

/** Builds a widget over the fake backend and realtime, with every handler logging into `events`. */
export function makeHarness(options: { backend?: FakeBackend; start?: boolean } = {}): Harness {
  const backend = options.backend ?? new FakeBackend();
  const tabs = new FakeTabs();
  const realtimes: FakeRealtime[] = [];
  const api = new ApiClient({ apiBase: API_BASE, fetch: backend.fetch, tokens: new TokenStore(window.localStorage) });
  const ui = new ChatUI(document);
  const wakeListeners: (() => void)[] = [];
  const widget = new Widget({
    api,
    ui,
    events: new EventBus(),
    realtime: (handlers) => {
      const rt = new FakeRealtime(handlers);
      realtimes.push(rt);
      return rt;
    },
    sendRetryDelays: [1, 1, 1],
    tabs,
    wake: (listener) => wakeListeners.push(listener),
  });
  const events: { name: string; arg: unknown }[] = [];
  for (const name of ALL_HANDLERS) {
    (widget.api[name] as (fn: (arg?: unknown) => void) => void)((arg?: unknown) => events.push({ name, arg }));
  }
  if (options.start !== false) void widget.start();
  return {
    backend,
    widget,
    ui,
    events,
    realtimes,
    tabs,
    rt: () => {
      const live = realtimes.filter((r) => !r.stopped);
      return live[live.length - 1];
    },
    shadow: () => ui.root!,
    idle: () => widget.idle(),
    wake: () => wakeListeners.forEach((listener) => listener()),
  };
}

export function names(events: { name: string }[]): string[] {
  return events.map((e) => e.name);
}

export function messageNodes(root: ShadowRoot): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[data-testid="message"]'));
}
