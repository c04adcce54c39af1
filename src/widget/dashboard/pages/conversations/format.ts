// Formatting and query helpers of the conversations and overview pages, kept apart from the DOM so they are tested alone.

export interface Message {
  id: string;
  seq: number;
  sender: 'visitor' | 'bot' | 'agent' | 'system';
  text: string;
  agentId?: string;
  sentAt: string;
  /** A file sent in the chat; url is a short-lived read link the API signed for this answer. */
  attachment?: Attachment | null;
}

export interface Attachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
  url?: string | null;
}

/** A file's size for people: bytes, KB or MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export interface ConversationRow {
  roomId: string;
  status: string;
  department?: string;
  userId?: string;
  visitorName?: string;
  startedAt: string;
  endedAt?: string;
  agentId?: string;
  messageCount: number;
  lastMessage?: { sender: string; text: string; sentAt: string };
  offline?: 'offered' | 'left' | null;
  contact?: { name: string; email: string } | null;
  csat?: { rating: number; comment?: string | null; submittedAt: string } | null;
}

export interface ConversationPage {
  conversations: ConversationRow[];
  continuationToken?: string;
}

export interface Field {
  key: string;
  value: string;
  updatedAt: string;
  source?: string;
}

export interface ConversationDetail {
  roomId: string;
  status: string;
  department?: string;
  agentId?: string;
  userId?: string;
  userVerified: boolean;
  pageAsserted: string[];
  visitorId: string;
  recipeId: string;
  recipeVersion: number;
  params: { name?: string; email?: string; phone?: string };
  userFields: Field[];
  roomFields: Field[];
  startedAt: string;
  endedAt?: string;
  endReason?: string;
  messages: Message[];
  truncated?: boolean;
  /** The agents' internal notes (never shown to the visitor), each after message afterSeq. */
  notes?: RoomNote[];
  offline?: 'offered' | 'left' | null;
  contact?: { name: string; email: string } | null;
  csat?: { rating: number; comment?: string | null; submittedAt: string } | null;
}

export interface RoomNote {
  id: string;
  afterSeq: number;
  agentId: string;
  agentName: string;
  text: string;
  sentAt: string;
}

export interface Overview {
  days: number;
  chatsPerDay: { date: string; chats: number }[];
  chats: number;
  ended: number;
  botFinished: number;
  botFinishedShare?: number;
  answered: number;
  medianFirstReplySeconds?: number;
  waitingNow: number;
}

/** The filters the list's form and URL carry, in the API's names. */
export const FILTERS = ['status', 'department', 'userId', 'from', 'to', 'q', 'offline'] as const;

/** The API query for the page's URL query: only the filters and the token, empty values left out. */
export function apiQuery(search: string): string {
  const from = new URLSearchParams(search);
  const to = new URLSearchParams();
  for (const name of [...FILTERS, 'continuationToken']) {
    const value = from.get(name)?.trim();
    if (value) to.set(name, value);
  }
  const text = to.toString();
  return text ? `?${text}` : '';
}

/** "45 s", "3 min 20 s", "2 h 5 min"; a dash for no value. */
export function duration(seconds: number | undefined | null): string {
  if (seconds === undefined || seconds === null) return '–';
  if (seconds < 1) return 'under 1 s';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
}

/** A share as a whole percentage; a dash for none. */
export function percent(share: number | undefined | null): string {
  return share === undefined || share === null ? '–' : `${Math.round(share * 100)} %`;
}

/** A time as the browser's locale writes it, to the minute (or to the second, for a transcript's lines). */
export function when(iso: string | undefined, seconds = false): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' });
}

export interface Bar {
  date: string;
  chats: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Bars of a chart <c>width</c> by <c>height</c> (a bar's height is to the tallest day; a day without chats keeps a 1px stub). */
export function bars(days: { date: string; chats: number }[], width: number, height: number): Bar[] {
  const max = Math.max(1, ...days.map((d) => d.chats));
  const slot = width / Math.max(1, days.length);
  return days.map((d, i) => {
    const h = d.chats === 0 ? 1 : Math.max(2, (d.chats / max) * height);
    return { date: d.date, chats: d.chats, x: i * slot + slot * 0.15, y: height - h, width: slot * 0.7, height: h };
  });
}

export const SENDER_LABELS: Record<string, string> = { visitor: 'Visitor', bot: 'Bot', agent: 'Agent', system: 'System' };
