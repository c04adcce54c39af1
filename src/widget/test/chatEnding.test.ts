import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/api';
import { CallChain } from '../src/callChain';
import { createChatEnding, type ChatEnding, type ChatEndingOptions } from '../src/chatEnding';
import { createChatWindow, type ChatWindow } from '../src/chatWindow';
import { EventBus } from '../src/events';
import { createRoomTracker, type RoomTracker } from '../src/roomTracker';
import { ChatUI } from '../src/ui';
import { ALL_HANDLERS, names } from './fakes';

describe('ChatEnding', () => {
  let events: { name: string; arg: unknown }[];
  let calls: CallChain;
  let rooms: RoomTracker;
  let chatWindow: ChatWindow;
  let http: ChatEndingOptions['http'] & { tokens: { clear: ReturnType<typeof vi.fn> } };
  let stopRealtime: ReturnType<typeof vi.fn>;
  let ending: ChatEnding;

  beforeEach(() => {
    events = [];
    const bus = new EventBus();
    for (const name of ALL_HANDLERS) bus.on(name, (arg?: unknown) => events.push({ name, arg }));
    const ui = new ChatUI(document);
    ui.mount();
    rooms = createRoomTracker({
      http: {
        openRoom: () => Promise.reject(new Error('not used')),
        getMessages: async (roomId) => ({ roomId, status: 'open', messages: [] }),
      },
      ui,
      events: bus,
      windowOpen: () => chatWindow.isOpen,
      entered: () => undefined,
      delivered: () => undefined,
    });
    chatWindow = createChatWindow(ui, bus, () => rooms.ongoing() !== null);
    calls = new CallChain();
    stopRealtime = vi.fn();
    http = {
      closeRoom: async (roomId) => ({ roomId, status: 'ended' }),
      logout: async () => undefined,
      currentToken: () => 'tok1',
      lastUsedToken: 'tok1',
      getSession: () => Promise.reject(new Error('not stubbed')),
      tokens: { clear: vi.fn() } as never,
    };
    ending = createChatEnding({
      http,
      rooms,
      chatWindow,
      outbox: { clear: () => undefined },
      realtime: { stop: stopRealtime },
      ui,
      events: bus,
      calls,
    });
    // A chat is going on in the open window.
    rooms.switchTo('r1', 'open', false);
    rooms.announceStarted('r1');
    chatWindow.maximize();
    events.length = 0;
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('closeWidget answered 4xx (the room is gone on the server) still ends the chat, after onChatMinimized', async () => {
    http.closeRoom = () => Promise.reject(new ApiError(404, null, 'HTTP 404'));
    await ending.closeWidget();
    expect(names(events)).toEqual(['onChatMinimized', 'onChatEnded']);
  });

  it('closeWidget without an answer minimizes but keeps the chat, and fails', async () => {
    http.closeRoom = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(ending.closeWidget()).rejects.toThrow('Failed to fetch');
    expect(names(events)).toEqual(['onChatMinimized']);
    expect(rooms.ongoing()?.id).toBe('r1');
  });

  it("closeWidget that got no answer but heard the server's chatEnded meanwhile ends the chat, in the page's order", async () => {
    http.closeRoom = () => {
      ending.chatEnded('r1', 'visitor');
      return Promise.reject(new ApiError(503, null, 'HTTP 503'));
    };
    await ending.closeWidget();
    expect(names(events)).toEqual(['onChatMinimized', 'onChatEnded']);
  });

  it('a chatEnded outside a close ends the chat at once, saying why', () => {
    ending.chatEnded('r1', 'agent');
    expect(names(events)).toEqual(['onChatEnded']);
    expect(document.getElementById('verloop-widget')!.shadowRoot!.textContent).toContain('Chat ended by the agent');
  });

  it('a failed logout still forgets the token and ends the chat, but onLogoutComplete does not fire', async () => {
    http.logout = () => Promise.reject(new ApiError(500, null, 'HTTP 500'));
    await expect(ending.logout()).rejects.toThrow('HTTP 500');
    expect(http.tokens.clear).toHaveBeenCalledWith('tok1');
    expect(stopRealtime).toHaveBeenCalled();
    expect(names(events)).toEqual(['onChatMinimized', 'onChatEnded']);
  });

  it('the logoutComplete its own logout causes is not news: onLogoutComplete once, no session check', async () => {
    const getSession = vi.fn();
    http.getSession = getSession;
    http.logout = async () => ending.logoutComplete();
    await ending.logout();
    await calls.settled;
    expect(names(events)).toEqual(['onChatMinimized', 'onChatEnded', 'onLogoutComplete']);
    expect(getSession).not.toHaveBeenCalled();
  });

  it('a logoutComplete whose session check gets no answer believes the server: this page logs out too', async () => {
    http.getSession = () => Promise.reject(new TypeError('Failed to fetch'));
    ending.logoutComplete();
    await calls.settled;
    expect(names(events)).toEqual(['onChatMinimized', 'onChatEnded', 'onLogoutComplete']);
  });

  it("a logoutComplete while this page's session is still valid (the user's other device) changes nothing here", async () => {
    http.getSession = async () => ({}) as never;
    ending.logoutComplete();
    await calls.settled;
    expect(events).toEqual([]);
    expect(stopRealtime).not.toHaveBeenCalled();
  });
});
