/*
 * Livechat widget entry point (bundled to dist/widget.js, served by the backend at /api/widget.js).
 *
 * Put this on the page (the first script may run before or after the second one loads):
 *
 *   <script>
 *     window.Verloop = window.Verloop || function (fn) { (window.Verloop.q = window.Verloop.q || []).push(fn); };
 *   </script>
 *   <script async src="https://YOUR-BACKEND/api/widget.js"></script>
 *
 * then drive it with Verloop(function () { this.openWidget(); this.onChatStarted(function (args) { ... }); }).
 * Calls made before the script loads are queued in Verloop.q and run in order once it has loaded;
 * later calls run at once. The API base URL is the origin of this script's src + "/api", unless
 * window.VerloopConfig = { apiBase: "https://..." } says otherwise; { language: "de" } picks the widget's
 * language over the page's <html lang> and the browser's.
 */

import { ApiClient, TokenStore, type StorageLike } from './api';
import { readBrand } from './brand';
import { findOwnScript, handedSessionToken, resolveApiBase, type VerloopConfig } from './config';
import { EventBus } from './events';
import { localeFor } from './locales';
import { installQueue, isInstalled } from './queue';
import { signalRRealtime } from './realtime';
import { storageTabChannel } from './tabs';
import { ChatUI } from './ui';
import { Widget } from './widget';

declare global {
  interface Window {
    Verloop?: unknown;
    VerloopConfig?: VerloopConfig;
  }
}

function localStorageOrNull(): StorageLike | null {
  try {
    const storage = window.localStorage;
    return storage ? storage : null;
  } catch {
    return null; // blocked (third-party storage settings, sandboxed frames)
  }
}

function domReady(): Promise<void> {
  if (document.body) return Promise.resolve();
  return new Promise((resolve) => {
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  });
}

function boot(): void {
  if (isInstalled(window)) return; // the script was included twice
  const ownScript = findOwnScript(document);
  const apiBase = resolveApiBase(window.VerloopConfig, ownScript, window.location.href);
  const handed = handedSessionToken(window.VerloopConfig);
  // A handed session lives in this page only: no stored token is read or replaced, no other tab is told or followed.
  const storage = handed ? null : localStorageOrNull();
  const tokens = new TokenStore(storage);
  if (handed) tokens.set({ sessionId: '', token: handed });
  const locale = localeFor(window.VerloopConfig?.language, document, window.navigator);
  const api = new ApiClient({
    apiBase,
    fetch: (url, init) => window.fetch(url, init),
    tokens,
    language: locale.tag ?? locale.lang,
  });
  const widget = new Widget({
    api,
    ui: new ChatUI(document, locale, readBrand(ownScript)),
    events: new EventBus(),
    realtime: signalRRealtime({ negotiate: () => api.negotiate(), baseUrl: apiBase }),
    domReady,
    tabs: handed ? undefined : storageTabChannel(window, storage),
    wake: (listener) => {
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') listener();
      });
      document.addEventListener('resume', listener); // a frozen page thawed (Page Lifecycle)
      window.addEventListener('online', listener);
      window.addEventListener('pageshow', (e) => {
        if (e.persisted) listener(); // back from the back-forward cache
      });
    },
  });
  widget.start();
  installQueue(window, widget.api);
}

boot();
