// The recipe pages' styles live beside them (recipes.css) and are linked once, so the shared dashboard.css stays
// the shell's.

export function useRecipeStyles(): void {
  if (document.getElementById('recipes-css')) return;
  const link = document.createElement('link');
  link.id = 'recipes-css';
  link.rel = 'stylesheet';
  link.href = '/dashboard/recipes/recipes.css';
  document.head.append(link);
}
