// The offline form: when a transfer finds the department closed or nobody online, the server tells the visitor's
// tabs (offlineForm) and the widget shows this form instead of "Connecting you to an agent…". What the visitor
// leaves is stored as the room (POST /v1/rooms/{roomId}/offline-message) and reaches the agents' offline list.

import { ApiError, type ApiClient } from './api';
import type { Strings } from './locales';
import { field, node, panel } from './panel';

export interface OfflineFormUi {
  readonly strings: Strings;
  readonly document: Document;
  showPanel(panel: HTMLElement | null): void;
}

export interface OfflineForm {
  /** The server offered the form for this room (its event, or a transcript read that says so). */
  offered(roomId: string): void;
}

export function createOfflineForm(http: Pick<ApiClient, 'leaveOfflineMessage'>, ui: OfflineFormUi): OfflineForm {
  let shownFor: string | null = null;
  return {
    offered(roomId) {
      if (shownFor === roomId) return;
      shownFor = roomId;
      const t = ui.strings;
      const d = ui.document;
      const { root, status } = panel(d, 'offline-form', t.offlineTitle);
      const form = node(d, 'form', '', { 'data-testid': 'offline-form-fields' });
      form.noValidate = true;
      const name = node(d, 'input', '', { type: 'text', autocomplete: 'name', maxlength: '100', required: '', 'data-testid': 'offline-name' });
      const email = node(d, 'input', '', { type: 'email', autocomplete: 'email', maxlength: '254', required: '', 'data-testid': 'offline-email' });
      const message = node(d, 'textarea', '', { maxlength: '2000', required: '', 'data-testid': 'offline-message' });
      const send = node(d, 'button', 'primary', { type: 'submit', 'data-testid': 'offline-send' }, t.offlineSend);
      form.style.display = 'grid';
      form.style.gap = '8px';
      form.append(
        field(d, 'verloop-offline-name', t.offlineName, name),
        field(d, 'verloop-offline-email', t.offlineEmail, email),
        field(d, 'verloop-offline-message', t.offlineMessage, message),
        send,
      );
      root.append(node(d, 'p', '', {}, t.offlineIntro), form, status);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const body = { name: name.value.trim(), email: email.value.trim(), message: message.value.trim() };
        if (!body.name || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(body.email) || !body.message) {
          status.textContent = t.offlineCheckFields;
          return;
        }
        send.disabled = true;
        http.leaveOfflineMessage(roomId, body).then(
          () => {
            form.remove();
            status.className = 'status done';
            status.textContent = t.offlineSent;
          },
          (err: unknown) => {
            send.disabled = false;
            // 409: a message is already stored for this room (another tab sent it).
            if (err instanceof ApiError && err.status === 409) {
              form.remove();
              status.className = 'status done';
              status.textContent = t.offlineSent;
            } else status.textContent = t.offlineCheckFields;
          },
        );
      });
      ui.showPanel(root);
      name.focus();
    },
  };
}
