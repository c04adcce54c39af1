// Shared wire types of the backend HTTP API and realtime hub.

export type Sender = 'visitor' | 'bot' | 'agent' | 'system';
export type RoomStatus = 'open' | 'waiting' | 'agent' | 'ended';

export interface ChatButton {
  id: string;
  label: string;
}

export interface Message {
  id: string;
  roomId: string;
  seq: number;
  sender: Sender;
  text: string;
  buttons: ChatButton[];
  blockId?: string | null;
  clientMessageId?: string | null;
  buttonId?: string | null;
  /** The agent who wrote it, or who joined (their "joined the chat" line). */
  agentId?: string | null;
  /** A file sent with the message; `url` is a short-lived read link (a fresh one comes with each read). */
  attachment?: Attachment | null;
  sentAt: string;
}

export interface Attachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
  url?: string;
}

/** Body of POST /v1/rooms/{roomId}/attachments: what the visitor's file is. */
export interface AttachmentRequest {
  name: string;
  contentType: string;
  size: number;
}

/** Where to PUT the file: the link, the headers the PUT carries, and the id the message names. */
export interface AttachmentUpload {
  attachmentId: string;
  uploadUrl: string;
  expiresAt: string;
  headers: Record<string, string>;
}

export interface CreatedSession {
  sessionId: string;
  token: string;
  expiresAt?: string;
}

export interface UserParams {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface SessionInfo {
  sessionId: string;
  visitorId: string;
  userId: string | null;
  openRoomId: string | null;
  department: string | null;
  recipeId: string | null;
  userParams: UserParams | null;
}

export interface OpenRoomResult {
  roomId: string;
  status: RoomStatus;
  created: boolean;
}

export interface Transcript {
  roomId: string;
  status: RoomStatus;
  messages: Message[];
  /** How far each side has seen the room (0: nothing yet). */
  read?: ReadWatermarks;
  /** While the room waits for an agent: its place in the queue, as the last queuePosition event said. */
  queue?: QueuePosition | null;
  /** "offered": a transfer offered the offline form; "left": the visitor left a message (the room then ends). */
  offline?: 'offered' | 'left' | null;
}

/** "Seen up to seq N", per side of a room. */
export interface ReadWatermarks {
  visitor: number;
  agent: number;
}

/** Answer of a read report; `throttled`: too soon after the last one, report again shortly. */
export interface ReadRecorded {
  seq: number;
  throttled: boolean;
}

export interface NegotiateResult {
  url: string;
  accessToken: string;
}

export type FieldScope = 'user' | 'room';

/** Body of POST /v1/rooms/{roomId}/messages. A button reply also carries the label as text. */
export type OutgoingMessage =
  | { clientMessageId: string; text: string }
  | { clientMessageId: string; buttonId: string; text?: string }
  | { clientMessageId: string; attachmentId: string; text?: string };

/** The chat's place in its department's queue (1 = next) and a rough wait, from the `queuePosition` event. */
export interface QueuePosition {
  position: number;
  estimatedWaitSeconds: number;
}
