import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../src/types';
import { ChatUI } from '../src/ui';

const message = (seq: number, sender: Message['sender']): Message => ({
  id: `m${seq}`, roomId: 'r1', seq, sender, text: `text ${seq}`, buttons: [], sentAt: '2026-12-01T10:00:00Z',
});

describe('ChatUI read marks', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  function mounted(): { ui: ChatUI; seenUnder: () => string[] } {
    const ui = new ChatUI(document);
    ui.mount();
    const root = document.querySelector('#verloop-widget')!.shadowRoot!;
    const seenUnder = () => Array.from(root.querySelectorAll('[data-testid="seen"]')).map((s) => s.closest('[data-seq]')!.getAttribute('data-seq')!);
    return { ui, seenUnder };
  }

  it('shows one "Seen" under the last visitor message the agent has seen, moving only forward', () => {
    const { ui, seenUnder } = mounted();
    [message(1, 'bot'), message(2, 'visitor'), message(3, 'agent'), message(4, 'visitor'), message(5, 'visitor')].forEach((m) => ui.showMessage(m));

    ui.showSeen(1);
    expect(seenUnder()).toEqual([]);
    ui.showSeen(4);
    expect(seenUnder()).toEqual(['4']);
    ui.showSeen(2); // a late event never moves it back
    expect(seenUnder()).toEqual(['4']);
    ui.showSeen(5);
    expect(seenUnder()).toEqual(['5']);
    expect(ui.lastSeq()).toBe(5);
  });

  it('places the mark on a message shown after the watermark arrived, and forgets it for another room', () => {
    const { ui, seenUnder } = mounted();
    ui.showSeen(2);
    ui.showMessage(message(2, 'visitor'));
    expect(seenUnder()).toEqual(['2']);

    ui.clearMessages();
    ui.showMessage(message(1, 'visitor'));
    expect(seenUnder()).toEqual([]);
  });
});
