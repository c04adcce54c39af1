import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../src/events';
import { createRealtimeLink, type RealtimeLink } from '../src/realtimeLink';
import { createRoomTracker } from '../src/roomTracker';
import type { QueuePosition } from '../src/types';
import { ChatUI } from '../src/ui';
import { FakeRealtime } from './fakes';

describe('queue position', () => {
  let ui: ChatUI;
  let heard: QueuePosition[];
  let connection: FakeRealtime;
  let link: RealtimeLink;
  const line = () => ui.root!.querySelector<HTMLElement>('[data-testid=queue-position]')!;

  beforeEach(() => {
    ui = new ChatUI(document);
    ui.mount();
    heard = [];
    const rooms = createRoomTracker({
      http: {
        openRoom: () => Promise.reject(new Error('not used')),
        getMessages: async (roomId) => ({ roomId, status: 'waiting', messages: [] }),
      },
      ui,
      events: new EventBus(),
      windowOpen: () => true,
      entered: () => undefined,
      delivered: () => undefined,
    });
    link = createRealtimeLink({
      realtime: (handlers) => (connection = new FakeRealtime(handlers)),
      rooms,
      ui,
      ending: { chatEnded: () => undefined, logoutComplete: () => undefined },
      queuePosition: (info) => heard.push(info),
    });
    rooms.switchTo('r1', 'waiting', false);
    link.connect();
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows the place and the wait in minutes, and tells the page, for the shown room only', () => {
    expect(line().hidden).toBe(true);
    connection.emit('queuePosition', { roomId: 'r2', position: 1, estimatedWaitSeconds: 60 });
    expect(line().hidden).toBe(true);
    connection.emit('queuePosition', { roomId: 'r1', position: 2, estimatedWaitSeconds: 240 });
    expect(line().hidden).toBe(false);
    expect(line().textContent).toBe('You are number 2 in the queue (about 4 min)');
    connection.emit('queuePosition', { roomId: 'r1', position: 1, estimatedWaitSeconds: 20 });
    expect(line().textContent).toBe('You are number 1 in the queue (about 1 min)');
    expect(heard).toEqual([
      { position: 2, estimatedWaitSeconds: 240 },
      { position: 1, estimatedWaitSeconds: 20 },
    ]);
  });

  it('goes when an agent joins, and ignores a malformed event', () => {
    connection.emit('queuePosition', { roomId: 'r1', position: 'first', estimatedWaitSeconds: 60 });
    expect(line().hidden).toBe(true);
    connection.emit('queuePosition', { roomId: 'r1', position: 1, estimatedWaitSeconds: 60 });
    connection.emit('agentJoined', { roomId: 'r1', agentName: 'Ann' });
    expect(line().hidden).toBe(true);
    expect(heard).toHaveLength(1);
  });
});

describe('queue position after a reload', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows the place the transcript read gives, and tells the page, only while the room waits', async () => {
    const ui = new ChatUI(document);
    ui.mount();
    const heard: unknown[] = [];
    let status: 'waiting' | 'agent' = 'waiting';
    const rooms = createRoomTracker({
      http: {
        openRoom: () => Promise.reject(new Error('not used')),
        getMessages: async (roomId) => ({ roomId, status, messages: [], queue: { position: 3, estimatedWaitSeconds: 180 } }),
      },
      ui,
      events: new EventBus(),
      windowOpen: () => true,
      entered: () => undefined,
      delivered: () => undefined,
      queuePosition: (info) => heard.push(info),
    });
    rooms.switchTo('r1', 'waiting', true);
    await rooms.sync();
    const line = ui.root!.querySelector<HTMLElement>('[data-testid=queue-position]')!;
    expect(line.hidden).toBe(false);
    expect(line.textContent).toBe('You are number 3 in the queue (about 3 min)');
    expect(heard).toEqual([{ position: 3, estimatedWaitSeconds: 180 }]);

    status = 'agent';
    await rooms.sync();
    expect(heard).toHaveLength(1);
  });
});

describe('offline form after a reload', () => {
  it('is offered again when the transcript read says so, and not once a message was left', async () => {
    const ui = new ChatUI(document);
    ui.mount();
    const offered: string[] = [];
    let offline: 'offered' | 'left' = 'offered';
    const rooms = createRoomTracker({
      http: {
        openRoom: () => Promise.reject(new Error('not used')),
        getMessages: async (roomId) => ({ roomId, status: offline === 'left' ? 'ended' : 'open', messages: [], offline }),
      },
      ui,
      events: new EventBus(),
      windowOpen: () => true,
      entered: () => undefined,
      delivered: () => undefined,
      offered: (roomId) => offered.push(roomId),
    });
    rooms.switchTo('r1', 'open', true);
    await rooms.sync();
    expect(offered).toEqual(['r1']);

    offline = 'left';
    await rooms.sync();
    expect(offered).toEqual(['r1']);
    document.body.innerHTML = '';
  });
});
