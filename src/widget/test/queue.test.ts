import { afterEach, describe, expect, it, vi } from 'vitest';
import { installQueue, isInstalled } from '../src/queue';
import { ALL_HANDLERS, makeHarness } from './fakes';

type Win = { Verloop?: any };

/** The customer's snippet, verbatim in behaviour. */
function snippet(win: Win): void {
  win.Verloop =
    win.Verloop ||
    function (fn: unknown) {
      (win.Verloop.q = win.Verloop.q || []).push(fn);
    };
}

describe('Verloop() queue', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    localStorage.clear();
  });

  it('runs calls made before load in order, once, after load', () => {
    const win: Win = {};
    snippet(win);
    const order: string[] = [];
    win.Verloop(() => order.push('a'));
    win.Verloop(() => order.push('b'));
    snippet(win); // the snippet included twice keeps the same stub and queue
    win.Verloop(() => order.push('c'));
    expect(order).toEqual([]);

    installQueue(win, {});
    expect(order).toEqual(['a', 'b', 'c']);
    expect(isInstalled(win)).toBe(true);
  });

  it('runs calls made after load at once', () => {
    const win: Win = {};
    snippet(win);
    const verloop = installQueue(win, {});
    const order: string[] = [];
    win.Verloop(() => order.push('now'));
    expect(order).toEqual(['now']);
    verloop(() => order.push('again'));
    expect(order).toEqual(['now', 'again']);
  });

  it('works without the snippet stub, and when a stale stub reference pushes later', () => {
    const win: Win = {};
    const order: string[] = [];
    installQueue(win, {});
    win.Verloop(() => order.push('direct'));
    // Code that kept the old stub pushes onto window.Verloop.q: it runs at once.
    (win.Verloop.q = win.Verloop.q || []).push(() => order.push('stale'));
    expect(order).toEqual(['direct', 'stale']);
  });

  it('passes the api as `this` and allows several calls per function', () => {
    const win: Win = {};
    snippet(win);
    const calls: string[] = [];
    const api = { a: () => calls.push('a'), b: () => calls.push('b'), c: () => calls.push('c') };
    win.Verloop(function (this: typeof api) {
      this.a();
      this.b();
    });
    installQueue(win, api);
    win.Verloop(function (this: typeof api) {
      this.c();
      this.a();
    });
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });

  it('keeps going when a callback throws or is not a function', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const win: Win = {};
    snippet(win);
    const order: string[] = [];
    win.Verloop(() => {
      throw new Error('boom');
    });
    win.Verloop('not a function');
    win.Verloop(() => order.push('after'));
    installQueue(win, {});
    expect(order).toEqual(['after']);
    expect(error).toHaveBeenCalledTimes(2);
  });

  it('runs a Verloop() call made from a queued callback after the rest of the queue', () => {
    const win: Win = {};
    snippet(win);
    const order: string[] = [];
    win.Verloop(() => {
      order.push('first');
      win.Verloop(() => order.push('nested'));
    });
    win.Verloop(() => order.push('second'));
    installQueue(win, {});
    expect(order).toEqual(['first', 'second', 'nested']);
  });

  it('exposes every call of the spec on `this`', () => {
    const h = makeHarness({ start: false });
    const win: Win = {};
    snippet(win);
    let seen: Record<string, unknown> = {};
    win.Verloop(function (this: Record<string, unknown>) {
      seen = this;
    });
    installQueue(win, h.widget.api);
    const expected = [
      'openWidget',
      'closeWidget',
      'setRecipe',
      'setUserParams',
      'setCustomField',
      'setDepartment',
      'clearDepartment',
      'setUserId',
      'logout',
      ...ALL_HANDLERS,
    ];
    for (const name of expected) expect(typeof seen[name], name).toBe('function');
    expect(seen).toBe(h.widget.api);
  });

  it('runs queued config calls in call order against the backend, after load', async () => {
    const h = makeHarness({ start: false });
    const win: Win = {};
    snippet(win);
    win.Verloop(function (this: any) {
      this.setUserId('alice');
      this.setDepartment('sales');
      this.openWidget();
    });
    win.Verloop(function (this: any) {
      this.onChatStarted((args: unknown) => h.events.push({ name: 'late handler', arg: args }));
    });
    void h.widget.start();
    installQueue(win, h.widget.api);
    await h.idle();
    expect(h.backend.log.filter((l) => !l.includes('messages') && !l.includes('negotiate'))).toEqual([
      'POST /v1/sessions',
      'PUT /v1/session/user',
      'PUT /v1/session/department',
      'POST /v1/rooms',
    ]);
    expect(h.events.map((e) => e.name)).toEqual([
      'onWidgetLoaded',
      'onChatMaximized',
      'onChatStarted',
      'late handler',
      'onIncomingMessage',
    ]);
  });
});
