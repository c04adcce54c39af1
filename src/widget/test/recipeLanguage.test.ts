import { describe, expect, it } from 'vitest';
import { ApiClient, TokenStore, type FetchLike } from '../src/api';
import { pickLocale, visitorTag } from '../src/locales';

describe('the language a chat opens in', () => {
  it('keeps the region of the tag that picked the widget strings', () => {
    expect(pickLocale(['de-ch']).tag).toBe('de-CH');
    expect(pickLocale(['pt-BR', 'fr_ca']).tag).toBe('fr-CA');
    expect(pickLocale(['zh-hant-tw', 'es']).lang).toBe('es');
  });

  it('names the visitor language a recipe may speak even when the widget strings fall back to English', () => {
    const nl = pickLocale(['nl-BE']);
    expect(nl.lang).toBe('en');
    expect(nl.strings.send).toBe('Send');
    expect(nl.tag).toBe('nl-BE');
    expect(pickLocale([]).tag).toBeUndefined();
  });

  it('reduces a candidate not shaped like a BCP 47 tag to its language', () => {
    expect(visitorTag('de_DE', 'de')).toBe('de-DE');
    expect(visitorTag('de-Deutschland-xx!', 'de')).toBe('de');
    expect(visitorTag('ES-419', 'es')).toBe('es-419');
  });

  it('sends the language with openRoom, and an empty body without one', async () => {
    const bodies: unknown[] = [];
    const fetch: FetchLike = async (url, init) => {
      bodies.push(url.endsWith('/v1/rooms') ? JSON.parse(String(init.body)) : null);
      const body = url.endsWith('/v1/sessions') ? { token: 't', sessionId: 's' } : { roomId: 'r1', status: 'open', created: true };
      return { status: 200, ok: true, text: async () => JSON.stringify(body) };
    };
    await new ApiClient({ apiBase: 'https://chat.example/api', fetch, tokens: new TokenStore(null), language: 'de-CH' }).openRoom();
    await new ApiClient({ apiBase: 'https://chat.example/api', fetch, tokens: new TokenStore(null) }).openRoom();
    expect(bodies.filter((b) => b !== null)).toEqual([{ language: 'de-CH' }, {}]);
  });
});
