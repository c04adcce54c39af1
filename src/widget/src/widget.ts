// The widget's state machine: it glues the page API (the `this` of Verloop callbacks), the
// HTTP client, the realtime connection, the UI and the page's event handlers.
//
// Config calls run strictly in the order they were made: each one is a step of a single
// promise chain, so `setUserId(...)` then `openWidget()` opens the chat of that user.

import type { ApiClient } from './api';
import { CallChain } from './callChain';
import { createChatEnding, type ChatEnding } from './chatEnding';
import { createChatWindow, type ChatWindow } from './chatWindow';
import { copyForPage, EventBus, HANDLER_NAMES, type HandlerName } from './events';
import { randomId } from './ids';
import { followOtherTabs } from './otherTabs';
import { createOutbox, type Outbox } from './outbox';
import type { RealtimeFactory } from './realtime';
import { createRealtimeLink, type RealtimeLink } from './realtimeLink';
import { createRoomTracker, type RoomTracker } from './roomTracker';
import { createSessionResume, type SessionResume } from './sessionResume';
import type { TabChannel } from './tabs';
import type { FieldScope, UserParams } from './types';
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

export class Widget {
  readonly api: VerloopApi;
  private readonly http: ApiClient;
  private readonly ui: ChatUI;
  private readonly events: EventBus;
  private readonly domReady: () => Promise<void>;
  private readonly newId: () => string;
  private readonly tabs: TabChannel | null;

  private readonly calls = new CallChain();
  private readonly rooms: RoomTracker;
  private readonly chatWindow: ChatWindow;
  private readonly realtime: RealtimeLink;
  /** onWidgetLoaded has fired: a handler registered later is called at once. */
  private loaded = false;
  private readonly ending: ChatEnding;
  private readonly resume: SessionResume;
  private readonly outbox: Outbox;

  constructor(options: WidgetOptions) {
    this.http = options.api;
    this.ui = options.ui;
    this.events = options.events;
    this.domReady = options.domReady ?? (() => Promise.resolve());
    this.newId = options.newId ?? randomId;
    this.tabs = options.tabs ?? null;
    this.rooms = createRoomTracker({
      http: this.http,
      ui: this.ui,
      events: this.events,
      windowOpen: () => this.chatWindow.isOpen,
      entered: (roomId) => {
        this.tabs?.announce(roomId);
        this.realtime.connect();
      },
      delivered: (clientMessageId) => this.outbox.delivered(clientMessageId),
    });
    this.outbox = createOutbox({
      http: this.http,
      rooms: this.rooms,
      ui: this.ui,
      calls: this.calls,
      // Read at each send, not captured here: a test pins the ids by replacing the widget's newId.
      newId: () => this.newId(),
      retryDelays: options.sendRetryDelays,
    });
    this.realtime = createRealtimeLink({
      realtime: options.realtime,
      rooms: this.rooms,
      ui: this.ui,
      chatEnded: (roomId, reason) => this.ending.chatEnded(roomId, reason),
      logoutComplete: () => this.ending.logoutComplete(),
    });
    this.chatWindow = createChatWindow(this.ui, this.events, () => this.rooms.ongoing() !== null);
    this.ending = createChatEnding({
      http: this.http,
      rooms: this.rooms,
      chatWindow: this.chatWindow,
      outbox: this.outbox,
      realtime: this.realtime,
      ui: this.ui,
      events: this.events,
      calls: this.calls,
    });
    this.resume = createSessionResume({
      http: this.http,
      rooms: this.rooms,
      realtime: this.realtime,
      chatWindow: this.chatWindow,
      ui: this.ui,
      tabs: this.tabs,
    });
    if (this.tabs) followOtherTabs({ tabs: this.tabs, calls: this.calls, http: this.http, rooms: this.rooms, realtime: this.realtime });
    this.api = this.createApi();
    this.events.setThis(this.api);
    this.http.onSessionRenewed = () => this.resume.renewed();
    this.ui.bind({
      bubbleClicked: () => {
        if (this.chatWindow.isOpen) void this.enqueue('minimize', async () => this.chatWindow.minimize());
        else void this.api.openWidget();
      },
      closeClicked: () => void this.api.closeWidget(),
      minimizeClicked: () => void this.enqueue('minimize', async () => this.chatWindow.minimize()),
      send: (text) => this.outbox.sendText(text),
      quickReply: (message, button) => {
        this.events.emit('onButtonClicked', { button: copyForPage(button), message: copyForPage(message) });
        this.outbox.sendButton(button);
      },
      retry: (clientMessageId) => this.outbox.retry(clientMessageId),
    });
  }

  /** Mounts the UI, fires onWidgetLoaded and resumes a stored session. Runs first in the chain. */
  start(): Promise<void> {
    return this.enqueue('load', async () => {
      await this.domReady();
      this.ui.mount();
      this.loaded = true;
      this.events.emit('onWidgetLoaded');
      await this.resume.atLoad();
    });
  }

  /** Resolves when every queued call and transcript read has settled (for tests). */
  async idle(): Promise<void> {
    for (;;) {
      const calls = this.calls.settled;
      const reads = this.rooms.reads.settled;
      await calls;
      await reads;
      if (calls === this.calls.settled && reads === this.rooms.reads.settled) return;
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
      closeWidget: () => this.enqueue('closeWidget', () => this.ending.closeWidget()),
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
          await this.resume.asUser(session);
        }),
      logout: () => this.enqueue('logout', () => this.ending.logout()),
      ...handlers,
    };
  }

  private enqueue(name: string, op: () => Promise<void>): Promise<void> {
    return this.calls.enqueue(name, op);
  }

  // ---- operations -------------------------------------------------------------------------

  private async doOpenWidget(): Promise<void> {
    await this.http.ensureSession();
    this.chatWindow.maximize();
    await this.rooms.enter();
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
