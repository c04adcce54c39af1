// The support lead's dashboard: one page per concern (pages/), on the admin API (api.ts). Signed in with the admin
// key, kept in sessionStorage only, so it is gone when the tab closes; or, where the deployment has App Service
// authentication, with Microsoft Entra ID (a platform cookie: the app never sees a password or keeps a key).

import { adminKey, ApiError, whoAmI } from './api';
import type { WhoAmI } from './api';
import { $, el } from './dom';
import type { Page, PageContext } from './router';
import { overviewPage } from './pages/overview';
import { recipePages } from './recipes';
import { teamPage } from './pages/team';
import { brandPage } from './pages/brand';
import { conversationsPage } from './pages/conversations/list';
import { conversationPage } from './pages/conversations/detail';
import { webhooksPage } from './pages/webhooks';

const pages: Page[] = [overviewPage, ...recipePages, conversationsPage, conversationPage, teamPage, brandPage];
pages.push(webhooksPage);

/** Who is signed in, once known; and where Microsoft sign-in is when this deployment has it. */
let me: WhoAmI | null = null;
let entraSignInUrl: string | null = null;

function status(text: string): void {
  $('status').textContent = text;
}

function navigate(path: string): void {
  if (path !== location.pathname) history.pushState(null, '', path);
  void show();
}

const context: PageContext = { status, navigate };

async function show(): Promise<void> {
  // Each visit renders into a view of its own: a page still loading when the lead moves on finishes into a view that
  // is no longer shown, instead of appending itself below the next page.
  const container = el('div', { class: 'view' });
  $('page').replaceChildren(container);
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
    if (e instanceof ApiError && e.problem.status === 401) {
      return signedOut(me?.method === 'entra' ? 'Your Microsoft sign-in has expired. Sign in again.' : 'The admin key was refused.');
    }
    status((e as Error).message);
  }
}

function signedOut(reason: string): void {
  adminKey.clear();
  me = null;
  $('page').hidden = true;
  $('nav').hidden = true;
  $('sign-out').hidden = true;
  $('who').textContent = '';
  $('signed-out').hidden = false;
  // Where the deployment signs users in with Microsoft, that is the way offered; the key stays one click away.
  const entra = $<HTMLAnchorElement>('entra-sign-in');
  entra.hidden = !entraSignInUrl;
  if (entraSignInUrl) entra.href = entraSignInUrl;
  $('key-sign-in').hidden = !!entraSignInUrl;
  $('use-key').hidden = !entraSignInUrl;
  status(reason);
}

/** Asks the app who this is (the key in this tab, or the platform's sign-in cookie); signs in or out by the answer. */
async function signIn(key?: string): Promise<void> {
  if (key !== undefined) adminKey.set(key);
  const triedKey = !!adminKey.get();
  try {
    me = await whoAmI();
  } catch (e) {
    const problem = e instanceof ApiError ? e.problem : null;
    if (problem && typeof problem.entraSignInUrl === 'string') entraSignInUrl = problem.entraSignInUrl;
    if (problem?.status === 401) signedOut(triedKey ? 'The admin key was refused.' : '');
    else if (problem?.status === 403) signedOut((e as Error).message);
    else signedOut(`Could not sign in: ${(e as Error).message}`);
    return;
  }
  entraSignInUrl = me.entraSignInUrl ?? null;
  $('who').textContent = me.method === 'entra' ? `Signed in as ${me.name}` : 'Signed in with the admin key';
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
  $('use-key').addEventListener('click', () => {
    $('key-sign-in').hidden = false;
    $('use-key').hidden = true;
    $('admin-key').focus();
  });
  $('sign-out').addEventListener('click', () => {
    const entra = me?.method === 'entra';
    adminKey.clear();
    if (entra) location.assign('/.auth/logout?post_logout_redirect_uri=/dashboard/');
    else location.reload();
  });
  void signIn();
}

init();
