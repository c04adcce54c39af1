// The support lead's dashboard: one page per concern (pages/), on the admin API (api.ts). Signed in with the admin
// key, kept in sessionStorage only, so it is gone when the tab closes.

import { admin, adminKey, ApiError } from './api';
import { $, el } from './dom';
import type { Page, PageContext } from './router';
import { overviewPage } from './pages/overview';
import { recipePages } from './recipes';
import { conversationsPage } from './pages/conversations/list';
import { conversationPage } from './pages/conversations/detail';

const pages: Page[] = [overviewPage, ...recipePages, conversationsPage, conversationPage];

function status(text: string): void {
  $('status').textContent = text;
}

function navigate(path: string): void {
  if (path !== location.pathname) history.pushState(null, '', path);
  void show();
}

const context: PageContext = { status, navigate };

async function show(): Promise<void> {
  const container = $('page');
  container.replaceChildren();
  status('');
  const path = location.pathname;
  let found: { page: Page; params: string[] } | null = null;
  for (const page of pages) {
    const params = page.match(path);
    if (params) {
      found = { page, params };
      break;
    }
  }
  for (const link of $('nav').querySelectorAll('a')) {
    if (found && link.getAttribute('href') === found.page.path) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (!found) {
    container.append(el('h1', {}, 'Not found'), el('p', {}, `There is no dashboard page at ${path}.`));
    return;
  }
  try {
    await found.page.render(container, found.params, context);
  } catch (e) {
    if (e instanceof ApiError && e.problem.status === 401) return signedOut('The admin key was refused.');
    status((e as Error).message);
  }
}

function signedOut(reason: string): void {
  adminKey.clear();
  $('page').hidden = true;
  $('nav').hidden = true;
  $('sign-out').hidden = true;
  $('signed-out').hidden = false;
  status(reason);
}

async function signIn(key: string): Promise<void> {
  adminKey.set(key);
  try {
    await admin('GET', '/api/v1/admin/recipes');
  } catch (e) {
    signedOut(e instanceof ApiError && e.problem.status === 401 ? 'The admin key was refused.' : `Could not sign in: ${(e as Error).message}`);
    return;
  }
  $('signed-out').hidden = true;
  $('page').hidden = false;
  $('nav').hidden = false;
  $('sign-out').hidden = false;
  await show();
}

function init(): void {
  const nav = $('nav');
  for (const page of pages) {
    if (!page.title) continue;
    nav.append(el('a', { href: page.path }, page.title));
  }
  document.addEventListener('click', (e) => {
    const link = (e.target as Element | null)?.closest?.('a');
    if (!link || link.target || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith('/dashboard')) return;
    e.preventDefault();
    navigate(url.pathname + url.search);
  });
  window.addEventListener('popstate', () => void show());
  $<HTMLFormElement>('sign-in').addEventListener('submit', (e) => {
    e.preventDefault();
    void signIn($<HTMLInputElement>('admin-key').value.trim());
  });
  $('sign-out').addEventListener('click', () => {
    adminKey.clear();
    location.reload();
  });
  const saved = adminKey.get();
  if (saved) void signIn(saved);
  else signedOut('');
}

init();
