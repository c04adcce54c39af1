import type { Page } from '../../router';
import { admin, adminKey } from '../../api';
import { el } from '../../dom';
import { type Attachment, type ConversationDetail, type Field, fileSize, when, SENDER_LABELS } from './format';
import { placeNotes } from './notes';
import { feedbackSection } from './feedback';

// One room: the transcript with who said what and when, and beside it what the page told us about the visitor
// (params, custom fields of both scopes), with whether the customer's server vouched for the user id.

function definitions(rows: [string, string | Node][]): HTMLElement {
  return el('dl', {}, ...rows.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
}

function fields(title: string, id: string, list: Field[]): HTMLElement {
  return el('section', { id, 'aria-label': title }, el('h3', {}, title),
    list.length === 0 ? el('p', { class: 'muted' }, 'None.') : definitions(list.map((f) => [f.key, f.value])));
}

// A file of the chat: a link through the read link the API signed (the container is private), an image shown small.
function attachment(file: Attachment): HTMLElement {
  const label = `${file.name} (${fileSize(file.size)})`;
  if (!file.url) return el('div', { class: 'attachment muted' }, label);
  const link = el('a', { class: 'attachment', href: file.url, target: '_blank', rel: 'noopener noreferrer' }, label);
  return file.contentType.startsWith('image/')
    ? el('div', { class: 'attachment' }, el('img', { src: file.url, alt: file.name, loading: 'lazy', class: 'attachment-image' }), link)
    : link;
}

// The transcript as a text file: fetched with the admin key (a plain link would carry none), then saved.
async function downloadTranscript(roomId: string): Promise<void> {
  const key = adminKey.get();
  const response = await fetch(`${location.origin}/api/v1/admin/conversations/${encodeURIComponent(roomId)}/transcript?format=text`,
    { headers: key ? { 'x-admin-key': key } : {}, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`The transcript could not be exported (HTTP ${response.status}).`);
  const url = URL.createObjectURL(await response.blob());
  const save = el('a', { href: url, download: `transcript-${roomId}.txt` });
  document.body.append(save);
  save.click();
  save.remove();
  URL.revokeObjectURL(url);
}

export const conversationPage: Page = {
  path: '/dashboard/conversations',
  match: (path) => {
    const m = /^\/dashboard\/conversations\/([^/]+)\/?$/.exec(path);
    return m ? [decodeURIComponent(m[1])] : null;
  },
  async render(container, [roomId], context) {
    const room = await admin<ConversationDetail>('GET', `/api/v1/admin/conversations/${encodeURIComponent(roomId)}`);
    const verified = room.userId
      ? el('span', { class: room.userVerified ? 'badge verified' : 'badge unverified' }, room.userVerified ? 'verified' : 'not verified')
      : el('span', { class: 'muted' }, 'anonymous visitor');
    const transcript = el('ol', { id: 'transcript', class: 'transcript', 'aria-label': 'Transcript' },
      ...room.messages.map((m) => el('li', { class: `message from-${m.sender}`, 'data-seq': String(m.seq) },
        el('div', { class: 'meta' },
          el('strong', {}, SENDER_LABELS[m.sender] ?? m.sender, m.agentId ? ` (${m.agentId})` : ''),
          ' ', el('time', { datetime: m.sentAt }, when(m.sentAt, true))),
        m.text ? el('div', { class: 'text' }, m.text) : null,
        m.attachment ? attachment(m.attachment) : null)));
    placeNotes(transcript, room.notes ?? []);
    const visitor = el('aside', { id: 'visitor', class: 'panel', 'aria-label': 'Visitor' },
      el('h2', {}, 'Visitor'),
      definitions([
        ['Name', room.params.name ?? '–'],
        ['E-mail', room.params.email ?? '–'],
        ['Phone', room.params.phone ?? '–'],
        ['User id', el('span', {}, room.userId ? `${room.userId} ` : '', verified)],
      ]),
      fields('User fields', 'user-fields', room.userFields),
      fields('Room fields', 'room-fields', room.roomFields),
      feedbackSection(room),
      room.pageAsserted.length ? el('p', { class: 'muted' }, `Said by the page, not your server: ${room.pageAsserted.join(', ')}.`) : null);
    const facts = el('p', { class: 'muted', id: 'room-facts' },
      `Status ${room.status}`, room.department ? ` · ${room.department}` : '', room.agentId ? ` · agent ${room.agentId}` : '',
      ` · started ${when(room.startedAt)}`, room.endedAt ? ` · ended ${when(room.endedAt)} (${room.endReason ?? ''})` : '',
      ` · recipe ${room.recipeId} v${room.recipeVersion}`);
    container.append(
      el('p', {}, el('a', { href: '/dashboard/conversations' }, '← Conversations')),
      el('h1', {}, `Conversation ${room.roomId}`),
      facts,
      el('p', {}, el('button', {
        type: 'button', id: 'export-transcript',
        onclick: () => { downloadTranscript(room.roomId).catch((e: Error) => context.status(e.message)); },
      }, 'Export transcript (text)')),
      el('div', { class: 'conversation' },
        el('section', { class: 'panel', 'aria-label': 'Messages' }, el('h2', {}, 'Transcript'),
          room.messages.length || room.notes?.length ? transcript : el('p', { class: 'muted' }, 'No messages.'),
          room.truncated ? el('p', { class: 'muted' }, 'Only the first messages are shown.') : null),
        visitor));
  },
};
