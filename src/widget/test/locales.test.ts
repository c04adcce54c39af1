import { afterEach, describe, expect, it } from 'vitest';
import { LOCALES, localeFor, pickLocale } from '../src/locales';
import { ChatUI } from '../src/ui';

describe('pickLocale', () => {
  it('takes the first candidate the widget speaks, a region falling back to its language', () => {
    expect(pickLocale(['pt-BR', 'de-AT', 'fr']).lang).toBe('de');
    expect(pickLocale(['ES']).strings.send).toBe('Enviar');
  });

  it('falls back to English for unknown, empty or missing languages', () => {
    expect(pickLocale(['xx', '', null, undefined]).lang).toBe('en');
    expect(pickLocale([]).strings.openChat).toBe('Open chat');
  });

  it('marks Arabic right to left, the others left to right', () => {
    expect(pickLocale(['ar-EG']).dir).toBe('rtl');
    expect(pickLocale(['fr-CA']).dir).toBe('ltr');
  });

  it('has every string in every language, none empty', () => {
    const keys = Object.keys(LOCALES.en.strings).sort();
    for (const [lang, locale] of Object.entries(LOCALES)) {
      expect(Object.keys(locale.strings).sort(), lang).toEqual(keys);
      for (const value of Object.values(locale.strings)) expect(value.trim(), lang).not.toBe('');
    }
  });
});

describe('localeFor', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('prefers the snippet setting, then the page language, then the browser', () => {
    document.documentElement.setAttribute('lang', 'fr');
    const browser = { languages: ['es-ES'], language: 'es-ES' };
    expect(localeFor('de', document, browser).lang).toBe('de');
    expect(localeFor(undefined, document, browser).lang).toBe('fr');
    document.documentElement.removeAttribute('lang');
    expect(localeFor(undefined, document, browser).lang).toBe('es');
    expect(localeFor(undefined, document, undefined).lang).toBe('en');
  });
});

describe('ChatUI in another language', () => {
  afterEach(() => document.getElementById('verloop-widget')?.remove());

  it('shows German labels and says why the chat ended in German', () => {
    const ui = new ChatUI(document, pickLocale(['de']));
    ui.mount();
    const root = ui.root!;
    expect(root.querySelector('[data-testid=bubble]')!.getAttribute('aria-label')).toBe('Chat öffnen');
    expect(root.querySelector('[data-testid=send]')!.textContent).toBe('Senden');
    ui.showEnded('agent');
    expect(root.querySelector('[data-testid=notice]')!.textContent).toBe('Chat vom Mitarbeiter beendet');
    expect(root.querySelector<HTMLInputElement>('[data-testid=input]')!.placeholder).toBe('Schreiben Sie, um einen neuen Chat zu beginnen…');
  });

  it('lays Arabic out right to left, in its language', () => {
    const ui = new ChatUI(document, pickLocale(['ar']));
    ui.mount();
    const wrap = ui.root!.querySelector('.root')!;
    expect(wrap.getAttribute('dir')).toBe('rtl');
    expect(wrap.getAttribute('lang')).toBe('ar');
    expect(ui.root!.querySelector('[data-testid=send]')!.textContent).toBe('إرسال');
  });
});
