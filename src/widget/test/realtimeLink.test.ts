import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../src/events';
import { createRealtimeLink, type RealtimeLink } from '../src/realtimeLink';
import { createRoomTracker, type RoomTracker } from '../src/roomTracker';
import type { Message } from '../src/types';
import { ChatUI } from '../src/ui';
import { ALL_HANDLERS, FakeRealtime, messageNodes, names } from './fakes';

const message = (roomId: string, seq: number, text: string): Message => ({
  id: `m${seq}`,
  roomId,
  seq,
  sender: 'agent',
  text,
  buttons: [],
  sentAt: '',
});

describe('RealtimeLink', () => {
  let ui: ChatUI;
  let events: { name: string; arg: unknown }[];
  let reads: string[];
  let ended: string[];
  let loggedOut: number;
  let connections: FakeRealtime[];
  let rooms: RoomTracker;
  let link: RealtimeLink;
  const texts = () => messageNodes(ui.root!).map((n) => n.textContent);
  const settle = () => rooms.reads.settled;

  beforeEach(() => {
    ui = new ChatUI(document);
    ui.mount();
    events = [];
    reads = [];
    ended = [];
    loggedOut = 0;
    connections = [];
    const bus = new EventBus();
    for (const name of ALL_HANDLERS) bus.on(name, (arg?: unknown) => events.push({ name, arg }));
    rooms = createRoomTracker({
      http: {
        openRoom: () => Promise.reject(new Error('not used')),
        getMessages: async (roomId, afterSeq) => {
          reads.push(`${roomId} afterSeq=${afterSeq}`);
          return { roomId, status: 'open', messages: [] };
        },
      },
      ui,
      events: bus,
      windowOpen: () => true,
      entered: () => undefined,
      delivered: () => undefined,
    });
    link = createRealtimeLink({
      realtime: (handlers) => {
        const connection = new FakeRealtime(handlers);
        connections.push(connection);
        return connection;
      },
      rooms,
      ui,
      ending: { chatEnded: (roomId, reason) => ended.push(`${roomId} ${reason}`), logoutComplete: () => loggedOut++ },
    });
    rooms.switchTo('r1', 'open', false);
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('opens one connection however often it is asked, and reads the transcript when it connects', async () => {
    link.connect();
    link.connect();
    await settle();
    expect(connections).toHaveLength(1);
    expect(reads).toEqual(['r1 afterSeq=0']);
  });

  it('shows what a live connection hears, and nothing a stopped one still delivers', () => {
    link.connect();
    const old = connections[0];
    old.emit('message', message('r1', 1, 'before stop'));
    link.stop();
    expect(old.stopped).toBe(true);
    old.emit('message', message('r1', 2, 'late, from the stopped connection'));
    old.emit('chatStarted', { roomId: 'r9' });
    link.connect();
    connections[1].emit('message', message('r1', 3, 'from the new connection'));
    expect(texts()).toEqual(['before stop', 'from the new connection']);
    expect(events.filter((e) => e.name === 'onChatStarted')).toEqual([]);
  });

  it('chatStarted for another room shows that room and reads it; for the shown one it only announces it, once', async () => {
    link.connect();
    await settle();
    connections[0].emit('chatStarted', { roomId: 'r1' });
    connections[0].emit('chatStarted', { roomId: 'r2' });
    connections[0].emit('chatStarted', { roomId: 'r2' });
    await settle();
    expect(events.map((e) => e.arg)).toEqual([{ roomId: 'r1' }, { roomId: 'r2' }]);
    expect(names(events)).toEqual(['onChatStarted', 'onChatStarted']);
    expect(reads).toEqual(['r1 afterSeq=0', 'r2 afterSeq=0']);
  });

  it('shows typing only for the shown room, as text', () => {
    link.connect();
    connections[0].emit('typing', { roomId: 'r2', sender: 'agent' });
    expect(ui.root!.textContent).not.toContain('Agent is typing');
    connections[0].emit('typing', { roomId: 'r1', sender: 'agent' });
    expect(ui.root!.textContent).toContain('Agent is typing');
  });

  it('passes chatEnded (with its reason) and logoutComplete on to the chat ending; ignores events without a room', () => {
    link.connect();
    connections[0].emit('chatEnded', { roomId: 'r1', reason: 'inactivity' });
    connections[0].emit('chatEnded', {});
    connections[0].emit('chatStarted', null);
    connections[0].emit('logoutComplete', {});
    expect(ended).toEqual(['r1 inactivity']);
    expect(loggedOut).toBe(1);
    expect(events).toEqual([]);
  });
  it('asks for a rating when a chat ends, but not when a logout ended it (its session is gone)', () => {
    const asked: string[] = [];
    const rated = createRealtimeLink({
      realtime: (handlers) => {
        const connection = new FakeRealtime(handlers);
        connections.push(connection);
        return connection;
      },
      rooms,
      ui,
      ending: { chatEnded: () => undefined, logoutComplete: () => undefined },
      feedback: { offered: () => undefined, chatEnded: (roomId) => asked.push(roomId) },
    });
    rated.connect();
    connections[0].emit('chatEnded', { roomId: 'r1', reason: 'logout' });
    expect(asked).toEqual([]);
    connections[0].emit('chatEnded', { roomId: 'r1', reason: 'agent' });
    expect(asked).toEqual(['r1']);
  });
});
