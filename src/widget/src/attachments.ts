// The visitor's files: ask the API for an upload link, upload straight to storage with progress, then send the
// message that names the file. The server checks the stored file against what was declared before the message is
// stored, so a refused file shows as not sent and never reaches the agent.

import { ApiError, type ApiClient } from './api';
import type { CallChain } from './callChain';
import type { RoomTracker } from './roomTracker';
import type { ChatUI } from './ui';
import type { Uploader } from './upload';

export interface AttachmentSender {
  send(file: File): void;
}

export interface AttachmentSenderOptions {
  http: Pick<ApiClient, 'createAttachmentUpload' | 'postMessage'>;
  rooms: Pick<RoomTracker, 'ongoing' | 'enter' | 'accept'>;
  ui: Pick<ChatUI, 'addPendingFile' | 'fileProgress' | 'fileFailed'>;
  calls: CallChain;
  newId: () => string;
  upload: Uploader;
}

export function createAttachmentSender({ http, rooms, ui, calls, newId, upload }: AttachmentSenderOptions): AttachmentSender {
  return {
    send(file) {
      const clientMessageId = newId();
      ui.addPendingFile(clientMessageId, file.name);
      void calls.enqueue('attach', async () => {
        try {
          const room = rooms.ongoing() ?? (await rooms.enter());
          const link = await http.createAttachmentUpload(room.id, {
            name: file.name,
            contentType: file.type || 'application/octet-stream',
            size: file.size,
          });
          await upload(link, file, (fraction) => ui.fileProgress(clientMessageId, fraction));
          const result = await http.postMessage(room.id, { clientMessageId, attachmentId: link.attachmentId });
          if (result && result.message) rooms.accept(result.message, false);
        } catch (err) {
          // 400 and 413 are the server refusing the file itself (type, size, content): say so, not "try again".
          const refused = err instanceof ApiError && (err.status === 400 || err.status === 413);
          ui.fileFailed(clientMessageId, refused);
          throw err;
        }
      });
    },
  };
}
