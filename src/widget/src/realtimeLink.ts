// The page's realtime connection and what each server event does to it. A page opens one only once it is in a
// chat, and after every (re)connect reads the transcript, since events sent while it was away are gone. A
// connection that was stopped may still deliver a late event: only the current one is heard.

import type { ChatEnding } from './chatEnding';
import type { RealtimeConnection, RealtimeEventName, RealtimeFactory } from './realtime';
import type { RoomTracker } from './roomTracker';
import type { Message, QueuePosition } from './types';
import { showQueuePlace } from './queuePlace';
import type { ChatUI } from './ui';

export interface RealtimeLink {
  /** Connects, unless connected already. */
  connect(): void;
  /** Drops the connection, e.g. to negotiate again under another identity. */
  stop(): void;
}

export interface RealtimeLinkOptions {
  realtime: RealtimeFactory;
  rooms: Pick<RoomTracker, 'accept' | 'isShowing' | 'switchTo' | 'sync' | 'announceStarted'>;
  ui: Pick<ChatUI, 'showTyping' | 'showSeen' | 'showQueuePosition'>;
  /** Hears the server's chatEnded and logoutComplete, which may answer this page's own closeWidget or logout. */
  ending: Pick<ChatEnding, 'chatEnded' | 'logoutComplete'>;
  /** The chat's place in the queue changed: the page's onQueuePositionChanged handlers hear it. */
  queuePosition?: (info: QueuePosition) => void;
  /** The offline form and the rating (offlineForm.ts, csat.ts). */
  feedback?: { offered(roomId: string): void; chatEnded(roomId: string): void };
}

export function createRealtimeLink({ realtime, rooms, ui, ending, queuePosition, feedback }: RealtimeLinkOptions): RealtimeLink {
  let current: RealtimeConnection | null = null;

  function onEvent(name: RealtimeEventName, arg: unknown): void {
    const data = (arg && typeof arg === 'object' ? arg : {}) as Record<string, unknown>;
    const roomId = typeof data.roomId === 'string' ? data.roomId : null;
    switch (name) {
      case 'message':
        rooms.accept(arg as Message, false);
        break;
      case 'chatStarted':
        if (!roomId) return;
        if (!rooms.isShowing(roomId)) {
          rooms.switchTo(roomId, 'open', false);
          void rooms.sync();
        }
        rooms.announceStarted(roomId);
        break;
      case 'chatEnded':
        if (roomId && rooms.isShowing(roomId)) ui.showQueuePosition(null);
        if (roomId) ending.chatEnded(roomId, typeof data.reason === 'string' ? data.reason : undefined);
        // A logout's end is not rated, and its session is gone: the rating's read would only make a new one.
        if (roomId && rooms.isShowing(roomId) && data.reason !== 'logout') feedback?.chatEnded(roomId);
        break;
      case 'offlineForm':
        if (roomId && rooms.isShowing(roomId)) feedback?.offered(roomId);
        break;
      case 'logoutComplete':
        ending.logoutComplete();
        break;
      case 'agentJoined':
        // Out of the queue: the place line goes.
        if (roomId && rooms.isShowing(roomId)) ui.showQueuePosition(null);
        // Nothing to show: the transcript's system message ("Ann joined the chat") follows as a message event and is
        // what a reload or another tab shows too; a notice here showed the join twice.
        break;
      case 'typing':
        if (roomId && rooms.isShowing(roomId) && typeof data.sender === 'string') {
          ui.showTyping(data.sender as Message['sender']);
        }
        break;
      case 'read':
        // Only the agent's reads reach the visitor: "Seen" under the visitor's last message the agent has seen.
        if (roomId && rooms.isShowing(roomId) && data.reader === 'agent' && typeof data.seq === 'number') ui.showSeen(data.seq);
        break;
      case 'queuePosition':
        if (roomId && rooms.isShowing(roomId)) showQueuePlace(ui, data, queuePosition);
        break;
    }
  }

  return {
    connect() {
      if (current) return;
      const connection: RealtimeConnection = realtime({
        onEvent: (name, arg) => {
          if (current === connection) onEvent(name, arg);
        },
        onConnected: () => {
          if (current === connection) void rooms.sync();
        },
      });
      current = connection;
      connection.start().catch((err) => console.error('[Verloop] realtime start failed:', err));
    },
    stop() {
      const connection = current;
      current = null;
      if (connection) connection.stop().catch(() => undefined);
    },
  };
}
