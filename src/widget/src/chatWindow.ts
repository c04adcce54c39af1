// Whether the chat window is open, and the page's onChatMaximized / onChatMinimized that go with it. Minimizing
// hides the window and keeps the chat: the bubble then shows a dot while that chat is still going on.

import type { EventBus } from './events';
import type { ChatUI } from './ui';

export class ChatWindow {
  private open = false;

  constructor(
    private readonly ui: ChatUI,
    private readonly events: EventBus,
    /** Whether a chat goes on behind the minimized window (the bubble's dot). */
    private readonly chatOngoing: () => boolean,
  ) {}

  get isOpen(): boolean {
    return this.open;
  }

  /** Shows the window; onChatMaximized fires only when it was closed. */
  maximize(): void {
    if (this.open) return;
    this.open = true;
    this.ui.showWindow();
    this.ui.focusInput();
    this.events.emit('onChatMaximized');
  }

  /** Hides the window; onChatMinimized fires only when it was open. */
  minimize(): void {
    if (!this.open) return;
    this.open = false;
    this.ui.hideWindow();
    this.ui.setActiveChat(this.chatOngoing());
    this.events.emit('onChatMinimized');
  }
}
