import { describe, expect, it } from 'vitest';
import {
  addButtonEverywhere,
  draftLanguages,
  isLanguageTag,
  normalizeTag,
  removeButtonEverywhere,
  removeLanguage,
  setVariantLabel,
  setVariantText,
} from '../dashboard/recipes/languages';
import type { Block, RecipeDraftBody } from '../dashboard/recipes/model';

const menu = (): Block => ({
  id: 'menu',
  type: 'buttons',
  text: 'Pick one',
  buttons: [
    { id: 'b1', label: 'Order', next: 'a' },
    { id: 'b2', label: 'Human', next: 'b' },
  ],
});

describe('recipe texts per language (editor model)', () => {
  it('takes BCP 47 tags and writes them in their usual case', () => {
    expect(['de', 'de-CH', 'zh-Hant-TW', 'es-419'].every(isLanguageTag)).toBe(true);
    expect(['german', 'de_CH', '', 'x-private'].some(isLanguageTag)).toBe(false);
    expect(normalizeTag(' DE-ch ')).toBe('de-CH');
  });

  it('stores a text in a language, and drops the variant when its last text is emptied', () => {
    const block = menu();
    setVariantText(block, 'de', 'text', 'Wähle');
    expect(block.variants).toEqual({ de: { text: 'Wähle' } });
    setVariantText(block, 'de', 'text', '');
    expect(block.variants).toBeUndefined();
    expect(block.text).toBe('Pick one');
  });

  it('keeps one label per button, in the block order, and none when all are empty', () => {
    const block = menu();
    setVariantLabel(block, 'de', 1, 'Mensch');
    expect(block.variants!.de.buttons).toEqual(['', 'Mensch']);
    setVariantLabel(block, 'de', 0, 'Bestellung');
    expect(block.variants!.de.buttons).toEqual(['Bestellung', 'Mensch']);
    setVariantLabel(block, 'de', 0, '');
    setVariantLabel(block, 'de', 1, '');
    expect(block.variants).toBeUndefined();
  });

  it('adds and removes a button in every language, so the counts keep matching', () => {
    const block = menu();
    setVariantLabel(block, 'de', 0, 'Bestellung');
    setVariantLabel(block, 'de', 1, 'Mensch');
    setVariantText(block, 'fr', 'text', 'Choisissez');
    block.buttons!.push({ id: 'b3', label: 'More' });
    addButtonEverywhere(block);
    expect(block.variants!.de.buttons).toEqual(['Bestellung', 'Mensch', '']);
    expect(block.variants!.fr.buttons).toBeUndefined();
    removeButtonEverywhere(block, 0);
    expect(block.buttons!.map((b) => b.id)).toEqual(['b2', 'b3']);
    expect(block.variants!.de.buttons).toEqual(['Mensch', '']);
  });

  it('lists the draft languages and removes one from every block', () => {
    const draft: RecipeDraftBody = { name: 'R', startBlockId: 'hi', blocks: [{ id: 'hi', type: 'message', text: 'Hi' }, menu()] };
    setVariantText(draft.blocks[0], 'fr', 'text', 'Salut');
    setVariantText(draft.blocks[1], 'de', 'text', 'Wähle');
    setVariantText(draft.blocks[1], 'fr', 'text', 'Choisissez');
    expect(draftLanguages(draft)).toEqual(['de', 'fr']);
    removeLanguage(draft, 'fr');
    expect(draftLanguages(draft)).toEqual(['de']);
    expect(draft.blocks[0].variants).toBeUndefined();
  });
});
