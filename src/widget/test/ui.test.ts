import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../src/types';
import { ChatUI, type UiCallbacks } from '../src/ui';

function message(partial: Partial<Message>): Message {
  return {
    id: 'm1',
    roomId: 'r1',
    seq: 1,
    sender: 'bot',
    text: 'hello',
    buttons: [],
    blockId: null,
    sentAt: '2024-01-01T10:00:00Z',
    ...partial,
  };
}

const XSS = '<img src=x onerror=alert(1)>';

describe('ChatUI', () => {
  let ui: ChatUI;
  let cb: { [K in keyof UiCallbacks]: ReturnType<typeof vi.fn> };
  let root: ShadowRoot;
  const q = (testId: string) => root.querySelector<HTMLElement>(`[data-testid="${testId}"]`)!;
  const all = (testId: string) => Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`));

  beforeEach(() => {
    ui = new ChatUI(document);
    cb = {
      bubbleClicked: vi.fn(),
      closeClicked: vi.fn(),
      minimizeClicked: vi.fn(),
      send: vi.fn(),
      quickReply: vi.fn(),
      retry: vi.fn(),
      typed: vi.fn(),
    };
    ui.bind(cb as unknown as UiCallbacks);
    ui.mount();
    root = ui.root!;
  });

  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('mounts a shadow-DOM host with the bubble, a hidden window and accessible controls', () => {
    const host = document.getElementById('verloop-widget')!;
    expect(host.parentElement).toBe(document.body);
    expect(host.shadowRoot).toBe(root);
    expect(q('bubble').getAttribute('aria-label')).toBe('Open chat');
    expect(q('window').hidden).toBe(true);
    expect(q('close').getAttribute('aria-label')).toBe('Close chat');
    expect(root.querySelector('h2')!.textContent).toBe('Chat');
    const log = root.querySelector('[role="log"]')!;
    expect(log.getAttribute('aria-live')).toBe('polite');
    const input = q('input') as HTMLInputElement;
    expect(root.querySelector(`label[for="${input.id}"]`)).not.toBeNull();
    expect(q('send').textContent).toBe('Send');
    // Styles live in the shadow root, nothing leaks into the page.
    expect(root.querySelector('style')!.textContent).toContain('.bubble');
    expect(document.head.querySelector('style')).toBeNull();
    expect(document.body.children).toHaveLength(1);
  });

  it('renders bot text as text: an <img onerror> payload creates no element', () => {
    ui.showMessage(message({ text: XSS, buttons: [{ id: 'x', label: XSS }] }));
    const node = all('message')[0];
    expect(node.getAttribute('data-sender')).toBe('bot');
    expect(node.querySelector('.text')!.textContent).toBe(XSS);
    expect(all('quick-reply')[0].textContent).toBe(XSS);
    expect(root.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });

  it('keeps agent names and notices as text too', () => {
    ui.notice(`${XSS} joined the chat`);
    ui.addPending('c1', XSS);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain(XSS);
  });

  it('opens and hides the window and forwards clicks', () => {
    q('bubble').click();
    expect(cb.bubbleClicked).toHaveBeenCalledTimes(1);
    ui.showWindow();
    expect(q('window').hidden).toBe(false);
    expect(q('bubble').getAttribute('aria-expanded')).toBe('true');
    q('close').click();
    expect(cb.closeClicked).toHaveBeenCalledTimes(1);
    ui.hideWindow();
    expect(q('window').hidden).toBe(true);
  });

  it('sends the trimmed input on submit and on Enter, and ignores blank input', () => {
    const input = q('input') as HTMLInputElement;
    input.value = '  hello there ';
    root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(cb.send).toHaveBeenCalledWith('hello there');
    expect(input.value).toBe('');
    input.value = 'second';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(cb.send).toHaveBeenLastCalledWith('second');
    input.value = '   ';
    q('send').click();
    expect(cb.send).toHaveBeenCalledTimes(2);
  });

  it('shows quick replies that fire once and then disable', () => {
    const m = message({ buttons: [{ id: 'b1', label: 'Yes' }, { id: 'b2', label: 'No' }] });
    ui.showMessage(m);
    const [yes, no] = all('quick-reply') as HTMLButtonElement[];
    yes.click();
    yes.click();
    no.click();
    expect(cb.quickReply).toHaveBeenCalledTimes(1);
    expect(cb.quickReply).toHaveBeenCalledWith(m, { id: 'b1', label: 'Yes' });
    expect(yes.disabled && no.disabled).toBe(true);
    expect(yes.getAttribute('aria-pressed')).toBe('true');
  });

  it('disables the buttons a visitor message already answered (history)', () => {
    ui.showMessage(message({ buttons: [{ id: 'b1', label: 'Yes' }] }));
    ui.showMessage(message({ id: 'm2', seq: 2, sender: 'visitor', text: 'b1', buttonId: 'b1' }));
    expect((all('quick-reply')[0] as HTMLButtonElement).disabled).toBe(true);
    expect(all('message')[1].textContent).toBe('Yes');
  });

  it('replaces the optimistic visitor message with the server copy and orders by seq', () => {
    ui.addPending('c1', 'my question');
    expect(all('message')).toHaveLength(1);
    expect(all('message')[0].classList.contains('pending')).toBe(true);
    ui.showMessage(message({ id: 'm5', seq: 5, sender: 'visitor', text: 'my question', clientMessageId: 'c1' }));
    ui.showMessage(message({ id: 'm3', seq: 3, text: 'earlier' }));
    ui.showMessage(message({ id: 'm5', seq: 5, sender: 'visitor', text: 'my question', clientMessageId: 'c1' }));
    const nodes = all('message');
    expect(nodes.map((n) => n.textContent)).toEqual(['earlier', 'my question']);
    expect(nodes[1].classList.contains('pending')).toBe(false);
    expect(nodes[1].getAttribute('data-sender')).toBe('visitor');
  });

  it('offers Retry on a failed message', () => {
    ui.addPending('c1', 'hi');
    ui.markFailed('c1', true);
    const retry = root.querySelector<HTMLButtonElement>('.failed button')!;
    expect(retry.textContent).toBe('Retry');
    retry.click();
    expect(cb.retry).toHaveBeenCalledWith('c1');
    expect(root.querySelector('.failed')).toBeNull();
  });

  it('shows "Chat ended" once and disables remaining quick replies', () => {
    ui.showMessage(message({ buttons: [{ id: 'b1', label: 'Yes' }] }));
    ui.showEnded();
    ui.showEnded();
    expect(all('notice').map((n) => n.textContent)).toEqual(['Chat ended']);
    expect((all('quick-reply')[0] as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows an unread count on the bubble', () => {
    ui.addUnread();
    ui.addUnread();
    expect(root.querySelector('.badge')!.textContent).toBe('2');
    ui.showWindow();
    expect(root.querySelector<HTMLElement>('.badge')!.hidden).toBe(true);
  });

  it('keeps focus in the open window: Tab from the last control goes to the first, Shift+Tab back', () => {
    ui.showWindow();
    ui.showMessage(message({ buttons: [{ id: 'a', label: 'A' }] }));
    const controls = Array.from(root.querySelectorAll<HTMLElement>('[data-testid=window] button, [data-testid=window] input'));
    const first = controls[0];
    const last = controls[controls.length - 1];
    last.focus();
    last.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
    expect(root.activeElement).toBe(first);
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true, cancelable: true }));
    expect(root.activeElement).toBe(last);
  });

  it('Escape in the window minimizes it', () => {
    ui.showWindow();
    q('input').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(cb.minimizeClicked).toHaveBeenCalledTimes(1);
  });
});
