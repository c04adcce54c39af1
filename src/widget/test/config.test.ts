import { afterEach, describe, expect, it } from 'vitest';
import { findOwnScript, handedSessionToken, resolveApiBase } from '../src/config';

describe('API base URL', () => {
  afterEach(() => {
    document.head.innerHTML = '';
  });

  it('is the origin of the script src + /api', () => {
    expect(resolveApiBase(undefined, { src: 'https://chat.example.com/api/widget.js' }, 'https://shop.test/p')).toBe(
      'https://chat.example.com/api',
    );
  });

  it('resolves a relative src against the page', () => {
    expect(resolveApiBase(undefined, { src: '/api/widget.js' }, 'http://localhost:5000/')).toBe('http://localhost:5000/api');
  });

  it('is overridden by window.VerloopConfig.apiBase', () => {
    expect(resolveApiBase({ apiBase: 'https://other.test/api/' }, { src: 'https://chat.example.com/api/widget.js' }, 'https://shop.test/')).toBe(
      'https://other.test/api',
    );
  });

  it('falls back to the last script whose src ends with /widget.js', () => {
    for (const src of ['https://a.test/api/widget.js', 'https://cdn.test/lib.js', 'https://b.test/api/widget.js?v=2']) {
      const s = document.createElement('script');
      s.src = src;
      document.head.appendChild(s);
    }
    expect(findOwnScript(document)!.src).toBe('https://b.test/api/widget.js?v=2');
  });
});

describe('a handed session (the dashboard preview)', () => {
  it('is used only when the page set a non-empty token', () => {
    expect(handedSessionToken({ sessionToken: 'abc.def' })).toBe('abc.def');
    expect(handedSessionToken({ sessionToken: '' })).toBeNull();
    expect(handedSessionToken({ sessionToken: 42 as unknown as string })).toBeNull();
    expect(handedSessionToken(undefined)).toBeNull();
  });
});
