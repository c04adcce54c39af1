import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/api';
import { CallChain } from '../src/callChain';
import { createOutbox, type Outbox } from '../src/outbox';
import type { Room } from '../src/roomTracker';
import type { Message, OutgoingMessage } from '../src/types';
import { ChatUI, type UiCallbacks } from '../src/ui';
import { messageNodes } from './fakes';

type Answer = 'ok' | number | 'no answer';

describe('Outbox', () => {
  let ui: ChatUI;
  let calls: CallChain;
  let outbox: Outbox;
  /** What the server answers the next POSTs, in order; 'ok' once they run out. */
  let answers: Answer[];
  let posts: { roomId: string; body: OutgoingMessage }[];
  let room: Room | null;
  let entered: string[];
  let ended: string[];

  const failed = () => Array.from(ui.root!.querySelectorAll('.failed')).map((n) => n.textContent);
  const pending = () => Array.from(ui.root!.querySelectorAll('.pending')).map((n) => n.querySelector('.text')!.textContent);
  const settle = async () => {
    for (let tail = calls.settled; ; tail = calls.settled) {
      await tail;
      if (tail === calls.settled) return;
    }
  };

  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    answers = [];
    posts = [];
    room = { id: 'r1', status: 'open', lastSeq: 0, history: false };
    entered = [];
    ended = [];
    let n = 0;
    let ids = 0;
    ui = new ChatUI(document);
    ui.bind({ retry: (clientMessageId: string) => outbox.retry(clientMessageId) } as unknown as UiCallbacks);
    ui.mount();
    calls = new CallChain();
    outbox = createOutbox({
      http: {
        postMessage: async (roomId, body) => {
          posts.push({ roomId, body });
          const answer = answers.shift() ?? 'ok';
          if (answer === 'no answer') throw new TypeError('Failed to fetch');
          if (answer !== 'ok') throw new ApiError(answer, null, `HTTP ${answer}`);
          const seq = ++n;
          const message: Message = { id: `m${seq}`, roomId, seq, sender: 'visitor', text: body.text ?? '', buttons: [], sentAt: '', clientMessageId: body.clientMessageId };
          return { message };
        },
      },
      rooms: {
        ongoing: () => (room && room.status !== 'ended' ? room : null),
        enter: async () => {
          room = { id: `r${entered.length + 2}`, status: 'open', lastSeq: 0, history: false };
          entered.push(room.id);
          return room;
        },
        ended: (roomId) => {
          ended.push(roomId);
          if (room && room.id === roomId) room.status = 'ended';
        },
        accept: (message) => {
          outbox.delivered(message.clientMessageId!);
          ui.showMessage(message);
        },
      },
      ui,
      calls,
      newId: () => `cm-${++ids}`,
      retryDelays: [1, 1, 1],
    });
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('shows the message at once and swaps in the server copy', async () => {
    outbox.sendText('hello');
    expect(pending()).toEqual(['hello']);
    await settle();
    expect(posts).toEqual([{ roomId: 'r1', body: { clientMessageId: 'cm-1', text: 'hello' } }]);
    expect(pending()).toEqual([]);
    expect(messageNodes(ui.root!).map((m) => m.getAttribute('data-message-id'))).toEqual(['m1']);
  });

  it('resends a POST that got no answer, a 5xx, 408 or 429 with the same clientMessageId, then delivers it once', async () => {
    answers = ['no answer', 503, 429];
    outbox.sendText('are you there');
    await settle();
    expect(posts).toHaveLength(4);
    expect(new Set(posts.map((p) => p.body.clientMessageId))).toEqual(new Set(['cm-1']));
    expect(failed()).toEqual([]);
    expect(messageNodes(ui.root!)).toHaveLength(1);
  });

  it('after the last resend shows "Not delivered" with Retry; Retry posts the same clientMessageId again', async () => {
    answers = [503, 503, 503, 503];
    outbox.sendText('hello?');
    await settle();
    expect(posts).toHaveLength(4);
    expect(failed()).toEqual(['Not delivered.Retry']);
    ui.root!.querySelector<HTMLButtonElement>('.failed button')!.click();
    await settle();
    expect(posts).toHaveLength(5);
    expect(posts[4].body).toEqual({ clientMessageId: 'cm-1', text: 'hello?' });
    expect(failed()).toEqual([]);
    expect(pending()).toEqual([]);
  });

  it('does not resend a message the server refused (a 4xx): "Not delivered" at once', async () => {
    answers = [400];
    outbox.sendText('too long');
    await settle();
    expect(posts).toHaveLength(1);
    expect(failed()).toEqual(['Not delivered.Retry']);
  });

  it('Retry of a message the server confirmed meanwhile (its echo arrived) sends nothing: no duplicate', async () => {
    answers = ['no answer', 'no answer', 'no answer', 'no answer'];
    outbox.sendText('sent twice?');
    await settle();
    outbox.delivered('cm-1');
    outbox.retry('cm-1');
    await settle();
    expect(posts).toHaveLength(4);
  });

  it('a 409 (the chat ended unseen) ends that chat, opens a new one and sends the text there, same clientMessageId', async () => {
    answers = [409];
    outbox.sendText('still there?');
    await settle();
    expect(ended).toEqual(['r1']);
    expect(entered).toEqual(['r2']);
    expect(posts.map((p) => [p.roomId, p.body.clientMessageId])).toEqual([['r1', 'cm-1'], ['r2', 'cm-1']]);
    expect(failed()).toEqual([]);
  });

  it('a quick reply answered 409 is not carried into a new chat: "Not delivered"', async () => {
    answers = [409];
    outbox.sendButton({ id: 'b1', label: 'Pricing' });
    await settle();
    expect(posts).toEqual([{ roomId: 'r1', body: { clientMessageId: 'cm-1', buttonId: 'b1', text: 'Pricing' } }]);
    expect(entered).toEqual([]);
    expect(pending()).toEqual(['Pricing']);
    expect(failed()).toEqual(['Not delivered.Retry']);
  });

  it('a message after the chat ended, or before any, starts a new chat first', async () => {
    room = { id: 'r1', status: 'ended', lastSeq: 3, history: false };
    outbox.sendText('one more thing');
    await settle();
    expect(entered).toEqual(['r2']);
    expect(posts.map((p) => p.roomId)).toEqual(['r2']);
  });

  it('waits for a page call still in flight, and is posted into the chat that call opened', async () => {
    room = null;
    let finish!: () => void;
    void calls.enqueue('openWidget', async () => {
      await new Promise<void>((resolve) => (finish = resolve));
      room = { id: 'r7', status: 'open', lastSeq: 0, history: false };
    });
    outbox.sendText('typed while opening');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(posts).toEqual([]);
    expect(pending()).toEqual(['typed while opening']);
    finish();
    await settle();
    expect(posts.map((p) => p.roomId)).toEqual(['r7']);
    expect(entered).toEqual([]);
  });

  it('forgets unsent messages on clear (logout): Retry then sends nothing', async () => {
    answers = [400];
    outbox.sendText('before logout');
    await settle();
    outbox.clear();
    outbox.retry('cm-1');
    await settle();
    expect(posts).toHaveLength(1);
  });
});
