// The recipe pages: the list (/dashboard/recipes) and the editor (/dashboard/recipes/{recipeId}).

import type { Page } from '../router';
import { recipeEditorPage } from './editor';
import { recipeListPage } from './list';

export const recipePages: Page[] = [recipeListPage, recipeEditorPage];
