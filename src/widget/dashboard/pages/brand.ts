import type { Page, PageContext } from '../router';
import { route } from '../router';
import { el } from '../dom';
import { admin, ApiError } from '../api';

// The widget's look per site: the title, accent colour, launcher side, team name and avatar, and the reply-time line.
// The preview beside the form is the widget's header and bubble in the chosen colour; the server refuses an accent
// white text cannot be read on (WCAG AA, 4.5:1) and says why, naming the field.

interface Brand {
  siteId: string;
  title?: string | null;
  accentColor?: string | null;
  launcherPosition?: 'left' | 'right' | null;
  teamName?: string | null;
  avatarUrl?: string | null;
  replyTime?: string | null;
  updatedAt?: string;
}

const DEFAULT_SITE = 'default';
const WIDGET_ACCENT = '#4f46e5';

function explain(e: unknown): string {
  if (!(e instanceof ApiError)) return (e as Error).message;
  const fields = Object.entries(e.problem.errors ?? {});
  return fields.length ? fields.map(([field, messages]) => `${field}: ${messages.join(' ')}`).join(' ') : e.message;
}

function field(id: string, label: string, input: HTMLElement, hint?: string): HTMLElement {
  input.id = id;
  const help = hint ? el('span', { class: 'muted', id: `${id}-hint` }, hint) : null;
  if (help) input.setAttribute('aria-describedby', help.id);
  return el('div', { class: 'field' }, el('label', { for: id }, label), input, help);
}

async function loadBrand(siteId: string): Promise<Brand> {
  try {
    return await admin<Brand>('GET', `/api/v1/admin/brands/${encodeURIComponent(siteId)}`);
  } catch (e) {
    if (e instanceof ApiError && e.problem.status === 404) return { siteId };
    throw e;
  }
}

function snippet(siteId: string): string {
  const src = `${location.origin}/api/widget.js${siteId === DEFAULT_SITE ? '' : `?site=${siteId}`}`;
  return `<script async src="${src}"></script>`;
}

function render(container: HTMLElement, sites: string[], brand: Brand, context: PageContext): void {
  const input = (value: string | null | undefined, attrs: Record<string, string> = {}) => {
    const node = el('input', { autocomplete: 'off', ...attrs }) as HTMLInputElement;
    node.value = value ?? '';
    return node;
  };
  const title = input(brand.title, { maxlength: '60', placeholder: 'Chat' });
  const accent = input(brand.accentColor ?? WIDGET_ACCENT, { type: 'color' });
  const side = el('select', {}, el('option', { value: 'right' }, 'Right'), el('option', { value: 'left' }, 'Left')) as HTMLSelectElement;
  side.value = brand.launcherPosition ?? 'right';
  const team = input(brand.teamName, { maxlength: '60' });
  const avatar = input(brand.avatarUrl, { type: 'url', maxlength: '500', placeholder: 'https://…' });
  const reply = input(brand.replyTime, { maxlength: '80', placeholder: 'We usually reply within an hour' });
  const error = el('p', { class: 'error', role: 'alert', id: 'brand-error' });

  const previewTitle = el('strong', { id: 'preview-title' });
  const previewLine = el('span', { id: 'preview-line' });
  const header = el('div', { id: 'preview-header', class: 'brand-header' }, previewTitle, previewLine);
  const bubble = el('div', { id: 'preview-bubble', class: 'brand-bubble', 'aria-hidden': 'true' }, '💬');
  const preview = el('div', { class: 'brand-preview', 'aria-label': 'Preview', role: 'img' }, header, bubble);
  const update = () => {
    previewTitle.textContent = title.value.trim() || 'Chat';
    previewLine.textContent = [team.value.trim(), reply.value.trim()].filter(Boolean).join(' · ');
    header.style.background = accent.value;
    bubble.style.background = accent.value;
    bubble.style.marginInlineStart = side.value === 'left' ? '0' : 'auto';
    preview.setAttribute('aria-label', `Preview: ${previewTitle.textContent}, accent ${accent.value}, launcher on the ${side.value}`);
  };
  for (const control of [title, accent, side, team, reply]) control.addEventListener('input', update);
  update();

  const form = el('form', { id: 'brand-form' },
    field('brand-title', 'Title', title, 'Shown in the window header; left empty, the widget says "Chat" in the visitor\'s language.'),
    field('brand-accent', 'Accent colour', accent, 'White text goes on it: it must be dark enough (contrast 4.5:1).'),
    field('brand-side', 'Launcher position', side),
    field('brand-team', 'Team name', team),
    field('brand-avatar', 'Team avatar (https URL)', avatar),
    field('brand-reply', 'Reply-time line', reply),
    el('div', { class: 'row' }, el('button', { type: 'submit', class: 'primary' }, 'Save'),
      brand.updatedAt ? el('button', { type: 'button', id: 'brand-reset', class: 'danger' }, 'Back to the widget\'s own look') : null),
    error);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    try {
      await admin('PUT', `/api/v1/admin/brands/${encodeURIComponent(brand.siteId)}`, {
        title: title.value, accentColor: accent.value, launcherPosition: side.value, teamName: team.value, avatarUrl: avatar.value, replyTime: reply.value,
      });
      context.status(`Saved. Pages of ${brand.siteId} show it within five minutes (their browsers keep the script that long).`);
    } catch (err) {
      error.textContent = explain(err);
    }
  });
  form.querySelector('#brand-reset')?.addEventListener('click', async () => {
    try {
      await admin('DELETE', `/api/v1/admin/brands/${encodeURIComponent(brand.siteId)}`);
      context.navigate(`/dashboard/brand/${encodeURIComponent(brand.siteId)}`);
    } catch (err) {
      error.textContent = explain(err);
    }
  });

  const picker = el('select', { id: 'brand-site' }) as HTMLSelectElement;
  for (const site of new Set([DEFAULT_SITE, ...sites, brand.siteId])) picker.append(el('option', { value: site }, site));
  picker.value = brand.siteId;
  picker.addEventListener('change', () => context.navigate(`/dashboard/brand/${encodeURIComponent(picker.value)}`));
  const newSite = el('input', { id: 'brand-new-site', pattern: '[a-z0-9\\-]{1,32}', maxlength: '32', autocomplete: 'off', 'aria-label': 'New site id' }) as HTMLInputElement;
  const add = el('form', { class: 'row', id: 'brand-add-site' }, newSite, el('button', { type: 'submit' }, 'Add a site'));
  add.addEventListener('submit', (e) => {
    e.preventDefault();
    if (newSite.checkValidity() && newSite.value) context.navigate(`/dashboard/brand/${encodeURIComponent(newSite.value)}`);
  });

  container.append(
    el('h1', {}, 'Brand'),
    el('section', { class: 'panel' },
      el('div', { class: 'row spread' }, field('brand-site', 'Site', picker), add),
      el('p', {}, 'The snippet for this site: ', el('code', { id: 'brand-snippet' }, snippet(brand.siteId)))),
    el('section', { class: 'panel brand-editor' }, form, preview),
  );
}

export const brandPage: Page = {
  title: 'Brand',
  path: '/dashboard/brand',
  match: (path) => route('/dashboard/brand', true)(path) ?? route('/dashboard/brand')(path),
  async render(container, params, context) {
    const siteId = params[0] ?? DEFAULT_SITE;
    const [{ brands }, brand] = await Promise.all([admin<{ brands: Brand[] }>('GET', '/api/v1/admin/brands'), loadBrand(siteId)]);
    render(container, brands.map((b) => b.siteId), brand, context);
  },
};
