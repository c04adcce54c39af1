// Which room the window shows and what this page knows about rooms: the room's status, how far its transcript was
// read (lastSeq), the rooms this page has met, and whether the next read is history or live. Every message, from
// HTTP or realtime, passes through here, so it is shown once and the page hears of it once.

import type { ApiClient } from './api';
import { CallChain } from './callChain';
import { copyForPage, type EventBus } from './events';
import { showQueuePlace } from './queuePlace';
import type { Message, QueuePosition, RoomStatus } from './types';
import type { ChatUI } from './ui';

export interface Room {
  id: string;
  status: RoomStatus;
  /** Highest seq read from the transcript endpoint (the afterSeq of the next read). */
  lastSeq: number;
  /** The next transcript read is history of a room that was open before: no onIncomingMessage. */
  history: boolean;
}

export interface RoomTracker {
  /** Transcript reads, one at a time. */
  readonly reads: CallChain;
  /** The shown room unless it ended. */
  ongoing(): Room | null;
  /** The window shows `roomId`, ended or not. */
  isShowing(roomId: string): boolean;
  hasMet(roomId: string): boolean;
  hasEnded(roomId: string): boolean;
  /** POST /v1/rooms (the visitor's open room, or a new one), announce it if new to this page, read its transcript. */
  enter(): Promise<Room>;
  /** Shows `roomId`; another room than the shown one starts an empty log, read from seq 0. */
  switchTo(roomId: string, status: RoomStatus, history: boolean): void;
  /** No room is shown: the session that owned it is gone. */
  forget(): void;
  /** onChatStarted, once per room. */
  announceStarted(roomId: string): void;
  /** Marks `roomId` ended; onChatEnded fires once, and only for a room this page has met. */
  ended(roomId: string, reason?: string): void;
  /** Reads the transcript after the last seq seen. Reads never overlap. */
  sync(): Promise<void>;
  /** One message from HTTP or realtime: shown once, onIncomingMessage once per page life (none when `silent`). */
  accept(message: Message, silent: boolean): void;
}

export interface RoomTrackerOptions {
  http: Pick<ApiClient, 'openRoom' | 'getMessages'>;
  ui: ChatUI;
  events: EventBus;
  /** While the window is open nothing counts as unread and the bubble shows no dot. */
  windowOpen: () => boolean;
  /** POST /v1/rooms put this page in `roomId`. Called before the transcript is read, so that a connection started
   * here catches up with that read. */
  entered: (roomId: string) => void;
  /** A visitor message with this clientMessageId reached the server (it needs no Retry). */
  delivered: (clientMessageId: string) => void;
  /** A transcript read says the offline form was offered and nothing left yet (a reload shows the form again). */
  offered?: (roomId: string) => void;
  /** The place a transcript read gives, for the page's onQueuePositionChanged (as the realtime link tells it). */
  queuePosition?: (info: QueuePosition) => void;
}

export function createRoomTracker({ http, ui, events, windowOpen, entered, delivered, offered, queuePosition }: RoomTrackerOptions): RoomTracker {
  const reads = new CallChain();
  let room: Room | null = null;
  /** Rooms this page has met, onChatStarted / onChatEnded fired for, message ids handled. */
  const knownRooms = new Set<string>();
  const startedRooms = new Set<string>();
  const endedRooms = new Set<string>();
  const seenMessages = new Set<string>();

  const ongoing = (): Room | null => (room && room.status !== 'ended' ? room : null);

  function switchTo(roomId: string, status: RoomStatus, history: boolean): void {
    knownRooms.add(roomId);
    if (room && room.id === roomId) {
      room.status = status;
      return;
    }
    room = { id: roomId, status, lastSeq: 0, history };
    ui.clearMessages();
    ui.setActiveChat(status !== 'ended' && !windowOpen());
  }

  function announceStarted(roomId: string): void {
    knownRooms.add(roomId);
    if (startedRooms.has(roomId)) return;
    startedRooms.add(roomId);
    events.emit('onChatStarted', { roomId });
  }

  function ended(roomId: string, reason?: string): void {
    if (room && room.id === roomId) {
      room.status = 'ended';
      ui.showEnded(reason);
      ui.setActiveChat(false);
    }
    if (!knownRooms.has(roomId) || endedRooms.has(roomId)) return;
    endedRooms.add(roomId);
    events.emit('onChatEnded', { roomId });
  }

  const sync = (): Promise<void> => reads.enqueue('reading the transcript', syncOnce);

  async function syncOnce(): Promise<void> {
    const reading = room;
    if (!reading) return;
    const transcript = await http.getMessages(reading.id, reading.lastSeq);
    // The window moved on to another room while this read was out.
    if (room !== reading) return;
    const silent = reading.history;
    reading.history = false;
    const messages = (transcript && Array.isArray(transcript.messages) ? transcript.messages : [])
      .slice()
      .sort((a, b) => a.seq - b.seq);
    for (const message of messages) {
      if (typeof message.seq === 'number' && message.seq > reading.lastSeq) reading.lastSeq = message.seq;
      accept(message, silent);
    }
    if (transcript?.read && typeof transcript.read.agent === 'number') ui.showSeen(transcript.read.agent);
    if (transcript?.offline === 'offered' && transcript.status !== 'ended') offered?.(reading.id);
    // A reloaded or woken page learns its place here, not from a queuePosition event it may have missed.
    if (transcript?.status === 'waiting') showQueuePlace(ui, transcript.queue, queuePosition);
    if (transcript && transcript.status === 'ended') ended(reading.id);
    else if (transcript && transcript.status && reading.status !== 'ended') reading.status = transcript.status;
  }

  function accept(message: Message, silent: boolean): void {
    if (!message || typeof message.id !== 'string') return;
    if (!room || message.roomId !== room.id) return;
    if (message.clientMessageId) delivered(message.clientMessageId);
    // An agent's line (their join or their reply) says the room is with them now, before any transcript read does.
    if (message.agentId && room.status !== 'ended') room.status = 'agent';
    if (!ui.hasMessage(message.id)) ui.showMessage(message);
    if (seenMessages.has(message.id)) return;
    seenMessages.add(message.id);
    if (message.sender === 'visitor') return;
    ui.showTyping(null);
    if (silent) return;
    if (!windowOpen()) ui.addUnread();
    events.emit('onIncomingMessage', copyForPage(message));
  }

  return {
    reads,
    ongoing,
    isShowing: (roomId) => room !== null && room.id === roomId,
    hasMet: (roomId) => knownRooms.has(roomId),
    hasEnded: (roomId) => endedRooms.has(roomId),
    async enter() {
      const result = await http.openRoom();
      // A room the server already had open but this page never met (a reload, the user's other device): what it
      // said so far is history, not incoming.
      const history = !result.created && !knownRooms.has(result.roomId);
      switchTo(result.roomId, result.status ?? 'open', history);
      announceStarted(result.roomId);
      entered(result.roomId);
      await sync();
      return room as Room;
    },
    switchTo,
    forget() {
      room = null;
    },
    announceStarted,
    ended,
    sync,
    accept,
  };
}
