// Continuing the chat of a session that changed under the page: the stored session at load (a reload, another
// tab's session), the session once setUserId linked it to a user (the user's chat from another device), and a
// session the server replaced after its token expired.

import { ApiError, type ApiClient } from './api';
import type { ChatWindow } from './chatWindow';
import type { RealtimeLink } from './realtimeLink';
import type { RoomTracker } from './roomTracker';
import type { TabChannel } from './tabs';
import type { SessionInfo } from './types';
import type { ChatUI } from './ui';

export interface SessionResume {
  /** At load: shows the stored session's open chat, if any, with the window closed and its transcript as history. */
  atLoad(): Promise<void>;
  /** After setUserId: reconnect as the user, and continue the user's open chat if there is one. */
  asUser(session: SessionInfo | undefined): Promise<void>;
  /** A 401 made the client replace the stored session with a new anonymous one. */
  renewed(): void;
}

export interface SessionResumeOptions {
  http: Pick<ApiClient, 'hasSession' | 'getSession'>;
  rooms: Pick<RoomTracker, 'ongoing' | 'enter' | 'switchTo' | 'hasMet' | 'sync' | 'forget'>;
  realtime: RealtimeLink;
  chatWindow: Pick<ChatWindow, 'isOpen'>;
  ui: Pick<ChatUI, 'setActiveChat'>;
  tabs: TabChannel | null;
}

export function createSessionResume({ http, rooms, realtime, chatWindow, ui, tabs }: SessionResumeOptions): SessionResume {
  return {
    async atLoad() {
      if (!http.hasSession()) return;
      let session: SessionInfo;
      try {
        session = await http.getSession();
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return; // token dropped; a new session comes lazily
        throw err;
      }
      if (session && session.openRoomId) {
        rooms.switchTo(session.openRoomId, 'open', true);
        realtime.connect();
        await rooms.sync();
      }
    },

    async asUser(session) {
      realtime.stop();
      const current = rooms.ongoing();
      const userRoom = session && session.openRoomId;
      if (userRoom && userRoom !== (current && current.id)) {
        if (chatWindow.isOpen) {
          await rooms.enter();
        } else {
          rooms.switchTo(userRoom, 'open', !rooms.hasMet(userRoom));
          await rooms.sync();
        }
      }
      const open = rooms.ongoing();
      if (open) {
        realtime.connect();
        // The other tabs share the session, but their connections were negotiated before it had a user.
        tabs?.announce(open.id, true);
      }
    },

    renewed() {
      // Old rooms belong to the expired session, not to the new one.
      realtime.stop();
      rooms.forget();
      ui.setActiveChat(false);
    },
  };
}
