import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../src/events';
import { createRoomTracker, type RoomTracker } from '../src/roomTracker';
import type { Message, OpenRoomResult, RoomStatus, Transcript } from '../src/types';
import { ChatUI } from '../src/ui';
import { ALL_HANDLERS, messageNodes, names } from './fakes';

/** The server's rooms as the two endpoints the tracker reads show them. */
class FakeRoomServer {
  readonly rooms = new Map<string, { status: RoomStatus; messages: Message[] }>();
  readonly log: string[] = [];
  /** What the next POST /v1/rooms answers. */
  next: OpenRoomResult = { roomId: 'r1', status: 'open', created: true };
  /** Set to hold the next transcript read until `release()`. */
  hold = false;
  private held: (() => void) | null = null;
  private seq = 0;

  room(roomId: string): { status: RoomStatus; messages: Message[] } {
    const room = this.rooms.get(roomId) ?? { status: 'open' as RoomStatus, messages: [] };
    this.rooms.set(roomId, room);
    return room;
  }

  add(roomId: string, partial: Partial<Message> = {}): Message {
    const room = this.room(roomId);
    const seq = ++this.seq;
    const message: Message = { id: `m${seq}`, roomId, seq, sender: 'bot', text: `text ${seq}`, buttons: [], sentAt: '', ...partial };
    room.messages.push(message);
    return message;
  }

  openRoom = async (): Promise<OpenRoomResult> => {
    this.log.push('POST /v1/rooms');
    return this.next;
  };

  getMessages = async (roomId: string, afterSeq: number): Promise<Transcript> => {
    this.log.push(`GET ${roomId} afterSeq=${afterSeq}`);
    if (this.hold) {
      this.hold = false;
      await new Promise<void>((resolve) => (this.held = resolve));
    }
    const room = this.room(roomId);
    return { roomId, status: room.status, messages: room.messages.filter((m) => m.seq > afterSeq) };
  };

  release(): void {
    this.held?.();
  }
}

describe('RoomTracker', () => {
  let server: FakeRoomServer;
  let ui: ChatUI;
  let windowOpen: boolean;
  let events: { name: string; arg: unknown }[];
  let delivered: string[];
  let rooms: RoomTracker;
  const texts = () => messageNodes(ui.root!).map((n) => n.textContent);
  const incoming = () => events.filter((e) => e.name === 'onIncomingMessage').map((e) => (e.arg as Message).text);

  beforeEach(() => {
    server = new FakeRoomServer();
    ui = new ChatUI(document);
    ui.mount();
    windowOpen = true;
    events = [];
    delivered = [];
    const bus = new EventBus();
    for (const name of ALL_HANDLERS) bus.on(name, (arg?: unknown) => events.push({ name, arg }));
    rooms = createRoomTracker({
      http: server,
      ui,
      events: bus,
      windowOpen: () => windowOpen,
      entered: (roomId) => server.log.push(`entered ${roomId}`),
      delivered: (clientMessageId) => delivered.push(clientMessageId),
    });
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('a room the server just created is live: onChatStarted, then its welcome as onIncomingMessage', async () => {
    server.add('r1', { text: 'Hi! How can we help?' });
    server.next = { roomId: 'r1', status: 'open', created: true };
    await rooms.enter();
    expect(names(events)).toEqual(['onChatStarted', 'onIncomingMessage']);
    expect(events[0].arg).toEqual({ roomId: 'r1' });
    expect(incoming()).toEqual(['Hi! How can we help?']);
    expect(texts()).toEqual(['Hi! How can we help?']);
  });

  it('a room the server already had open and this page never met is history: shown, silent; what follows is live', async () => {
    server.add('r1', { text: 'earlier question', sender: 'visitor' });
    server.add('r1', { text: 'earlier answer', sender: 'agent' });
    server.next = { roomId: 'r1', status: 'agent', created: false };
    await rooms.enter();
    expect(texts()).toEqual(['earlier question', 'earlier answer']);
    expect(incoming()).toEqual([]);
    expect(names(events)).toEqual(['onChatStarted']);

    server.add('r1', { text: 'still there?', sender: 'agent' });
    await rooms.sync();
    expect(incoming()).toEqual(['still there?']);
  });

  it('a room this page met is never history: entered again, its transcript shows again and fires nothing twice', async () => {
    server.add('r1', { text: 'welcome' });
    await rooms.enter();
    rooms.forget();
    server.add('r1', { text: 'missed while away' });
    server.next = { roomId: 'r1', status: 'open', created: false };
    await rooms.enter();
    expect(texts()).toEqual(['welcome', 'missed while away']);
    expect(incoming()).toEqual(['welcome', 'missed while away']);
    expect(names(events).filter((n) => n === 'onChatStarted')).toHaveLength(1);
  });

  it('tells its caller it entered the room before the transcript is read, so a connection started then catches up', async () => {
    await rooms.enter();
    expect(server.log).toEqual(['POST /v1/rooms', 'entered r1', 'GET r1 afterSeq=0']);
  });

  it('reads from the last seq seen, and a message seen over realtime and in the transcript shows and fires once', async () => {
    server.add('r1');
    await rooms.enter();
    const live = server.add('r1', { text: 'over realtime', sender: 'agent' });
    rooms.accept(live, false);
    rooms.accept({ ...live }, false);
    await rooms.sync();
    expect(server.log.filter((l) => l.startsWith('GET'))).toEqual(['GET r1 afterSeq=0', 'GET r1 afterSeq=1']);
    expect(texts().filter((t) => t === 'over realtime')).toHaveLength(1);
    expect(incoming()).toEqual(['text 1', 'over realtime']);
  });

  it('a transcript that says ended ends the chat: "Chat ended" shows and onChatEnded fires once', async () => {
    await rooms.enter();
    server.room('r1').status = 'ended';
    await rooms.sync();
    await rooms.sync();
    expect(events.filter((e) => e.name === 'onChatEnded').map((e) => e.arg)).toEqual([{ roomId: 'r1' }]);
    expect(ui.root!.textContent).toContain('Chat ended');
    expect(rooms.ongoing()).toBeNull();
  });

  it('an end of a room this page never met fires nothing', () => {
    rooms.ended('someone-elses-room');
    expect(events).toEqual([]);
  });

  it('drops a read that comes back after the window moved on to another room', async () => {
    server.add('r1', { text: 'from the old room' });
    rooms.switchTo('r1', 'open', false);
    server.hold = true;
    const read = rooms.sync();
    await Promise.resolve();
    rooms.switchTo('r2', 'open', false);
    server.release();
    await read;
    expect(texts()).toEqual([]);
    expect(incoming()).toEqual([]);
  });

  it('ignores messages of a room it does not show', async () => {
    await rooms.enter();
    rooms.accept(server.add('r9', { text: 'elsewhere', sender: 'agent' }), false);
    expect(texts()).not.toContain('elsewhere');
    expect(incoming()).toEqual([]);
  });

  it("a visitor's own message is shown and reported delivered, never as onIncomingMessage", async () => {
    await rooms.enter();
    ui.addPending('cm-1', 'hello');
    rooms.accept(server.add('r1', { text: 'hello', sender: 'visitor', clientMessageId: 'cm-1' }), false);
    expect(delivered).toEqual(['cm-1']);
    expect(texts()).toEqual(['hello']);
    expect(ui.root!.querySelector('.pending')).toBeNull();
    expect(incoming()).toEqual([]);
  });

  it('with the window closed a live message counts as unread on the bubble; a history one does not', async () => {
    windowOpen = false;
    server.add('r1', { text: 'history' });
    server.next = { roomId: 'r1', status: 'open', created: false };
    await rooms.enter();
    const badge = ui.root!.querySelector<HTMLElement>('.badge')!;
    expect(badge.classList.contains('dot')).toBe(true); // a chat goes on behind the closed window
    rooms.accept(server.add('r1', { text: 'live', sender: 'agent' }), false);
    expect(badge.textContent).toBe('1');
  });
});
