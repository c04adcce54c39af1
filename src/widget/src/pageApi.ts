// The page API: `this` inside `Verloop(function () { ... })`. Each config call is a step of the widget's call
// chain, so calls run in the order the page made them and each resolves once done (none rejects: a failure is
// reported in the console). Handlers are registered with the event bus, several per event, called in
// registration order. The order in which a closing chat's handlers fire lives in chatEnding.ts.

import type { ApiClient } from './api';
import type { CallChain } from './callChain';
import type { ChatEnding } from './chatEnding';
import type { ChatWindow } from './chatWindow';
import { HANDLER_NAMES, type EventBus, type HandlerName } from './events';
import type { RoomTracker } from './roomTracker';
import type { SessionResume } from './sessionResume';
import type { FieldScope, UserParams } from './types';

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
  /** Beyond the spec: `{position, estimatedWaitSeconds}` while the chat waits in a department's queue. */
  onQueuePositionChanged: HandlerRegistration;
}

export interface PageApiOptions {
  calls: CallChain;
  http: Pick<
    ApiClient,
    'ensureSession' | 'setRecipe' | 'setParams' | 'setField' | 'setDepartment' | 'clearDepartment' | 'setUser'
  >;
  events: EventBus;
  /** onWidgetLoaded has fired. */
  loaded: () => boolean;
  chatWindow: Pick<ChatWindow, 'maximize'>;
  rooms: Pick<RoomTracker, 'enter'>;
  ending: Pick<ChatEnding, 'closeWidget' | 'logout'>;
  resume: Pick<SessionResume, 'asUser'>;
}

export function createPageApi({
  calls,
  http,
  events,
  loaded,
  chatWindow,
  rooms,
  ending,
  resume,
}: PageApiOptions): VerloopApi {
  const handlers = {} as Record<HandlerName, HandlerRegistration>;
  for (const name of HANDLER_NAMES) {
    handlers[name] = (fn) => events.on(name, fn);
  }
  // The widget's DOM may be ready before the page registers its handler (a handler added by a framework's
  // mount hook, or a snippet further down a long page): such a handler is called at once, not never.
  handlers.onWidgetLoaded = (fn) => {
    events.on('onWidgetLoaded', fn);
    if (loaded() && typeof fn === 'function') {
      void Promise.resolve().then(() => events.emitTo('onWidgetLoaded', fn));
    }
  };
  return {
    openWidget: () =>
      calls.enqueue('openWidget', async () => {
        await http.ensureSession();
        chatWindow.maximize();
        await rooms.enter();
      }),
    closeWidget: () => calls.enqueue('closeWidget', () => ending.closeWidget()),
    setRecipe: (recipeId) =>
      calls.enqueue('setRecipe', async () => {
        await http.setRecipe(requireString(recipeId, 'recipe id'));
      }),
    setUserParams: (params) =>
      calls.enqueue('setUserParams', async () => {
        await http.setParams(pickParams(params));
      }),
    setCustomField: (key, value, options) =>
      calls.enqueue('setCustomField', async () => {
        const scope = options?.scope ?? 'user';
        if (scope !== 'user' && scope !== 'room') {
          throw new TypeError(`scope must be "user" or "room", got ${JSON.stringify(scope)}`);
        }
        await http.setField(requireString(key, 'custom field key'), fieldValue(value), scope);
      }),
    setDepartment: (department) =>
      calls.enqueue('setDepartment', async () => {
        await http.setDepartment(requireString(department, 'department'));
      }),
    clearDepartment: () =>
      calls.enqueue('clearDepartment', async () => {
        await http.clearDepartment();
      }),
    setUserId: (userId, signature) =>
      calls.enqueue('setUserId', async () => {
        const id = requireString(userId, 'user id');
        const sig = signature === undefined || signature === null ? undefined : String(signature);
        const session = await http.setUser(id, sig);
        await resume.asUser(session);
      }),
    logout: () => calls.enqueue('logout', () => ending.logout()),
    ...handlers,
  };
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
