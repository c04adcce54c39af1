// The chat UI: a floating bubble and a chat window inside an open shadow root on
// <div id="verloop-widget">, so the page's CSS cannot reach in and ours cannot leak out.
// Every piece of text from the network is written with textContent, never innerHTML.

import type { WidgetBrand } from './brand';
import { ENGLISH, type Locale } from './locales';
import type { Attachment, ChatButton, Message, QueuePosition, Sender } from './types';

/** The files the server takes by default (Attachments:AllowedContentTypes): the picker offers these. */
const ACCEPTED_FILES = 'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain';

export interface UiCallbacks {
  bubbleClicked(): void;
  closeClicked(): void;
  minimizeClicked(): void;
  send(text: string): void;
  quickReply(message: Message, button: ChatButton): void;
  retry(clientMessageId: string): void;
  /** The visitor typed in the field (called on every input; the caller throttles). */
  typed(): void;
  /** The visitor chose a file to send. */
  attach?(file: File): void;
}


const noop = (): void => undefined;
const NO_CALLBACKS: UiCallbacks = {
  bubbleClicked: noop,
  closeClicked: noop,
  minimizeClicked: noop,
  send: noop,
  quickReply: noop,
  retry: noop,
  typed: noop,
};

const STYLE = `
:host{all:initial!important;display:block!important}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.root{--accent:#4f46e5;--accent-soft:#eef2ff;--ink:#111827;--muted:#4b5563;--line:#e5e7eb;
 font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink)}
button,input{font:inherit;color:inherit;margin:0}
button{cursor:pointer}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.header :focus-visible{outline-color:#fff}
.bubble{position:fixed;inset-inline-end:20px;bottom:20px;z-index:2147483000;width:58px;height:58px;border:0;border-radius:50%;
 background:var(--accent);color:#fff;display:grid;place-items:center;box-shadow:0 8px 24px rgba(17,24,39,.28);
 transition:transform .15s ease}
.bubble:hover{transform:scale(1.06)}
.bubble svg{width:28px;height:28px;fill:currentColor}
.badge{position:absolute;top:-3px;inset-inline-end:-3px;min-width:20px;height:20px;padding:0 6px;border-radius:10px;
 background:#dc2626;color:#fff;font-size:12px;font-weight:600;line-height:20px;text-align:center}
.badge.dot{min-width:14px;width:14px;height:14px;padding:0;top:0;inset-inline-end:0;background:#22c55e;border:2px solid #fff}
.window{position:fixed;inset-inline-end:20px;bottom:92px;z-index:2147483001;width:min(380px,calc(100vw - 40px));
 height:min(580px,calc(100vh - 120px));display:flex;flex-direction:column;background:#fff;border-radius:16px;
 overflow:hidden;box-shadow:0 16px 48px rgba(17,24,39,.28);animation:pop .16s ease-out}
@keyframes pop{from{opacity:0;transform:translateY(8px)}to{opacity:1;transform:none}}
.header{display:flex;align-items:center;gap:4px;padding-block:12px;padding-inline:18px 10px;background:var(--accent);color:#fff}
.heading{flex:1;min-width:0;display:flex;align-items:center;gap:10px}
.title{margin:0;font-size:16px;font-weight:600}
.avatar{width:32px;height:32px;border-radius:50%;object-fit:cover;background:rgba(255,255,255,.25);flex:none}
.subtitle{margin:0;font-size:12px;opacity:.92}
.side-left .bubble,.side-left .window{inset-inline:auto;left:20px}
.side-right .bubble,.side-right .window{inset-inline:auto;right:20px}
.icon{width:34px;height:34px;border:0;border-radius:8px;background:transparent;color:#fff;font-size:22px;line-height:1}
.icon:hover{background:rgba(255,255,255,.18)}
.log{flex:1;overflow-y:auto;padding:16px;display:flex;flex-direction:column;gap:8px;background:#f9fafb}
.msg{display:flex;flex-direction:column;align-items:flex-start;max-width:85%}
.msg[data-sender=visitor]{align-self:flex-end;align-items:flex-end}
.msg[data-sender=system]{align-self:center;align-items:center}
.text{padding:8px 12px;border-radius:16px;border-end-start-radius:4px;background:#fff;border:1px solid var(--line);
 white-space:pre-wrap;overflow-wrap:anywhere}
.msg[data-sender=agent] .text{border-color:#c7d2fe}
.msg[data-sender=visitor] .text{background:var(--accent);color:#fff;border-color:transparent;border-radius:16px;border-end-end-radius:4px}
.msg[data-sender=system] .text{background:transparent;border:0;color:var(--muted);font-size:12px;text-align:center}
.msg.pending .text{background:#fff;color:var(--ink);border:1px dashed var(--accent)}
.failed{margin-top:4px;font-size:12px;color:#b91c1c}
.failed button{border:0;background:none;color:inherit;text-decoration:underline;padding:0;padding-inline-start:4px}
.replies{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}
.reply{padding:6px 14px;border:1px solid var(--accent);border-radius:999px;background:#fff;color:var(--accent)}
.reply:hover:not(:disabled){background:var(--accent-soft)}
.reply:disabled{opacity:.45;cursor:default}
.reply[aria-pressed=true]{background:var(--accent);color:#fff;opacity:1}
.notice{align-self:center;padding:3px 12px;border-radius:999px;background:#f3f4f6;color:var(--muted);font-size:12px}
.seen{margin-top:2px;font-size:11px;color:var(--muted);text-align:end}
.queue{padding:6px 18px;background:#eff6ff;color:#1e3a8a;font-size:13px}
.queue[hidden]{display:none}
.typing{min-height:20px;padding:0 18px 4px;background:#f9fafb;color:var(--muted);font-size:12px}
.composer{display:flex;gap:8px;padding:10px;border-top:1px solid var(--line);background:#fff}
.input{flex:1;min-width:0;padding:9px 14px;border:1px solid #d1d5db;border-radius:999px;background:#fff}
.input:focus{border-color:var(--accent);outline:none;box-shadow:0 0 0 3px var(--accent-soft)}
.send{padding:0 16px;border:0;border-radius:999px;background:var(--accent);color:#fff;font-weight:600}
.send:disabled{opacity:.5;cursor:default}
.attach{width:38px;flex:none;border:1px solid #d1d5db;border-radius:50%;background:#fff;color:var(--muted);display:grid;place-items:center}
.attach svg{width:18px;height:18px;fill:currentColor}
.attach:hover{color:var(--accent);border-color:var(--accent)}
.preview{display:block;max-width:220px;max-height:220px;border-radius:12px;border:1px solid var(--line);background:#fff}
.file{display:inline-block;margin-top:4px;padding:8px 12px;border-radius:12px;background:#fff;border:1px solid var(--line);color:#3730a3;overflow-wrap:anywhere}
.text:empty{display:none}
.upload{display:block;width:160px;margin-top:4px;accent-color:var(--accent)}
.sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
@media (max-width:480px){.window,.side-left .window,.side-right .window{inset-inline:0;bottom:0;width:100vw;height:100%;border-radius:0}}
@media (prefers-reduced-motion:reduce){.bubble,.window{transition:none;animation:none}.bubble:hover{transform:none}}
`;

const SVG_NS = 'http://www.w3.org/2000/svg';
const CLIP_ICON =
  'M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z';
const CHAT_ICON =
  'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4.5 3.5A.3.3 0 0 1 3 21.3V6a2 2 0 0 1 1-2z';


export class ChatUI {
  host: HTMLElement | null = null;
  root: ShadowRoot | null = null;
  private cb: UiCallbacks = NO_CALLBACKS;
  private bubble!: HTMLButtonElement;
  private badge!: HTMLElement;
  private win!: HTMLElement;
  private log!: HTMLElement;
  private typing!: HTMLElement;
  private queueLine!: HTMLElement;
  private input!: HTMLInputElement;
  private sendButton!: HTMLButtonElement;
  private readonly byId = new Map<string, HTMLElement>();
  private readonly pending = new Map<string, HTMLElement>();
  private ended = false;
  private unread = 0;
  private active = false;
  private typingTimer: ReturnType<typeof setTimeout> | null = null;
  /** The agent's read watermark in the shown room. */
  private seenSeq = 0;

  private readonly t: Locale['strings'];

  constructor(
    private readonly doc: Document,
    private readonly locale: Locale = ENGLISH,
    private readonly brand: WidgetBrand = {},
  ) {
    this.t = locale.strings;
  }

  bind(callbacks: UiCallbacks): void {
    this.cb = callbacks;
  }

  get mounted(): boolean {
    return this.root !== null;
  }

  mount(): void {
    if (this.root) return;
    const d = this.doc;
    const host = d.createElement('div');
    host.id = 'verloop-widget';
    const root = host.attachShadow({ mode: 'open' });
    const style = d.createElement('style');
    style.textContent = STYLE;
    root.appendChild(style);

    const wrap = el(d, 'div', 'root', { lang: this.locale.lang, dir: this.locale.dir });
    const brand = this.brand;
    if (brand.accentColor) {
      wrap.style.setProperty('--accent', brand.accentColor);
      wrap.style.setProperty('--accent-soft', `color-mix(in srgb, ${brand.accentColor} 12%, #fff)`);
    }
    if (brand.launcherPosition) wrap.classList.add(`side-${brand.launcherPosition}`);
    const titleText = brand.title ?? this.t.chat;

    this.bubble = el(d, 'button', 'bubble', { type: 'button', 'aria-label': this.t.openChat, 'aria-expanded': 'false', 'data-testid': 'bubble' });
    this.bubble.appendChild(chatIcon(d));
    this.badge = el(d, 'span', 'badge', { 'aria-hidden': 'true' });
    this.badge.hidden = true;
    this.bubble.appendChild(this.badge);
    this.bubble.addEventListener('click', () => this.cb.bubbleClicked());

    this.win = el(d, 'section', 'window', { role: 'dialog', 'aria-label': titleText, 'data-testid': 'window' });
    this.win.id = 'verloop-window';
    this.bubble.setAttribute('aria-controls', 'verloop-window');
    this.win.hidden = true;
    this.win.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.cb.minimizeClicked();
      else if (e.key === 'Tab') this.keepFocusInside(e);
    });

    const header = el(d, 'header', 'header');
    const title = el(d, 'h2', 'title', { 'data-testid': 'title' });
    title.textContent = titleText;
    const heading = el(d, 'div', 'heading');
    if (brand.avatarUrl) {
      // Beside the team's name the picture adds nothing to hear; alone, it is the name.
      heading.appendChild(el(d, 'img', 'avatar', { src: brand.avatarUrl, alt: brand.teamName ? '' : titleText, 'data-testid': 'avatar' }));
    }
    const words = el(d, 'div', '');
    words.appendChild(title);
    const subtitle = [brand.teamName, brand.replyTime].filter(Boolean).join(' · ');
    if (subtitle) {
      const line = el(d, 'p', 'subtitle', { 'data-testid': 'subtitle' });
      line.textContent = subtitle;
      words.appendChild(line);
    }
    heading.appendChild(words);
    const minimize = el(d, 'button', 'icon', { type: 'button', 'aria-label': this.t.minimizeChat, 'data-testid': 'minimize', title: this.t.minimize });
    minimize.textContent = '–';
    minimize.addEventListener('click', () => this.cb.minimizeClicked());
    const close = el(d, 'button', 'icon', { type: 'button', 'aria-label': this.t.closeChat, 'data-testid': 'close', title: this.t.endChat });
    close.textContent = '×';
    close.addEventListener('click', () => this.cb.closeClicked());
    header.append(heading, minimize, close);

    this.log = el(d, 'div', 'log', { role: 'log', 'aria-live': 'polite', 'aria-label': this.t.messages, 'data-testid': 'log' });
    this.typing = el(d, 'div', 'typing', { 'aria-live': 'polite' });
    this.queueLine = el(d, 'div', 'queue', { role: 'status', 'data-testid': 'queue-position' });
    this.queueLine.hidden = true;

    const form = el(d, 'form', 'composer');
    form.noValidate = true;
    const label = el(d, 'label', 'sr', { for: 'verloop-input' });
    label.textContent = this.t.typeYourMessage;
    this.input = el(d, 'input', 'input', {
      id: 'verloop-input',
      type: 'text',
      autocomplete: 'off',
      maxlength: '4000',
      placeholder: this.t.typeYourMessagePlaceholder,
      'data-testid': 'input',
    });
    this.sendButton = el(d, 'button', 'send', { type: 'submit', 'data-testid': 'send' });
    this.sendButton.textContent = this.t.send;
    // A button opens the hidden file picker: a native file input cannot be labelled or styled consistently.
    const picker = el(d, 'input', '', { type: 'file', accept: ACCEPTED_FILES, 'data-testid': 'file-input', tabindex: '-1', 'aria-hidden': 'true' });
    picker.hidden = true;
    const attach = el(d, 'button', 'attach', { type: 'button', 'aria-label': this.t.attachFile, title: this.t.attachFile, 'data-testid': 'attach' });
    attach.appendChild(icon(d, CLIP_ICON));
    attach.addEventListener('click', () => picker.click());
    picker.addEventListener('change', () => {
      const file = picker.files?.[0];
      picker.value = '';
      if (file) this.cb.attach?.(file);
    });
    form.append(picker, attach, label, this.input, this.sendButton);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
    this.input.addEventListener('input', () => {
      if (this.input.value.trim()) this.cb.typed();
    });
    this.input.addEventListener('keydown', (e) => {
      // Enter sends (the form's implicit submission does it too; this covers odd hosts).
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.submit();
      }
    });

    this.win.append(header, this.log, this.queueLine, this.typing, form);
    wrap.append(this.win, this.bubble);
    root.appendChild(wrap);
    (d.body || d.documentElement).appendChild(host);
    this.host = host;
    this.root = root;
  }

  private submit(): void {
    const text = this.input.value.trim();
    if (!text) return;
    this.input.value = '';
    this.cb.send(text);
  }

  // ---- window ---------------------------------------------------------------------------

  showWindow(): void {
    this.win.hidden = false;
    this.bubble.setAttribute('aria-expanded', 'true');
    this.setUnread(0);
    this.scrollToEnd();
  }

  hideWindow(): void {
    const hadFocus = this.root?.activeElement != null;
    this.win.hidden = true;
    this.bubble.setAttribute('aria-expanded', 'false');
    if (hadFocus) this.bubble.focus();
  }

  get windowVisible(): boolean {
    return !this.win.hidden;
  }

  focusInput(): void {
    try {
      this.input.focus({ preventScroll: true });
    } catch {
      this.input.focus();
    }
  }

  /** Unread count on the bubble (0 hides it). */
  setUnread(count: number): void {
    this.unread = count;
    this.renderBadge();
  }

  addUnread(): void {
    this.setUnread(this.unread + 1);
  }

  /** A small dot on the bubble while a chat is open in the background. */
  setActiveChat(active: boolean): void {
    this.active = active;
    this.renderBadge();
  }

  private renderBadge(): void {
    if (!this.badge) return;
    if (this.unread > 0) {
      this.badge.className = 'badge';
      this.badge.textContent = this.unread > 9 ? '9+' : String(this.unread);
      this.badge.hidden = false;
    } else if (this.active && this.win.hidden) {
      this.badge.className = 'badge dot';
      this.badge.textContent = '';
      this.badge.hidden = false;
    } else {
      this.badge.hidden = true;
    }
  }

  // ---- messages -------------------------------------------------------------------------

  /** Empties the log for another room. Visitor messages still being sent stay. */
  clearMessages(): void {
    for (const child of Array.from(this.log.children)) {
      if (!child.classList.contains('pending')) child.remove();
    }
    this.byId.clear();
    this.ended = false;
    this.seenSeq = 0;
    this.input.placeholder = this.t.typeYourMessagePlaceholder;
    this.showTyping(null);
  }

  /** Removes everything, including unsent messages (logout). */
  reset(): void {
    this.log.textContent = '';
    this.byId.clear();
    this.pending.clear();
    this.ended = false;
    this.seenSeq = 0;
    this.input.placeholder = this.t.typeYourMessagePlaceholder;
    this.showTyping(null);
    this.setUnread(0);
    this.setActiveChat(false);
  }

  hasMessage(id: string): boolean {
    return this.byId.has(id);
  }

  /** Adds a server message, replacing the optimistic copy with the same clientMessageId. */
  showMessage(message: Message): void {
    if (this.byId.has(message.id)) return;
    let node: HTMLElement | undefined;
    if (message.clientMessageId) {
      node = this.pending.get(message.clientMessageId);
      if (node) {
        this.pending.delete(message.clientMessageId);
        node.classList.remove('pending');
        node.removeAttribute('aria-busy');
        node.querySelector('.failed')?.remove();
        node.querySelector('progress')?.remove();
        node.remove();
      }
    }
    if (!node) node = this.createMessageNode(message.sender, message.clientMessageId ?? undefined);
    node.setAttribute('data-message-id', message.id);
    node.setAttribute('data-seq', String(message.seq));
    const text = displayText(message, this.log);
    (node.querySelector('.text') as HTMLElement).textContent = text;
    if (message.attachment) node.appendChild(this.createAttachment(message.attachment));
    if (message.sentAt) {
      const at = new Date(message.sentAt);
      if (!Number.isNaN(at.getTime())) node.title = at.toLocaleString();
    }
    if (message.sender !== 'visitor' && Array.isArray(message.buttons) && message.buttons.length) {
      node.appendChild(this.createReplies(message, this.ended));
    }
    this.byId.set(message.id, node);
    this.insertBySeq(node, message.seq);
    if (message.sender === 'visitor' && message.buttonId) this.markAnswered(message.buttonId);
    if (this.seenSeq >= message.seq) this.renderSeen();
    this.scrollToEnd();
  }

  /** Shows the visitor's message at once, before the server has it. */
  addPending(clientMessageId: string, text: string): void {
    if (this.pending.has(clientMessageId)) return;
    const node = this.createMessageNode('visitor', clientMessageId);
    node.classList.add('pending');
    node.setAttribute('aria-busy', 'true');
    (node.querySelector('.text') as HTMLElement).textContent = text;
    this.pending.set(clientMessageId, node);
    this.log.appendChild(node);
    this.scrollToEnd();
  }

  /** Shows a file the visitor is sending, with its upload's progress, before the server has it. */
  addPendingFile(clientMessageId: string, name: string): void {
    this.addPending(clientMessageId, name);
    const node = this.pending.get(clientMessageId);
    if (!node) return;
    const bar = el(this.doc, 'progress', 'upload', { max: '1', 'aria-label': `${this.t.uploading} ${name}`, 'data-testid': 'upload-progress' });
    node.appendChild(bar);
  }

  fileProgress(clientMessageId: string, fraction: number): void {
    const bar = this.pending.get(clientMessageId)?.querySelector('progress');
    if (bar) (bar as HTMLProgressElement).value = Math.max(0, Math.min(1, fraction));
  }

  /** The file was not sent: refused by the server (type, size) or lost on the way. */
  fileFailed(clientMessageId: string, refused: boolean): void {
    const node = this.pending.get(clientMessageId);
    if (!node) return;
    node.querySelector('progress')?.remove();
    node.querySelector('.failed')?.remove();
    const box = el(this.doc, 'div', 'failed', { role: 'alert', 'data-testid': 'upload-failed' });
    box.textContent = refused ? this.t.fileNotAccepted : this.t.uploadFailed;
    node.removeAttribute('aria-busy');
    node.appendChild(box);
  }

  /** Marks an optimistic message as not delivered, with a Retry link (or clears the mark). */
  markFailed(clientMessageId: string, failed: boolean): void {
    const node = this.pending.get(clientMessageId);
    if (!node) return;
    node.querySelector('.failed')?.remove();
    if (!failed) return;
    const d = this.doc;
    const box = el(d, 'div', 'failed');
    box.textContent = this.t.notDelivered;
    const retry = el(d, 'button', '', { type: 'button' });
    retry.textContent = this.t.retry;
    retry.addEventListener('click', () => {
      box.remove();
      this.cb.retry(clientMessageId);
    });
    box.appendChild(retry);
    node.appendChild(box);
  }

  /** Disables the quick replies of the message that offered `buttonId`. */
  markAnswered(buttonId: string, messageId?: string): void {
    const nodes = messageId ? [this.byId.get(messageId)] : Array.from(this.byId.values()).reverse();
    for (const node of nodes) {
      if (!node) continue;
      const buttons = Array.from(node.querySelectorAll<HTMLButtonElement>('button.reply'));
      const chosen = buttons.find((b) => b.getAttribute('data-button-id') === buttonId);
      if (!chosen) continue;
      for (const b of buttons) b.disabled = true;
      chosen.setAttribute('aria-pressed', 'true');
      return;
    }
  }

  notice(text: string): void {
    const node = el(this.doc, 'div', 'notice', { 'data-testid': 'notice' });
    node.textContent = text;
    this.log.appendChild(node);
    this.scrollToEnd();
  }

  /** Shows "Chat ended" once (saying why when the server said), and disables the remaining quick replies. */
  showEnded(reason?: string): void {
    if (this.ended) return;
    this.ended = true;
    this.showTyping(null);
    for (const b of Array.from(this.log.querySelectorAll<HTMLButtonElement>('button.reply'))) b.disabled = true;
    const why: Record<string, string> = { inactivity: this.t.chatEndedInactivity, agent: this.t.chatEndedByAgent };
    this.notice(why[reason ?? ''] ?? this.t.chatEnded);
    this.input.placeholder = this.t.typeToStartNewChat;
  }

  /**
   * "Seen" under the visitor's last message the agent has seen (up to `seq`); the mark only moves forward and
   * follows the messages shown later.
   */
  showSeen(seq: number): void {
    if (!this.log || !(seq > this.seenSeq)) return;
    this.seenSeq = seq;
    this.renderSeen();
  }

  /** The highest seq shown: what the visitor has in front of them. */
  lastSeq(): number {
    let last = 0;
    for (const node of this.byId.values()) last = Math.max(last, Number(node.getAttribute('data-seq')) || 0);
    return last;
  }

  private renderSeen(): void {
    this.log.querySelector('.seen')?.remove();
    let target: HTMLElement | null = null;
    let best = 0;
    for (const node of this.byId.values()) {
      const seq = Number(node.getAttribute('data-seq')) || 0;
      if (node.getAttribute('data-sender') === 'visitor' && seq <= this.seenSeq && seq > best) {
        best = seq;
        target = node;
      }
    }
    if (!target) return;
    const mark = el(this.doc, 'div', 'seen', { 'data-testid': 'seen' });
    mark.textContent = this.t.seen;
    target.appendChild(mark);
  }

  /** "You are number N in the queue (about M min)" while the chat waits for an agent; null hides it. */
  showQueuePosition(info: QueuePosition | null): void {
    if (!this.queueLine) return;
    this.queueLine.hidden = info === null;
    this.queueLine.textContent = info
      ? this.t.queuePosition
          .replace('{position}', String(info.position))
          .replace('{minutes}', String(Math.max(1, Math.round(info.estimatedWaitSeconds / 60))))
      : '';
  }

  showTyping(sender: Sender | null): void {
    if (this.typingTimer !== null) clearTimeout(this.typingTimer);
    this.typingTimer = null;
    if (!this.typing) return;
    if (!sender || sender === 'visitor') {
      this.typing.textContent = '';
      return;
    }
    this.typing.textContent = sender === 'agent' ? this.t.agentTyping : this.t.typing;
    this.typingTimer = setTimeout(() => this.showTyping(null), 6000);
  }

  /** Tab from the window's last control goes to its first (Shift+Tab the other way): focus stays in the open window. */
  private keepFocusInside(e: KeyboardEvent): void {
    const focusable = Array.from(this.win.querySelectorAll<HTMLElement>('button, input')).filter(
      (node) => !(node as HTMLButtonElement).disabled && !node.closest('[hidden]'),
    );
    if (!focusable.length) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const current = this.root?.activeElement;
    if (e.shiftKey && current === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && current === last) {
      e.preventDefault();
      first.focus();
    }
  }

  private createMessageNode(sender: Sender, clientMessageId?: string): HTMLElement {
    const safeSender: Sender = ['visitor', 'bot', 'agent', 'system'].includes(sender) ? sender : 'system';
    const node = el(this.doc, 'div', 'msg', { 'data-testid': 'message', 'data-sender': safeSender });
    if (clientMessageId) node.setAttribute('data-client-message-id', clientMessageId);
    // Texts come in any language: each bubble takes its own direction from its content.
    node.appendChild(el(this.doc, 'div', 'text', { dir: 'auto' }));
    return node;
  }

  /** An image as a preview (its name as alt text), anything else as a link named as the file; both open the file. */
  private createAttachment(attachment: Attachment): HTMLElement {
    const d = this.doc;
    const url = safeUrl(attachment.url);
    const link = el(d, 'a', attachment.contentType.startsWith('image/') ? '' : 'file', { target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'attachment' });
    if (url) link.href = url;
    if (attachment.contentType.startsWith('image/') && url) {
      const img = el(d, 'img', 'preview', { alt: attachment.name, 'data-testid': 'attachment-preview' });
      img.src = url;
      link.appendChild(img);
    } else {
      link.textContent = `${attachment.name} (${formatSize(attachment.size)})`;
    }
    return link;
  }

  private createReplies(message: Message, disabled: boolean): HTMLElement {
    const group = el(this.doc, 'div', 'replies', { role: 'group', 'aria-label': this.t.quickReplies });
    for (const button of message.buttons) {
      const b = el(this.doc, 'button', 'reply', { type: 'button', dir: 'auto', 'data-testid': 'quick-reply', 'data-button-id': String(button.id) });
      b.textContent = button.label;
      b.disabled = disabled;
      b.addEventListener('click', () => {
        if (b.disabled) return;
        this.markAnswered(String(button.id), message.id);
        this.cb.quickReply(message, button);
      });
      group.appendChild(b);
    }
    return group;
  }

  private insertBySeq(node: HTMLElement, seq: number): void {
    let before: Element | null = null;
    for (const child of Array.from(this.log.children)) {
      if (child.classList.contains('pending')) {
        before = child;
        break;
      }
      const s = child.getAttribute('data-seq');
      if (s !== null && Number(s) > seq) {
        before = child;
        break;
      }
    }
    this.log.insertBefore(node, before);
  }

  private scrollToEnd(): void {
    this.log.scrollTop = this.log.scrollHeight;
  }
}

function displayText(message: Message, log: HTMLElement): string {
  if (message.sender === 'visitor' && message.buttonId) {
    // A button reply reads as the label the visitor clicked, whatever text the server kept.
    const buttons = Array.from(log.querySelectorAll<HTMLElement>('button.reply')).reverse();
    for (const b of buttons) {
      if (b.getAttribute('data-button-id') === message.buttonId) return b.textContent ?? '';
    }
  }
  return message.text ? String(message.text) : '';
}

function el<K extends keyof HTMLElementTagNameMap>(
  d: Document,
  tag: K,
  className: string,
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = d.createElement(tag);
  if (className) node.className = className;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/** Only http(s) links are followed: a link is data from the network. */
function safeUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function icon(d: Document, pathData: string): SVGSVGElement {
  const svg = d.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = d.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', pathData);
  svg.appendChild(path);
  return svg;
}

function chatIcon(d: Document): SVGSVGElement {
  const svg = d.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = d.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', CHAT_ICON);
  svg.appendChild(path);
  return svg;
}
