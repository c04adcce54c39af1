// Transfer with a note: the agent who holds the open chat hands it to another agent or department
// (POST /api/v1/agent/rooms/{roomId}/transfer). The note is an internal note: agents see it, the visitor never does.

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

export interface Transferred {
  roomId: string;
  department: string;
  status: string;
  agentId?: string | null;
  offline?: boolean;
}

export class TransferControl {
  private readonly form: HTMLFormElement;
  private readonly department: HTMLInputElement;
  private readonly agent: HTMLInputElement;
  private readonly note: HTMLInputElement;
  private readonly button: HTMLButtonElement;

  constructor(
    root: HTMLElement,
    private readonly call: Call,
    private readonly current: () => { roomId: string; mine: boolean } | null,
    private readonly done: (result: Transferred) => void,
    private readonly status: (text: string) => void,
  ) {
    this.form = document.createElement('form');
    this.form.id = 'transfer-form';
    this.form.setAttribute('aria-label', 'Transfer the chat');
    const input = (id: string, label: string, placeholder: string): HTMLInputElement => {
      const l = document.createElement('label');
      l.htmlFor = id;
      l.textContent = label;
      const i = document.createElement('input');
      i.id = id;
      i.placeholder = placeholder;
      i.autocomplete = 'off';
      this.form.append(l, i);
      return i;
    };
    this.department = input('transfer-department', 'Department', 'e.g. support');
    this.agent = input('transfer-agent', 'Agent', 'agent id (optional)');
    this.note = input('transfer-note', 'Note for the agents', 'never shown to the visitor');
    this.note.maxLength = 2000;
    this.button = document.createElement('button');
    this.button.type = 'submit';
    this.button.id = 'transfer';
    this.button.textContent = 'Transfer';
    this.form.append(this.button);
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.submit();
    });
    root.appendChild(this.form);
    this.render();
  }

  /** Only the agent holding the open chat may transfer it. */
  render(): void {
    const chat = this.current();
    const enabled = !!chat && chat.mine;
    for (const el of [this.department, this.agent, this.note, this.button]) el.disabled = !enabled;
  }

  private async submit(): Promise<void> {
    const chat = this.current();
    if (!chat) return;
    const body = {
      department: this.department.value.trim() || undefined,
      agentId: this.agent.value.trim() || undefined,
      note: this.note.value.trim() || undefined,
    };
    try {
      const result = await this.call<Transferred>('POST', `/api/v1/agent/rooms/${encodeURIComponent(chat.roomId)}/transfer`, body);
      this.department.value = '';
      this.agent.value = '';
      this.note.value = '';
      this.status(result.agentId ? `Transferred to ${result.agentId}` : `Transferred to ${result.department}${result.offline ? ' (offline form offered)' : ''}`);
      this.done(result);
    } catch (e) {
      this.status(`Not transferred: ${(e as Error).message}`);
    }
  }
}
