// How a chat ends for the page, and in which order it hears of it: closeWidget (POST close, then onChatMinimized
// if the window was open, then onChatEnded), logout (onChatMinimized, onChatEnded if a room was open, then
// onLogoutComplete), and a logout made elsewhere. The server's realtime events for the same end may overtake the
// HTTP answer; they are held back so the order stays the same either way.

import { ApiError, type ApiClient } from './api';
import type { CallChain } from './callChain';
import type { ChatWindow } from './chatWindow';
import type { EventBus } from './events';
import type { Outbox } from './outbox';
import type { RealtimeLink } from './realtimeLink';
import type { Room, RoomTracker } from './roomTracker';
import type { ChatUI } from './ui';

export interface ChatEnding {
  closeWidget(): Promise<void>;
  logout(): Promise<void>;
  /** The server's chatEnded for `roomId`. */
  chatEnded(roomId: string, reason?: string): void;
  /** The server's logoutComplete. */
  logoutComplete(): void;
}

export interface ChatEndingOptions {
  http: Pick<ApiClient, 'closeRoom' | 'logout' | 'currentToken' | 'lastUsedToken' | 'getSession' | 'tokens'>;
  rooms: Pick<RoomTracker, 'ongoing' | 'ended' | 'forget'>;
  chatWindow: Pick<ChatWindow, 'minimize'>;
  outbox: Pick<Outbox, 'clear'>;
  realtime: Pick<RealtimeLink, 'stop'>;
  ui: Pick<ChatUI, 'reset'>;
  events: EventBus;
  calls: CallChain;
}

export function createChatEnding({
  http,
  rooms,
  chatWindow,
  outbox,
  realtime,
  ui,
  events,
  calls,
}: ChatEndingOptions): ChatEnding {
  /** A close or logout of this room is out: a chatEnded for it only sets endedByServer. */
  let closing: { roomId: string; endedByServer: boolean } | null = null;
  /** This page's own logout is out: the logoutComplete it causes is not news. */
  let loggingOut = false;

  /** Close the window, end the open room, forget the room and the realtime connection. */
  function teardown(room: Room | null): void {
    realtime.stop();
    chatWindow.minimize();
    if (room) rooms.ended(room.id);
    rooms.forget();
    outbox.clear();
    ui.reset();
  }

  async function ownSessionEnded(): Promise<boolean> {
    const stored = http.currentToken();
    // The tab that logged out dropped (or already replaced) the stored session this page was using.
    if (!stored || stored !== http.lastUsedToken) return true;
    try {
      await http.getSession();
      return false; // still valid: another device of the user logged out
    } catch {
      return true; // 401 (the token is dropped), or no answer: believe the server's event
    }
  }

  return {
    async closeWidget() {
      const room = rooms.ongoing();
      let ended = false;
      let failure: unknown = null;
      if (room) {
        // The server's chatEnded may overtake the HTTP answer: hold it back, so the page sees onChatMinimized
        // before onChatEnded either way.
        const hold = { roomId: room.id, endedByServer: false };
        closing = hold;
        try {
          await http.closeRoom(room.id);
          ended = true;
        } catch (err) {
          // 4xx: the room is gone or already ended on the server; anything else: it may still be open.
          if (err instanceof ApiError && err.status >= 400 && err.status < 500) ended = true;
          else failure = err;
        } finally {
          if (hold.endedByServer) ended = true;
          closing = null;
        }
      }
      chatWindow.minimize();
      if (room && ended) rooms.ended(room.id);
      if (failure && !ended) throw failure;
    },

    async logout() {
      loggingOut = true;
      try {
        const room = rooms.ongoing();
        const token = http.currentToken();
        let failure: unknown = null;
        // As in closeWidget: a chatEnded during the call waits for teardown's order.
        if (room) closing = { roomId: room.id, endedByServer: false };
        if (token) {
          try {
            await http.logout();
          } catch (err) {
            failure = err;
          }
        }
        closing = null;
        // Discard the token even when the call failed: the page asked to forget this user.
        http.tokens.clear(token ?? undefined);
        teardown(room);
        if (failure) throw failure;
        events.emit('onLogoutComplete');
      } finally {
        loggingOut = false;
      }
    },

    chatEnded(roomId, reason) {
      if (closing && closing.roomId === roomId) closing.endedByServer = true;
      else rooms.ended(roomId, reason);
    },

    /**
     * The server tells every connection of the session (this browser's tabs) and of its user, so this may be another
     * device of the user logging out: that device's session ended, not ours, and the chat's end reaches us as
     * chatEnded. Only when this page's own session is gone is it logged out here too.
     */
    logoutComplete() {
      if (loggingOut) return;
      void calls.enqueue('logoutComplete', async () => {
        if (!(await ownSessionEnded())) return;
        teardown(rooms.ongoing());
        events.emit('onLogoutComplete');
      });
    },
  };
}
