// /dashboard/recipes: every recipe with its newest version, whether pages may choose it and which one is the
// default; "New recipe" stores a draft under the new id and opens the editor (the recipe has no version until it is
// published).

import { admin, ApiError } from '../api';
import { el } from '../dom';
import type { Page, PageContext } from '../router';
import { route } from '../router';
import { useRecipeStyles } from './style';

interface RecipeListItem {
  id: string;
  name: string;
  version?: number;
  public: boolean;
  draft: boolean;
}

interface RecipeList {
  defaultRecipeId: string;
  recipes: RecipeListItem[];
}

const ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

export const recipeListPage: Page = {
  title: 'Recipes',
  path: '/dashboard/recipes',
  match: route('/dashboard/recipes'),
  async render(container, _params, context) {
    useRecipeStyles();
    const list = await admin<RecipeList>('GET', '/api/v1/admin/recipes');
    container.append(el('h1', {}, 'Recipes'), newRecipeForm(list, context), table(list, container, context));
  },
};

function table(list: RecipeList, container: HTMLElement, context: PageContext): HTMLElement {
  const body = el('tbody');
  for (const recipe of list.recipes) {
    const isDefault = recipe.id === list.defaultRecipeId;
    const setDefault = el('button', { type: 'button', disabled: recipe.version === undefined }, 'Set as default');
    setDefault.setAttribute('aria-label', `Set as default: ${recipe.id}`);
    setDefault.addEventListener('click', async () => {
      try {
        await admin('PUT', '/api/v1/admin/default-recipe', { recipeId: recipe.id });
        context.status('');
        container.replaceChildren();
        await recipeListPage.render(container, [], context);
        context.status(`${recipe.id} is the default recipe now.`);
      } catch (e) {
        context.status((e as Error).message);
      }
    });
    body.append(
      el(
        'tr',
        { 'data-recipe': recipe.id },
        el('td', {}, el('a', { href: `/dashboard/recipes/${encodeURIComponent(recipe.id)}` }, recipe.id)),
        el('td', {}, recipe.name),
        el('td', {}, recipe.version === undefined ? 'not published' : `v${recipe.version}`, recipe.draft && recipe.version !== undefined ? ' (draft)' : ''),
        el('td', {}, recipe.public ? 'public' : 'private'),
        el('td', { class: 'default-cell' }, isDefault ? el('strong', {}, 'Default') : setDefault),
      ),
    );
  }
  return el(
    'table',
    { id: 'recipes' },
    el('thead', {}, el('tr', {}, ...['Id', 'Name', 'Newest version', 'Pages may choose it', 'Default'].map((h) => el('th', { scope: 'col' }, h)))),
    body,
  );
}

function newRecipeForm(list: RecipeList, context: PageContext): HTMLElement {
  const id = el('input', { id: 'new-recipe-id', required: true, pattern: '[A-Za-z0-9_.\\-]{1,64}', autocomplete: 'off' });
  const name = el('input', { id: 'new-recipe-name', required: true, maxlength: '100', autocomplete: 'off' });
  const error = el('p', { class: 'error', id: 'new-recipe-error', role: 'alert' });
  const form = el(
    'form',
    { class: 'panel new-recipe', 'aria-labelledby': 'new-recipe-title' },
    el('h2', { id: 'new-recipe-title' }, 'New recipe'),
    el('div', { class: 'row' }, el('label', { for: 'new-recipe-id' }, 'Id (in the edit URL)'), id, el('label', { for: 'new-recipe-name' }, 'Name'), name,
      el('button', { type: 'submit', class: 'primary' }, 'Create')),
    error,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const recipeId = id.value.trim();
    error.textContent = '';
    if (!ID_PATTERN.test(recipeId)) return void (error.textContent = 'The id is 1 to 64 letters, digits, "-", "_" or ".".');
    if (list.recipes.some((r) => r.id === recipeId)) return void (error.textContent = `A recipe "${recipeId}" exists; open it from the list.`);
    try {
      await admin('PUT', `/api/v1/admin/recipes/${encodeURIComponent(recipeId)}/draft`, { name: name.value.trim(), startBlockId: '', blocks: [] });
      context.navigate(`/dashboard/recipes/${encodeURIComponent(recipeId)}`);
    } catch (err) {
      error.textContent = err instanceof ApiError ? Object.values(err.problem.errors ?? {}).flat().join(' ') || err.message : (err as Error).message;
    }
  });
  return form;
}
