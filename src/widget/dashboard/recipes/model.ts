// The recipe editor's model: the draft as the admin API holds it, and the pure operations the editor's buttons make
// on it (add, link, delete, start block), the graph's edges and a layered layout from the start block. No DOM here,
// so every rule is unit tested.

export const BLOCK_TYPES = ['message', 'buttons', 'ask', 'condition', 'webhook', 'transfer', 'end'] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

export interface RecipeButton {
  id: string;
  label: string;
  next?: string;
}

export interface Block {
  id: string;
  type: string;
  text?: string;
  buttons?: RecipeButton[];
  next?: string;
  ask?: string;
  field?: string;
  scope?: string;
  invalidText?: string;
  operator?: string;
  value?: string;
  then?: string;
  else?: string;
  url?: string;
  onFailure?: string;
  department?: string;
  /** The block's texts in other languages (see languages.ts). */
  variants?: Record<string, import('./languages').BlockVariant>;
}

/** The body of PUT /api/v1/admin/recipes/{id}/draft. */
export interface RecipeDraftBody {
  name: string;
  startBlockId: string;
  blocks: Block[];
}

/** GET/PUT .../draft's answer. */
export interface DraftView extends RecipeDraftBody {
  id: string;
  publishedVersion?: number;
  public: boolean;
  draft: boolean;
  updatedAt?: string;
  errors: Record<string, string[]>;
}

export type LinkField = 'next' | 'then' | 'else' | 'onFailure';

/** The link fields each type has, in the order the form shows them. */
export const LINKS: Record<string, LinkField[]> = {
  message: ['next'],
  buttons: [],
  ask: ['next'],
  condition: ['then', 'else'],
  webhook: ['next', 'onFailure'],
  transfer: [],
  end: [],
};

export interface Edge {
  from: string;
  to: string;
  /** What the edge is: a link field, or a button's label. */
  label: string;
  /** The key validation errors use for this link (e.g. "next", "buttons.b1.next"). */
  field: string;
}

export function edges(blocks: Block[]): Edge[] {
  const list: Edge[] = [];
  for (const block of blocks) {
    for (const field of ['next', 'then', 'else', 'onFailure'] as LinkField[]) {
      const to = block[field];
      if (to) list.push({ from: block.id, to, label: field === 'next' ? '' : field, field });
    }
    for (const button of block.buttons ?? []) {
      if (button.next) list.push({ from: block.id, to: button.next, label: button.label || button.id, field: `buttons.${button.id}.next` });
    }
  }
  return list;
}

/** A fresh id for a block of this type, e.g. "buttons-2". */
export function newBlockId(blocks: Block[], type: string): string {
  const taken = new Set(blocks.map((b) => b.id));
  for (let n = 1; ; n++) if (!taken.has(`${type}-${n}`)) return `${type}-${n}`;
}

/** A fresh button id within a block, e.g. "b3". */
export function newButtonId(block: Block): string {
  const taken = new Set((block.buttons ?? []).map((b) => b.id));
  for (let n = 1; ; n++) if (!taken.has(`b${n}`)) return `b${n}`;
}

export function newBlock(blocks: Block[], type: BlockType): Block {
  const block: Block = { id: newBlockId(blocks, type), type };
  if (type === 'buttons') block.buttons = [];
  if (type === 'ask') block.ask = 'name';
  if (type === 'condition') block.operator = 'set';
  return block;
}

/**
 * Adds a block. The first block becomes the start; a new block follows the selected one when that one's only
 * "next" link is still empty, so building a straight flow is adding blocks one after another.
 */
export function addBlock(draft: RecipeDraftBody, type: BlockType, selectedId: string | null): Block {
  const block = newBlock(draft.blocks, type);
  const selected = draft.blocks.find((b) => b.id === selectedId);
  if (selected && (LINKS[selected.type] ?? []).includes('next') && !selected.next) selected.next = block.id;
  draft.blocks.push(block);
  if (!draft.startBlockId || !draft.blocks.some((b) => b.id === draft.startBlockId)) draft.startBlockId = block.id;
  return block;
}

/** Deletes a block and every link to it (they would lead nowhere); the start moves to the first block left. */
export function deleteBlock(draft: RecipeDraftBody, blockId: string): void {
  draft.blocks = draft.blocks.filter((b) => b.id !== blockId);
  for (const block of draft.blocks) {
    for (const field of ['next', 'then', 'else', 'onFailure'] as LinkField[]) if (block[field] === blockId) delete block[field];
    for (const button of block.buttons ?? []) if (button.next === blockId) delete button.next;
  }
  if (draft.startBlockId === blockId) draft.startBlockId = draft.blocks.length ? draft.blocks[0].id : '';
}

/** Sets a text field; an empty value removes it, so "not set" is never an empty string the validator reads as a link. */
export function setField(target: object, key: string, value: string): void {
  const record = target as Record<string, unknown>;
  if (value === '') delete record[key];
  else record[key] = value;
}

export interface Position {
  layer: number;
  row: number;
}

/**
 * A layered layout from the start block: links that lead back to a block already on the way (loops through a
 * buttons or ask block) are set aside, and every other block sits one layer right of the furthest block linking to
 * it, so each forward link points right. Blocks the start does not reach go in one more layer after the last, so
 * they stay visible and can be linked in.
 */
export function layout(draft: RecipeDraftBody): Map<string, Position> {
  const ids = new Set(draft.blocks.map((b) => b.id));
  const out = new Map<string, string[]>();
  for (const edge of edges(draft.blocks)) if (ids.has(edge.to)) out.set(edge.from, [...(out.get(edge.from) ?? []), edge.to]);

  // Depth first from the start: the finishing order reversed is a topological order of the forward links.
  const state = new Map<string, 'open' | 'done'>();
  const back = new Set<string>();
  const finished: string[] = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const to of out.get(id) ?? []) {
      if (state.get(to) === 'open') back.add(`${id}->${to}`);
      else if (!state.has(to)) visit(to);
    }
    state.set(id, 'done');
    finished.push(id);
  };
  if (ids.has(draft.startBlockId)) visit(draft.startBlockId);
  const order = finished.reverse();

  const layers = new Map<string, number>();
  for (const id of order) {
    const layer = layers.get(id) ?? 0;
    layers.set(id, layer);
    for (const to of out.get(id) ?? []) if (!back.has(`${id}->${to}`)) layers.set(to, Math.max(layers.get(to) ?? 0, layer + 1));
  }
  const rest = order.length ? Math.max(...layers.values()) + 1 : 0;
  const positions = new Map<string, Position>();
  const rows: number[] = [];
  const place = (id: string, layer: number) => {
    rows[layer] = rows[layer] ?? 0;
    positions.set(id, { layer, row: rows[layer]++ });
  };
  for (const id of order) place(id, layers.get(id)!);
  for (const block of draft.blocks) if (!positions.has(block.id)) place(block.id, rest);
  return positions;
}

/** The server's findings about one block: field (after "blocks.ID.", "" for the block itself) to message. */
export function blockErrors(errors: Record<string, string[]>, blockId: string): Map<string, string> {
  const found = new Map<string, string>();
  const prefix = `blocks.${blockId}`;
  for (const [key, messages] of Object.entries(errors)) {
    if (key === prefix) found.set('', messages[0]);
    else if (key.startsWith(prefix + '.')) found.set(key.slice(prefix.length + 1), messages[0]);
  }
  return found;
}

/** Findings about the recipe as a whole (name, startBlockId, blocks) or about blocks no longer in the draft. */
export function recipeErrors(errors: Record<string, string[]>, blocks: Block[]): [string, string][] {
  const ids = blocks.map((b) => `blocks.${b.id}`);
  return Object.entries(errors)
    .filter(([key]) => !ids.some((id) => key === id || key.startsWith(id + '.')))
    .map(([key, messages]) => [key, messages[0]] as [string, string]);
}

/** One line of what a block says, for its node in the graph. */
export function summary(block: Block): string {
  switch (block.type) {
    case 'buttons':
      return [block.text, (block.buttons ?? []).map((b) => `[${b.label}]`).join(' ')].filter(Boolean).join(' ');
    case 'ask':
      return `asks ${block.ask ?? '?'}${block.ask === 'text' && block.field ? ` → ${block.field}` : ''}`;
    case 'condition':
      return `${block.field ?? '?'} ${block.operator ?? '?'}${block.value ? ` ${block.value}` : ''}`;
    case 'webhook':
      return block.url ?? '';
    case 'transfer':
      return `to ${block.department ?? 'the room\u2019s department'}`;
    default:
      return block.text ?? '';
  }
}
