// The agent console's files: an uploaded file is shown as a preview (images) or a link (anything else), and a file
// the agent picks goes through an upload link straight to storage, then into a message that names it.

import type { Attachment, AttachmentUpload } from '../src/types';

/** An image as a preview with its name as alt text, anything else as a link named as the file. */
export function renderAttachment(attachment: Attachment): HTMLElement {
  const link = document.createElement('a');
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.className = 'attachment';
  link.dataset.testid = 'attachment';
  if (attachment.url && /^https?:/i.test(attachment.url)) link.href = attachment.url;
  if (attachment.contentType.startsWith('image/')) {
    const img = document.createElement('img');
    img.alt = attachment.name;
    img.className = 'preview';
    if (link.href) img.src = link.href;
    link.append(img);
  } else {
    link.textContent = `${attachment.name} (${Math.max(1, Math.round(attachment.size / 1024))} KB)`;
  }
  return link;
}

/** PUTs the file to its upload link with the headers the API named. */
export async function putFile(upload: AttachmentUpload, file: File): Promise<void> {
  const response = await fetch(upload.uploadUrl, { method: 'PUT', headers: upload.headers, body: file });
  if (!response.ok) throw new Error(`upload failed: HTTP ${response.status}`);
}
