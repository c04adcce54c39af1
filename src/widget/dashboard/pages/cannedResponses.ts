import type { PageContext } from '../router';
import { el } from '../dom';
import { admin, ApiError } from '../api';

// A department's canned responses on the team page: agents type "/shortcut" in the console to put the text in their
// message box. The admin picks a department, sees its responses, adds or replaces one, deletes one.

interface Department {
  id: string;
  name: string;
}

interface CannedResponse {
  shortcut: string;
  text: string;
}

function explain(e: unknown): string {
  if (!(e instanceof ApiError)) return (e as Error).message;
  const fields = Object.entries(e.problem.errors ?? {});
  return fields.length ? fields.map(([field, messages]) => `${field}: ${messages.join(' ')}`).join(' ') : e.message;
}

export function cannedResponsesSection(context: PageContext): { section: HTMLElement; setDepartments(departments: Department[]): void } {
  const picker = el('select', { id: 'canned-department' }) as HTMLSelectElement;
  const list = el('div', { id: 'canned-list' });
  const shortcut = el('input', { id: 'canned-shortcut', required: true, maxlength: '32', pattern: '[a-z0-9\\-]+', autocomplete: 'off' }) as HTMLInputElement;
  const text = el('textarea', { id: 'canned-text', required: true, maxlength: '2000', rows: '3' }) as HTMLTextAreaElement;
  const error = el('p', { class: 'error', role: 'alert' });
  const form = el('form', { id: 'new-canned' },
    el('div', { class: 'row' },
      el('div', { class: 'field' }, el('label', { for: shortcut.id }, 'Shortcut (after /)'), shortcut),
      el('div', { class: 'field grow' }, el('label', { for: text.id }, 'Text'), text)),
    el('button', { type: 'submit', class: 'primary' }, 'Save response'), error);
  const section = el('section', { id: 'team-canned', class: 'panel' },
    el('h2', {}, 'Canned responses'),
    el('div', { class: 'field' }, el('label', { for: picker.id }, 'Department'), picker), list, el('h3', {}, 'Add or replace'), form);

  const base = () => `/api/v1/admin/departments/${encodeURIComponent(picker.value)}/canned-responses`;
  async function load(): Promise<void> {
    if (!picker.value) {
      list.replaceChildren(el('p', { class: 'muted' }, 'Create a department first.'));
      return;
    }
    const { responses } = await admin<{ responses: CannedResponse[] }>('GET', base());
    const body = el('tbody');
    for (const r of responses) {
      const remove = el('button', { type: 'button', class: 'danger', 'aria-label': `Delete /${r.shortcut}` }, 'Delete');
      remove.addEventListener('click', async () => {
        try {
          await admin('DELETE', `${base()}/${encodeURIComponent(r.shortcut)}`);
          await load();
        } catch (e) {
          context.status(`Could not delete /${r.shortcut}: ${explain(e)}`);
        }
      });
      body.append(el('tr', { 'data-shortcut': r.shortcut }, el('td', {}, el('code', {}, `/${r.shortcut}`)), el('td', {}, r.text), el('td', {}, remove)));
    }
    if (responses.length === 0) body.append(el('tr', {}, el('td', { colspan: '3', class: 'muted' }, 'No canned responses in this department yet.')));
    list.replaceChildren(el('table', { id: 'canned-responses' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Shortcut'), el('th', {}, 'Text'), el('th', {}, ''))), body));
  }
  picker.addEventListener('change', () => void load().catch((e) => context.status(explain(e))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    try {
      await admin('PUT', `${base()}/${encodeURIComponent(shortcut.value.trim())}`, { text: text.value });
      shortcut.value = '';
      text.value = '';
      await load();
    } catch (err) {
      error.textContent = explain(err);
    }
  });
  return {
    section,
    setDepartments(departments) {
      const chosen = picker.value;
      picker.replaceChildren(...departments.map((d) => el('option', { value: d.id }, `${d.name} (${d.id})`)));
      if (departments.some((d) => d.id === chosen)) picker.value = chosen;
      void load().catch((e) => context.status(explain(e)));
    },
  };
}
