// The visitor's messages on their way to the server. Each one gets a clientMessageId when it is typed (or its
// quick reply clicked) and keeps it through every resend, so the server stores it once however often it arrives.
// Sends wait their turn behind the page's calls: a message typed while openWidget or setUserId is still out is
// posted after it, into the chat it opened.

import { ApiError, isTransient, type ApiClient } from './api';
import type { CallChain } from './callChain';
import type { RoomTracker } from './roomTracker';
import type { ChatButton, Message, OutgoingMessage } from './types';
import type { ChatUI } from './ui';

export interface OutboxOptions {
  http: Pick<ApiClient, 'postMessage'>;
  rooms: Pick<RoomTracker, 'ongoing' | 'enter' | 'ended' | 'accept'>;
  ui: Pick<ChatUI, 'addPending' | 'markFailed'>;
  calls: CallChain;
  newId: () => string;
  /** Waits between resends of a POST that got no answer, a 408, 429 or 5xx; more failures show "Not delivered". */
  retryDelays?: number[];
}

export class Outbox {
  /** Messages the server has not confirmed yet, by clientMessageId: what Retry sends again. */
  private readonly unconfirmed = new Map<string, OutgoingMessage>();
  private readonly retryDelays: number[];

  constructor(private readonly options: OutboxOptions) {
    this.retryDelays = options.retryDelays ?? [500, 1500, 4000];
  }

  sendText(text: string): void {
    const clientMessageId = this.options.newId();
    this.options.ui.addPending(clientMessageId, text);
    void this.deliver({ clientMessageId, text });
  }

  /** A quick reply: the button's id, with its label as the text the visitor sees. */
  sendButton(button: ChatButton): void {
    const clientMessageId = this.options.newId();
    this.options.ui.addPending(clientMessageId, button.label);
    void this.deliver({ clientMessageId, buttonId: button.id, text: button.label });
  }

  /** The visitor clicked Retry on a message shown as not delivered. */
  retry(clientMessageId: string): void {
    const body = this.unconfirmed.get(clientMessageId);
    if (body) void this.deliver(body);
  }

  /** The server has the message (its answer, the realtime echo or the transcript): Retry must not send it again. */
  delivered(clientMessageId: string): void {
    this.unconfirmed.delete(clientMessageId);
  }

  /** Forgets unsent messages (logout). */
  clear(): void {
    this.unconfirmed.clear();
  }

  private deliver(body: OutgoingMessage): Promise<void> {
    const { rooms, ui } = this.options;
    this.unconfirmed.set(body.clientMessageId, body);
    ui.markFailed(body.clientMessageId, false);
    return this.options.calls.enqueue('send', async () => {
      try {
        // A message after the chat ended (or before any) starts a new chat.
        let room = rooms.ongoing() ?? (await rooms.enter());
        let result: { message: Message };
        try {
          result = await this.postWithRetry(room.id, body);
        } catch (err) {
          // 409: the room ended meanwhile (and we missed the event): end it here, start a new one. Not for a quick
          // reply: its button belongs to a message of the ended chat, which the new chat knows nothing of.
          if (!(err instanceof ApiError && err.status === 409) || 'buttonId' in body) throw err;
          rooms.ended(room.id);
          room = await rooms.enter();
          result = await this.postWithRetry(room.id, body);
        }
        if (result && result.message) rooms.accept(result.message, false);
      } catch (err) {
        ui.markFailed(body.clientMessageId, true);
        throw err;
      }
    });
  }

  private async postWithRetry(roomId: string, body: OutgoingMessage): Promise<{ message: Message }> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.options.http.postMessage(roomId, body);
      } catch (err) {
        if (attempt >= this.retryDelays.length || !isTransient(err)) throw err;
        await delay(this.retryDelays[attempt]);
      }
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
