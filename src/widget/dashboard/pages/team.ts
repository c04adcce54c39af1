import type { Page, PageContext } from '../router';
import { route } from '../router';
import { el } from '../dom';
import { admin, ApiError } from '../api';
import { cannedResponsesSection } from './cannedResponses';

// Departments and agents: create and publish departments, invite agents with a one-time sign-in link, see who is
// online and how many chats each holds, revoke an agent.

interface Department {
  id: string;
  name: string;
  public: boolean;
}

interface Agent {
  agentId: string;
  name: string;
  departments: string[];
  online: boolean;
  lastSeenAt?: string | null;
  chatsHeld: number;
  invited: boolean;
  /** What routing sees: online (takes chats), away or offline; see the README's presence. */
  presence?: 'online' | 'away' | 'offline' | null;
  /** Most chats at once auto-assignment gives the agent. */
  capacity?: number | null;
}

interface Invitation {
  agentId: string;
  name: string;
  link: string;
  expiresAt: string;
}

const REFRESH_MS = 15_000;

/** The problem's message, with the field the server named when it named one. */
function explain(e: unknown): string {
  if (!(e instanceof ApiError)) return (e as Error).message;
  const fields = Object.entries(e.problem.errors ?? {});
  return fields.length ? fields.map(([field, messages]) => `${field}: ${messages.join(' ')}`).join(' ') : e.message;
}

function field(id: string, label: string, input: HTMLElement): HTMLElement {
  input.id = id;
  return el('div', { class: 'field' }, el('label', { for: id }, label), input);
}

async function renderDepartments(host: HTMLElement, context: PageContext, onChange: (departments: Department[]) => void): Promise<void> {
  const { departments } = await admin<{ departments: Department[] }>('GET', '/api/v1/admin/departments');
  onChange(departments);
  const body = el('tbody');
  for (const d of departments) {
    const toggle = el('input', { type: 'checkbox', 'aria-label': `${d.name} is public` }) as HTMLInputElement;
    toggle.checked = d.public;
    toggle.addEventListener('change', async () => {
      try {
        await admin('PUT', `/api/v1/admin/departments/${encodeURIComponent(d.id)}`, { name: d.name, public: toggle.checked });
        context.status('');
      } catch (e) {
        toggle.checked = !toggle.checked;
        context.status(`Could not change ${d.id}: ${explain(e)}`);
      }
    });
    const remove = el('button', { type: 'button', class: 'danger' }, 'Delete');
    remove.addEventListener('click', async () => {
      try {
        await admin('DELETE', `/api/v1/admin/departments/${encodeURIComponent(d.id)}`);
        await renderDepartments(host, context, onChange);
      } catch (e) {
        context.status(`Could not delete ${d.id}: ${explain(e)}`);
      }
    });
    body.append(el('tr', { 'data-department-id': d.id }, el('td', {}, el('code', {}, d.id)), el('td', {}, d.name), el('td', {}, toggle), el('td', {}, remove)));
  }
  if (departments.length === 0) body.append(el('tr', {}, el('td', { colspan: '4', class: 'muted' }, 'No departments yet.')));
  const table = el('table', { id: 'departments' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Id'), el('th', {}, 'Name'), el('th', {}, 'Public (pages may choose it)'), el('th', {}, ''))), body);

  const id = el('input', { required: true, maxlength: '64', pattern: '[A-Za-z0-9_.\\-]+', autocomplete: 'off' }) as HTMLInputElement;
  const name = el('input', { required: true, maxlength: '100', autocomplete: 'off' }) as HTMLInputElement;
  const isPublic = el('input', { type: 'checkbox' }) as HTMLInputElement;
  const error = el('p', { class: 'error', role: 'alert' });
  const form = el('form', { id: 'new-department', class: 'row' },
    field('department-id', 'Id', id), field('department-name', 'Name', name), field('department-public', 'Public', isPublic),
    el('button', { type: 'submit', class: 'primary' }, 'Create department'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    try {
      await admin('PUT', `/api/v1/admin/departments/${encodeURIComponent(id.value.trim())}`, { name: name.value.trim(), public: isPublic.checked });
      await renderDepartments(host, context, onChange);
    } catch (err) {
      error.textContent = explain(err);
    }
  });
  host.replaceChildren(el('h2', {}, 'Departments'), table, el('h3', {}, 'New department'), form, error);
}

function agentState(a: Agent): string {
  if (a.invited) return 'invited';
  return a.online ? 'online' : 'offline';
}

async function renderAgents(list: HTMLElement, context: PageContext): Promise<void> {
  const { agents } = await admin<{ agents: Agent[] }>('GET', '/api/v1/admin/agents');
  const body = el('tbody');
  for (const a of agents) {
    const revoke = el('button', { type: 'button', class: 'danger' }, 'Revoke');
    const cell = el('td', {}, revoke);
    revoke.addEventListener('click', () => {
      const yes = el('button', { type: 'button', class: 'danger' }, `Sign ${a.name} out everywhere`);
      const no = el('button', { type: 'button' }, 'Cancel');
      no.addEventListener('click', () => cell.replaceChildren(revoke));
      yes.addEventListener('click', async () => {
        try {
          await admin('DELETE', `/api/v1/admin/agents/${encodeURIComponent(a.agentId)}/tokens`);
          context.status(`${a.name} was signed out everywhere.`);
          await renderAgents(list, context);
        } catch (e) {
          context.status(`Could not revoke ${a.agentId}: ${explain(e)}`);
        }
      });
      cell.replaceChildren(el('span', { class: 'row' }, yes, no));
      yes.focus();
    });
    const state = agentState(a);
    const capacity = el('input', { type: 'number', min: '0', max: '100', class: 'capacity', 'aria-label': `Capacity of ${a.name}` }) as HTMLInputElement;
    capacity.value = String(a.capacity ?? '');
    capacity.addEventListener('change', async () => {
      try {
        const set = await admin<{ capacity: number }>('PUT', `/api/v1/admin/agents/${encodeURIComponent(a.agentId)}/capacity`, {
          capacity: capacity.value === '' ? null : Number(capacity.value),
        });
        capacity.value = String(set.capacity);
        context.status(`${a.name} takes up to ${set.capacity} chats at once.`);
      } catch (e) {
        context.status(`Could not set the capacity of ${a.agentId}: ${explain(e)}`);
      }
    });
    body.append(el('tr', { 'data-agent-id': a.agentId },
      el('td', {}, a.name, ' ', el('span', { class: 'muted' }, `(${a.agentId})`)),
      el('td', {}, a.departments.join(', ')),
      el('td', { class: `state ${state}`, 'data-state': state, title: a.lastSeenAt ? `Last seen ${new Date(a.lastSeenAt).toLocaleString()}` : 'Never seen' }, state),
      el('td', { class: 'chats' }, String(a.chatsHeld)),
      el('td', { class: `presence ${a.presence ?? ''}`, 'data-presence': a.presence ?? '' }, a.presence ?? ''),
      el('td', {}, capacity),
      cell));
  }
  if (agents.length === 0) body.append(el('tr', {}, el('td', { colspan: '7', class: 'muted' }, 'No agents yet: invite one below.')));
  list.replaceChildren(el('table', { id: 'agents' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Agent'), el('th', {}, 'Departments'), el('th', {}, 'Status'), el('th', {}, 'Chats held'), el('th', {}, 'Presence'), el('th', {}, 'Capacity'), el('th', {}, ''))),
    body));
}

function inviteForm(list: HTMLElement, context: PageContext): { form: HTMLElement; setDepartments(departments: Department[]): void } {
  const agentId = el('input', { required: true, maxlength: '64', pattern: '[A-Za-z0-9_.\\-]+', autocomplete: 'off' }) as HTMLInputElement;
  const name = el('input', { required: true, maxlength: '100', autocomplete: 'off' }) as HTMLInputElement;
  const choices = el('fieldset', { id: 'invite-departments' });
  const error = el('p', { class: 'error', role: 'alert' });
  const result = el('div', { id: 'invitation', 'aria-live': 'polite' });
  const form = el('form', { id: 'invite-agent' },
    el('div', { class: 'row' }, field('invite-agent-id', 'Agent id', agentId), field('invite-name', 'Name', name)),
    choices,
    el('button', { type: 'submit', class: 'primary' }, 'Invite agent'),
    error, result);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    result.replaceChildren();
    const departments = [...choices.querySelectorAll<HTMLInputElement>('input:checked')].map((c) => c.value);
    try {
      const invited = await admin<Invitation>('POST', '/api/v1/admin/agents/invitations', { agentId: agentId.value.trim(), name: name.value.trim(), departments });
      const url = new URL(invited.link, location.origin).toString();
      const link = el('input', { id: 'invite-link', readonly: true, value: url, 'aria-label': 'Sign-in link' }) as HTMLInputElement;
      const copy = el('button', { type: 'button' }, 'Copy');
      copy.addEventListener('click', async () => {
        link.select();
        try {
          await navigator.clipboard.writeText(url);
          copy.textContent = 'Copied';
        } catch {
          copy.textContent = 'Select and copy';
        }
      });
      result.replaceChildren(el('div', { class: 'panel' },
        el('p', {}, `Send this link to ${invited.name}. It signs them in once, until ${new Date(invited.expiresAt).toLocaleString()}; it is not shown again.`),
        el('div', { class: 'row' }, link, copy)));
      agentId.value = '';
      name.value = '';
      await renderAgents(list, context);
    } catch (err) {
      error.textContent = explain(err);
    }
  });
  return {
    form,
    setDepartments(departments) {
      const checked = new Set([...choices.querySelectorAll<HTMLInputElement>('input:checked')].map((c) => c.value));
      choices.replaceChildren(el('legend', {}, 'Departments'));
      for (const d of departments) {
        const box = el('input', { type: 'checkbox', id: `invite-dept-${d.id}`, value: d.id }) as HTMLInputElement;
        box.checked = checked.has(d.id);
        choices.append(el('label', { for: box.id, class: 'check' }, box, ` ${d.name}`));
      }
      if (departments.length === 0) choices.append(el('p', { class: 'muted' }, 'Create a department first: an agent serves one or more.'));
    },
  };
}

export const teamPage: Page = {
  title: 'Team',
  path: '/dashboard/team',
  match: route('/dashboard/team'),
  async render(container, _params, context) {
    const departments = el('section', { id: 'team-departments', class: 'panel' });
    const list = el('div', { id: 'agent-list' });
    const invite = inviteForm(list, context);
    const refresh = el('button', { type: 'button' }, 'Refresh');
    refresh.addEventListener('click', () => void renderAgents(list, context).catch((e) => context.status(explain(e))));
    const agents = el('section', { id: 'team-agents', class: 'panel' },
      el('div', { class: 'row spread' }, el('h2', {}, 'Agents'), refresh), list, el('h3', {}, 'Invite an agent'), invite.form);
    const canned = cannedResponsesSection(context);
    container.append(el('h1', {}, 'Team'), departments, agents, canned.section);
    const departmentsChanged = (d: Department[]) => {
      invite.setDepartments(d);
      canned.setDepartments(d);
    };
    await Promise.all([renderDepartments(departments, context, departmentsChanged), renderAgents(list, context)]);
    // Online and chats held change while the page is open; stops once another page replaced this one.
    const timer = setInterval(() => {
      if (!list.isConnected) clearInterval(timer);
      else void renderAgents(list, context).catch(() => undefined);
    }, REFRESH_MS);
  },
};
