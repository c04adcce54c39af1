import { el } from '../../dom';

// What the visitor left besides the chat: the offline form's contact (the room is marked offline) and the rating of
// a chat with an agent (CSAT), as a label in the list and a section in the detail.

export interface Feedback {
  offline?: 'offered' | 'left' | null;
  contact?: { name: string; email: string } | null;
  csat?: { rating: number; comment?: string | null; submittedAt: string } | null;
}

/** Badges after the status: "offline message" and the stars. */
export function feedbackBadges(row: Feedback): (Node | string)[] {
  const badges: (Node | string)[] = [];
  if (row.offline === 'left') badges.push(' ', el('span', { class: 'badge offline', 'data-testid': 'offline-badge' }, 'offline message'));
  if (row.csat) badges.push(' ', el('span', { class: 'badge csat', 'data-testid': 'csat-badge', title: row.csat.comment ?? '' }, `${row.csat.rating}/5`));
  return badges;
}

/** The detail's section: who to answer and how the visitor rated the chat; null when there is neither. */
export function feedbackSection(room: Feedback): HTMLElement | null {
  if (!room.contact && !room.csat) return null;
  const rows: Node[] = [];
  if (room.contact) {
    rows.push(el('dt', {}, 'Offline message from'), el('dd', {}, `${room.contact.name} `, el('a', { href: `mailto:${room.contact.email}` }, room.contact.email)));
  }
  if (room.csat) {
    rows.push(el('dt', {}, 'Rating'), el('dd', { id: 'csat-rating' }, `${room.csat.rating} out of 5`));
    if (room.csat.comment) rows.push(el('dt', {}, 'Comment'), el('dd', {}, room.csat.comment));
  }
  return el('section', { id: 'feedback', 'aria-label': 'Feedback' }, el('h3', {}, 'Feedback'), el('dl', {}, ...rows));
}
