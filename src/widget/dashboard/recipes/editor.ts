// /dashboard/recipes/{recipeId}: the recipe as a graph (blocks as nodes, links and buttons as edges, layered from
// the start block) with the selected block's form beside it. Every change saves the draft (debounced); the server's
// findings come back with each save and are shown on the block and the field they name. Publish makes a version;
// "Try it" opens the real widget running the draft on a preview page.

import { admin, ApiError } from '../api';
import { el } from '../dom';
import type { Page, PageContext } from '../router';
import { route } from '../router';
import {
  addBlock,
  BLOCK_TYPES,
  blockErrors,
  deleteBlock,
  edges,
  layout,
  LINKS,
  newButtonId,
  recipeErrors,
  setField,
  summary,
  type Block,
  type BlockType,
  type DraftView,
  type RecipeDraftBody,
} from './model';
import { useRecipeStyles } from './style';
import {
  addButtonEverywhere,
  draftLanguages,
  isLanguageTag,
  normalizeTag,
  removeButtonEverywhere,
  removeLanguage,
  setVariantLabel,
  setVariantText,
  variantOf,
  WIDGET_LANGUAGES,
  type VariantText,
} from './languages';

interface VersionSummary {
  version: number;
  name: string;
  publishedAt: string;
  changes: { blocksAdded: string[]; blocksRemoved: string[]; blocksChanged: string[]; nameChanged: boolean; startBlockChanged: boolean };
}

interface PreviewStarted {
  pageUrl: string;
  expiresAt: string;
}

const NODE_W = 176;
const NODE_H = 84;
const GAP_X = 84;
const GAP_Y = 26;
const SAVE_DELAY_MS = 500;

export const recipeEditorPage: Page = {
  path: '/dashboard/recipes',
  match: route('/dashboard/recipes', true),
  async render(container, params, context) {
    useRecipeStyles();
    const recipeId = params[0];
    let view: DraftView;
    try {
      view = await admin<DraftView>('GET', `/api/v1/admin/recipes/${encodeURIComponent(recipeId)}/draft`);
    } catch (e) {
      if (e instanceof ApiError && e.problem.status === 404) {
        container.append(el('h1', {}, 'Recipe not found'), el('p', {}, `There is no recipe "${recipeId}". `, el('a', { href: '/dashboard/recipes' }, 'All recipes')));
        return;
      }
      throw e;
    }
    new Editor(container, recipeId, view, context).start();
  },
};

class Editor {
  private readonly draft: RecipeDraftBody;
  private errors: Record<string, string[]>;
  private selected: string | null = null;
  private publishedVersion: number | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> | null = null;
  private saveSeq = 0;
  /** Where each field's finding is shown in the open form: key as the server names it after "blocks.ID.". */
  private errorSlots = new Map<string, HTMLElement>();
  /** The language whose texts the form edits; '' for the default texts (and everything else about a block). */
  private language = '';
  /** The draft's languages, and those added here that have no text yet. */
  private languages: string[] = [];
  private readonly languageSelect = el('select', { id: 'edit-language' });
  private readonly previewLanguage = el('select', { id: 'preview-language' });
  private readonly removeLanguageButton = el('button', { type: 'button', id: 'remove-language', class: 'danger' }, 'Remove language');

  private readonly graph = el('div', { class: 'graph', id: 'graph', role: 'group', 'aria-label': 'Flow' });
  private readonly form = el('aside', { class: 'panel block-form', id: 'block-form', 'aria-label': 'Selected block' });
  private readonly recipeProblems = el('ul', { class: 'error', id: 'recipe-errors' });
  private readonly saveState = el('span', { class: 'muted', id: 'save-state', role: 'status' });
  private readonly versionLabel = el('span', { id: 'published-version', class: 'muted' });
  private readonly versions = el('ol', { id: 'versions', class: 'versions' });
  private readonly setDefaultButton = el('button', { type: 'button', id: 'set-default' }, 'Set as default');

  constructor(
    private readonly container: HTMLElement,
    private readonly recipeId: string,
    view: DraftView,
    private readonly context: PageContext,
  ) {
    this.draft = { name: view.name, startBlockId: view.startBlockId, blocks: view.blocks.map((b) => structuredClone(b)) };
    this.errors = view.errors ?? {};
    this.publishedVersion = view.publishedVersion;
    this.selected = this.draft.startBlockId || (this.draft.blocks[0]?.id ?? null);
    this.languages = draftLanguages(this.draft);
  }

  start(): void {
    const name = el('input', { id: 'recipe-name', value: this.draft.name, maxlength: '100', autocomplete: 'off' });
    name.addEventListener('input', () => {
      this.draft.name = name.value;
      this.changed(false);
    });
    const type = el('select', { id: 'new-block-type' }, ...BLOCK_TYPES.map((t) => el('option', { value: t }, t)));
    const add = el('button', { type: 'button', id: 'add-block' }, 'Add block');
    add.addEventListener('click', () => {
      const block = addBlock(this.draft, type.value as BlockType, this.selected);
      this.selected = block.id;
      this.changed(true);
      this.focusNode(block.id);
    });
    const save = el('button', { type: 'button', id: 'save-draft' }, 'Save draft');
    save.addEventListener('click', () => void this.saveNow());
    const publish = el('button', { type: 'button', id: 'publish', class: 'primary' }, 'Publish');
    publish.addEventListener('click', () => void this.publish());
    const tryIt = el('button', { type: 'button', id: 'try-it' }, 'Try it');
    tryIt.addEventListener('click', () => void this.tryIt());
    this.setDefaultButton.addEventListener('click', () => void this.setDefault());
    this.languageSelect.addEventListener('change', () => {
      this.language = this.languageSelect.value;
      this.removeLanguageButton.disabled = !this.language;
      this.renderForm();
    });
    const newLanguage = el('input', { id: 'new-language', 'aria-label': 'New language tag', autocomplete: 'off', maxlength: '35', placeholder: 'de, fr-CA\u2026', list: 'known-languages', size: '10' });
    const addLanguage = el('button', { type: 'button', id: 'add-language' }, 'Add language');
    const languageProblem = el('span', { class: 'field-error', id: 'language-error', role: 'status' });
    addLanguage.addEventListener('click', () => {
      const tag = normalizeTag(newLanguage.value);
      if (!isLanguageTag(tag)) {
        languageProblem.textContent = 'A language tag such as de, de-CH or pt-BR.';
        return;
      }
      languageProblem.textContent = '';
      if (!this.languages.includes(tag)) this.languages = [...this.languages, tag].sort();
      this.language = tag;
      newLanguage.value = '';
      this.renderAll();
    });
    const removeLanguageButton = this.removeLanguageButton;
    removeLanguageButton.addEventListener('click', () => {
      if (!this.language) return;
      removeLanguage(this.draft, this.language);
      this.languages = this.languages.filter((l) => l !== this.language);
      this.language = '';
      this.changed(true);
    });

    this.container.append(
      el('p', {}, el('a', { href: '/dashboard/recipes' }, '\u2190 All recipes')),
      el('h1', {}, 'Recipe ', el('code', {}, this.recipeId), ' ', this.versionLabel),
      el(
        'div',
        { class: 'row toolbar' },
        el('label', { for: 'recipe-name' }, 'Name'),
        name,
        save,
        publish,
        tryIt,
        el('label', { for: 'preview-language' }, 'Preview language'),
        this.previewLanguage,
        this.setDefaultButton,
        this.saveState,
      ),
      this.recipeProblems,
      el(
        'div',
        { class: 'row toolbar', id: 'language-bar' },
        el('label', { for: 'edit-language' }, 'Language'),
        this.languageSelect,
        newLanguage,
        el('datalist', { id: 'known-languages' }, ...WIDGET_LANGUAGES.map((l) => el('option', { value: l }))),
        addLanguage,
        removeLanguageButton,
        languageProblem,
      ),
      el(
        'div',
        { class: 'row toolbar' },
        el('label', { for: 'new-block-type' }, 'New block'),
        type,
        add,
        el('span', { class: 'muted' }, 'A new block follows the selected one when its next link is free.'),
      ),
      el('div', { class: 'editor' }, el('div', { class: 'graph-scroll panel' }, this.graph), this.form),
      el('h2', {}, 'Versions'),
      this.versions,
    );
    this.renderAll();
    void this.loadVersions();
  }

  /** A change to the draft: redraw (the form too when its shape changed) and save soon. */
  private changed(structural: boolean): void {
    if (structural) this.renderAll();
    else this.renderGraph();
    this.scheduleSave();
  }

  private renderAll(): void {
    // The form is rebuilt: keep the keyboard where it was (a control of the same id, when there still is one).
    const focused = document.activeElement instanceof HTMLElement && this.form.contains(document.activeElement) ? document.activeElement.id : '';
    this.renderGraph();
    this.renderForm();
    if (focused) document.getElementById(focused)?.focus();
    this.renderRecipeErrors();
    this.renderLanguages();
    this.versionLabel.textContent = this.publishedVersion ? `(published: v${this.publishedVersion})` : '(not published yet)';
    this.setDefaultButton.disabled = !this.publishedVersion;
  }

  // ---- the graph ----

  private renderGraph(): void {
    const positions = layout(this.draft);
    let width = 0;
    let height = 0;
    const place = (id: string) => {
      const p = positions.get(id)!;
      return { x: 10 + p.layer * (NODE_W + GAP_X), y: 10 + p.row * (NODE_H + GAP_Y) };
    };
    const bottoms: number[] = [];
    for (const [id, p] of positions) {
      const { x, y } = place(id);
      width = Math.max(width, x + NODE_W + 10);
      height = Math.max(height, y + NODE_H + 10);
      bottoms[p.layer] = Math.max(bottoms[p.layer] ?? 0, y + NODE_H);
    }
    let detours = 0;
    const svgNs = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('width', String(width));
    svg.setAttribute('aria-hidden', 'true');
    const defs = document.createElementNS(svgNs, 'defs');
    const marker = document.createElementNS(svgNs, 'marker');
    for (const [k, v] of Object.entries({ id: 'arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' }))
      marker.setAttribute(k, v);
    const tip = document.createElementNS(svgNs, 'path');
    tip.setAttribute('d', 'M 0 0 L 10 5 L 0 10 z');
    marker.append(tip);
    defs.append(marker);
    svg.append(defs);
    const ids = new Set(this.draft.blocks.map((b) => b.id));
    for (const edge of edges(this.draft.blocks)) {
      if (!ids.has(edge.to)) continue;
      const a = place(edge.from);
      const b = place(edge.to);
      const x1 = a.x + NODE_W;
      const y1 = a.y + NODE_H / 2;
      const x2 = b.x;
      const y2 = b.y + NODE_H / 2;
      const path = document.createElementNS(svgNs, 'path');
      const from = positions.get(edge.from)!.layer;
      const to = positions.get(edge.to)!.layer;
      let d: string;
      let label = { x: (x1 + x2) / 2, y: (y1 + y2) / 2 - 5 };
      if (to === from + 1) {
        d = `M ${x1} ${y1} C ${x1 + GAP_X / 2} ${y1}, ${x2 - GAP_X / 2} ${y2}, ${x2} ${y2}`;
      } else {
        // A link that skips layers, or leads back (a loop through buttons or ask), goes round below the nodes between.
        let below = 0;
        for (let layer = Math.min(from, to); layer <= Math.max(from, to); layer++) below = Math.max(below, bottoms[layer] ?? 0);
        const y = below + 14 + 8 * detours++;
        const xa = x1 + GAP_X / 3;
        const xb = x2 - GAP_X / 3;
        d = `M ${x1} ${y1} L ${xa} ${y1} L ${xa} ${y} L ${xb} ${y} L ${xb} ${y2} L ${x2} ${y2}`;
        height = Math.max(height, y + 10);
        label = { x: (xa + xb) / 2, y: y - 4 };
      }
      path.setAttribute('d', d);
      path.setAttribute('class', 'edge');
      path.setAttribute('marker-end', 'url(#arrow)');
      path.setAttribute('data-edge', `${edge.from}->${edge.to}`);
      svg.append(path);
      if (edge.label) {
        // Mid-way along the link: links leaving one block start at the same point, but end at different blocks.
        const text = document.createElementNS(svgNs, 'text');
        text.setAttribute('x', String(label.x));
        text.setAttribute('y', String(label.y));
        text.setAttribute('class', 'edge-label');
        // The gap between layers holds about 14 characters; the form shows the whole label.
        text.textContent = edge.label.length > 14 ? `${edge.label.slice(0, 13)}\u2026` : edge.label;
        svg.append(text);
      }
    }
    svg.setAttribute('height', String(height));
    const nodes = this.draft.blocks.map((block) => {
      const { x, y } = place(block.id);
      const problems = blockErrors(this.errors, block.id);
      const node = el(
        'button',
        {
          type: 'button',
          class: `node node-${block.type}${problems.size ? ' invalid' : ''}${block.id === this.selected ? ' selected' : ''}`,
          'data-block': block.id,
          'aria-pressed': block.id === this.selected ? 'true' : 'false',
          style: `left:${x}px;top:${y}px;width:${NODE_W}px;height:${NODE_H}px`,
        },
        el('span', { class: 'node-head' }, el('span', { class: 'node-type' }, block.type), ' ', el('span', { class: 'node-id' }, block.id)),
        el('span', { class: 'node-text' }, summary(block)),
        el('span', { class: 'node-foot' }, block.id === this.draft.startBlockId ? el('span', { class: 'node-start' }, 'start') : null,
          problems.size ? el('span', { class: 'node-problem' }, `${problems.size} problem${problems.size > 1 ? 's' : ''}`) : null),
      );
      // No aria-label: the name is what the node shows (type, id, "start", the problem count), as speech users say it.
      node.addEventListener('click', () => {
        this.selected = block.id;
        this.renderGraph();
        this.renderForm();
      });
      return node;
    });
    this.graph.style.width = `${width}px`;
    this.graph.style.height = `${Math.max(height, 120)}px`;
    const focusedNode = document.activeElement instanceof HTMLElement && this.graph.contains(document.activeElement) ? document.activeElement.dataset.block : undefined;
    this.graph.replaceChildren(svg, ...nodes);
    if (focusedNode) this.focusNode(focusedNode);
    if (!this.draft.blocks.length) this.graph.append(el('p', { class: 'muted empty' }, 'No blocks yet: choose a type and press "Add block".'));
  }

  private focusNode(blockId: string): void {
    this.graph.querySelector<HTMLElement>(`[data-block="${CSS.escape(blockId)}"]`)?.focus();
  }

  // ---- the form of the selected block ----

  private renderForm(): void {
    this.errorSlots = new Map();
    const block = this.draft.blocks.find((b) => b.id === this.selected);
    if (!block) {
      this.form.replaceChildren(el('p', { class: 'muted' }, 'Select a block in the flow to edit it.'));
      return;
    }
    const problems = blockErrors(this.errors, block.id);
    const blockProblem = this.slot('');
    const parts: (HTMLElement | null)[] = [
      el('h2', {}, `${block.type} block `, el('code', {}, block.id)),
      blockProblem,
    ];
    if (this.language) {
      parts.push(...this.variantFields(block, this.language));
      this.form.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
      this.showErrors(problems);
      return;
    }
    const text = (key: keyof Block, label: string, multiline = false) => this.textField(block, key as string, label, multiline);
    switch (block.type) {
      case 'message':
        parts.push(text('text', 'Text', true));
        break;
      case 'buttons':
        parts.push(text('text', 'Text', true), this.buttonRows(block));
        break;
      case 'ask':
        parts.push(
          this.selectField(block, 'ask', 'Asks for', ['name', 'email', 'phone', 'text'], true),
          text('text', 'Question', true),
          block.ask === 'text' ? text('field', 'Store the answer in custom field') : null,
          block.ask === 'text' ? this.selectField(block, 'scope', 'Field scope', ['room', 'user'], false) : null,
          text('invalidText', 'Said when the answer is not valid'),
        );
        break;
      case 'condition':
        parts.push(
          text('field', 'Field (name, email, phone or a custom field key)'),
          this.selectField(block, 'operator', 'Operator', ['set', 'notSet', 'equals', 'contains'], true),
          block.operator === 'equals' || block.operator === 'contains' ? text('value', 'Value') : null,
        );
        break;
      case 'webhook':
        parts.push(text('url', 'URL (https)'));
        break;
      case 'transfer':
        parts.push(text('department', 'Department (empty: the room\u2019s)'), text('text', 'Text', true));
        break;
      case 'end':
        parts.push(text('text', 'Text', true));
        break;
    }
    for (const link of LINKS[block.type] ?? []) parts.push(this.linkField(block, link, link === 'onFailure' ? 'On failure go to' : link === 'next' ? 'Next' : `${link[0].toUpperCase()}${link.slice(1)} go to`, link));

    const setStart = el('button', { type: 'button', id: 'set-start', disabled: block.id === this.draft.startBlockId }, 'Set as start block');
    setStart.addEventListener('click', () => {
      this.draft.startBlockId = block.id;
      this.changed(true);
    });
    const remove = el('button', { type: 'button', id: 'delete-block', class: 'danger' }, 'Delete block');
    remove.addEventListener('click', () => {
      deleteBlock(this.draft, block.id);
      this.selected = this.draft.startBlockId || null;
      this.changed(true);
    });
    parts.push(el('div', { class: 'row actions' }, setStart, remove));
    this.form.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
    this.showErrors(problems);
  }

  /** A place for the finding about one field; filled by showErrors. */
  private slot(key: string): HTMLElement {
    const id = `error-${this.selected}-${key || 'block'}`.replace(/[^A-Za-z0-9_-]/g, '_');
    const slot = el('p', { class: 'field-error', id, hidden: true });
    this.errorSlots.set(key, slot);
    return slot;
  }

  private showErrors(problems: Map<string, string>): void {
    for (const [key, slot] of this.errorSlots) {
      const message = problems.get(key);
      slot.textContent = message ?? '';
      slot.hidden = !message;
    }
    // A finding with no field of its own in the form (the block's loop, a field of another type) goes at the top.
    const elsewhere = [...problems].filter(([key]) => key !== '' && !this.errorSlots.has(key)).map(([key, message]) => `${key}: ${message}`);
    const top = this.errorSlots.get('');
    if (top) {
      const text = [problems.get('') ?? '', ...elsewhere].filter(Boolean).join(' ');
      top.textContent = text;
      top.hidden = !text;
    }
    for (const input of this.form.querySelectorAll<HTMLElement>('[data-field]')) {
      input.setAttribute('aria-invalid', problems.has(input.dataset.field!) ? 'true' : 'false');
    }
  }

  private fieldId(key: string): string {
    return `field-${key}`.replace(/[^A-Za-z0-9_-]/g, '_');
  }

  private labelled(key: string, label: string, control: HTMLElement): HTMLElement {
    const slot = this.slot(key);
    control.id = this.fieldId(key);
    control.dataset.field = key;
    control.setAttribute('aria-describedby', slot.id);
    return el('div', { class: 'field' }, el('label', { for: control.id }, label), control, slot);
  }

  private textField(target: Block, key: string, label: string, multiline: boolean): HTMLElement {
    const value = ((target as unknown as Record<string, unknown>)[key] as string | undefined) ?? '';
    const input = multiline ? el('textarea', { rows: '3' }) : el('input', { autocomplete: 'off' });
    input.value = value;
    input.addEventListener('input', () => {
      setField(target, key, input.value);
      this.changed(false);
    });
    return this.labelled(key, label, input);
  }

  private selectField(block: Block, key: keyof Block, label: string, options: string[], reshapes: boolean): HTMLElement {
    const select = el('select', {}, ...options.map((o) => el('option', { value: o }, o)));
    select.value = ((block[key] as string | undefined) ?? options[0]) as string;
    select.addEventListener('change', () => {
      setField(block, key as string, select.value);
      this.changed(reshapes);
    });
    return this.labelled(key as string, label, select);
  }

  /** A select of the blocks a link may lead to; "(nowhere)" removes the link. */
  private linkSelect(current: string | undefined, onChange: (to: string) => void): HTMLSelectElement {
    const select = el('select', {}, el('option', { value: '' }, '(nowhere)'), ...this.draft.blocks.map((b) => el('option', { value: b.id }, `${b.id} (${b.type})`)));
    // A link to a block that is gone stays visible as what it is, so its finding makes sense.
    if (current && !this.draft.blocks.some((b) => b.id === current)) select.append(el('option', { value: current }, `${current} (missing)`));
    select.value = current ?? '';
    select.addEventListener('change', () => onChange(select.value));
    return select;
  }

  private linkField(block: Block, link: string, label: string, key: string): HTMLElement {
    const select = this.linkSelect((block as unknown as Record<string, string | undefined>)[link], (to) => {
      setField(block, link, to);
      this.changed(false);
    });
    return this.labelled(key, label, select);
  }

  private buttonRows(block: Block): HTMLElement {
    const buttons = (block.buttons = block.buttons ?? []);
    const rows = buttons.map((button, i) => {
      const label = el('input', { autocomplete: 'off', maxlength: '100' });
      label.value = button.label;
      label.addEventListener('input', () => {
        button.label = label.value;
        this.changed(false);
      });
      const next = this.linkSelect(button.next, (to) => {
        setField(button, 'next', to);
        this.changed(false);
      });
      const remove = el('button', { type: 'button', class: 'danger remove-button' }, 'Remove');
      remove.setAttribute('aria-label', `Remove button ${i + 1}`);
      remove.addEventListener('click', () => {
        removeButtonEverywhere(block, i);
        this.changed(true);
      });
      return el(
        'fieldset',
        { class: 'button-row', 'data-button': button.id },
        el('legend', {}, `Button ${i + 1} (${button.id})`),
        this.labelled(`buttons.${button.id}.label`, 'Label', label),
        this.labelled(`buttons.${button.id}.next`, 'Goes to', next),
        remove,
      );
    });
    const add = el('button', { type: 'button', id: 'add-button' }, 'Add button');
    add.addEventListener('click', () => {
      const id = newButtonId(block);
      buttons.push({ id, label: '' });
      addButtonEverywhere(block);
      this.changed(true);
      this.form.querySelector<HTMLInputElement>(`#${this.fieldId(`buttons.${id}.label`)}`)?.focus();
    });
    const section = el('div', { class: 'buttons', id: 'buttons-section' }, el('h3', {}, 'Buttons'), ...rows, add);
    const slot = this.slot('buttons');
    section.append(slot);
    return section;
  }

  // ---- texts in other languages ----

  private renderLanguages(): void {
    const option = (value: string, label: string) => el('option', { value }, label);
    this.languageSelect.replaceChildren(option('', 'Default'), ...this.languages.map((l) => option(l, l)));
    this.languageSelect.value = this.language;
    this.removeLanguageButton.disabled = !this.language;
    const previewing = this.previewLanguage.value;
    const offered = [...new Set([...this.languages, ...WIDGET_LANGUAGES])];
    this.previewLanguage.replaceChildren(option('', 'the browser\u2019s language'), ...offered.map((l) => option(l, l)));
    this.previewLanguage.value = offered.includes(previewing) ? previewing : '';
  }

  /** The block's texts in one language: each empty one says the default text, shown as its placeholder. */
  private variantFields(block: Block, tag: string): HTMLElement[] {
    const variant = variantOf(block, tag);
    const fields: HTMLElement[] = [el('p', { class: 'muted' }, `Texts in ${tag}. Empty ones say the default text. Links, fields and buttons are edited under the Default language.`)];
    const text = (key: VariantText, label: string, fallback: string | undefined) => {
      const input = el('textarea', { rows: '3', placeholder: fallback ?? '' });
      input.value = variant?.[key] ?? '';
      input.addEventListener('input', () => {
        setVariantText(block, tag, key, input.value);
        this.changed(false);
      });
      return this.labelled(`variants.${tag}.${key}`, label, input);
    };
    if (['message', 'buttons', 'ask', 'transfer', 'end'].includes(block.type)) fields.push(text('text', block.type === 'ask' ? 'Question' : 'Text', block.text));
    if (block.type === 'ask') fields.push(text('invalidText', 'Said when the answer is not valid', block.invalidText));
    if (block.type === 'buttons') {
      const labels = (block.buttons ?? []).map((button, i) => {
        const input = el('input', { autocomplete: 'off', maxlength: '100', placeholder: button.label });
        input.value = variant?.buttons?.[i] ?? '';
        input.addEventListener('input', () => {
          setVariantLabel(block, tag, i, input.value);
          this.changed(false);
        });
        input.id = this.fieldId(`variants.${tag}.buttons.${i}`);
        input.dataset.field = `variants.${tag}.buttons`;
        return el('div', { class: 'field' }, el('label', { for: input.id }, `Button ${i + 1} (${button.id})`), input);
      });
      const section = el('div', { class: 'buttons', id: 'variant-buttons' }, el('h3', {}, 'Button labels'), ...labels);
      section.append(this.slot(`variants.${tag}.buttons`));
      fields.push(section);
    }
    if (fields.length === 1) fields.push(el('p', { class: 'muted' }, `A ${block.type} block says nothing the visitor reads.`));
    return fields;
  }

  private renderRecipeErrors(): void {
    const list = recipeErrors(this.errors, this.draft.blocks);
    this.recipeProblems.replaceChildren(...list.map(([key, message]) => el('li', {}, `${key}: ${message}`)));
  }

  /** New findings: on the graph's nodes, in the open form, and above for the recipe's own fields. */
  private applyErrors(errors: Record<string, string[]>): void {
    this.errors = errors;
    this.renderGraph();
    this.renderRecipeErrors();
    if (this.selected) this.showErrors(blockErrors(errors, this.selected));
  }

  // ---- saving, publishing, previewing ----

  private scheduleSave(): void {
    this.saveState.textContent = 'Unsaved changes\u2026';
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveNow(), SAVE_DELAY_MS);
  }

  private async saveNow(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.saving) await this.saving;
    const seq = ++this.saveSeq;
    const body = structuredClone(this.draft);
    this.saveState.textContent = 'Saving\u2026';
    this.saving = (async () => {
      try {
        const view = await admin<DraftView>('PUT', `/api/v1/admin/recipes/${encodeURIComponent(this.recipeId)}/draft`, body);
        if (seq !== this.saveSeq) return; // a newer save is on its way; its findings are the ones to show
        this.publishedVersion = view.publishedVersion;
        this.applyErrors(view.errors ?? {});
        const count = Object.keys(view.errors ?? {}).length;
        this.saveState.textContent = `Draft saved${count ? ` (${count} to fix before publishing)` : ''}.`;
      } catch (e) {
        this.saveState.textContent = `Not saved: ${(e as Error).message}`;
      } finally {
        this.saving = null;
      }
    })();
    await this.saving;
  }

  private async publish(): Promise<void> {
    await this.saveNow();
    try {
      const published = await admin<{ version: number }>('POST', `/api/v1/admin/recipes/${encodeURIComponent(this.recipeId)}/publish`);
      this.publishedVersion = published.version;
      this.applyErrors({});
      this.renderAll();
      this.context.status('');
      this.saveState.textContent = `Published version ${published.version}.`;
      await this.loadVersions();
    } catch (e) {
      if (e instanceof ApiError && e.problem.status === 400 && e.problem.errors) {
        this.applyErrors(e.problem.errors);
        const first = Object.keys(e.problem.errors).map((k) => /^blocks\.([^.]+)/.exec(k)?.[1]).find((id) => id && this.draft.blocks.some((b) => b.id === id));
        if (first && first !== this.selected) {
          this.selected = first;
          this.renderGraph();
          this.renderForm();
        }
        this.saveState.textContent = `Publish refused: ${Object.keys(e.problem.errors).length} problem(s) to fix, shown on the blocks.`;
      } else {
        this.saveState.textContent = `Not published: ${(e as Error).message}`;
      }
    }
  }

  private async setDefault(): Promise<void> {
    try {
      await admin('PUT', '/api/v1/admin/default-recipe', { recipeId: this.recipeId });
      this.saveState.textContent = `${this.recipeId} is the default recipe now (version ${this.publishedVersion} and later).`;
    } catch (e) {
      this.saveState.textContent = `Not set as default: ${(e as Error).message}`;
    }
  }

  private async tryIt(): Promise<void> {
    await this.saveNow();
    try {
      const preview = await admin<PreviewStarted>('POST', `/api/v1/admin/recipes/${encodeURIComponent(this.recipeId)}/preview`);
      // The preview page hands the language to the widget as the snippet's setting would.
      if (this.previewLanguage.value) preview.pageUrl += `&lang=${encodeURIComponent(this.previewLanguage.value)}`;
      const opened = window.open(preview.pageUrl, '_blank');
      if (opened) opened.opener = null;
      const link = el('a', { href: preview.pageUrl, target: '_blank', rel: 'noopener', id: 'preview-link' }, 'Open the preview');
      this.saveState.replaceChildren(`Preview of this draft ready until ${new Date(preview.expiresAt).toLocaleTimeString()}: `, link);
    } catch (e) {
      if (e instanceof ApiError && e.problem.status === 400 && e.problem.errors) {
        this.applyErrors(e.problem.errors);
        this.saveState.textContent = 'The draft cannot run yet: fix the problems shown on the blocks.';
      } else {
        this.saveState.textContent = `No preview: ${(e as Error).message}`;
      }
    }
  }

  private async loadVersions(): Promise<void> {
    try {
      const list = await admin<{ versions: VersionSummary[] }>('GET', `/api/v1/admin/recipes/${encodeURIComponent(this.recipeId)}/versions`);
      if (!list.versions.length) {
        this.versions.replaceChildren(el('li', { class: 'muted' }, 'No version yet: Publish makes version 1.'));
        return;
      }
      this.versions.replaceChildren(
        ...list.versions.map((v) => {
          const c = v.changes;
          const what = [
            v.version === 1 ? 'first version' : '',
            c.blocksAdded.length && v.version > 1 ? `added ${c.blocksAdded.join(', ')}` : '',
            c.blocksRemoved.length ? `removed ${c.blocksRemoved.join(', ')}` : '',
            c.blocksChanged.length ? `changed ${c.blocksChanged.join(', ')}` : '',
            c.nameChanged ? 'renamed' : '',
            c.startBlockChanged ? 'new start block' : '',
          ].filter(Boolean);
          return el(
            'li',
            { 'data-version': String(v.version) },
            el('strong', {}, `v${v.version}`),
            ` ${v.name} \u00b7 ${new Date(v.publishedAt).toLocaleString()} \u00b7 `,
            what.length ? what.join('; ') : 'no change',
          );
        }),
      );
    } catch (e) {
      this.versions.replaceChildren(el('li', { class: 'error' }, `Versions not loaded: ${(e as Error).message}`));
    }
  }
}
