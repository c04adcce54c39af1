// The visitor's place in the queue, from a queuePosition event or a transcript read (a reload, a wake): shown above
// the composer and told to the page's onQueuePositionChanged handlers. A malformed one is ignored.

import type { QueuePosition } from './types';
import type { ChatUI } from './ui';

export function showQueuePlace(
  ui: Pick<ChatUI, 'showQueuePosition'>,
  data: { position?: unknown; estimatedWaitSeconds?: unknown } | null | undefined,
  tell?: (info: QueuePosition) => void,
): void {
  if (!data || typeof data.position !== 'number' || typeof data.estimatedWaitSeconds !== 'number') return;
  const info: QueuePosition = { position: data.position, estimatedWaitSeconds: data.estimatedWaitSeconds };
  ui.showQueuePosition(info);
  tell?.(info);
}
