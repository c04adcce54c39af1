// Tabs of one browser share the stored session (localStorage), but a tab only opens a realtime connection once
// it has a chat, and its connection keeps the identity it was negotiated with. When one tab opens a chat, it says
// so in localStorage; the `storage` event reaches every other same-origin tab, which joins the chat at once
// (transcript + realtime) instead of staying silent until its visitor clicks the bubble. After setUserId the tab
// says so with `reconnect`: the others negotiate again, since the server now sends the chat's events to the user.

import type { StorageLike } from './api';

export const ROOM_KEY = 'verloop.room';

export interface TabChannel {
  /** Tells the other tabs that this tab is in the chat `roomId`; `reconnect`: the session's identity changed. */
  announce(roomId: string, reconnect?: boolean): void;
  /** Called with the room another tab announced. */
  subscribe(onRoom: (roomId: string, reconnect: boolean) => void): void;
}

interface EventTargetLike {
  addEventListener(type: 'storage', listener: (e: StorageEvent) => void): void;
}

export function storageTabChannel(win: EventTargetLike, storage: StorageLike | null): TabChannel {
  let n = 0;
  return {
    announce(roomId, reconnect = false) {
      if (!storage) return;
      try {
        // A new value every time, so the event fires even when the room id is the same as before.
        storage.setItem(ROOM_KEY, JSON.stringify({ roomId, reconnect, at: Date.now(), n: ++n, r: Math.random() }));
      } catch {
        /* storage full or blocked: other tabs catch up when their visitor opens the chat */
      }
    },
    subscribe(onRoom) {
      win.addEventListener('storage', (e) => {
        if (e.key !== ROOM_KEY || !e.newValue) return;
        let signal: { roomId?: unknown; reconnect?: unknown };
        try {
          signal = JSON.parse(e.newValue) as { roomId?: unknown; reconnect?: unknown };
        } catch {
          return;
        }
        if (signal && typeof signal.roomId === 'string' && signal.roomId) onRoom(signal.roomId, signal.reconnect === true);
      });
    },
  };
}
