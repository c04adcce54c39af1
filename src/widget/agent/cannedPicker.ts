// The console's canned responses: typing "/" at the start of the message box lists the room's department's
// shortcuts that match what follows it; ArrowUp/ArrowDown move, Tab or Enter puts the response's text in the box
// (to edit before sending), Escape closes the list. The input is a combobox over the listbox, as WAI-ARIA has it.

export interface CannedResponse {
  shortcut: string;
  text: string;
}

/** The responses whose shortcut starts with what follows the "/" (all of them after a bare "/"); none without a "/". */
export function matchShortcuts(value: string, responses: readonly CannedResponse[]): CannedResponse[] {
  const m = /^\/([a-z0-9-]*)$/.exec(value);
  if (!m) return [];
  return responses.filter((r) => r.shortcut.startsWith(m[1])).slice(0, 8);
}

export class CannedPicker {
  private responses: CannedResponse[] = [];
  private shown: CannedResponse[] = [];
  private active = 0;

  constructor(private readonly input: HTMLInputElement, private readonly list: HTMLUListElement) {
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-expanded', 'false');
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Canned responses');
    input.addEventListener('input', () => this.update());
    input.addEventListener('keydown', (e) => this.key(e));
    // Later, so a click on an option lands first; and only if focus did not come back meanwhile (a quick refocus
    // and "/" must not have its fresh list closed by an old blur).
    input.addEventListener('blur', () => setTimeout(() => {
      if (input.ownerDocument.activeElement !== input) this.close();
    }, 150));
  }

  /** The room's department's responses (none: the list never opens). */
  use(responses: CannedResponse[]): void {
    this.responses = responses;
    this.update();
  }

  get isOpen(): boolean {
    return this.shown.length > 0;
  }

  private update(): void {
    this.shown = matchShortcuts(this.input.value, this.responses);
    this.active = 0;
    this.render();
  }

  private key(e: KeyboardEvent): void {
    if (!this.isOpen) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : this.shown.length - 1)) % this.shown.length;
      this.render();
    } else if (e.key === 'Tab' || e.key === 'Enter') {
      e.preventDefault();
      this.expand(this.shown[this.active]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.close();
    }
  }

  private expand(response: CannedResponse): void {
    this.input.value = response.text;
    this.close();
    this.input.focus();
    this.input.setSelectionRange(response.text.length, response.text.length);
    this.input.dispatchEvent(new Event('input'));
  }

  private close(): void {
    this.shown = [];
    this.render();
  }

  private render(): void {
    this.list.replaceChildren();
    this.list.hidden = this.shown.length === 0;
    this.input.setAttribute('aria-expanded', String(this.shown.length > 0));
    this.shown.forEach((r, i) => {
      const item = document.createElement('li');
      item.id = `canned-${r.shortcut}`;
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', String(i === this.active));
      const name = document.createElement('b');
      name.textContent = `/${r.shortcut}`;
      const text = document.createElement('span');
      text.textContent = r.text;
      item.append(name, text);
      item.addEventListener('mousedown', (e) => {
        e.preventDefault();
        this.expand(r);
      });
      this.list.append(item);
    });
    if (this.shown.length) this.input.setAttribute('aria-activedescendant', `canned-${this.shown[this.active].shortcut}`);
    else this.input.removeAttribute('aria-activedescendant');
  }
}
