// Recipe texts per language: each block may carry variants keyed by a BCP 47 tag ({ text, invalidText, buttons }),
// the server saying the one of the visitor's language (exact tag, then its primary subtag, then the default text).
// Pure operations the editor's language view makes on a draft; no DOM here, so every rule is unit tested.

import type { Block, RecipeDraftBody } from './model';

export interface BlockVariant {
  text?: string;
  invalidText?: string;
  /** The block's button labels in this language, one per button in the block's order. */
  buttons?: string[];
}

export type VariantText = 'text' | 'invalidText';

/** The languages the widget has strings for: offered first when a support lead adds one. */
export const WIDGET_LANGUAGES = ['en', 'de', 'fr', 'es', 'ar'] as const;

const TAG = /^[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*$/i;

/** Whether the server takes the tag as a variant's key. */
export function isLanguageTag(tag: string): boolean {
  return tag.length <= 35 && TAG.test(tag);
}

/** "DE-ch" as "de-CH": language lower, script title, region upper. */
export function normalizeTag(tag: string): string {
  return tag
    .trim()
    .split('-')
    .map((p, i) => (i === 0 ? p.toLowerCase() : i === 1 && p.length === 4 ? p[0].toUpperCase() + p.slice(1).toLowerCase() : p.length === 2 ? p.toUpperCase() : p.toLowerCase()))
    .join('-');
}

function variants(block: Block): Record<string, BlockVariant> | undefined {
  return (block as Block & { variants?: Record<string, BlockVariant> }).variants;
}

/** The languages any block of the draft has texts in, sorted. */
export function draftLanguages(draft: RecipeDraftBody): string[] {
  const tags = new Set<string>();
  for (const block of draft.blocks) for (const tag of Object.keys(variants(block) ?? {})) tags.add(tag);
  return [...tags].sort();
}

export function variantOf(block: Block, tag: string): BlockVariant | undefined {
  return variants(block)?.[tag];
}

/** Removes a variant left with no text, and the block's variants when none is left: the server refuses empty ones. */
function prune(block: Block, tag: string): void {
  const all = variants(block);
  if (!all) return;
  const variant = all[tag];
  if (variant && variant.text === undefined && variant.invalidText === undefined && variant.buttons === undefined) delete all[tag];
  if (!Object.keys(all).length) delete (block as Block & { variants?: unknown }).variants;
}

function ensure(block: Block, tag: string): BlockVariant {
  const record = block as Block & { variants?: Record<string, BlockVariant> };
  record.variants = record.variants ?? {};
  return (record.variants[tag] = record.variants[tag] ?? {});
}

/** Sets a variant's text; an empty value removes it, so the visitor in that language hears the default text. */
export function setVariantText(block: Block, tag: string, key: VariantText, value: string): void {
  if (value === '') {
    const variant = variantOf(block, tag);
    if (variant) delete variant[key];
  } else {
    ensure(block, tag)[key] = value;
  }
  prune(block, tag);
}

/**
 * Sets the label of the block's button at `index` in a language. The variant's list always has one entry per
 * button; when every entry is empty the list goes, so the default labels apply.
 */
export function setVariantLabel(block: Block, tag: string, index: number, value: string): void {
  const count = block.buttons?.length ?? 0;
  const current = variantOf(block, tag)?.buttons ?? [];
  const labels = Array.from({ length: count }, (_, i) => (i === index ? value : current[i] ?? ''));
  if (labels.every((l) => l === '')) {
    const variant = variantOf(block, tag);
    if (variant) delete variant.buttons;
  } else {
    ensure(block, tag).buttons = labels;
  }
  prune(block, tag);
}

/** A button removed from the block goes from every language's labels too, so the counts still match. */
export function removeButtonEverywhere(block: Block, index: number): void {
  block.buttons?.splice(index, 1);
  for (const [tag, variant] of Object.entries(variants(block) ?? {})) {
    if (!variant.buttons) continue;
    variant.buttons.splice(index, 1);
    if (variant.buttons.every((l) => l === '')) delete variant.buttons;
    prune(block, tag);
  }
}

/** A button added to the block gets an empty label in every language that has labels: the server names what is missing. */
export function addButtonEverywhere(block: Block): void {
  for (const variant of Object.values(variants(block) ?? {})) if (variant.buttons) variant.buttons.push('');
}

/** Drops a language from every block. */
export function removeLanguage(draft: RecipeDraftBody, tag: string): void {
  for (const block of draft.blocks) {
    const all = variants(block);
    if (!all?.[tag]) continue;
    delete all[tag];
    prune(block, tag);
  }
}
