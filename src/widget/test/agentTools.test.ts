import { describe, expect, it } from 'vitest';
import { CannedPicker, matchShortcuts } from '../agent/cannedPicker';
import { seenMessageSeq, unreadCount } from '../agent/receipts';
import type { Message } from '../src/types';

const msg = (seq: number, sender: Message['sender']): Message => ({
  id: `m${seq}`, roomId: 'r', seq, sender, text: `t${seq}`, buttons: [], sentAt: '2026-12-01T10:00:00Z',
});

describe('agent console read receipts', () => {
  const messages = [msg(1, 'bot'), msg(2, 'visitor'), msg(3, 'agent'), msg(4, 'visitor'), msg(5, 'visitor'), msg(6, 'agent')];

  it('counts the visitor messages after the agent watermark as unread', () => {
    expect(unreadCount(messages, 0)).toBe(3);
    expect(unreadCount(messages, 4)).toBe(1);
    expect(unreadCount(messages, 6)).toBe(0);
  });

  it('puts "Seen" under the last agent message the visitor has seen', () => {
    expect(seenMessageSeq(messages, 2)).toBe(0);
    expect(seenMessageSeq(messages, 5)).toBe(3);
    expect(seenMessageSeq(messages, 6)).toBe(6);
  });
});

describe('agent console canned responses', () => {
  const responses = [
    { shortcut: 'refund', text: 'Your refund is on its way.' },
    { shortcut: 'refund-late', text: 'Sorry it is late.' },
    { shortcut: 'hello', text: 'Hello!' },
  ];

  it('lists the shortcuts that start with what follows a leading slash, none otherwise', () => {
    expect(matchShortcuts('/', responses)).toHaveLength(3);
    expect(matchShortcuts('/ref', responses).map((r) => r.shortcut)).toEqual(['refund', 'refund-late']);
    expect(matchShortcuts('/x', responses)).toEqual([]);
    expect(matchShortcuts('refund', responses)).toEqual([]);
    expect(matchShortcuts('/refund please', responses)).toEqual([]);
  });

  it('ArrowDown then Tab expands the chosen response into the box, to edit; Escape closes the list', () => {
    document.body.innerHTML = '<input id="text"><ul id="canned" hidden></ul>';
    const input = document.getElementById('text') as HTMLInputElement;
    const list = document.getElementById('canned') as HTMLUListElement;
    new CannedPicker(input, list).use(responses);

    input.value = '/ref';
    input.dispatchEvent(new Event('input'));
    expect(list.hidden).toBe(false);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(list.querySelectorAll('[role=option]')).toHaveLength(2);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    expect(input.getAttribute('aria-activedescendant')).toBe('canned-refund-late');
    const tab = new KeyboardEvent('keydown', { key: 'Tab', cancelable: true });
    input.dispatchEvent(tab);

    expect(tab.defaultPrevented).toBe(true);
    expect(input.value).toBe('Sorry it is late.');
    expect(list.hidden).toBe(true);

    input.value = '/';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(list.hidden).toBe(true);
    expect(input.value).toBe('/');
  });
});
