// Handler registry and dispatch for the page-facing event handlers (onChatStarted, ...).
// Several handlers per event are allowed; each call is isolated: a handler that throws (or
// returns a rejected promise) is reported with console.error and never stops the others.

export const HANDLER_NAMES = [
  'onButtonClicked',
  'onChatStarted',
  'onChatEnded',
  'onIncomingMessage',
  'onLogoutComplete',
  'onChatMaximized',
  'onChatMinimized',
  'onWidgetLoaded',
  'onQueuePositionChanged',
] as const;

export type HandlerName = (typeof HANDLER_NAMES)[number];
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler = (...args: any[]) => unknown;

export class EventBus {
  private readonly handlers = new Map<HandlerName, Handler[]>();
  private thisArg: unknown;

  constructor(thisArg?: unknown) {
    this.thisArg = thisArg;
  }

  /** The value of `this` inside handlers (the widget API object). */
  setThis(thisArg: unknown): void {
    this.thisArg = thisArg;
  }

  on(name: HandlerName, fn: unknown): void {
    if (typeof fn !== 'function') {
      console.error(`[Verloop] ${name} expects a function, got ${typeof fn}`);
      return;
    }
    const list = this.handlers.get(name);
    if (list) list.push(fn as Handler);
    else this.handlers.set(name, [fn as Handler]);
  }

  count(name: HandlerName): number {
    return this.handlers.get(name)?.length ?? 0;
  }

  /** Calls every handler of `name` synchronously, in registration order. */
  emit(name: HandlerName, ...args: unknown[]): void {
    const list = this.handlers.get(name);
    if (!list) return;
    for (const fn of list.slice()) this.emitTo(name, fn, ...args);
  }

  /** Calls one handler of `name`, isolated like every other call. */
  emitTo(name: HandlerName, fn: Handler, ...args: unknown[]): void {
    try {
      const result = fn.apply(this.thisArg, args);
      if (result && typeof (result as PromiseLike<unknown>).then === 'function') {
        (result as Promise<unknown>).then(undefined, (err) => report(name, err));
      }
    } catch (err) {
      report(name, err);
    }
  }
}

function report(name: string, err: unknown): void {
  console.error(`[Verloop] ${name} handler threw:`, err);
}

/** What a handler gets: a copy, so a page that edits its argument changes nothing the widget shows or sends. */
export function copyForPage<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
