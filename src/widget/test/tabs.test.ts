import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROOM_KEY, storageTabChannel } from '../src/tabs';

describe('storageTabChannel', () => {
  afterEach(() => localStorage.clear());

  it('announces a room in localStorage with a new value every time', () => {
    const channel = storageTabChannel(window, localStorage);
    channel.announce('r1');
    const first = localStorage.getItem(ROOM_KEY);
    channel.announce('r1');
    const second = localStorage.getItem(ROOM_KEY);
    expect(JSON.parse(first!).roomId).toBe('r1');
    expect(JSON.parse(second!).roomId).toBe('r1');
    channel.announce('r2', true);
    expect(JSON.parse(localStorage.getItem(ROOM_KEY)!)).toMatchObject({ roomId: 'r2', reconnect: true });
    expect(second).not.toBe(first); // so the storage event fires in other tabs again
  });

  it('passes on the room of a storage event for its key, and ignores anything else', () => {
    const target = new EventTarget();
    const channel = storageTabChannel(target as unknown as Window, localStorage);
    const seen = vi.fn();
    channel.subscribe(seen);
    const fire = (key: string | null, newValue: string | null) =>
      target.dispatchEvent(new StorageEvent('storage', { key, newValue }));
    fire(ROOM_KEY, JSON.stringify({ roomId: 'r7', at: 1 }));
    fire(ROOM_KEY, JSON.stringify({ roomId: 'r7', reconnect: true, at: 2 }));
    fire('verloop.session', JSON.stringify({ roomId: 'r8' }));
    fire(ROOM_KEY, null); // removed
    fire(ROOM_KEY, '{not json');
    fire(ROOM_KEY, JSON.stringify({ roomId: 42 }));
    fire(null, null); // localStorage.clear() elsewhere
    expect(seen.mock.calls).toEqual([['r7', false], ['r7', true]]);
  });

  it('does nothing without storage, or when storage refuses the write', () => {
    expect(() => storageTabChannel(window, null).announce('r1')).not.toThrow();
    const full = { getItem: () => null, removeItem: () => undefined, setItem: () => { throw new Error('quota'); } };
    expect(() => storageTabChannel(window, full).announce('r1')).not.toThrow();
  });
});
