import { afterEach, describe, expect, it } from 'vitest';
import { readBrand } from '../src/brand';
import { ENGLISH } from '../src/locales';
import { ChatUI } from '../src/ui';

function script(brand: unknown): { getAttribute(name: string): string | null } {
  const raw = typeof brand === 'string' ? brand : JSON.stringify(brand);
  return { getAttribute: (name) => (name === 'data-brand' ? raw : null) };
}

describe('readBrand', () => {
  it('takes what the loader handed over', () => {
    expect(
      readBrand(script({ title: 'Acme help', accentColor: '#0b5394', launcherPosition: 'left', teamName: 'Acme', avatarUrl: 'https://cdn.example/a.png', replyTime: 'Replies in an hour' })),
    ).toEqual({ title: 'Acme help', accentColor: '#0b5394', launcherPosition: 'left', teamName: 'Acme', avatarUrl: 'https://cdn.example/a.png', replyTime: 'Replies in an hour' });
  });

  it('drops what would break the page or its styles: no brand, bad JSON, a CSS injection, a script URL', () => {
    expect(readBrand(null)).toEqual({});
    expect(readBrand(script('{not json'))).toEqual({});
    expect(readBrand(script({ accentColor: 'red;}body{display:none', avatarUrl: 'javascript:alert(1)', launcherPosition: 'top' }))).toEqual({});
  });
});

describe('ChatUI with a brand', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  const mount = (brand: Parameters<typeof readBrand>[0]) => {
    const ui = new ChatUI(document, ENGLISH, readBrand(brand));
    ui.mount();
    return ui.root!;
  };

  it('shows the title, the team and reply line and the avatar, and colours the bubble', () => {
    const root = mount(script({ title: 'Acme help', accentColor: '#0b5394', teamName: 'Acme', avatarUrl: 'https://cdn.example/a.png', replyTime: 'Replies in an hour' }));
    expect(root.querySelector('[data-testid="title"]')!.textContent).toBe('Acme help');
    expect(root.querySelector('[data-testid="window"]')!.getAttribute('aria-label')).toBe('Acme help');
    expect(root.querySelector('[data-testid="subtitle"]')!.textContent).toBe('Acme · Replies in an hour');
    expect(root.querySelector('[data-testid="avatar"]')!.getAttribute('src')).toBe('https://cdn.example/a.png');
    expect((root.querySelector('.root') as HTMLElement).style.getPropertyValue('--accent')).toBe('#0b5394');
  });

  it('puts the launcher on the side the brand says', () => {
    const root = mount(script({ launcherPosition: 'left' }));
    expect(root.querySelector('.root')!.classList.contains('side-left')).toBe(true);
  });

  it('without a brand keeps its own title and nothing more', () => {
    const root = mount(null);
    expect(root.querySelector('[data-testid="title"]')!.textContent).toBe(ENGLISH.strings.chat);
    expect(root.querySelector('[data-testid="subtitle"]')).toBeNull();
    expect(root.querySelector('[data-testid="avatar"]')).toBeNull();
    expect(root.querySelector('.root')!.className).toBe('root');
  });
});
