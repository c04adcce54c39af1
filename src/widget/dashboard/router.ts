// Pages by URL under /dashboard/: each page says which paths it takes; links inside the dashboard move without a
// reload (History API), so a recipe's edit URL (/dashboard/recipes/{recipeId}) can be shared and bookmarked.

export interface PageContext {
  /** Shows a message in the page's status line (empty clears it). */
  status(text: string): void;
  /** Goes to another dashboard path, e.g. "/dashboard/recipes/faq". */
  navigate(path: string): void;
}

export interface Page {
  /** The nav label; pages without one are reached only by links. */
  title?: string;
  /** The nav link's path. */
  path: string;
  /** Matches the URL path; returns the captured parameters, or null. */
  match(path: string): string[] | null;
  render(container: HTMLElement, params: string[], context: PageContext): void | Promise<void>;
}

/** A page for exactly <c>base</c>, or for <c>base/{param}</c> when <c>withParam</c>. */
export function route(base: string, withParam = false): (path: string) => string[] | null {
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${withParam ? '/([^/]+)' : ''}/?$`);
  return (path) => {
    const m = pattern.exec(path);
    return m ? m.slice(1).map(decodeURIComponent) : null;
  };
}
