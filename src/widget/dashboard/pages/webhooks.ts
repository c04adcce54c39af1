import type { Page, PageContext } from '../router';
import { route } from '../router';
import { el } from '../dom';
import { admin, ApiError } from '../api';

// Chat-event webhooks: subscribe a URL to event types (the secret is shown once), turn a subscription on or off,
// rotate its secret, see its dead letters and resend them.

interface Subscription {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  description?: string | null;
  createdAt: string;
  deadLetters: number;
}

interface WithSecret {
  subscription: Subscription;
  secret: string;
}

interface DeadLetter {
  eventId: string;
  type: string;
  roomId?: string | null;
  attempts: number;
  lastError: string;
  failedAt: string;
}

interface Resent {
  eventId: string;
  delivered: boolean;
  error?: string | null;
}

/** The problem's message, with the field the server named when it named one. */
function explain(e: unknown): string {
  if (!(e instanceof ApiError)) return (e as Error).message;
  const fields = Object.entries(e.problem.errors ?? {});
  return fields.length ? fields.map(([field, messages]) => `${field}: ${messages.join(' ')}`).join(' ') : e.message;
}

const path = (id: string, rest = ''): string => `/api/v1/admin/webhooks/${encodeURIComponent(id)}${rest}`;

/** The secret, shown this once, with a copy button. */
function secretPanel(host: HTMLElement, shown: WithSecret, why: string): void {
  const value = el('input', { id: 'webhook-secret', readonly: true, value: shown.secret, 'aria-label': 'Signing secret' }) as HTMLInputElement;
  const copy = el('button', { type: 'button' }, 'Copy');
  copy.addEventListener('click', async () => {
    value.select();
    try {
      await navigator.clipboard.writeText(shown.secret);
      copy.textContent = 'Copied';
    } catch {
      copy.textContent = 'Select and copy';
    }
  });
  host.replaceChildren(el('div', { class: 'panel' },
    el('p', {}, `${why} Put this signing secret in your receiver for ${shown.subscription.url}; it is not shown again.`),
    el('div', { class: 'row' }, value, copy)));
}

async function renderDeadLetters(host: HTMLElement, s: Subscription, refresh: () => Promise<void>): Promise<void> {
  const { items } = await admin<{ items: DeadLetter[] }>('GET', path(s.id, '/dead-letters'));
  const body = el('tbody');
  for (const d of items) {
    const resend = el('button', { type: 'button' }, 'Resend');
    const result = el('td', { 'aria-live': 'polite' });
    resend.addEventListener('click', async () => {
      try {
        const r = await admin<Resent>('POST', path(s.id, `/dead-letters/${encodeURIComponent(d.eventId)}/resend`));
        result.textContent = r.delivered ? 'Delivered' : `Not delivered: ${r.error ?? ''}`;
        if (r.delivered) await refresh();
      } catch (e) {
        result.textContent = explain(e);
      }
    });
    body.append(el('tr', { 'data-event-id': d.eventId },
      el('td', {}, el('code', {}, d.eventId)), el('td', {}, d.type), el('td', {}, d.roomId ?? ''),
      el('td', {}, `${d.attempts} tries, last ${new Date(d.failedAt).toLocaleString()}: ${d.lastError}`), el('td', {}, resend), result));
  }
  if (items.length === 0) body.append(el('tr', {}, el('td', { colspan: '6', class: 'muted' }, 'No dead letters.')));
  host.replaceChildren(el('h3', {}, `Dead letters of ${s.url}`), el('table', { id: 'dead-letters' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Event'), el('th', {}, 'Type'), el('th', {}, 'Room'), el('th', {}, 'Failure'), el('th', {}, ''), el('th', {}, 'Result'))), body));
}

async function renderList(list: HTMLElement, details: HTMLElement, secret: HTMLElement, context: PageContext): Promise<string[]> {
  const { items, eventTypes } = await admin<{ items: Subscription[]; eventTypes: string[] }>('GET', '/api/v1/admin/webhooks');
  const refresh = async (): Promise<void> => void (await renderList(list, details, secret, context));
  const body = el('tbody');
  for (const s of items) {
    const enabled = el('input', { type: 'checkbox', 'aria-label': `${s.url} is enabled` }) as HTMLInputElement;
    enabled.checked = s.enabled;
    enabled.addEventListener('change', async () => {
      try {
        await admin('PUT', path(s.id), { url: s.url, events: s.events, enabled: enabled.checked, description: s.description ?? null });
        context.status('');
      } catch (e) {
        enabled.checked = !enabled.checked;
        context.status(`Could not change ${s.url}: ${explain(e)}`);
      }
    });
    const letters = el('button', { type: 'button' }, `Dead letters (${s.deadLetters})`);
    letters.addEventListener('click', () => void renderDeadLetters(details, s, refresh).catch((e) => context.status(explain(e))));
    const rotate = el('button', { type: 'button' }, 'Rotate secret');
    rotate.addEventListener('click', async () => {
      try {
        secretPanel(secret, await admin<WithSecret>('POST', path(s.id, '/secret')), 'The old secret no longer signs.');
      } catch (e) {
        context.status(explain(e));
      }
    });
    const remove = el('button', { type: 'button', class: 'danger' }, 'Delete');
    remove.addEventListener('click', async () => {
      try {
        await admin('DELETE', path(s.id));
        details.replaceChildren();
        await refresh();
      } catch (e) {
        context.status(`Could not delete ${s.url}: ${explain(e)}`);
      }
    });
    body.append(el('tr', { 'data-webhook-id': s.id },
      el('td', {}, el('code', {}, s.url), s.description ? el('div', { class: 'muted' }, s.description) : ''),
      el('td', {}, s.events.join(', ')), el('td', {}, enabled),
      el('td', {}, el('span', { class: 'row' }, letters, rotate, remove))));
  }
  if (items.length === 0) body.append(el('tr', {}, el('td', { colspan: '4', class: 'muted' }, 'No subscriptions yet.')));
  list.replaceChildren(el('table', { id: 'webhooks' },
    el('thead', {}, el('tr', {}, el('th', {}, 'URL'), el('th', {}, 'Events'), el('th', {}, 'Enabled'), el('th', {}, ''))), body));
  return eventTypes;
}

function createForm(eventTypes: string[], onCreated: (created: WithSecret) => Promise<void>): HTMLElement {
  const url = el('input', { id: 'webhook-url', type: 'url', required: true, maxlength: '2048', placeholder: 'https://crm.example.com/livechat-events', autocomplete: 'off' }) as HTMLInputElement;
  const description = el('input', { id: 'webhook-description', maxlength: '200', autocomplete: 'off' }) as HTMLInputElement;
  const choices = el('fieldset', { id: 'webhook-events' }, el('legend', {}, 'Events'));
  for (const type of eventTypes) {
    const box = el('input', { type: 'checkbox', id: `webhook-event-${type.replace('.', '-')}`, value: type }) as HTMLInputElement;
    choices.append(el('label', { for: box.id, class: 'check' }, box, ` ${type}`));
  }
  const error = el('p', { class: 'error', role: 'alert' });
  const form = el('form', { id: 'new-webhook' },
    el('div', { class: 'row' },
      el('div', { class: 'field' }, el('label', { for: url.id }, 'URL'), url),
      el('div', { class: 'field' }, el('label', { for: description.id }, 'Description'), description)),
    choices, el('button', { type: 'submit', class: 'primary' }, 'Subscribe'), error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    const events = [...choices.querySelectorAll<HTMLInputElement>('input:checked')].map((c) => c.value);
    try {
      const created = await admin<WithSecret>('POST', '/api/v1/admin/webhooks', { url: url.value.trim(), events, description: description.value.trim() || null });
      url.value = '';
      description.value = '';
      await onCreated(created);
    } catch (err) {
      error.textContent = explain(err);
    }
  });
  return form;
}

export const webhooksPage: Page = {
  title: 'Webhooks',
  path: '/dashboard/webhooks',
  match: route('/dashboard/webhooks'),
  async render(container, _params, context) {
    const list = el('div', { id: 'webhook-list' });
    const details = el('section', { id: 'webhook-details', 'aria-live': 'polite' });
    const secret = el('div', { id: 'webhook-secret-panel', 'aria-live': 'polite' });
    const eventTypes = await renderList(list, details, secret, context);
    const form = createForm(eventTypes, async (created) => {
      secretPanel(secret, created, 'Subscribed.');
      await renderList(list, details, secret, context);
    });
    container.append(el('h1', {}, 'Webhooks'),
      el('section', { class: 'panel' }, el('h2', {}, 'Subscriptions'), list, details),
      el('section', { class: 'panel' }, el('h2', {}, 'New subscription'), form, secret));
  },
};
