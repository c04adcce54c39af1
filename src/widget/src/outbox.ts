// The visitor's messages on their way to the server. Each one gets a clientMessageId when it is typed (or its
// quick reply clicked) and keeps it through every resend, so the server stores it once however often it arrives.
// Sends wait their turn behind the page's calls: a message typed while openWidget or setUserId is still out is
// posted after it, into the chat it opened.

import { ApiError, isTransient, type ApiClient } from './api';
import type { CallChain } from './callChain';
import type { RoomTracker } from './roomTracker';
import type { ChatButton, Message, OutgoingMessage } from './types';
import type { ChatUI } from './ui';

export interface Outbox {
  sendText(text: string): void;
  /** A quick reply: the button's id, with its label as the text the visitor sees. */
  sendButton(button: ChatButton): void;
  /** The visitor clicked Retry on a message shown as not delivered. */
  retry(clientMessageId: string): void;
  /** The server has the message (its answer, the realtime echo or the transcript): Retry must not send it again. */
  delivered(clientMessageId: string): void;
  /** Forgets unsent messages (logout). */
  clear(): void;
}

export interface OutboxOptions {
  http: Pick<ApiClient, 'postMessage'>;
  rooms: Pick<RoomTracker, 'ongoing' | 'enter' | 'ended' | 'accept'>;
  ui: Pick<ChatUI, 'addPending' | 'markFailed'>;
  calls: CallChain;
  newId: () => string;
  /** Waits between resends of a POST that got no answer, a 408, 429 or 5xx; more failures show "Not delivered". */
  retryDelays?: number[];
}

export function createOutbox({ http, rooms, ui, calls, newId, retryDelays = [500, 1500, 4000] }: OutboxOptions): Outbox {
  /** Messages the server has not confirmed yet, by clientMessageId: what Retry sends again. */
  const unconfirmed = new Map<string, OutgoingMessage>();

  function deliver(body: OutgoingMessage): Promise<void> {
    unconfirmed.set(body.clientMessageId, body);
    ui.markFailed(body.clientMessageId, false);
    return calls.enqueue('send', async () => {
      try {
        // A message after the chat ended (or before any) starts a new chat.
        let room = rooms.ongoing() ?? (await rooms.enter());
        let result: { message: Message };
        try {
          result = await postWithRetry(room.id, body);
        } catch (err) {
          // 409: the room ended meanwhile (and we missed the event): end it here, start a new one. Not for a quick
          // reply: its button belongs to a message of the ended chat, which the new chat knows nothing of.
          if (!(err instanceof ApiError && err.status === 409) || 'buttonId' in body) throw err;
          rooms.ended(room.id);
          room = await rooms.enter();
          result = await postWithRetry(room.id, body);
        }
        if (result && result.message) rooms.accept(result.message, false);
      } catch (err) {
        ui.markFailed(body.clientMessageId, true);
        throw err;
      }
    });
  }

  async function postWithRetry(roomId: string, body: OutgoingMessage): Promise<{ message: Message }> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await http.postMessage(roomId, body);
      } catch (err) {
        if (attempt >= retryDelays.length || !isTransient(err)) throw err;
        await delay(retryDelays[attempt]);
      }
    }
  }

  return {
    sendText(text) {
      const clientMessageId = newId();
      ui.addPending(clientMessageId, text);
      void deliver({ clientMessageId, text });
    },
    sendButton(button) {
      const clientMessageId = newId();
      ui.addPending(clientMessageId, button.label);
      void deliver({ clientMessageId, buttonId: button.id, text: button.label });
    },
    retry(clientMessageId) {
      const body = unconfirmed.get(clientMessageId);
      if (body) void deliver(body);
    },
    delivered(clientMessageId) {
      unconfirmed.delete(clientMessageId);
    },
    clear() {
      unconfirmed.clear();
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
