import type { Page } from '../router';
import { route } from '../router';
import { admin } from '../api';
import { el } from '../dom';
import { bars, duration, type Overview, percent } from './conversations/format';

// The support lead's first look: chats per day, how many the bot finished alone, how fast agents answer, who waits.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 560;
const HEIGHT = 140;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  for (const child of children) node.append(child);
  return node;
}

function figure(id: string, label: string, value: string, hint: string): HTMLElement {
  return el('div', { class: 'figure panel', id }, el('div', { class: 'label' }, label), el('div', { class: 'value' }, value), el('div', { class: 'muted hint' }, hint));
}

function chart(overview: Overview): HTMLElement {
  const drawn = bars(overview.chatsPerDay, WIDTH, HEIGHT);
  const summary = overview.chatsPerDay.map((d) => `${d.date}: ${d.chats}`).join(', ');
  const picture = svg('svg', { viewBox: `0 -14 ${WIDTH} ${HEIGHT + 34}`, role: 'img', 'aria-label': `Chats per day. ${summary}`, class: 'chart', id: 'chats-chart' },
    ...drawn.flatMap((b) => [
      svg('rect', { x: b.x, y: b.y, width: b.width, height: b.height, class: b.chats ? 'bar' : 'bar empty', 'data-date': b.date, 'data-chats': b.chats },
        svg('title', {}, `${b.date}: ${b.chats} chat${b.chats === 1 ? '' : 's'}`)),
      svg('text', { x: b.x + b.width / 2, y: HEIGHT + 14, 'text-anchor': 'middle', class: 'tick' }, b.date.slice(8)),
      ...(b.chats ? [svg('text', { x: b.x + b.width / 2, y: b.y - 3, 'text-anchor': 'middle', class: 'count' }, String(b.chats))] : []),
    ]));
  return el('section', { class: 'panel', 'aria-label': 'Chats per day' }, el('h2', {}, `Chats per day, last ${overview.days} days`), picture);
}

export const overviewPage: Page = {
  title: 'Overview',
  path: '/dashboard/',
  match: route('/dashboard'),
  async render(container) {
    const overview = await admin<Overview>('GET', '/api/v1/admin/overview?days=14');
    const today = overview.chatsPerDay[overview.chatsPerDay.length - 1]?.chats ?? 0;
    container.append(
      el('h1', {}, 'Overview'),
      el('div', { class: 'figures' },
        figure('figure-today', 'Chats today', String(today), `${overview.chats} in ${overview.days} days`),
        figure('figure-waiting', 'Waiting now', String(overview.waitingNow), 'in an agent queue'),
        figure('figure-bot', 'Finished by the bot', percent(overview.botFinishedShare), `${overview.botFinished} of ${overview.ended} ended chats, no human`),
        figure('figure-reply', 'Median first agent reply', duration(overview.medianFirstReplySeconds), `from transfer, over ${overview.answered} answered chat${overview.answered === 1 ? '' : 's'}`)),
      chart(overview));
  },
};
