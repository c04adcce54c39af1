// What the offline form and the rating share: a small form under the transcript, built in the widget's shadow
// root, with its own styles (ui.ts keeps the chat's), labelled fields and a status line read out when it changes.

export const PANEL_STYLE = `
.panel{border-top:1px solid var(--line);padding:12px 16px;display:grid;gap:8px;background:#fff;color:var(--ink);max-height:60%;overflow:auto}
.panel h3{margin:0;font-size:15px}
.panel p{margin:0;font-size:13px;color:var(--muted)}
.panel label{font-size:13px;font-weight:600;display:grid;gap:4px}
.panel input,.panel textarea{font:inherit;font-size:14px;font-weight:400;padding:7px 9px;border:1px solid #6b7280;border-radius:8px;color:var(--ink);background:#fff}
.panel textarea{min-height:64px;resize:vertical}
.panel .primary{font:inherit;font-weight:600;border:0;border-radius:8px;padding:8px 12px;background:var(--accent);color:#fff;cursor:pointer;justify-self:start}
.panel .primary:disabled{opacity:.6;cursor:default}
.panel .status{font-size:13px;color:#991b1b;min-height:1em}
.panel .status.done{color:#065f46}
.panel .stars{display:flex;gap:4px;border:0;padding:0;margin:0}
.panel .stars legend{font-size:14px;font-weight:600;padding:0;margin-block-end:4px}
.panel .star{font:inherit;font-size:22px;line-height:1;width:38px;height:38px;border:1px solid #6b7280;border-radius:8px;background:#fff;color:#92400e;cursor:pointer}
.panel .star[aria-pressed=true]{background:#fef3c7;border-color:#92400e}
`;

export function node<K extends keyof HTMLElementTagNameMap>(
  d: Document,
  tag: K,
  className: string,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const n = d.createElement(tag);
  if (className) n.className = className;
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
  if (text !== undefined) n.textContent = text;
  return n;
}

/** A section with the panel's styles, its heading and a polite status line. */
export function panel(d: Document, testId: string, heading: string): { root: HTMLElement; status: HTMLElement; headingId: string } {
  const headingId = `verloop-${testId}-title`;
  const root = node(d, 'section', 'panel', { 'data-testid': testId, 'aria-labelledby': headingId });
  const style = node(d, 'style', '');
  style.textContent = PANEL_STYLE;
  root.append(style, node(d, 'h3', '', { id: headingId }, heading));
  const status = node(d, 'p', 'status', { role: 'status', 'aria-live': 'polite', 'data-testid': `${testId}-status` });
  return { root, status, headingId };
}

/** A labelled input or textarea. */
export function field(d: Document, id: string, label: string, input: HTMLInputElement | HTMLTextAreaElement): HTMLElement {
  input.id = id;
  const wrap = node(d, 'label', '', { for: id });
  wrap.append(node(d, 'span', '', {}, label), input);
  return wrap;
}
