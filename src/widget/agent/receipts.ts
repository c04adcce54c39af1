// Read receipts in the console: how many of a chat's visitor messages the agent has not seen (from the agent's
// watermark), and a reporter that tells the server how far the agent has seen, at most once per interval with the
// newest seq always sent in the end (a report the server turns away as too soon is made again).

import type { Message } from '../src/types';

/** Visitor messages after the agent's watermark: the chat list's unread count. */
export function unreadCount(messages: Iterable<Message>, agentRead: number): number {
  let count = 0;
  for (const m of messages) if (m.sender === 'visitor' && m.seq > agentRead) count++;
  return count;
}

/** The seq of the agent's last message the visitor has seen ("Seen" goes under it), or 0. */
export function seenMessageSeq(messages: Iterable<Message>, visitorRead: number): number {
  let best = 0;
  for (const m of messages) if (m.sender === 'agent' && m.seq <= visitorRead && m.seq > best) best = m.seq;
  return best;
}

/** Waits between two reports of one room. */
export const REPORT_EVERY_MS = 500;

export interface ReadRecorded {
  seq: number;
  throttled: boolean;
}

/** Reports "seen up to seq" per room, one call in flight, the last wanted seq always sent. */
export class ReadReporter {
  private readonly wanted = new Map<string, number>();
  private readonly sent = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly send: (roomId: string, seq: number) => Promise<ReadRecorded>) {}

  /** The agent has seen `roomId` up to `seq`. */
  seen(roomId: string, seq: number): void {
    if (seq <= (this.wanted.get(roomId) ?? 0)) return;
    this.wanted.set(roomId, seq);
    if (!this.timers.has(roomId)) void this.flush(roomId);
  }

  private async flush(roomId: string): Promise<void> {
    const seq = this.wanted.get(roomId) ?? 0;
    if (seq <= (this.sent.get(roomId) ?? 0)) return;
    this.timers.set(roomId, setTimeout(() => {
      this.timers.delete(roomId);
      void this.flush(roomId);
    }, REPORT_EVERY_MS));
    try {
      const recorded = await this.send(roomId, seq);
      if (!recorded.throttled) this.sent.set(roomId, Math.max(seq, recorded.seq));
    } catch {
      // Refused (the chat ended or went to someone else) or failed: not tried again for this seq, the next read reports anew.
      this.sent.set(roomId, Math.max(seq, this.sent.get(roomId) ?? 0));
    }
  }
}
