import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SESSION_KEY } from '../src/api';
import { FakeBackend, makeHarness, messageNodes, names, problem, type Harness } from './fakes';

const q = (h: Harness, testId: string) => h.shadow().querySelector<HTMLElement>(`[data-testid="${testId}"]`)!;
const storedToken = () => JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null')?.token ?? null;
const args = (h: Harness, name: string) => h.events.filter((e) => e.name === name).map((e) => e.arg);

/** A backend with a stored session that has an open room, as after a reload. */
function backendWithOpenRoom(): { backend: FakeBackend; roomId: string } {
  const backend = new FakeBackend();
  const token = backend.createSession();
  const room = backend.createRoom(backend.ownerOf(token));
  backend.addMessage(room.id, { sender: 'visitor', text: 'earlier question' });
  backend.addMessage(room.id, { sender: 'agent', text: 'earlier answer' });
  localStorage.setItem(SESSION_KEY, JSON.stringify({ token }));
  return { backend, roomId: room.id };
}

describe('Widget', () => {
  beforeEach(() => {
    localStorage.clear();
  });
  afterEach(() => {
    document.body.innerHTML = '';
    localStorage.clear();
  });

  it('loads: mounts the UI, fires onWidgetLoaded, creates no session yet', async () => {
    const h = makeHarness();
    await h.idle();
    expect(names(h.events)).toEqual(['onWidgetLoaded']);
    expect(document.getElementById('verloop-widget')).not.toBeNull();
    expect(q(h, 'window').hidden).toBe(true);
    expect(h.backend.calls).toHaveLength(0);
    expect(h.realtimes).toHaveLength(0);
  });

  it('openWidget creates a session and a room, fires events in order, loads the transcript and connects', async () => {
    const h = makeHarness();
    await h.widget.api.openWidget();
    await h.idle();
    expect(h.backend.log.slice(0, 3)).toEqual(['POST /v1/sessions', 'POST /v1/rooms', 'GET /v1/rooms/room2/messages']);
    expect(storedToken()).toBe('tok1');
    expect(h.backend.calls.slice(1).every((c) => c.token === 'tok1')).toBe(true);
    expect(h.backend.calls[0].token).toBeNull();
    expect(names(h.events)).toEqual(['onWidgetLoaded', 'onChatMaximized', 'onChatStarted', 'onIncomingMessage']);
    expect(args(h, 'onChatStarted')).toEqual([{ roomId: 'room2' }]);
    expect(args(h, 'onIncomingMessage')[0]).toMatchObject({ id: 'm1', sender: 'bot', text: 'Hi! How can we help?' });
    expect(q(h, 'window').hidden).toBe(false);
    expect(messageNodes(h.shadow()).map((n) => n.getAttribute('data-sender'))).toEqual(['bot']);
    expect(h.shadow().querySelectorAll('[data-testid="quick-reply"]')).toHaveLength(2);
    expect(h.realtimes).toHaveLength(1);
    expect(h.rt().started).toBe(true);
  });

  it('openWidget twice continues the same room and fires nothing again', async () => {
    const h = makeHarness();
    void h.widget.api.openWidget();
    void h.widget.api.openWidget();
    await h.idle();
    expect(h.backend.log.filter((l) => l === 'POST /v1/rooms')).toHaveLength(2);
    expect(h.backend.log.filter((l) => l === 'POST /v1/sessions')).toHaveLength(1);
    expect(names(h.events)).toEqual(['onWidgetLoaded', 'onChatMaximized', 'onChatStarted', 'onIncomingMessage']);
    expect(messageNodes(h.shadow())).toHaveLength(1);
  });

  it('on reload with an open room: shows history without onIncomingMessage, keeps the window closed, is connected', async () => {
    const { backend, roomId } = backendWithOpenRoom();
    const h = makeHarness({ backend });
    await h.idle();
    expect(names(h.events)).toEqual(['onWidgetLoaded']);
    expect(h.backend.log[0]).toBe('GET /v1/session');
    expect(q(h, 'window').hidden).toBe(true);
    expect(messageNodes(h.shadow()).map((n) => n.textContent)).toEqual([
      expect.stringContaining('Hi!'),
      'earlier question',
      'earlier answer',
    ]);
    expect(h.shadow().querySelector<HTMLElement>('.badge.dot')!.hidden).toBe(false);
    expect(h.rt().started).toBe(true);

    // A new message after load fires; opening continues the same room.
    h.rt().emit('message', backend.addMessage(roomId, { sender: 'agent', text: 'are you there?' }));
    await h.widget.api.openWidget();
    await h.idle();
    expect(h.backend.log.filter((l) => l === 'POST /v1/sessions')).toHaveLength(0);
    expect(names(h.events)).toEqual(['onWidgetLoaded', 'onIncomingMessage', 'onChatMaximized', 'onChatStarted']);
    expect(args(h, 'onChatStarted')).toEqual([{ roomId }]);
    expect(args(h, 'onIncomingMessage')).toEqual([expect.objectContaining({ text: 'are you there?' })]);
    expect(messageNodes(h.shadow())).toHaveLength(4);
  });

  it('discards a stored token that gets 401 and creates a new session only when needed', async () => {
    localStorage.setItem(SESSION_KEY, JSON.stringify({ token: 'expired' }));
    const h = makeHarness();
    await h.idle();
    expect(h.backend.log).toEqual(['GET /v1/session']);
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
    await h.widget.api.openWidget();
    await h.idle();
    expect(h.backend.log.slice(1, 3)).toEqual(['POST /v1/sessions', 'POST /v1/rooms']);
    expect(storedToken()).toBe('tok1');
  });

  it('renews the session when a call gets 401 and retries it once', async () => {
    localStorage.setItem(SESSION_KEY, JSON.stringify({ token: 'expired' }));
    const h = makeHarness({ start: false });
    await h.widget.api.setDepartment('sales');
    expect(h.backend.log).toEqual(['PUT /v1/session/department', 'POST /v1/sessions', 'PUT /v1/session/department']);
    expect(h.backend.calls[2].token).toBe('tok1');
  });

  it('shows a message that arrives over both HTTP and realtime once, and fires onIncomingMessage once', async () => {
    const h = makeHarness();
    await h.widget.api.openWidget();
    await h.idle();
    const roomId = (args(h, 'onChatStarted')[0] as { roomId: string }).roomId;
    const reply = h.backend.addMessage(roomId, { sender: 'agent', text: 'An agent here' });
    h.rt().emit('message', reply);
    h.rt().emit('message', { ...reply });
    h.rt().handlers.onConnected(); // a reconnect re-reads the transcript: the same message again
    await h.idle();
    const texts = messageNodes(h.shadow()).map((n) => n.textContent);
    expect(texts.filter((t) => t === 'An agent here')).toHaveLength(1);
    expect(args(h, 'onIncomingMessage')).toHaveLength(2);
    expect(args(h, 'onIncomingMessage')[1]).toMatchObject({ id: reply.id, sender: 'agent' });
  });

  it('re-reads the transcript after a reconnect with afterSeq = the last seq seen', async () => {
    const h = makeHarness();
    await h.widget.api.openWidget();
    await h.idle();
    const roomId = (args(h, 'onChatStarted')[0] as { roomId: string }).roomId;
    const missed = h.backend.addMessage(roomId, { sender: 'bot', text: 'sent while offline' });
    h.rt().handlers.onConnected();
    await h.idle();
    const reads = h.backend.calls.filter((c) => c.method === 'GET' && c.path.endsWith('/messages'));
    // Initial read, the read after the first connect, the read after the reconnect.
    expect(reads.map((c) => c.query.get('afterSeq'))).toEqual(['0', '1', '1']);
    expect(missed.seq).toBe(2);
    expect(messageNodes(h.shadow()).map((n) => n.textContent)).toContain('sent while offline');
    expect(args(h, 'onIncomingMessage')).toHaveLength(2);
  });

  it('a page that wakes (tab shown, back online) re-reads after its last seq with the socket still open', async () => {
    const h = makeHarness();
    await h.widget.api.openWidget();
    await h.idle();
    const roomId = (args(h, 'onChatStarted')[0] as { roomId: string }).roomId;
    // Sent while the tab was frozen: the socket never delivered them.
    h.backend.addMessage(roomId, { sender: 'agent', text: 'first while asleep' });
    h.backend.addMessage(roomId, { sender: 'agent', text: 'second while asleep' });
    h.wake();
    await h.idle();
    h.wake();
    await h.idle();
    const texts = messageNodes(h.shadow()).map((n) => n.textContent);
    expect(texts.slice(-2)).toEqual(['first while asleep', 'second while asleep']);
    expect(texts.filter((t) => t === 'first while asleep')).toHaveLength(1);
    expect(h.realtimes.filter((r) => !r.stopped)).toHaveLength(1);
  });

  it("tells the agent the visitor is typing, at most every 3 s, and never while the bot has the room", async () => {
    const h = makeHarness();
    await h.widget.api.openWidget();
    await h.idle();
    const roomId = (args(h, 'onChatStarted')[0] as { roomId: string }).roomId;
    const input = h.shadow().querySelector<HTMLInputElement>('[data-testid=input]')!;
    const typingCalls = () => h.backend.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/typing')).length;
    input.value = 'hel';
    input.dispatchEvent(new Event('input'));
    expect(typingCalls()).toBe(0); // the bot's room: nobody to tell

    h.rt().emit('message', h.backend.addMessage(roomId, { sender: 'system', text: 'Ann joined the chat', agentId: 'ann' }));
    input.value = 'hello';
    input.dispatchEvent(new Event('input'));
    input.value = 'hello t';
    input.dispatchEvent(new Event('input'));
    await h.idle();
    expect(typingCalls()).toBe(1);
    expect(h.backend.calls.find((c) => c.path.endsWith('/typing'))!.path).toContain(roomId);
  });

  it('waking with no chat open reads nothing', async () => {
    const h = makeHarness();
    await h.idle();
    const before = h.backend.calls.length;
    h.wake();
    await h.idle();
    expect(h.backend.calls.length).toBe(before);
  });

  it('sends text optimistically and swaps in the server copy (clientMessageId)', async () => {
    const ids = ['cm-1', 'cm-2'];
    const h = makeHarness();
    (h.widget as unknown as { newId: () => string }).newId = () => ids.shift()!;
    await h.widget.api.openWidget();
    await h.idle();
    const input = q(h, 'input') as HTMLInputElement;
    input.value = 'Hello <b>there</b>';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    const pending = messageNodes(h.shadow()).slice(-1)[0];
    expect(pending.classList.contains('pending')).toBe(true);
    expect(pending.textContent).toBe('Hello <b>there</b>');
    await h.idle();
    const post = h.backend.calls.find((c) => c.method === 'POST' && c.path.endsWith('/messages'))!;
    expect(post.body).toEqual({ clientMessageId: 'cm-1', text: 'Hello <b>there</b>' });
    const nodes = messageNodes(h.shadow());
    expect(nodes).toHaveLength(2);
    expect(nodes[1].classList.contains('pending')).toBe(false);
    expect(nodes[1].getAttribute('data-message-id')).toBe('m2');
    // The realtime echo of our own message changes nothing, and fires nothing.
    h.rt().emit('message', h.backend.rooms.get('room2')!.messages[1]);
    expect(messageNodes(h.shadow())).toHaveLength(2);
    expect(args(h, 'onIncomingMessage')).toHaveLength(1);
    expect(h.shadow().querySelector('b')).toBeNull();
  });

  it('retries a failed send with the same clientMessageId', async () => {
    const h = makeHarness();
    await h.widget.api.openWidget();
    await h.idle();
    let failures = 2;
    h.backend.override = (call) =>
      call.method === 'POST' && call.path.endsWith('/messages') && failures-- > 0 ? problem(503, 'busy') : undefined;
    const input = q(h, 'input') as HTMLInputElement;
    input.value = 'are you there';
    q(h, 'send').click();
    await h.idle();
    const posts = h.backend.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages'));
    expect(posts).toHaveLength(3);
    expect(new Set(posts.map((p) => p.body.clientMessageId)).size).toBe(1);
    expect(h.backend.rooms.get('room2')!.messages.filter((m) => m.sender === 'visitor')).toHaveLength(1);
    expect(h.shadow().querySelector('.pending')).toBeNull();
  });

  it('quick reply: fires onButtonClicked with button and message, posts buttonId, disables the buttons', async () => {
    const h = makeHarness();
    await h.widget.api.openWidget();
    await h.idle();
    const [pricing, support] = Array.from(h.shadow().querySelectorAll<HTMLButtonElement>('[data-testid="quick-reply"]'));
    pricing.click();
    await h.idle();
    expect(args(h, 'onButtonClicked')).toEqual([
      {
        button: { id: 'b1', label: 'Pricing' },
        message: expect.objectContaining({ id: 'm1', sender: 'bot', buttons: [{ id: 'b1', label: 'Pricing' }, { id: 'b2', label: 'Support' }] }),
      },
    ]);
    const post = h.backend.calls.find((c) => c.method === 'POST' && c.path.endsWith('/messages'))!;
    expect(post.body).toEqual({ clientMessageId: expect.any(String), buttonId: 'b1', text: 'Pricing' });
    expect(pricing.disabled && support.disabled).toBe(true);
    support.click();
    expect(args(h, 'onButtonClicked')).toHaveLength(1);
    expect(messageNodes(h.shadow()).slice(-1)[0].textContent).toBe('Pricing');
  });

  it('setUserId then openWidget: the PUT completes before the room is opened, even when slow', async () => {
    const h = makeHarness();
    const backend = h.backend;
    // The user already has an open chat (another device).
    const other = backend.createSession();
    backend.sessions.get(other)!.userId = 'alice';
    const userRoom = backend.createRoom(backend.ownerOf(other));
    backend.override = async (call) => {
      if (call.path === '/v1/session/user') await new Promise((r) => setTimeout(r, 20));
      return undefined;
    };
    void h.widget.api.setUserId('alice', 'sig-123');
    void h.widget.api.openWidget();
    await h.idle();
    const put = h.backend.calls.find((c) => c.path === '/v1/session/user')!;
    expect(put.body).toEqual({ userId: 'alice', signature: 'sig-123' });
    const log = h.backend.log;
    expect(log.indexOf('PUT /v1/session/user')).toBeLessThan(log.indexOf('POST /v1/rooms'));
    expect(args(h, 'onChatStarted')).toEqual([{ roomId: userRoom.id }]);
    // The user's earlier messages are history here, not incoming.
    expect(args(h, 'onIncomingMessage')).toHaveLength(0);
    expect(messageNodes(h.shadow())).toHaveLength(1);
  });

  it('setUserId without a signature sends only the user id; config calls hit their endpoints', async () => {
    const h = makeHarness();
    const api = h.widget.api;
    void api.setUserId('bob');
    void api.setUserParams({ name: 'Bob', email: 'bob@example.com', extra: 'dropped' } as never);
    void api.setCustomField('plan', 'gold');
    void api.setCustomField('cart', 3, { scope: 'room' });
    void api.setDepartment('sales');
    void api.clearDepartment();
    void api.setRecipe('recipe-7');
    await h.idle();
    const body = (path: string) => h.backend.calls.find((c) => c.path === path)?.body;
    expect(body('/v1/session/user')).toEqual({ userId: 'bob' });
    expect(body('/v1/session/params')).toEqual({ name: 'Bob', email: 'bob@example.com' });
    expect(body('/v1/session/fields/plan')).toEqual({ value: 'gold', scope: 'user' });
    expect(body('/v1/session/fields/cart')).toEqual({ value: '3', scope: 'room' }); // the backend takes text
    expect(body('/v1/session/department')).toEqual({ department: 'sales' });
    expect(body('/v1/session/recipe')).toEqual({ recipeId: 'recipe-7' });
    expect(h.backend.log).toContain('DELETE /v1/session/department');
  });

  it('a bad config call is reported and does not block the calls after it', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const h = makeHarness();
    void h.widget.api.setCustomField('k', 'v', { scope: 'galaxy' as never });
    h.backend.override = (c) => (c.path === '/v1/session/recipe' ? problem(400, 'Unknown recipe') : undefined);
    void h.widget.api.setRecipe('nope');
    await h.widget.api.openWidget();
    expect(error).toHaveBeenCalledTimes(2);
    expect(names(h.events)).toContain('onChatStarted');
  });

  it('closeWidget ends the room: POST close, onChatMinimized then onChatEnded, once', async () => {
    const h = makeHarness();
    await h.widget.api.openWidget();
    await h.widget.api.closeWidget();
    expect(h.backend.log).toContain('POST /v1/rooms/room2/close');
    expect(names(h.events).slice(-2)).toEqual(['onChatMinimized', 'onChatEnded']);
    expect(args(h, 'onChatEnded')).toEqual([{ roomId: 'room2' }]);
    expect(q(h, 'window').hidden).toBe(true);
    h.rt().emit('chatEnded', { roomId: 'room2', reason: 'closed' });
    expect(args(h, 'onChatEnded')).toHaveLength(1);

    // Opening again starts a new room.
    await h.widget.api.openWidget();
    await h.idle();
    expect(args(h, 'onChatStarted')).toEqual([{ roomId: 'room2' }, { roomId: 'room3' }]);
    expect(messageNodes(h.shadow())).toHaveLength(1);
  });

  it('closeWidget keeps onChatMinimized before onChatEnded when realtime chatEnded overtakes the response', async () => {
    const h = makeHarness();
    await h.widget.api.openWidget();
    await h.idle();
    h.backend.override = (call) => {
      if (call.path.endsWith('/close')) h.rt().emit('chatEnded', { roomId: 'room2', reason: 'visitor' });
      return undefined;
    };
    await h.widget.api.closeWidget();
    expect(names(h.events).slice(-2)).toEqual(['onChatMinimized', 'onChatEnded']);
    expect(args(h, 'onChatEnded')).toHaveLength(1);
  });

  it('a send that gets 409 (room ended unseen) ends the room and sends in a new one', async () => {
    const h = makeHarness();
    await h.widget.api.openWidget();
    await h.idle();
    h.backend.rooms.get('room2')!.status = 'ended';
    h.backend.override = (call) =>
      call.method === 'POST' && call.path === '/v1/rooms/room2/messages' ? problem(409, 'The room has ended.') : undefined;
    const input = q(h, 'input') as HTMLInputElement;
    input.value = 'still there?';
    q(h, 'send').click();
    await h.idle();
    expect(args(h, 'onChatEnded')).toEqual([{ roomId: 'room2' }]);
    expect(args(h, 'onChatStarted')).toEqual([{ roomId: 'room2' }, { roomId: 'room3' }]);
    expect(h.backend.rooms.get('room3')!.messages.some((m) => m.text === 'still there?')).toBe(true);
    expect(h.shadow().querySelector('.pending')).toBeNull();
  });

  it('the close button does what closeWidget does', async () => {
    const h = makeHarness();
    await h.widget.api.openWidget();
    q(h, 'close').click();
    await h.idle();
    expect(names(h.events).slice(-2)).toEqual(['onChatMinimized', 'onChatEnded']);
  });

  it('a chat ended for inactivity, or by the agent, says so', async () => {
    for (const [reason, notice] of [
      ['inactivity', 'Chat ended after a while without messages'],
      ['agent', 'Chat ended by the agent'],
    ]) {
      const h = makeHarness();
      await h.widget.api.openWidget();
      await h.idle();
      h.backend.rooms.get('room2')!.status = 'ended';
      h.rt().emit('chatEnded', { roomId: 'room2', reason });
      const notices = Array.from(h.shadow().querySelectorAll('[data-testid="notice"]')).map((n) => n.textContent);
      expect(notices).toEqual([notice]);
    }
  });

  it('realtime chatEnded fires onChatEnded once and shows "Chat ended"; typing afterwards starts a new chat', async () => {
    const h = makeHarness();
    await h.widget.api.openWidget();
    await h.idle();
    h.backend.rooms.get('room2')!.status = 'ended';
    h.rt().emit('chatEnded', { roomId: 'room2', reason: 'bot' });
    h.rt().emit('chatEnded', { roomId: 'room2', reason: 'bot' });
    expect(args(h, 'onChatEnded')).toEqual([{ roomId: 'room2' }]);
    expect(h.shadow().textContent).toContain('Chat ended');
    expect((h.shadow().querySelector('[data-testid="quick-reply"]') as HTMLButtonElement).disabled).toBe(true);

    const input = q(h, 'input') as HTMLInputElement;
    input.value = 'one more thing';
    q(h, 'send').click();
    await h.idle();
    expect(args(h, 'onChatStarted')).toEqual([{ roomId: 'room2' }, { roomId: 'room3' }]);
    const post = h.backend.calls.find((c) => c.method === 'POST' && c.path.endsWith('/messages'))!;
    expect(post.path).toBe('/v1/rooms/room3/messages');
    expect(messageNodes(h.shadow()).map((n) => n.textContent)).toContain('one more thing');
  });

  it('realtime chatStarted from another tab announces the room once', async () => {
    const { backend, roomId } = backendWithOpenRoom();
    const h = makeHarness({ backend });
    await h.idle();
    h.rt().emit('chatEnded', { roomId });
    const next = backend.createRoom(backend.ownerOf('tok1'));
    h.rt().emit('chatStarted', { roomId: next.id });
    h.rt().emit('chatStarted', { roomId: next.id });
    await h.idle();
    expect(args(h, 'onChatStarted')).toEqual([{ roomId: next.id }]);
    expect(args(h, 'onChatEnded')).toEqual([{ roomId }]);
    expect(args(h, 'onIncomingMessage')).toHaveLength(1); // the new room's welcome
  });

  it('openWidget tells the other tabs which room it opened', async () => {
    const h = makeHarness();
    await h.widget.api.openWidget();
    await h.idle();
    expect(h.tabs.announced).toEqual(['room2']);
  });

  it('a room another tab opened: joins it at once (transcript, realtime, onChatStarted once), window closed', async () => {
    const h = makeHarness();
    await h.idle();
    expect(h.realtimes).toHaveLength(0); // no chat yet, so no connection
    // Another tab created the session and opened a chat.
    const token = h.backend.createSession();
    localStorage.setItem(SESSION_KEY, JSON.stringify({ token }));
    const room = h.backend.createRoom(h.backend.ownerOf(token));
    h.tabs.receive(room.id);
    h.tabs.receive(room.id);
    await h.idle();
    expect(args(h, 'onChatStarted')).toEqual([{ roomId: room.id }]);
    expect(args(h, 'onIncomingMessage')).toHaveLength(1);
    expect(messageNodes(h.shadow())).toHaveLength(1);
    expect(q(h, 'window').hidden).toBe(true);
    expect(h.realtimes).toHaveLength(1);
    expect(h.rt().started).toBe(true);
    expect(h.backend.log.filter((l) => l === 'POST /v1/sessions' || l === 'POST /v1/rooms')).toEqual([]);

    // What the other tab sends next arrives over realtime; opening here continues the same room.
    h.rt().emit('message', h.backend.addMessage(room.id, { sender: 'visitor', text: 'from the other tab' }));
    await h.widget.api.openWidget();
    await h.idle();
    expect(messageNodes(h.shadow()).map((n) => n.textContent)).toContain('from the other tab');
    expect(args(h, 'onChatStarted')).toEqual([{ roomId: room.id }]);
  });

  it('setUserId with a chat open tells the other tabs to reconnect; a tab told so negotiates again', async () => {
    const h = makeHarness();
    await h.widget.api.openWidget();
    await h.widget.api.setUserId('alice');
    await h.idle();
    expect(h.tabs.announced).toEqual(['room2', 'room2 (reconnect)']);

    // The other side: this tab is connected; another tab logged the session in.
    const before = h.rt();
    h.tabs.receive('room2', true);
    await h.idle();
    expect(before.stopped).toBe(true);
    expect(h.rt()).not.toBe(before);
    expect(h.rt().started).toBe(true);
    expect(args(h, 'onChatStarted')).toEqual([{ roomId: 'room2' }]); // the same chat: nothing new fires
  });

  it("ignores another tab's room without a stored session, and a room this tab already ended", async () => {
    const h = makeHarness();
    await h.idle();
    h.tabs.receive('room-x');
    await h.idle();
    expect(h.backend.calls).toHaveLength(0);
    expect(names(h.events)).toEqual(['onWidgetLoaded']);

    await h.widget.api.openWidget();
    await h.widget.api.closeWidget();
    const before = h.backend.calls.length;
    h.tabs.receive('room2');
    await h.idle();
    expect(h.backend.calls).toHaveLength(before);
    expect(args(h, 'onChatStarted')).toEqual([{ roomId: 'room2' }]);
  });

  it('onWidgetLoaded registered after the widget loaded is called once, isolated like the others', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const h = makeHarness();
    await h.idle();
    const late = vi.fn();
    h.widget.api.onWidgetLoaded(() => {
      throw new Error('late handler broke');
    });
    h.widget.api.onWidgetLoaded(late);
    expect(late).not.toHaveBeenCalled(); // not from inside the registering call
    await Promise.resolve();
    await Promise.resolve();
    expect(late).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledTimes(1);
    expect(names(h.events)).toEqual(['onWidgetLoaded']); // the early handler is not called again
  });

  it('onWidgetLoaded registered before load is called once, at load', async () => {
    const h = makeHarness({ start: false });
    const early = vi.fn();
    h.widget.api.onWidgetLoaded(early);
    void h.widget.start();
    await h.idle();
    await Promise.resolve();
    expect(early).toHaveBeenCalledTimes(1);
  });

  it('setCustomField sends numbers and booleans as text, and refuses objects without a call', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const h = makeHarness({ start: false });
    await h.widget.api.setCustomField('vip', true);
    await h.widget.api.setCustomField('cart', 149.5, { scope: 'room' });
    await h.widget.api.setCustomField('obj', { a: 1 });
    await h.widget.api.setCustomField('nothing', null);
    expect(h.backend.calls.filter((c) => c.path.startsWith('/v1/session/fields/')).map((c) => [c.path, c.body])).toEqual([
      ['/v1/session/fields/vip', { value: 'true', scope: 'user' }],
      ['/v1/session/fields/cart', { value: '149.5', scope: 'room' }],
    ]);
    expect(error).toHaveBeenCalledTimes(2);
  });

  it('logout: posts logout, drops the token, fires onChatMinimized, onChatEnded, onLogoutComplete', async () => {
    const h = makeHarness();
    await h.widget.api.openWidget();
    await h.widget.api.logout();
    expect(h.backend.log).toContain('POST /v1/session/logout');
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
    expect(names(h.events).slice(-3)).toEqual(['onChatMinimized', 'onChatEnded', 'onLogoutComplete']);
    expect(args(h, 'onChatEnded')).toEqual([{ roomId: 'room2' }]);
    expect(h.realtimes[0].stopped).toBe(true);
    expect(messageNodes(h.shadow())).toHaveLength(0);

    // The next call creates a fresh anonymous session.
    await h.widget.api.openWidget();
    await h.idle();
    expect(h.backend.log.filter((l) => l === 'POST /v1/sessions')).toHaveLength(2);
    expect(storedToken()).toBe('tok3');
    expect(args(h, 'onChatStarted')).toEqual([{ roomId: 'room2' }, { roomId: 'room4' }]);
  });

  it('logout keeps its event order when realtime chatEnded and logoutComplete overtake the response', async () => {
    const h = makeHarness();
    await h.widget.api.openWidget();
    await h.idle();
    h.backend.override = (call) => {
      if (call.path === '/v1/session/logout') {
        h.rt().emit('chatEnded', { roomId: 'room2', reason: 'logout' });
        h.rt().emit('logoutComplete', {});
      }
      return undefined;
    };
    await h.widget.api.logout();
    await h.idle();
    expect(names(h.events).slice(-3)).toEqual(['onChatMinimized', 'onChatEnded', 'onLogoutComplete']);
    expect(args(h, 'onLogoutComplete')).toHaveLength(1);
  });

  it('logout without a session just fires onLogoutComplete', async () => {
    const h = makeHarness();
    await h.widget.api.logout();
    expect(h.backend.calls).toHaveLength(0);
    expect(names(h.events)).toEqual(['onWidgetLoaded', 'onLogoutComplete']);
  });

  it('a logoutComplete from another tab (which dropped the stored token) closes this one too', async () => {
    const h = makeHarness();
    await h.widget.api.openWidget();
    await h.idle();
    // The other tab's logout: the session ends on the server and the shared token is removed.
    h.backend.sessions.delete('tok1');
    localStorage.removeItem(SESSION_KEY);
    const calls = h.backend.calls.length;
    h.rt().emit('logoutComplete', {});
    await h.idle();
    expect(names(h.events).slice(-3)).toEqual(['onChatMinimized', 'onChatEnded', 'onLogoutComplete']);
    expect(h.realtimes[0].stopped).toBe(true);
    expect(h.backend.calls).toHaveLength(calls); // nothing to check: the token is gone
  });

  it('a logoutComplete that overtook the other tab dropping the token: the session check gets 401, logged out', async () => {
    const h = makeHarness();
    await h.widget.api.openWidget();
    await h.idle();
    h.backend.sessions.delete('tok1'); // ended on the server; the other tab has not removed the token yet
    h.rt().emit('logoutComplete', {});
    await h.idle();
    expect(h.backend.log[h.backend.log.length - 1]).toBe('GET /v1/session');
    expect(names(h.events).slice(-3)).toEqual(['onChatMinimized', 'onChatEnded', 'onLogoutComplete']);
    expect(storedToken()).toBeNull();
  });

  it("a logoutComplete from the user's other device: this session is still valid, so no logout here", async () => {
    const h = makeHarness();
    await h.widget.api.setUserId('alice');
    await h.widget.api.openWidget();
    await h.idle();
    // The other device's logout ends the user's room (chatEnded) and tells the user's connections.
    h.rt().emit('chatEnded', { roomId: 'room2', reason: 'logout' });
    h.rt().emit('logoutComplete', { endedRoomId: 'room2' });
    await h.idle();
    expect(h.backend.log[h.backend.log.length - 1]).toBe('GET /v1/session');
    expect(names(h.events)).not.toContain('onLogoutComplete');
    expect(args(h, 'onChatEnded')).toEqual([{ roomId: 'room2' }]);
    expect(storedToken()).toBe('tok1');
    expect(q(h, 'window').hidden).toBe(false); // ended, not closed: "Chat ended" shows
    expect(h.shadow().textContent).toContain('Chat ended');
  });

  it('bubble click opens, bubble click again minimizes without ending the chat', async () => {
    const h = makeHarness();
    await h.idle();
    q(h, 'bubble').click();
    await h.idle();
    expect(q(h, 'window').hidden).toBe(false);
    q(h, 'bubble').click();
    await h.idle();
    expect(q(h, 'window').hidden).toBe(true);
    expect(names(h.events)).toEqual(['onWidgetLoaded', 'onChatMaximized', 'onChatStarted', 'onIncomingMessage', 'onChatMinimized']);
    expect(h.backend.log.some((l) => l.endsWith('/close'))).toBe(false);
    // While minimized, new messages count as unread.
    h.rt().emit('message', h.backend.addMessage('room2', { sender: 'agent', text: 'ping' }));
    expect(h.shadow().querySelector('.badge')!.textContent).toBe('1');
  });

  it('follows a session another tab stored instead of creating yet another one', async () => {
    const h = makeHarness();
    await h.widget.api.openWidget();
    await h.idle();
    // Another tab logged out (the server dropped tok1) and created tok2.
    h.backend.sessions.delete('tok1');
    const tok2 = h.backend.createSession();
    localStorage.setItem(SESSION_KEY, JSON.stringify({ token: tok2 }));
    await h.widget.api.setRecipe('r');
    const put = h.backend.calls.filter((c) => c.path === '/v1/session/recipe');
    expect(put.map((c) => c.token)).toEqual([tok2]);
    expect(h.backend.log.filter((l) => l === 'POST /v1/sessions')).toHaveLength(1);
  });

  it('shows typing from realtime as text, and an agent join once (the transcript says it, not the event)', async () => {
    const h = makeHarness();
    await h.widget.api.openWidget();
    await h.idle();
    h.rt().emit('agentJoined', { roomId: 'room2', agentName: '<i>Ann</i>' });
    h.rt().emit('typing', { roomId: 'room2', sender: 'agent' });
    expect(h.shadow().textContent).not.toContain('joined the chat');
    expect(h.shadow().textContent).toContain('Agent is typing');
    expect(h.shadow().querySelector('i')).toBeNull();
  });
});
