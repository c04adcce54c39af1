import type { Page, PageContext } from '../../router';
import { route } from '../../router';
import { admin } from '../../api';
import { el } from '../../dom';
import { feedbackBadges } from './feedback';
import { apiQuery, type ConversationPage, FILTERS, when, SENDER_LABELS } from './format';

// The conversations list: the filters live in the URL (?status=…&q=…), so a search can be shared, reloaded and gone
// back to; "Next page" adds the server's continuation token to the same URL.

const BASE = '/dashboard/conversations';

function field(label: string, input: HTMLElement): HTMLElement {
  return el('div', { class: 'field' }, el('label', { for: input.id }, label), input);
}

function filtersForm(params: URLSearchParams, departments: string[], context: PageContext): HTMLFormElement {
  const status = el('select', { id: 'filter-status', name: 'status' },
    ...[['', 'Any'], ['open', 'Open (bot)'], ['waiting', 'Waiting'], ['agent', 'With an agent'], ['ended', 'Ended']]
      .map(([value, label]) => el('option', { value, selected: params.get('status') === value }, label)));
  const department = el('input', { id: 'filter-department', name: 'department', list: 'filter-departments', value: params.get('department') ?? '' });
  const list = el('datalist', { id: 'filter-departments' }, ...departments.map((d) => el('option', { value: d })));
  const userId = el('input', { id: 'filter-userId', name: 'userId', value: params.get('userId') ?? '' });
  const from = el('input', { id: 'filter-from', name: 'from', type: 'date', value: params.get('from') ?? '' });
  const to = el('input', { id: 'filter-to', name: 'to', type: 'date', value: params.get('to') ?? '' });
  const q = el('input', { id: 'filter-q', name: 'q', type: 'search', value: params.get('q') ?? '', placeholder: 'A word from the chat' });
  const form = el('form', { id: 'conversation-filters', class: 'filters panel', role: 'search', 'aria-label': 'Filter conversations' },
    field('Status', status), field('Department', department), list, field('User id', userId),
    field('Started from', from), field('Started until', to), field('Text', q),
    field('Offline messages', el('select', { id: 'filter-offline', name: 'offline' },
      el('option', { value: '', selected: params.get('offline') !== 'true' }, 'All chats'),
      el('option', { value: 'true', selected: params.get('offline') === 'true' }, 'Only offline messages'))),
    el('div', { class: 'field actions' }, el('button', { type: 'submit', class: 'primary' }, 'Search'),
      el('a', { href: BASE }, 'Clear')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const value = (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim();
      if (value) next.set(name, value);
    }
    const query = next.toString();
    context.navigate(query ? `${BASE}?${query}` : BASE);
  });
  return form;
}

function table(page: ConversationPage): HTMLElement {
  if (page.conversations.length === 0)
    return el('p', { class: 'muted', id: 'conversations-empty' }, page.continuationToken ? 'No match among the rooms looked at so far.' : 'No conversations match.');
  const head = el('tr', {}, ...['Started', 'Visitor', 'Status', 'Department', 'Agent', 'Messages', 'Last message'].map((h) => el('th', { scope: 'col' }, h)));
  const rows = page.conversations.map((c) => {
    const href = `${BASE}/${encodeURIComponent(c.roomId)}`;
    const visitor = c.visitorName ?? c.userId ?? 'Anonymous';
    const last = c.lastMessage ? `${SENDER_LABELS[c.lastMessage.sender] ?? c.lastMessage.sender}: ${c.lastMessage.text}` : '';
    const row = el('tr', { 'data-room-id': c.roomId, class: 'clickable' },
      el('td', {}, el('a', { href, title: c.roomId }, when(c.startedAt))),
      el('td', {}, visitor, c.userId && c.visitorName ? el('span', { class: 'muted' }, ` (${c.userId})`) : null),
      el('td', {}, el('span', { class: `badge status-${c.status}` }, c.status), ...feedbackBadges(c)),
      el('td', {}, c.department ?? ''),
      el('td', {}, c.agentId ?? ''),
      el('td', { class: 'number' }, String(c.messageCount)),
      el('td', { class: 'preview' }, last));
    // The whole row opens the room; the link in it is what the keyboard reaches.
    row.addEventListener('click', (e) => {
      if ((e.target as Element).closest('a')) return;
      row.querySelector('a')?.click();
    });
    return row;
  });
  return el('table', { id: 'conversations' }, el('caption', { class: 'sr-only' }, 'Conversations, newest first'), el('thead', {}, head), el('tbody', {}, ...rows));
}

export const conversationsPage: Page = {
  title: 'Conversations',
  path: BASE,
  match: route(BASE),
  async render(container, _params, context) {
    const params = new URLSearchParams(location.search);
    container.append(el('h1', {}, 'Conversations'));
    const departments = await admin<{ departments: { id: string }[] }>('GET', '/api/v1/admin/departments')
      .then((d) => d.departments.map((x) => x.id))
      .catch(() => [] as string[]);
    container.append(filtersForm(params, departments, context));
    const page = await admin<ConversationPage>('GET', `/api/v1/admin/conversations${apiQuery(location.search)}`);
    container.append(table(page));
    const nav = el('div', { class: 'row pager' });
    if (params.get('continuationToken')) {
      const first = new URLSearchParams(params);
      first.delete('continuationToken');
      const query = first.toString();
      nav.append(el('a', { href: query ? `${BASE}?${query}` : BASE }, 'First page'));
    }
    if (page.continuationToken) {
      const next = new URLSearchParams(params);
      next.set('continuationToken', page.continuationToken);
      nav.append(el('a', { href: `${BASE}?${next.toString()}`, id: 'next-page', class: 'button' }, 'Next page'));
    }
    container.append(nav);
  },
};
