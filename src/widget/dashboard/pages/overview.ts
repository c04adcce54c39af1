import type { Page } from '../router';
import { route } from '../router';
import { el } from '../dom';

// A placeholder until the overview figures exist: the shell needs one page at /dashboard/.
export const overviewPage: Page = {
  title: 'Overview',
  path: '/dashboard/',
  match: route('/dashboard'),
  render(container) {
    container.append(el('h1', {}, 'Overview'), el('p', { class: 'muted' }, 'Figures will appear here.'));
  },
};
