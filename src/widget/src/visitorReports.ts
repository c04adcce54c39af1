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
/** After a report the server found too soon: a little more than its interval for reads (500 ms). */
const THROTTLED_MS = 300;

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
  /** Per room: the seq and page the server has. */
  let reportedRoom: string | null = null;
  let reportedSeq = 0;
  let reportedPage = '';
  // Reads and pages each have one call out at a time and their own wait, so a page report the server turned away
  // never holds up a read mark.
  const read = { busy: false, notBefore: 0 };
  const page = { busy: false, notBefore: 0 };

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
    const seq = ui.lastSeq();
    if (seq > reportedSeq && windowOpen() && doc.visibilityState === 'visible') {
      void report(read, () => http.read(room.id, seq), (r) => {
        if (!r.throttled) reportedSeq = Math.max(reportedSeq, r.seq);
        return r.throttled;
      });
    }
    const href = doc.location?.href ?? '';
    if (href && href !== reportedPage && /^https?:/.test(href)) {
      void report(page, () => http.reportPage(room.id, href, doc.title.slice(0, 200)), (r) => {
        if (!r.throttled) reportedPage = href;
        return r.throttled;
      });
    }
  }

  /** `done` answers whether the server said "too soon": the next try then waits a little. */
  async function report<T>(lane: { busy: boolean; notBefore: number }, call: () => Promise<T>, done: (result: T) => boolean): Promise<void> {
    if (lane.busy || Date.now() < lane.notBefore) return;
    lane.busy = true;
    try {
      if (done(await call())) lane.notBefore = Date.now() + THROTTLED_MS;
    } catch {
      lane.notBefore = Date.now() + BACKOFF_MS;
    } finally {
      lane.busy = false;
    }
  }

  return {
    entered() {
      if (timer === null) timer = setInterval(tick, TICK_MS);
    },
  };
}
