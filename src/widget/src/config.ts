// Where the backend lives. Default: the origin of this script's own src + "/api", so the
// snippet needs no configuration; window.VerloopConfig = { apiBase } overrides it. The widget's language:
// window.VerloopConfig = { language: "de" }, else the page's <html lang>, else the browser's (locales.ts).

export interface VerloopConfig {
  apiBase?: string;
  language?: string;
  /**
   * A session the page was handed (the dashboard's "Try it" preview): used instead of the stored one, kept in memory
   * only and not shared with other tabs, so the visitor session in localStorage["verloop.session"] stays as it was.
   */
  sessionToken?: string;
}

/** The handed session token, when the page set a usable one. */
export function handedSessionToken(config: VerloopConfig | undefined): string | null {
  return config && typeof config.sessionToken === 'string' && config.sessionToken ? config.sessionToken : null;
}

interface ScriptLike {
  src: string;
  getAttribute?(name: string): string | null;
}

export function findOwnScript(doc: Document): ScriptLike | null {
  const current = doc.currentScript as HTMLScriptElement | null;
  if (current && current.src) return current;
  const scripts = Array.from(doc.getElementsByTagName('script')).filter((s) =>
    /\/widget\.js(?:[?#].*)?$/.test(s.src),
  );
  return scripts.length ? scripts[scripts.length - 1] : null;
}

export function resolveApiBase(
  config: VerloopConfig | undefined,
  script: ScriptLike | null,
  pageUrl: string,
): string {
  if (config && typeof config.apiBase === 'string' && config.apiBase) {
    return new URL(config.apiBase, pageUrl).toString().replace(/\/+$/, '');
  }
  if (script && script.src) return `${new URL(script.src, pageUrl).origin}/api`;
  return `${new URL(pageUrl).origin}/api`;
}
