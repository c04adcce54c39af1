// Which room the window shows and what this page knows about rooms: the room's status, how far its transcript was
// read (lastSeq), the rooms this page has met, and whether the next read is history or live. Every message, from
// HTTP or realtime, passes through here, so it is shown once and the page hears of it once.

import type { ApiClient } from './api';
import { CallChain } from './callChain';
import { copyForPage, type EventBus } from './events';
import type { Message, RoomStatus } from './types';
import type { ChatUI } from './ui';

export interface Room {
  id: string;
  status: RoomStatus;
  /** Highest seq read from the transcript endpoint (the afterSeq of the next read). */
  lastSeq: number;
  /** The next transcript read is history of a room that was open before: no onIncomingMessage. */
  history: boolean;
}

export interface RoomTrackerOptions {
  http: Pick<ApiClient, 'openRoom' | 'getMessages'>;
  ui: ChatUI;
  events: EventBus;
  /** While the window is open nothing counts as unread and the bubble shows no dot. */
  windowOpen: () => boolean;
  /** POST /v1/rooms put this page in `roomId`: called before the transcript is read, so a connection started here
   * catches up with that read too. */
  entered: (roomId: string) => void;
  /** A visitor message with this clientMessageId reached the server (it needs no Retry). */
  delivered: (clientMessageId: string) => void;
}

export class RoomTracker {
  /** Transcript reads, one at a time. */
  readonly reads = new CallChain();
  private room: Room | null = null;
  /** Rooms this page has met, onChatStarted / onChatEnded fired for, message ids handled. */
  private readonly knownRooms = new Set<string>();
  private readonly startedRooms = new Set<string>();
  private readonly endedRooms = new Set<string>();
  private readonly seenMessages = new Set<string>();

  constructor(private readonly options: RoomTrackerOptions) {}

  /** The shown room unless it ended. */
  ongoing(): Room | null {
    return this.room && this.room.status !== 'ended' ? this.room : null;
  }

  /** The window shows `roomId`, ended or not. */
  isShowing(roomId: string): boolean {
    return this.room !== null && this.room.id === roomId;
  }

  hasMet(roomId: string): boolean {
    return this.knownRooms.has(roomId);
  }

  hasEnded(roomId: string): boolean {
    return this.endedRooms.has(roomId);
  }

  /** POST /v1/rooms (the visitor's open room, or a new one), announce it if new to this page, read its transcript. */
  async enter(): Promise<Room> {
    const result = await this.options.http.openRoom();
    // A room the server already had open but this page never met (a reload, the user's other device): what it
    // said so far is history, not incoming.
    const history = !result.created && !this.knownRooms.has(result.roomId);
    this.switchTo(result.roomId, result.status ?? 'open', history);
    this.announceStarted(result.roomId);
    this.options.entered(result.roomId);
    await this.sync();
    return this.room as Room;
  }

  /** Shows `roomId`; another room than the shown one starts an empty log, read from seq 0. */
  switchTo(roomId: string, status: RoomStatus, history: boolean): void {
    this.knownRooms.add(roomId);
    if (this.room && this.room.id === roomId) {
      this.room.status = status;
      return;
    }
    this.room = { id: roomId, status, lastSeq: 0, history };
    this.options.ui.clearMessages();
    this.options.ui.setActiveChat(status !== 'ended' && !this.options.windowOpen());
  }

  /** No room is shown: the session that owned it is gone. */
  forget(): void {
    this.room = null;
  }

  announceStarted(roomId: string): void {
    this.knownRooms.add(roomId);
    if (this.startedRooms.has(roomId)) return;
    this.startedRooms.add(roomId);
    this.options.events.emit('onChatStarted', { roomId });
  }

  /** Marks `roomId` ended; onChatEnded fires once, and only for a room this page has met. */
  ended(roomId: string, reason?: string): void {
    if (this.room && this.room.id === roomId) {
      this.room.status = 'ended';
      this.options.ui.showEnded(reason);
      this.options.ui.setActiveChat(false);
    }
    if (!this.knownRooms.has(roomId) || this.endedRooms.has(roomId)) return;
    this.endedRooms.add(roomId);
    this.options.events.emit('onChatEnded', { roomId });
  }

  /** Reads the transcript after the last seq seen. Reads never overlap. */
  sync(): Promise<void> {
    return this.reads.enqueue('reading the transcript', () => this.syncOnce());
  }

  private async syncOnce(): Promise<void> {
    const room = this.room;
    if (!room) return;
    const transcript = await this.options.http.getMessages(room.id, room.lastSeq);
    // The window moved on to another room while this read was out.
    if (this.room !== room) return;
    const silent = room.history;
    room.history = false;
    const messages = (transcript && Array.isArray(transcript.messages) ? transcript.messages : [])
      .slice()
      .sort((a, b) => a.seq - b.seq);
    for (const message of messages) {
      if (typeof message.seq === 'number' && message.seq > room.lastSeq) room.lastSeq = message.seq;
      this.accept(message, silent);
    }
    if (transcript && transcript.status === 'ended') this.ended(room.id);
    else if (transcript && transcript.status && room.status !== 'ended') room.status = transcript.status;
  }

  /** One message from HTTP or realtime: shown once, onIncomingMessage once per page life (none when `silent`). */
  accept(message: Message, silent: boolean): void {
    if (!message || typeof message.id !== 'string') return;
    const room = this.room;
    if (!room || message.roomId !== room.id) return;
    if (message.clientMessageId) this.options.delivered(message.clientMessageId);
    const ui = this.options.ui;
    if (!ui.hasMessage(message.id)) ui.showMessage(message);
    if (this.seenMessages.has(message.id)) return;
    this.seenMessages.add(message.id);
    if (message.sender === 'visitor') return;
    ui.showTyping(null);
    if (silent) return;
    if (!this.options.windowOpen()) ui.addUnread();
    this.options.events.emit('onIncomingMessage', copyForPage(message));
  }
}
