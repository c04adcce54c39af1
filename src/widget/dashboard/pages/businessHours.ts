import type { PageContext } from '../router';
import { el } from '../dom';
import { admin, ApiError } from '../api';

// Business hours per department: one opening per weekday in the department's IANA time zone, and holidays. Outside
// them a transfer offers the visitor the offline form instead of the queue. The API takes several openings a day;
// this form edits one (the first) per weekday and keeps it simple.

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

interface Opening {
  day: string;
  open: string;
  close: string;
}

export interface BusinessHours {
  timeZone: string;
  intervals: Opening[];
  holidays: string[];
}

export interface HoursDepartment {
  id: string;
  name: string;
  hours?: BusinessHours | null;
}

function explain(e: unknown): string {
  if (!(e instanceof ApiError)) return (e as Error).message;
  const fields = Object.entries(e.problem.errors ?? {});
  return fields.length ? fields.map(([field, messages]) => `${field}: ${messages.join(' ')}`).join(' ') : e.message;
}

export function businessHoursSection(context: PageContext): { section: HTMLElement; setDepartments(departments: HoursDepartment[]): void } {
  const section = el('section', { id: 'team-hours', class: 'panel' });
  let departments: HoursDepartment[] = [];
  const choose = el('select', { id: 'hours-department' }) as HTMLSelectElement;
  const zone = el('input', { id: 'hours-zone', placeholder: 'Europe/Berlin', autocomplete: 'off' }) as HTMLInputElement;
  const holidays = el('input', { id: 'hours-holidays', placeholder: '2026-12-25, 2026-12-26', autocomplete: 'off' }) as HTMLInputElement;
  const rows = DAYS.map((day) => {
    const open = el('input', { type: 'time', id: `hours-${day}-open`, 'aria-label': `${day} opens` }) as HTMLInputElement;
    const close = el('input', { type: 'time', id: `hours-${day}-close`, 'aria-label': `${day} closes` }) as HTMLInputElement;
    return { day, open, close, row: el('tr', {}, el('th', { scope: 'row' }, day[0].toUpperCase() + day.slice(1)), el('td', {}, open), el('td', {}, close)) };
  });
  const error = el('p', { class: 'error', role: 'alert', id: 'hours-error' });
  const save = el('button', { type: 'submit', class: 'primary' }, 'Save hours');
  const always = el('button', { type: 'button', id: 'hours-always' }, 'Always open');
  const form = el('form', { id: 'hours-form' },
    el('div', { class: 'row' },
      el('div', { class: 'field' }, el('label', { for: 'hours-department' }, 'Department'), choose),
      el('div', { class: 'field' }, el('label', { for: 'hours-zone' }, 'Time zone (IANA)'), zone),
      el('div', { class: 'field' }, el('label', { for: 'hours-holidays' }, 'Holidays (yyyy-mm-dd, comma-separated)'), holidays)),
    el('table', { id: 'hours-days' }, el('thead', {}, el('tr', {}, el('th', {}, 'Day'), el('th', {}, 'Opens'), el('th', {}, 'Closes (empty: closed)'))),
      el('tbody', {}, ...rows.map((r) => r.row))),
    el('div', { class: 'row' }, save, always), error);

  const show = () => {
    const d = departments.find((x) => x.id === choose.value);
    const hours = d?.hours ?? null;
    zone.value = hours?.timeZone ?? '';
    holidays.value = (hours?.holidays ?? []).join(', ');
    for (const r of rows) {
      const first = hours?.intervals.find((i) => i.day === r.day);
      r.open.value = first?.open ?? '';
      r.close.value = first?.close === '24:00' ? '23:59' : (first?.close ?? '');
    }
  };
  choose.addEventListener('change', show);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    const intervals = rows.filter((r) => r.open.value && r.close.value).map((r) => ({ day: r.day, open: r.open.value, close: r.close.value }));
    const body = { timeZone: zone.value.trim(), intervals, holidays: holidays.value.split(',').map((h) => h.trim()).filter(Boolean) };
    try {
      const saved = await admin<HoursDepartment>('PUT', `/api/v1/admin/departments/${encodeURIComponent(choose.value)}/hours`, body);
      departments = departments.map((d) => (d.id === saved.id ? saved : d));
      context.status(`Hours of ${saved.id} saved.`);
    } catch (err) {
      error.textContent = explain(err);
    }
  });
  always.addEventListener('click', async () => {
    error.textContent = '';
    try {
      const saved = await admin<HoursDepartment>('DELETE', `/api/v1/admin/departments/${encodeURIComponent(choose.value)}/hours`);
      departments = departments.map((d) => (d.id === saved.id ? saved : d));
      show();
      context.status(`${saved.id} is open at any hour.`);
    } catch (err) {
      error.textContent = explain(err);
    }
  });
  section.append(el('h2', {}, 'Business hours'),
    el('p', { class: 'muted' }, 'Outside these hours, or when nobody is online, a transfer offers the visitor a form to leave a message.'), form);

  return {
    section,
    setDepartments(next) {
      departments = next;
      const kept = choose.value;
      choose.replaceChildren(...next.map((d) => el('option', { value: d.id, selected: d.id === kept }, `${d.name} (${d.id})`)));
      form.hidden = next.length === 0;
      show();
    },
  };
}
