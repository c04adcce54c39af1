// The visitor panel beside the chat: who the visitor is and how far to trust it. Everything the page said is
// marked as the page's word; a user id is "verified" only when the customer's server signed it.

export interface CustomFieldView {
  key: string;
  value: string;
  source?: string;
}

export interface VisitorProfile {
  roomId: string;
  visitor: { visitorId: string; userId?: string | null; userVerified: boolean; department?: string | null; pageAsserted: string[] };
  params: { name?: string | null; email?: string | null; phone?: string | null };
  userFields: CustomFieldView[];
  roomFields: CustomFieldView[];
  page?: { url: string; title?: string | null; seenAt: string } | null;
}

/** Fills `host` with the profile (or says there is none); every text through textContent. */
export function renderVisitorPanel(host: HTMLElement, profile: VisitorProfile | null): void {
  host.replaceChildren();
  const title = document.createElement('h2');
  title.textContent = 'Visitor';
  host.append(title);
  if (!profile) {
    const none = document.createElement('p');
    none.className = 'empty';
    none.textContent = 'Open a chat to see who you are talking to.';
    host.append(none);
    return;
  }
  const list = document.createElement('dl');
  const row = (term: string, value: string, testId?: string) => {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    if (testId) dd.dataset.testid = testId;
    list.append(dt, dd);
  };
  const v = profile.visitor;
  row('Name', profile.params.name || '—', 'visitor-name');
  if (profile.params.email) row('E-mail', profile.params.email, 'visitor-email');
  if (profile.params.phone) row('Phone', profile.params.phone, 'visitor-phone');
  row('User id', v.userId ? `${v.userId} · ${v.userVerified ? 'verified' : 'unverified (said by the page)'}` : 'anonymous', 'visitor-user');
  if (v.department) row('Department', v.pageAsserted.includes('department') ? `${v.department} (chosen by the page)` : v.department);
  const page = profile.page;
  row('Page', page ? `${page.title ? `${page.title} · ` : ''}${page.url}` : 'not reported', 'visitor-page');
  host.append(list);
  for (const [heading, fields] of [['User fields', profile.userFields], ['Chat fields', profile.roomFields]] as const) {
    if (!fields.length) continue;
    const h = document.createElement('h3');
    h.textContent = heading;
    const dl = document.createElement('dl');
    dl.className = 'fields';
    for (const f of fields) {
      const dt = document.createElement('dt');
      dt.textContent = f.key;
      const dd = document.createElement('dd');
      dd.textContent = f.source && f.source !== 'page' ? `${f.value} (${f.source})` : f.value;
      dl.append(dt, dd);
    }
    host.append(h, dl);
  }
}
