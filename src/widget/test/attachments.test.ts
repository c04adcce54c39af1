import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/api';
import { createAttachmentSender } from '../src/attachments';
import { CallChain } from '../src/callChain';
import { LOCALES } from '../src/locales';
import type { Message } from '../src/types';
import { ChatUI, type UiCallbacks } from '../src/ui';

function mounted(attach = vi.fn()) {
  const ui = new ChatUI(document);
  ui.bind({ attach } as unknown as UiCallbacks);
  ui.mount();
  const root = ui.root!;
  return { ui, root, attach, q: (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`) };
}

function message(partial: Partial<Message>): Message {
  return { id: 'm1', roomId: 'r1', seq: 1, sender: 'agent', text: '', buttons: [], sentAt: '2026-01-01T10:00:00Z', ...partial };
}

describe('attachments in the widget', () => {
  it('shows an image as a preview whose alt text is the file name', () => {
    const { ui, q } = mounted();
    ui.showMessage(message({ attachment: { id: 'a1', name: 'cat.png', contentType: 'image/png', size: 10, url: 'https://blobs.test/r1/a1?sig=x' } }));

    const img = q('attachment-preview') as HTMLImageElement;
    expect(img.alt).toBe('cat.png');
    expect(img.src).toBe('https://blobs.test/r1/a1?sig=x');
  });

  it('shows any other file as a link named as the file, and follows no script link', () => {
    const { ui, root } = mounted();
    ui.showMessage(message({ attachment: { id: 'a1', name: 'prices.pdf', contentType: 'application/pdf', size: 2048, url: 'https://blobs.test/p' } }));
    ui.showMessage(message({ id: 'm2', seq: 2, attachment: { id: 'a2', name: 'x.pdf', contentType: 'application/pdf', size: 1, url: 'javascript:alert(1)' } }));

    const links = Array.from(root.querySelectorAll<HTMLAnchorElement>('[data-testid="attachment"]'));
    expect(links[0].textContent).toBe('prices.pdf (2 KB)');
    expect(links[0].href).toBe('https://blobs.test/p');
    expect(links[1].getAttribute('href')).toBeNull();
  });

  it('labels the attach button in every language', () => {
    for (const [lang, locale] of Object.entries(LOCALES)) {
      const ui = new ChatUI(document, { lang, ...locale });
      ui.mount();
      const attach = ui.root!.querySelector('[data-testid="attach"]')!;
      expect(attach.getAttribute('aria-label')).toBe(locale.strings.attachFile);
      expect(locale.strings.attachFile.length).toBeGreaterThan(0);
    }
  });

  it('uploads to the link, then sends the message naming the file; a refused file says so', async () => {
    const { ui, root } = mounted();
    const room = { id: 'r1', status: 'open' as const };
    const posted: unknown[] = [];
    const http = {
      createAttachmentUpload: vi.fn(async () => ({ attachmentId: 'a1', uploadUrl: 'https://blobs.test/up', expiresAt: '', headers: {} })),
      postMessage: vi.fn(async (_room: string, body: unknown) => {
        posted.push(body);
        if (posted.length === 2) throw new ApiError(400, { errors: { contentType: ['no'] } }, 'HTTP 400');
        return { message: message({ sender: 'visitor', clientMessageId: 'c1' }) };
      }),
    };
    const upload = vi.fn(async (_l: unknown, _f: Blob, progress: (f: number) => void) => progress(0.5));
    const rooms = { ongoing: () => room, enter: vi.fn(), accept: vi.fn() };
    const ids = ['c1', 'c2'];
    const sender = createAttachmentSender({ http, rooms: rooms as never, ui, calls: new CallChain(), newId: () => ids.shift()!, upload });

    sender.send(new File(['x'], 'cat.png', { type: 'image/png' }));
    sender.send(new File(['<html>'], 'page.png', { type: 'image/png' }));
    await vi.waitFor(() => expect(root.querySelector('[data-testid="upload-failed"]')).not.toBeNull());

    expect(http.createAttachmentUpload).toHaveBeenCalledWith('r1', { name: 'cat.png', contentType: 'image/png', size: 1 });
    expect(posted[0]).toEqual({ clientMessageId: 'c1', attachmentId: 'a1' });
    expect(rooms.accept).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[data-testid="upload-failed"]')!.textContent).toBe(LOCALES.en.strings.fileNotAccepted);
  });
});
