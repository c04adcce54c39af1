// This tab's side of tabs.ts: when another tab of the browser (same stored session) opens a chat, this tab joins
// it at once, as a realtime chatStarted would have told it had it been connected.

import type { ApiClient } from './api';
import type { CallChain } from './callChain';
import type { RealtimeLink } from './realtimeLink';
import type { RoomTracker } from './roomTracker';
import type { TabChannel } from './tabs';

export interface OtherTabsOptions {
  tabs: TabChannel;
  calls: CallChain;
  http: Pick<ApiClient, 'hasSession'>;
  rooms: Pick<RoomTracker, 'hasEnded' | 'ongoing' | 'switchTo' | 'announceStarted' | 'sync'>;
  realtime: RealtimeLink;
}

/**
 * Shows the chat `roomId` another tab opened and connects. With `reconnect`, that tab called setUserId: negotiate
 * again, so this connection is the user's too.
 */
export function followOtherTabs({ tabs, calls, http, rooms, realtime }: OtherTabsOptions): void {
  tabs.subscribe((roomId, reconnect) => {
    void calls.enqueue('otherTab', async () => {
      if (!http.hasSession() || rooms.hasEnded(roomId)) return;
      if (reconnect) realtime.stop();
      const current = rooms.ongoing();
      if (!current || current.id !== roomId) {
        // This tab was not connected when the chat started.
        rooms.switchTo(roomId, 'open', false);
        rooms.announceStarted(roomId);
      }
      realtime.connect();
      await rooms.sync();
    });
  });
}
