import { describe, expect, it } from 'vitest';
import { addBlock, blockErrors, deleteBlock, edges, layout, recipeErrors, setField, type RecipeDraftBody } from '../dashboard/recipes/model';

const flow = (): RecipeDraftBody => ({
  name: 'Support',
  startBlockId: 'hi',
  blocks: [
    { id: 'hi', type: 'message', text: 'Hi', next: 'menu' },
    { id: 'menu', type: 'buttons', text: 'Pick', buttons: [{ id: 'b1', label: 'Order', next: 'email' }, { id: 'b2', label: 'Human', next: 'agent' }] },
    { id: 'email', type: 'ask', ask: 'email', text: 'Mail?', next: 'agent' },
    { id: 'agent', type: 'transfer' },
    { id: 'lost', type: 'end', text: 'Bye' },
  ],
});

describe('recipe editor model', () => {
  it('draws next, then/else/onFailure and button links as edges, buttons labelled', () => {
    const list = edges(flow().blocks);
    expect(list.map((e) => `${e.from}->${e.to}:${e.label}`)).toEqual(['hi->menu:', 'menu->email:Order', 'menu->agent:Human', 'email->agent:']);
    expect(list[1].field).toBe('buttons.b1.next');
  });

  it('lays blocks out in layers from the start, every forward link pointing right, unreached blocks last', () => {
    const draft = flow();
    draft.blocks.push({ id: 'again', type: 'message', text: 'Again', next: 'menu' });
    draft.blocks[2].next = 'agent';
    draft.blocks[1].buttons!.push({ id: 'b3', label: 'Again', next: 'again' });
    const at = layout(draft);
    expect(at.get('hi')!.layer).toBe(0);
    expect(at.get('menu')!.layer).toBe(1);
    expect(at.get('email')!.layer).toBe(2);
    // Reached from the buttons and from the ask block: right of both.
    expect(at.get('agent')!.layer).toBe(3);
    // The loop back to the menu does not push the menu right.
    expect(at.get('again')!.layer).toBe(2);
    expect(at.get('lost')!.layer).toBe(4);
    const cells = [...at.values()].map((p) => `${p.layer}:${p.row}`);
    expect(new Set(cells).size).toBe(cells.length);
  });

  it('adds a block after the selected one when its next is free, and makes the first block the start', () => {
    const draft: RecipeDraftBody = { name: 'New', startBlockId: '', blocks: [] };
    const first = addBlock(draft, 'message', null);
    expect(draft.startBlockId).toBe(first.id);
    const second = addBlock(draft, 'buttons', first.id);
    expect(draft.blocks[0].next).toBe(second.id);
    expect(second.buttons).toEqual([]);
    // A buttons block has no next of its own: the new block is not linked.
    const third = addBlock(draft, 'ask', second.id);
    expect(edges(draft.blocks).some((e) => e.to === third.id)).toBe(false);
    expect(new Set(draft.blocks.map((b) => b.id)).size).toBe(3);
  });

  it('deletes a block with every link to it, moving the start when it was the start', () => {
    const draft = flow();
    deleteBlock(draft, 'agent');
    expect(edges(draft.blocks).some((e) => e.to === 'agent')).toBe(false);
    expect(draft.blocks[1].buttons![1].next).toBeUndefined();
    deleteBlock(draft, 'hi');
    expect(draft.startBlockId).toBe('menu');
  });

  it('removes an emptied field instead of storing "" (the validator would read it as a link to nothing)', () => {
    const block = { id: 'x', type: 'message', next: 'y' };
    setField(block, 'next', '');
    expect('next' in block).toBe(false);
  });

  it('sorts the server findings onto their block and field, the rest onto the recipe', () => {
    const errors = { 'blocks.menu.buttons': ['1 to 10 buttons.'], 'blocks.menu.buttons.b1.next': ['Leads nowhere.'], 'blocks.menus.text': ['x'], startBlockId: ['Must name one of the blocks.'], 'blocks.gone.next': ['y'] };
    expect([...blockErrors(errors, 'menu')]).toEqual([['buttons', '1 to 10 buttons.'], ['buttons.b1.next', 'Leads nowhere.']]);
    expect(recipeErrors(errors, flow().blocks).map(([k]) => k)).toEqual(['blocks.menus.text', 'startBlockId', 'blocks.gone.next']);
  });
});
