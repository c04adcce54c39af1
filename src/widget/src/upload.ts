// Puts a file's bytes to the upload link the API gave (Blob Storage, never through the API), reporting progress.
// XMLHttpRequest, not fetch: fetch cannot report upload progress.

import type { AttachmentUpload } from './types';

export type Uploader = (upload: AttachmentUpload, file: Blob, progress: (fraction: number) => void) => Promise<void>;

export const xhrUploader: Uploader = (upload, file, progress) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', upload.uploadUrl);
    for (const [name, value] of Object.entries(upload.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) progress(e.loaded / e.total);
    };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(`upload failed: HTTP ${xhr.status}`)));
    xhr.onerror = () => reject(new Error('upload failed: network error'));
    xhr.send(file);
  });
