// The rating: when a chat with an agent ends, the widget asks "How was your chat?" (1-5 and a comment). Whether to
// ask is the server's word (the transcript's csatPending: an agent took part and nobody rated it yet), so a chat the
// bot finished or one already rated in another tab is not asked again.

import { ApiError, type ApiClient } from './api';
import type { OfflineFormUi } from './offlineForm';
import { field, node, panel } from './panel';

export interface CsatPrompt {
  /** The room ended: asks when the server says the chat is to be rated. */
  chatEnded(roomId: string): void;
}

/** A transcript read past any message: only the room's flags come back. */
const FLAGS_ONLY = 1_000_000_000;

export function createCsatPrompt(http: Pick<ApiClient, 'getMessages' | 'submitCsat'>, ui: OfflineFormUi): CsatPrompt {
  let askedFor: string | null = null;

  function show(roomId: string): void {
    const t = ui.strings;
    const d = ui.document;
    const { root, status } = panel(d, 'csat', t.csatQuestion);
    let rating = 0;
    const stars = node(d, 'fieldset', 'stars', { 'data-testid': 'csat-stars' });
    stars.appendChild(node(d, 'legend', 'sr', {}, t.csatQuestion));
    const buttons: HTMLButtonElement[] = [];
    for (let n = 1; n <= 5; n++) {
      const star = node(d, 'button', 'star', {
        type: 'button',
        'aria-pressed': 'false',
        'aria-label': t.csatStars.replace('{n}', String(n)),
        'data-testid': `csat-star-${n}`,
      }, '★');
      star.addEventListener('click', () => {
        rating = n;
        buttons.forEach((b, i) => b.setAttribute('aria-pressed', String(i < n)));
      });
      buttons.push(star);
      stars.appendChild(star);
    }
    const comment = node(d, 'textarea', '', { maxlength: '1000', 'data-testid': 'csat-comment' });
    const send = node(d, 'button', 'primary', { type: 'button', 'data-testid': 'csat-send' }, t.csatSend);
    root.append(stars, field(d, 'verloop-csat-comment', t.csatComment, comment), send, status);
    send.addEventListener('click', () => {
      if (rating < 1) {
        buttons[0]?.focus();
        return;
      }
      send.disabled = true;
      const done = () => {
        stars.remove();
        comment.parentElement?.remove();
        send.remove();
        status.className = 'status done';
        status.textContent = t.csatThanks;
      };
      http.submitCsat(roomId, { rating, comment: comment.value.trim() || undefined }).then(done, (err: unknown) => {
        // 409: already rated (another tab): thank all the same.
        if (err instanceof ApiError && err.status === 409) done();
        else send.disabled = false;
      });
    });
    ui.showPanel(root);
  }

  return {
    chatEnded(roomId) {
      if (askedFor === roomId) return;
      askedFor = roomId;
      http.getMessages(roomId, FLAGS_ONLY).then(
        (transcript) => {
          if ((transcript as { csatPending?: boolean } | null)?.csatPending) show(roomId);
        },
        () => undefined,
      );
    },
  };
}
