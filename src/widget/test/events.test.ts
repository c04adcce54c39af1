import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../src/events';
import { makeHarness, names } from './fakes';

describe('EventBus', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    localStorage.clear();
  });

  it('calls several handlers of one event in registration order, with the argument', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    bus.on('onChatStarted', (a: { roomId: string }) => seen.push(`1:${a.roomId}`));
    bus.on('onChatStarted', (a: { roomId: string }) => seen.push(`2:${a.roomId}`));
    bus.on('onChatEnded', () => seen.push('ended'));
    bus.emit('onChatStarted', { roomId: 'r1' });
    expect(seen).toEqual(['1:r1', '2:r1']);
    expect(bus.count('onChatStarted')).toBe(2);
  });

  it('does nothing for an event without handlers', () => {
    expect(() => new EventBus().emit('onWidgetLoaded')).not.toThrow();
  });

  it('reports a throwing handler with console.error and still calls the others', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bus = new EventBus();
    const seen: string[] = [];
    bus.on('onIncomingMessage', () => seen.push('before'));
    bus.on('onIncomingMessage', () => {
      throw new Error('handler bug');
    });
    bus.on('onIncomingMessage', () => seen.push('after'));
    expect(() => bus.emit('onIncomingMessage', { text: 'hi' })).not.toThrow();
    expect(seen).toEqual(['before', 'after']);
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][1])).toContain('handler bug');
  });

  it('reports a handler whose promise rejects', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bus = new EventBus();
    bus.on('onChatMaximized', async () => {
      throw new Error('async bug');
    });
    bus.emit('onChatMaximized');
    await new Promise((r) => setTimeout(r, 0));
    expect(error).toHaveBeenCalledTimes(1);
  });

  it('rejects a handler that is not a function', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bus = new EventBus();
    bus.on('onChatEnded', 'nope');
    expect(bus.count('onChatEnded')).toBe(0);
    expect(error).toHaveBeenCalled();
  });

  it('calls handlers with `this` = the api', () => {
    const api = { marker: true };
    const bus = new EventBus(api);
    let self: unknown;
    bus.on('onWidgetLoaded', function (this: unknown) {
      self = this;
    });
    bus.emit('onWidgetLoaded');
    expect(self).toBe(api);
  });

  it('keeps the widget working when page handlers throw', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const h = makeHarness({ start: false });
    for (const name of ['onWidgetLoaded', 'onChatMaximized', 'onChatStarted', 'onIncomingMessage'] as const) {
      h.widget.api[name](() => {
        throw new Error(`${name} broke`);
      });
    }
    void h.widget.start();
    void h.widget.api.openWidget();
    await h.idle();
    expect(names(h.events)).toEqual(['onWidgetLoaded', 'onChatMaximized', 'onChatStarted', 'onIncomingMessage']);
    expect(error).toHaveBeenCalledTimes(4);
    expect(h.shadow().querySelector('[data-testid="window"]')!.hasAttribute('hidden')).toBe(false);
    expect(h.shadow().querySelectorAll('[data-testid="message"]')).toHaveLength(1);
  });
});
