// The console's "Offline messages": what visitors left on the offline form in the agent's departments (GET
// /api/v1/agent/offline-messages), refreshed when a department's agents hear offlineMessage. Each is a room that
// ended; the agent answers by e-mail. Also shows the visitors' ratings (csat) as they come in.

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

interface Hub {
  on(name: string, handler: (arg: never) => void): void;
}

export interface OfflineConversation {
  roomId: string;
  department?: string | null;
  startedAt: string;
  contact?: { name: string; email: string } | null;
  lastMessage?: { text: string } | null;
}

export interface CsatNotice {
  roomId: string;
  agentId?: string | null;
  rating: number;
  comment?: string | null;
}

export class OfflineList {
  private readonly ratings = new Map<string, CsatNotice>();

  constructor(
    private readonly list: HTMLUListElement,
    private readonly call: Call,
    /** Where a rating of the open chat is shown. */
    private readonly ratingLine: HTMLElement,
    private readonly current: () => string | null,
  ) {}

  attach(hub: Hub): void {
    hub.on('offlineMessage', () => void this.refresh());
    hub.on('csat', (e: CsatNotice) => {
      this.ratings.set(e.roomId, e);
      this.showRating();
    });
  }

  /** The chat on screen changed, or its transcript said how it was rated. */
  rated(roomId: string, csat: { rating: number; comment?: string | null } | null | undefined): void {
    if (csat) this.ratings.set(roomId, { roomId, rating: csat.rating, comment: csat.comment });
    this.showRating();
  }

  showRating(): void {
    const roomId = this.current();
    const r = roomId ? this.ratings.get(roomId) : undefined;
    this.ratingLine.hidden = !r;
    this.ratingLine.textContent = r ? `Visitor's rating: ${r.rating}/5${r.comment ? ` – “${r.comment}”` : ''}` : '';
  }

  async refresh(): Promise<void> {
    let page: { conversations: OfflineConversation[] };
    try {
      page = await this.call<{ conversations: OfflineConversation[] }>('GET', '/api/v1/agent/offline-messages');
    } catch {
      return;
    }
    this.list.replaceChildren();
    if (page.conversations.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = 'No offline messages';
      this.list.appendChild(empty);
      return;
    }
    for (const c of page.conversations) {
      const li = document.createElement('li');
      li.dataset.roomId = c.roomId;
      li.className = 'offline-message';
      const text = document.createElement('span');
      const who = document.createElement('strong');
      who.textContent = c.contact?.name ?? 'Visitor';
      const mail = document.createElement('a');
      mail.href = `mailto:${c.contact?.email ?? ''}`;
      mail.textContent = c.contact?.email ?? '';
      const message = document.createElement('q');
      message.textContent = c.lastMessage?.text ?? '';
      const when = document.createElement('small');
      when.textContent = `${c.department ?? ''} · ${new Date(c.startedAt).toLocaleString()}`;
      text.append(who, ' ', mail, document.createElement('br'), message, document.createElement('br'), when);
      li.appendChild(text);
      this.list.appendChild(li);
    }
  }
}
