// The widget's state machine: it glues the page API (the `this` of Verloop callbacks), the
// HTTP client, the realtime connection, the UI and the page's event handlers.
//
// Config calls run strictly in the order they were made: each one is a step of a single
// promise chain, so `setUserId(...)` then `openWidget()` opens the chat of that user.

import { ApiClient, ApiError, isTransient } from './api';
import { CallChain } from './callChain';
import { ChatWindow } from './chatWindow';
import { EventBus, HANDLER_NAMES, type HandlerName } from './events';
import { randomId } from './ids';
import type { RealtimeConnection, RealtimeEventName, RealtimeFactory } from './realtime';
import type { TabChannel } from './tabs';
import type {
  ChatButton,
  FieldScope,
  Message,
  OutgoingMessage,
  RoomStatus,
  SessionInfo,
  UserParams,
} from './types';
import { ChatUI } from './ui';

type HandlerRegistration = (fn: (...args: never[]) => unknown) => void;

/** `this` inside `Verloop(function () { ... })`. Config calls resolve when done (never reject). */
export interface VerloopApi {
  openWidget(): Promise<void>;
  closeWidget(): Promise<void>;
  setRecipe(recipeId: string): Promise<void>;
  setUserParams(params: UserParams): Promise<void>;
  setCustomField(key: string, value: unknown, options?: { scope?: FieldScope }): Promise<void>;
  setDepartment(department: string): Promise<void>;
  clearDepartment(): Promise<void>;
  setUserId(userId: string, signature?: string): Promise<void>;
  logout(): Promise<void>;
  onButtonClicked: HandlerRegistration;
  onChatStarted: HandlerRegistration;
  onChatEnded: HandlerRegistration;
  onIncomingMessage: HandlerRegistration;
  onLogoutComplete: HandlerRegistration;
  onChatMaximized: HandlerRegistration;
  onChatMinimized: HandlerRegistration;
  onWidgetLoaded: HandlerRegistration;
}

export interface WidgetOptions {
  api: ApiClient;
  ui: ChatUI;
  events: EventBus;
  realtime: RealtimeFactory;
  /** Resolves once the page can take the UI (document.body exists). */
  domReady?: () => Promise<void>;
  newId?: () => string;
  /** Waits between retries of a message POST (same clientMessageId). */
  sendRetryDelays?: number[];
  /** Tells the other tabs of this browser about a chat this tab opened, and hears theirs. */
  tabs?: TabChannel;
}

interface Room {
  id: string;
  status: RoomStatus;
  /** Highest seq read from the transcript endpoint (the afterSeq of the next read). */
  lastSeq: number;
  /** The next transcript read is history of a room that was open before: no onIncomingMessage. */
  history: boolean;
}

export class Widget {
  readonly api: VerloopApi;
  private readonly http: ApiClient;
  private readonly ui: ChatUI;
  private readonly events: EventBus;
  private readonly realtime: RealtimeFactory;
  private readonly domReady: () => Promise<void>;
  private readonly newId: () => string;
  private readonly retryDelays: number[];
  private readonly tabs: TabChannel | null;

  private readonly calls = new CallChain();
  /** Transcript reads, one at a time. */
  private readonly reads = new CallChain();
  private room: Room | null = null;
  private readonly chatWindow: ChatWindow;
  private rt: RealtimeConnection | null = null;
  private loggingOut = false;
  /** onWidgetLoaded has fired: a handler registered later is called at once. */
  private loaded = false;
  private closing: { roomId: string; endedByServer: boolean } | null = null;
  /** Rooms this page has met, onChatStarted / onChatEnded fired for, message ids handled. */
  private readonly knownRooms = new Set<string>();
  private readonly startedRooms = new Set<string>();
  private readonly endedRooms = new Set<string>();
  private readonly seenMessages = new Set<string>();
  /** Unconfirmed visitor messages by clientMessageId (for Retry). */
  private readonly outbox = new Map<string, OutgoingMessage>();

  constructor(options: WidgetOptions) {
    this.http = options.api;
    this.ui = options.ui;
    this.events = options.events;
    this.realtime = options.realtime;
    this.domReady = options.domReady ?? (() => Promise.resolve());
    this.newId = options.newId ?? randomId;
    this.retryDelays = options.sendRetryDelays ?? [500, 1500, 4000];
    this.tabs = options.tabs ?? null;
    this.chatWindow = new ChatWindow(this.ui, this.events, () => this.openRoomOrNull() !== null);
    this.tabs?.subscribe((roomId, reconnect) => this.otherTabJoined(roomId, reconnect));
    this.api = this.createApi();
    this.events.setThis(this.api);
    this.http.onSessionRenewed = () => this.sessionRenewed();
    this.ui.bind({
      bubbleClicked: () => {
        if (this.chatWindow.isOpen) void this.enqueue('minimize', async () => this.chatWindow.minimize());
        else void this.api.openWidget();
      },
      closeClicked: () => void this.api.closeWidget(),
      minimizeClicked: () => void this.enqueue('minimize', async () => this.chatWindow.minimize()),
      send: (text) => this.sendText(text),
      quickReply: (message, button) => this.quickReply(message, button),
      retry: (clientMessageId) => {
        const body = this.outbox.get(clientMessageId);
        if (body) void this.deliver(body);
      },
    });
  }

  /** Mounts the UI, fires onWidgetLoaded and resumes a stored session. Runs first in the chain. */
  start(): Promise<void> {
    return this.enqueue('load', async () => {
      await this.domReady();
      this.ui.mount();
      this.loaded = true;
      this.events.emit('onWidgetLoaded');
      await this.resume();
    });
  }

  /** Resolves when every queued call and transcript read has settled (for tests). */
  async idle(): Promise<void> {
    for (;;) {
      const calls = this.calls.settled;
      const reads = this.reads.settled;
      await calls;
      await reads;
      if (calls === this.calls.settled && reads === this.reads.settled) return;
    }
  }

  // ---- the page API -----------------------------------------------------------------------

  private createApi(): VerloopApi {
    const handlers = {} as Record<HandlerName, HandlerRegistration>;
    for (const name of HANDLER_NAMES) {
      handlers[name] = (fn) => this.events.on(name, fn);
    }
    // The widget's DOM may be ready before the page registers its handler (a handler added by a framework's
    // mount hook, or a snippet further down a long page): such a handler is called at once, not never.
    handlers.onWidgetLoaded = (fn) => {
      this.events.on('onWidgetLoaded', fn);
      if (this.loaded && typeof fn === 'function') {
        void Promise.resolve().then(() => this.events.emitTo('onWidgetLoaded', fn));
      }
    };
    return {
      openWidget: () => this.enqueue('openWidget', () => this.doOpenWidget()),
      closeWidget: () => this.enqueue('closeWidget', () => this.doCloseWidget()),
      setRecipe: (recipeId) =>
        this.enqueue('setRecipe', async () => {
          await this.http.setRecipe(requireString(recipeId, 'recipe id'));
        }),
      setUserParams: (params) =>
        this.enqueue('setUserParams', async () => {
          await this.http.setParams(pickParams(params));
        }),
      setCustomField: (key, value, options) =>
        this.enqueue('setCustomField', async () => {
          const scope = options?.scope ?? 'user';
          if (scope !== 'user' && scope !== 'room') {
            throw new TypeError(`scope must be "user" or "room", got ${JSON.stringify(scope)}`);
          }
          await this.http.setField(requireString(key, 'custom field key'), fieldValue(value), scope);
        }),
      setDepartment: (department) =>
        this.enqueue('setDepartment', async () => {
          await this.http.setDepartment(requireString(department, 'department'));
        }),
      clearDepartment: () =>
        this.enqueue('clearDepartment', async () => {
          await this.http.clearDepartment();
        }),
      setUserId: (userId, signature) =>
        this.enqueue('setUserId', async () => {
          const id = requireString(userId, 'user id');
          const sig = signature === undefined || signature === null ? undefined : String(signature);
          const session = await this.http.setUser(id, sig);
          await this.identityChanged(session);
        }),
      logout: () => this.enqueue('logout', () => this.doLogout()),
      ...handlers,
    };
  }

  private enqueue(name: string, op: () => Promise<void>): Promise<void> {
    return this.calls.enqueue(name, op);
  }

  // ---- operations -------------------------------------------------------------------------

  private async resume(): Promise<void> {
    if (!this.http.hasSession()) return;
    let session: SessionInfo;
    try {
      session = await this.http.getSession();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return; // token dropped; a new session comes lazily
      throw err;
    }
    if (session && session.openRoomId) {
      this.switchRoom(session.openRoomId, 'open', true);
      this.ensureRealtime();
      await this.sync();
    }
  }

  private async doOpenWidget(): Promise<void> {
    await this.http.ensureSession();
    this.chatWindow.maximize();
    await this.openRoom();
  }

  /** POST /v1/rooms, announce the room if new to this page, read its transcript, connect. */
  private async openRoom(): Promise<Room> {
    const result = await this.http.openRoom();
    const history = !result.created && !this.knownRooms.has(result.roomId);
    this.switchRoom(result.roomId, result.status ?? 'open', history);
    this.announceStarted(result.roomId);
    this.tabs?.announce(result.roomId);
    this.ensureRealtime();
    await this.sync();
    return this.room as Room;
  }

  private async doCloseWidget(): Promise<void> {
    const room = this.openRoomOrNull();
    let ended = false;
    let failure: unknown = null;
    if (room) {
      // The server's realtime chatEnded may overtake the HTTP response: hold it back, so the
      // page sees onChatMinimized before onChatEnded either way.
      this.closing = { roomId: room.id, endedByServer: false };
      try {
        await this.http.closeRoom(room.id);
        ended = true;
      } catch (err) {
        // 4xx: the room is gone or already ended on the server; anything else: it may still be open.
        if (err instanceof ApiError && err.status >= 400 && err.status < 500) ended = true;
        else failure = err;
      } finally {
        if (this.closing.endedByServer) ended = true;
        this.closing = null;
      }
    }
    this.chatWindow.minimize();
    if (room && ended) this.roomEnded(room.id);
    if (failure && !ended) throw failure;
  }

  private async doLogout(): Promise<void> {
    this.loggingOut = true;
    try {
      const room = this.openRoomOrNull();
      const token = this.http.currentToken();
      let failure: unknown = null;
      // As in closeWidget: a realtime chatEnded during the call waits for teardown's order.
      if (room) this.closing = { roomId: room.id, endedByServer: false };
      if (token) {
        try {
          await this.http.logout();
        } catch (err) {
          failure = err;
        }
      }
      this.closing = null;
      // Discard the token even when the call failed: the page asked to forget this user.
      this.http.tokens.clear(token ?? undefined);
      this.teardown(room);
      if (failure) throw failure;
      this.events.emit('onLogoutComplete');
    } finally {
      this.loggingOut = false;
    }
  }

  /**
   * The server says a logout happened. It tells every connection of the session (this browser's tabs) and of its
   * user, so it may be another device of the user logging out: that device's session ended, not ours, and the
   * chat's end reaches us as chatEnded. Only when this page's own session is gone is it logged out here too.
   */
  private remoteLogout(): void {
    void this.enqueue('logoutComplete', async () => {
      if (!(await this.ownSessionEnded())) return;
      this.teardown(this.openRoomOrNull());
      this.events.emit('onLogoutComplete');
    });
  }

  private async ownSessionEnded(): Promise<boolean> {
    const stored = this.http.currentToken();
    // The tab that logged out dropped (or already replaced) the stored session this page was using.
    if (!stored || stored !== this.http.lastUsedToken) return true;
    try {
      await this.http.getSession();
      return false; // still valid: another device of the user logged out
    } catch {
      return true; // 401 (the token is dropped), or no answer: believe the server's event
    }
  }

  /** Close the window, end the open room, forget the room and the realtime connection. */
  private teardown(room: Room | null): void {
    this.stopRealtime();
    this.chatWindow.minimize();
    if (room) this.roomEnded(room.id);
    this.room = null;
    this.outbox.clear();
    this.ui.reset();
  }

  /** After setUserId: reconnect as the user, and continue the user's open chat if there is one. */
  private async identityChanged(session: SessionInfo | undefined): Promise<void> {
    this.stopRealtime();
    const current = this.openRoomOrNull();
    const userRoom = session && session.openRoomId;
    if (userRoom && userRoom !== (current && current.id)) {
      if (this.chatWindow.isOpen) {
        await this.openRoom();
      } else {
        this.switchRoom(userRoom, 'open', !this.knownRooms.has(userRoom));
        await this.sync();
      }
    }
    const open = this.openRoomOrNull();
    if (open) {
      this.ensureRealtime();
      // The other tabs share the session, but their connections were negotiated before it had a user.
      this.tabs?.announce(open.id, true);
    }
  }

  /**
   * Another tab of this browser (same stored session) opened the chat `roomId`: show it and connect. With
   * `reconnect`, that tab called setUserId: negotiate again, so this connection is the user's too.
   */
  private otherTabJoined(roomId: string, reconnect: boolean): void {
    void this.enqueue('otherTab', async () => {
      if (!this.http.hasSession() || this.endedRooms.has(roomId)) return;
      if (reconnect) this.stopRealtime();
      const current = this.openRoomOrNull();
      if (!current || current.id !== roomId) {
        // As a realtime chatStarted would: this tab was not connected when the chat started.
        this.switchRoom(roomId, 'open', false);
        this.announceStarted(roomId);
      }
      this.ensureRealtime();
      await this.sync();
    });
  }

  private sessionRenewed(): void {
    // The stored session expired and a new anonymous one replaced it: old rooms are not ours.
    this.stopRealtime();
    this.room = null;
    this.ui.setActiveChat(false);
  }

  // ---- rooms and messages -----------------------------------------------------------------

  private openRoomOrNull(): Room | null {
    return this.room && this.room.status !== 'ended' ? this.room : null;
  }

  private switchRoom(roomId: string, status: RoomStatus, history: boolean): void {
    this.knownRooms.add(roomId);
    if (this.room && this.room.id === roomId) {
      this.room.status = status;
      return;
    }
    this.room = { id: roomId, status, lastSeq: 0, history };
    this.ui.clearMessages();
    this.ui.setActiveChat(status !== 'ended' && !this.chatWindow.isOpen);
  }

  private announceStarted(roomId: string): void {
    this.knownRooms.add(roomId);
    if (this.startedRooms.has(roomId)) return;
    this.startedRooms.add(roomId);
    this.events.emit('onChatStarted', { roomId });
  }

  private roomEnded(roomId: string, reason?: string): void {
    if (this.room && this.room.id === roomId) {
      this.room.status = 'ended';
      this.ui.showEnded(reason);
      this.ui.setActiveChat(false);
    }
    if (!this.knownRooms.has(roomId) || this.endedRooms.has(roomId)) return;
    this.endedRooms.add(roomId);
    this.events.emit('onChatEnded', { roomId });
  }

  /** Reads the transcript after the last seq seen. Reads never overlap. */
  private sync(): Promise<void> {
    return this.reads.enqueue('reading the transcript', () => this.syncOnce());
  }

  private async syncOnce(): Promise<void> {
    const room = this.room;
    if (!room) return;
    const transcript = await this.http.getMessages(room.id, room.lastSeq);
    if (this.room !== room) return;
    const silent = room.history;
    room.history = false;
    const messages = (transcript && Array.isArray(transcript.messages) ? transcript.messages : [])
      .slice()
      .sort((a, b) => a.seq - b.seq);
    for (const message of messages) {
      if (typeof message.seq === 'number' && message.seq > room.lastSeq) room.lastSeq = message.seq;
      this.accept(message, silent);
    }
    if (transcript && transcript.status === 'ended') this.roomEnded(room.id);
    else if (transcript && transcript.status && room.status !== 'ended') room.status = transcript.status;
  }

  /** One message from HTTP or realtime: shown once, onIncomingMessage once per page life. */
  private accept(message: Message, silent: boolean): void {
    if (!message || typeof message.id !== 'string') return;
    const room = this.room;
    if (!room || message.roomId !== room.id) return;
    if (message.clientMessageId) this.outbox.delete(message.clientMessageId);
    if (!this.ui.hasMessage(message.id)) this.ui.showMessage(message);
    if (this.seenMessages.has(message.id)) return;
    this.seenMessages.add(message.id);
    if (message.sender === 'visitor') return;
    this.ui.showTyping(null);
    if (silent) return;
    if (!this.chatWindow.isOpen) this.ui.addUnread();
    this.events.emit('onIncomingMessage', clone(message));
  }

  private sendText(text: string): void {
    const clientMessageId = this.newId();
    this.ui.addPending(clientMessageId, text);
    void this.deliver({ clientMessageId, text });
  }

  private quickReply(message: Message, button: ChatButton): void {
    this.events.emit('onButtonClicked', { button: clone(button), message: clone(message) });
    const clientMessageId = this.newId();
    this.ui.addPending(clientMessageId, button.label);
    void this.deliver({ clientMessageId, buttonId: button.id, text: button.label });
  }

  private deliver(body: OutgoingMessage): Promise<void> {
    this.outbox.set(body.clientMessageId, body);
    this.ui.markFailed(body.clientMessageId, false);
    return this.enqueue('send', async () => {
      try {
        // A message after the chat ended (or before any) starts a new chat.
        let room = this.openRoomOrNull() ?? (await this.openRoom());
        let result: { message: Message };
        try {
          result = await this.postWithRetry(room.id, body);
        } catch (err) {
          // 409: the room ended meanwhile (and we missed the event): end it here, start a new one.
          if (!(err instanceof ApiError && err.status === 409) || 'buttonId' in body) throw err;
          this.roomEnded(room.id);
          room = await this.openRoom();
          result = await this.postWithRetry(room.id, body);
        }
        if (result && result.message) this.accept(result.message, false);
      } catch (err) {
        this.ui.markFailed(body.clientMessageId, true);
        throw err;
      }
    });
  }

  private async postWithRetry(roomId: string, body: OutgoingMessage): Promise<{ message: Message }> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.http.postMessage(roomId, body);
      } catch (err) {
        if (attempt >= this.retryDelays.length || !isTransient(err)) throw err;
        await delay(this.retryDelays[attempt]);
      }
    }
  }

  // ---- realtime ---------------------------------------------------------------------------

  private ensureRealtime(): void {
    if (this.rt) return;
    const connection: RealtimeConnection = this.realtime({
      onEvent: (name, arg) => {
        if (this.rt === connection) this.onRealtime(name, arg);
      },
      onConnected: () => {
        if (this.rt === connection) void this.sync();
      },
    });
    this.rt = connection;
    connection.start().catch((err) => console.error('[Verloop] realtime start failed:', err));
  }

  private stopRealtime(): void {
    const connection = this.rt;
    this.rt = null;
    if (connection) connection.stop().catch(() => undefined);
  }

  private onRealtime(name: RealtimeEventName, arg: unknown): void {
    const data = (arg && typeof arg === 'object' ? arg : {}) as Record<string, unknown>;
    const roomId = typeof data.roomId === 'string' ? data.roomId : null;
    switch (name) {
      case 'message':
        this.accept(arg as Message, false);
        break;
      case 'chatStarted':
        if (!roomId) return;
        if (!this.room || this.room.id !== roomId) {
          this.switchRoom(roomId, 'open', false);
          void this.sync();
        }
        this.announceStarted(roomId);
        break;
      case 'chatEnded':
        if (roomId && this.closing && this.closing.roomId === roomId) this.closing.endedByServer = true;
        else if (roomId) this.roomEnded(roomId, typeof data.reason === 'string' ? data.reason : undefined);
        break;
      case 'logoutComplete':
        if (!this.loggingOut) this.remoteLogout();
        break;
      case 'agentJoined':
        // Nothing to show: the transcript's system message ("Ann joined the chat") follows as a message event and is
        // what a reload or another tab shows too; a notice here showed the join twice.
        break;
      case 'typing':
        if (roomId && this.room && this.room.id === roomId && typeof data.sender === 'string') {
          this.ui.showTyping(data.sender as Message['sender']);
        }
        break;
    }
  }
}

function requireString(value: unknown, what: string): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`${what} must be a non-empty string`);
  }
  return value;
}

/** The backend stores text: numbers and booleans are sent as their text, anything else is refused here. */
function fieldValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  throw new TypeError(`custom field value must be a string, number or boolean, got ${value === null ? 'null' : typeof value}`);
}

function pickParams(params: UserParams): UserParams {
  if (!params || typeof params !== 'object') throw new TypeError('setUserParams expects an object');
  const out: UserParams = {};
  for (const key of ['name', 'email', 'phone'] as const) {
    const value = params[key];
    if (value !== undefined) out[key] = value === null ? null : String(value);
  }
  return out;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
