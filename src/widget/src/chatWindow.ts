// Whether the chat window is open, and the page's onChatMaximized / onChatMinimized that go with it. Minimizing
// hides the window and keeps the chat: the bubble then shows a dot while that chat is still going on.

import type { EventBus } from './events';
import type { ChatUI } from './ui';

export interface ChatWindow {
  readonly isOpen: boolean;
  /** Shows the window; onChatMaximized fires only when it was closed. */
  maximize(): void;
  /** Hides the window; onChatMinimized fires only when it was open. */
  minimize(): void;
}

/** `chatOngoing`: whether a chat goes on behind the minimized window (the bubble's dot). */
export function createChatWindow(ui: ChatUI, events: EventBus, chatOngoing: () => boolean): ChatWindow {
  let open = false;
  return {
    get isOpen() {
      return open;
    },
    maximize() {
      if (open) return;
      open = true;
      ui.showWindow();
      ui.focusInput();
      events.emit('onChatMaximized');
    },
    minimize() {
      if (!open) return;
      open = false;
      ui.hideWindow();
      ui.setActiveChat(chatOngoing());
      events.emit('onChatMinimized');
    },
  };
}
