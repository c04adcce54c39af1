// What the widget tells the server about its visitor, for the agent: how far they have seen the chat ("Seen" in the
// console) and which page they are on (the console's visitor panel). A message counts as seen once it is in the
// open window of a visible tab. Both are checked on a short tick while a chat is on, and the server looks at one
// report per room and side in each of its intervals: a report it turns away as too soon is simply made again.

import type { ApiClient } from './api';
import type { RoomTracker } from './roomTracker';
import type { ChatUI } from './ui';

/** How often the tick looks; well inside the 1 s a read mark may take to reach the agent. */
const TICK_MS = 250;
/** After a failed report (offline, a 5xx) the next waits this long. */
const BACKOFF_MS = 3000;

export interface VisitorReportsOptions {
  http: Pick<ApiClient, 'read' | 'reportPage'>;
  rooms: Pick<RoomTracker, 'ongoing'>;
  ui: Pick<ChatUI, 'lastSeq'>;
  windowOpen: () => boolean;
  doc?: Document;
}

export interface VisitorReports {
  /** A chat is on: starts the tick (once). */
  entered(): void;
}

export function createVisitorReports({ http, rooms, ui, windowOpen, doc = document }: VisitorReportsOptions): VisitorReports {
  let timer: ReturnType<typeof setInterval> | null = null;
  let busy = false;
  let notBefore = 0;
  /** Per room: the seq and page the server has. */
  let reportedRoom: string | null = null;
  let reportedSeq = 0;
  let reportedPage = '';

  function tick(): void {
    const room = rooms.ongoing();
    if (!room) {
      if (timer !== null) clearInterval(timer);
      timer = null;
      return;
    }
    if (reportedRoom !== room.id) {
      reportedRoom = room.id;
      reportedSeq = 0;
      reportedPage = '';
    }
    if (busy || Date.now() < notBefore) return;
    const page = doc.location?.href ?? '';
    if (page && page !== reportedPage && /^https?:/.test(page)) {
      void report(http.reportPage(room.id, page, doc.title.slice(0, 200)), (r) => {
        if (!r.throttled) reportedPage = page;
      });
      return;
    }
    const seq = ui.lastSeq();
    if (seq > reportedSeq && windowOpen() && doc.visibilityState === 'visible') {
      void report(http.read(room.id, seq), (r) => {
        if (!r.throttled) reportedSeq = Math.max(reportedSeq, r.seq);
      });
    }
  }

  async function report<T>(call: Promise<T>, done: (result: T) => void): Promise<void> {
    busy = true;
    try {
      done(await call);
    } catch {
      notBefore = Date.now() + BACKOFF_MS;
    } finally {
      busy = false;
    }
  }

  return {
    entered() {
      if (timer === null) timer = setInterval(tick, TICK_MS);
    },
  };
}
