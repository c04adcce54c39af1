// The agent console: one page, plain DOM, every text set with textContent. It talks to the agent API with the
// agent token an administrator issued (POST /api/v1/admin/agents/token) and listens on the realtime hub as the
// agent: roomWaiting / roomClaimed keep the queues live, message / agentJoined / chatEnded the open chats.

import { HubConnection, HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import type { AttachmentUpload, Message, NegotiateResult, RoomStatus, Transcript } from '../src/types';
import { putFile, renderAttachment } from './attachments';
import { Alerts } from './alerts';
import { CannedPicker, type CannedResponse } from './cannedPicker';
import { ReadReporter, seenMessageSeq, unreadCount, type ReadRecorded } from './receipts';
import { renderVisitorPanel, type VisitorProfile } from './visitorPanel';

/** An agent's internal note, shown after message `afterSeq`; the visitor never gets it. */
interface Note {
  id: string;
  roomId: string;
  afterSeq: number;
  agentId: string;
  agentName: string;
  text: string;
  sentAt: string;
}

interface QueuedRoom {
  roomId: string;
  department: string;
  visitorName?: string | null;
  enqueuedAt: string;
  userId?: string | null;
  userVerified?: boolean;
}

/** Who the agent talks to; pageAsserted names what only the visitor's page vouches for. */
interface RoomVisitor {
  visitorId: string;
  userId?: string | null;
  userVerified: boolean;
  department?: string | null;
  pageAsserted: string[];
}

/** How the console names a visitor: a user id says whether the customer's server vouched for it. */
function visitorLabel(v: { userId?: string | null; userVerified?: boolean; visitorName?: string | null }): string {
  const parts: string[] = [];
  if (v.visitorName) parts.push(v.visitorName);
  if (v.userId) parts.push(v.userVerified ? `${v.userId} (verified)` : `${v.userId} (unverified: said by the page)`);
  return parts.join(' · ');
}

/** GET/PUT /api/v1/agent/presence. */
interface Presence {
  status: 'online' | 'away' | 'offline';
  chosen?: string | null;
  capacity: number;
  roomIds: string[];
}

interface Problem {
  title?: string;
  detail?: string;
}

interface TokenClaims {
  agentId: string;
  name: string;
  departments: string[];
}

const TOKEN_KEY = 'livechat-agent-token';
/** How often an open console tells the app it is there (the dashboard's online: heard within 2 minutes). */
const HEARTBEAT_MS = 45_000;
const SIGNED_OUT = 'your agent token was revoked or has expired. Ask an administrator for a new one.';

const $ = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing`);
  return found as T;
};

/** Reads the (unverified) claims of an agent token to label the page; the server checks the signature. */
export function readClaims(token: string): TokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'agent') return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as { A?: unknown; N?: unknown; D?: unknown };
    if (typeof claims.A !== 'string' || typeof claims.N !== 'string' || !Array.isArray(claims.D)) return null;
    return { agentId: claims.A, name: claims.N, departments: claims.D.filter((d): d is string => typeof d === 'string') };
  } catch {
    return null;
  }
}

class AgentConsole {
  private token = '';
  private claims: TokenClaims | null = null;
  private hub: HubConnection | null = null;
  private readonly queues = new Map<string, Map<string, QueuedRoom>>();
  /** Rooms this console took part in: their status and transcript so far. */
  private readonly rooms = new Map<
    string,
    {
      status: RoomStatus;
      messages: Map<number, Message>;
      visitor?: RoomVisitor;
      notes: Map<string, Note>;
      /** Read watermarks: how far the agent (unread counts) and the visitor ("Seen") have seen the chat. */
      agentRead: number;
      visitorRead: number;
    }
  >();
  private picker: CannedPicker | null = null;
  private alerts: Alerts | null = null;
  private readonly reads = new ReadReporter((roomId, seq) =>
    this.call<ReadRecorded>('POST', `/api/v1/agent/rooms/${encodeURIComponent(roomId)}/read`, { seq }),
  );
  /** Canned responses by department, loaded once a chat of that department opens. */
  private readonly canned = new Map<string, CannedResponse[]>();
  private profile: VisitorProfile | null = null;
  private current: string | null = null;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  /** Set once the server refused the token: calls still in flight then fail too, and must not hide why. */
  private refused = false;
  private readonly api: string;

  constructor() {
    // Only ever the console's own origin: an API base taken from the URL would send the agent's token to
    // whoever wrote the link.
    this.api = location.origin;
  }

  init(): void {
    $('origin').textContent = location.origin;
    const saved = sessionStorage.getItem(TOKEN_KEY);
    if (saved) $<HTMLInputElement>('token').value = saved;
    $<HTMLFormElement>('sign-in').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.signIn($<HTMLInputElement>('token').value.trim());
    });
    $<HTMLButtonElement>('sign-out').addEventListener('click', () => void this.signOut());
    $<HTMLFormElement>('composer').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.send();
    });
    $<HTMLButtonElement>('close-room').addEventListener('click', () => void this.closeRoom());
    $<HTMLSelectElement>('presence').addEventListener('change', () => void this.setPresence($<HTMLSelectElement>('presence').value));
    $<HTMLInputElement>('text').addEventListener('input', () => this.typed());
    this.picker = new CannedPicker($<HTMLInputElement>('text'), $<HTMLUListElement>('canned'));
    this.alerts = new Alerts($<HTMLInputElement>('alerts'));
    $<HTMLButtonElement>('add-note').addEventListener('click', () => void this.addNote());
    document.addEventListener('visibilitychange', () => this.markRead());
    renderVisitorPanel($('visitor-panel'), null);
    $<HTMLInputElement>('file').addEventListener('change', () => void this.sendFile());
    this.renderChat();
    const invite = new URLSearchParams(location.search).get('invite');
    if (invite !== null) void this.redeem(invite);
    else if (saved) void this.signIn(saved);
  }

  /**
   * An invitation link (/agent/?invite=CODE): the one-time code becomes this agent's token. The code leaves the
   * address bar first, so it is not in the history, a bookmark or a screenshot, whether or not it still works.
   */
  private async redeem(code: string): Promise<void> {
    const url = new URL(location.href);
    url.searchParams.delete('invite');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    let token: string;
    try {
      token = (await this.call<{ token: string }>('POST', '/api/v1/agent/invitations/redeem', { code })).token;
    } catch (e) {
      this.status(`This sign-in link does not work: ${(e as Error).message}`);
      return;
    }
    await this.signIn(token);
  }

  private async signIn(token: string): Promise<void> {
    this.refused = false;
    this.status('');
    const claims = readClaims(token);
    if (!claims) {
      this.status('That is not an agent token.');
      return;
    }
    this.token = token;
    this.claims = claims;
    try {
      await this.connect();
    } catch (e) {
      this.status(`Could not sign in: ${(e as Error).message}`);
      this.token = '';
      this.claims = null;
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => void this.call('POST', '/api/v1/agent/heartbeat').catch(() => undefined), HEARTBEAT_MS);
    $('who').textContent = `${claims.name} (${claims.agentId}) · ${claims.departments.join(', ')}`;
    $('signed-out').hidden = true;
    $('signed-in').hidden = false;
    $('sign-out').hidden = false;
    await this.refreshQueues();
    await this.loadPresence();
  }

  /** The agent's presence and the chats it holds (assigned while no console was open too): listed, the first opened. */
  private async loadPresence(): Promise<void> {
    try {
      this.showPresence(await this.call<Presence>('GET', '/api/v1/agent/presence'));
    } catch (e) {
      this.status(`Presence: ${(e as Error).message}`);
    }
  }

  /** Online takes chats from the queues (up to the capacity); away takes none; offline also hands back unanswered ones. */
  private async setPresence(status: string): Promise<void> {
    try {
      this.showPresence(await this.call<Presence>('PUT', '/api/v1/agent/presence', { status }));
    } catch (e) {
      this.status(`Presence not changed: ${(e as Error).message}`);
    }
  }

  private showPresence(presence: Presence): void {
    const select = $<HTMLSelectElement>('presence');
    select.disabled = false;
    select.value = presence.status;
    select.title = `Up to ${presence.capacity} chats at once`;
    for (const roomId of presence.roomIds) void this.assigned(roomId);
  }

  /**
   * A chat this agent holds, assigned to it or claimed: listed and read now, opened when none is. Always read, even
   * when the room is known already: its "joined" message arrives before roomClaimed and made it known.
   */
  private async assigned(roomId: string): Promise<void> {
    for (const q of this.queues.values()) q.delete(roomId);
    this.renderQueues();
    const room = this.room(roomId);
    room.status = 'agent';
    const openNow = !this.current || this.rooms.get(this.current)?.status !== 'agent';
    if (openNow) await this.open(roomId);
    else {
      await this.loadTranscript(roomId);
      this.renderRooms();
    }
  }

  private async signOut(): Promise<void> {
    await this.forgetToken();
    location.reload();
  }

  /** The token stopped working (revoked or expired): back to the sign-in form, saying why. */
  private async signedOutByServer(): Promise<void> {
    this.refused = true;
    this.token = '';
    this.claims = null;
    const stopping = this.forgetToken();
    if (stopping) await stopping;
    $<HTMLInputElement>('token').value = '';
    $('signed-in').hidden = true;
    $('sign-out').hidden = true;
    $('signed-out').hidden = false;
    $('who').textContent = '';
    $('status').textContent = `Signed out: ${SIGNED_OUT}`;
  }

  /** Drops the saved token and the realtime connection; the promise of its stop when there was one. */
  private forgetToken(): Promise<void> | undefined {
    sessionStorage.removeItem(TOKEN_KEY);
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    const hub = this.hub;
    this.hub = null;
    return hub?.stop();
  }

  private async connect(): Promise<void> {
    const negotiated = await this.call<NegotiateResult>('POST', '/api/v1/agent/negotiate');
    const hub = new HubConnectionBuilder()
      .withUrl(new URL(negotiated.url, this.api).toString(), { accessTokenFactory: () => negotiated.accessToken })
      .withAutomaticReconnect()
      .configureLogging(LogLevel.Warning)
      .build();
    hub.on('roomWaiting', (e: QueuedRoom) => {
      // Offered again (this agent went offline before answering): no longer this agent's chat.
      if (this.rooms.get(e.roomId)?.status === 'agent') this.setStatus(e.roomId, 'waiting');
      this.queue(e.department).set(e.roomId, { ...e, enqueuedAt: e.enqueuedAt ?? new Date().toISOString() });
      this.renderQueues();
      this.alerts?.notify('New chat waiting', `${visitorLabel(e) || 'A visitor'} in ${e.department}`);
    });
    hub.on('roomClaimed', (e: { roomId: string; department: string; agentId: string }) => {
      this.queue(e.department).delete(e.roomId);
      this.renderQueues();
      if (e.agentId === this.claims?.agentId && this.current !== e.roomId) {
        this.alerts?.notify('New chat assigned', `A chat in ${e.department} is yours`);
        void this.assigned(e.roomId);
      }
    });
    hub.on('message', (m: Message) => {
      const isNew = !this.rooms.get(m.roomId)?.messages.has(m.seq);
      this.addMessages(m.roomId, [m]);
      if (isNew && m.sender === 'visitor') this.alerts?.notify('New message', m.text.slice(0, 120));
    });
    hub.on('note', (n: Note) => this.addNotes(n.roomId, [n]));
    hub.on('read', (e: { roomId: string; reader: string; seq: number }) => {
      if (e.reader !== 'visitor') return;
      const room = this.room(e.roomId);
      room.visitorRead = Math.max(room.visitorRead, e.seq);
      if (e.roomId === this.current) this.renderChat();
    });
    hub.on('agentJoined', (e: { roomId: string }) => this.setStatus(e.roomId, 'agent'));
    hub.on('chatEnded', (e: { roomId: string }) => this.setStatus(e.roomId, 'ended'));
    hub.on('typing', (e: { roomId: string; sender: string }) => {
      if (e.sender === 'visitor' && e.roomId === this.current) this.showVisitorTyping();
    });
    hub.onreconnected(() => void this.resync());
    await hub.start();
    this.hub = hub;
  }

  /**
   * After a reconnect: negotiating again puts the agent back in its department groups (a restarted local server
   * forgets them), and what happened meanwhile is in the queues and transcripts.
   */
  private async resync(): Promise<void> {
    try {
      await this.call('POST', '/api/v1/agent/negotiate');
    } catch (e) {
      this.status(`Reconnected, but: ${(e as Error).message}`);
    }
    await this.refreshQueues();
    if (this.current) await this.loadTranscript(this.current);
  }

  private queue(department: string): Map<string, QueuedRoom> {
    let q = this.queues.get(department);
    if (!q) this.queues.set(department, (q = new Map()));
    return q;
  }

  private async refreshQueues(): Promise<void> {
    for (const department of this.claims?.departments ?? []) {
      try {
        const view = await this.call<{ rooms: QueuedRoom[] }>('GET', `/api/v1/agent/queue?department=${encodeURIComponent(department)}`);
        this.queues.set(department, new Map(view.rooms.map((r) => [r.roomId, r])));
      } catch (e) {
        this.status(`Queue ${department}: ${(e as Error).message}`);
      }
    }
    this.renderQueues();
  }

  private async claim(roomId: string): Promise<void> {
    try {
      await this.call('POST', `/api/v1/agent/rooms/${encodeURIComponent(roomId)}/claim`);
    } catch (e) {
      this.status(`Could not claim: ${(e as Error).message}`);
      await this.refreshQueues();
      return;
    }
    for (const q of this.queues.values()) q.delete(roomId);
    this.renderQueues();
    await this.open(roomId);
  }

  private async open(roomId: string): Promise<void> {
    if (this.current !== roomId) this.profile = null;
    this.current = roomId;
    await this.loadTranscript(roomId);
    this.renderRooms();
  }

  private async loadTranscript(roomId: string): Promise<void> {
    try {
      const transcript = await this.call<Transcript & { visitor: RoomVisitor; notes?: Note[] }>(
        'GET',
        `/api/v1/agent/rooms/${encodeURIComponent(roomId)}/messages`,
      );
      const room = this.room(roomId);
      room.status = transcript.status;
      room.visitor = transcript.visitor;
      room.agentRead = Math.max(room.agentRead, transcript.read?.agent ?? 0);
      room.visitorRead = Math.max(room.visitorRead, transcript.read?.visitor ?? 0);
      for (const n of transcript.notes ?? []) room.notes.set(n.id, n);
      this.addMessages(roomId, transcript.messages);
      if (roomId === this.current) void this.loadTools(roomId, transcript.visitor.department ?? null);
    } catch (e) {
      this.status(`Could not read the chat: ${(e as Error).message}`);
    }
  }

  private room(roomId: string) {
    let room = this.rooms.get(roomId);
    if (!room) this.rooms.set(roomId, (room = { status: 'agent', messages: new Map(), notes: new Map(), agentRead: 0, visitorRead: 0 }));
    return room;
  }

  private addMessages(roomId: string, messages: Message[]): void {
    if (roomId === this.current && messages.some((m) => m.sender === 'visitor')) $('typing').textContent = '';
    const room = this.room(roomId);
    for (const m of messages) room.messages.set(m.seq, m);
    this.renderRooms();
    if (roomId === this.current) {
      this.renderChat();
      this.markRead();
      // The visitor may have moved to another page or said who they are since the panel was read.
      if (messages.some((m) => m.sender === 'visitor')) void this.loadProfile(roomId);
    }
  }

  private addNotes(roomId: string, notes: Note[]): void {
    const room = this.room(roomId);
    for (const n of notes) room.notes.set(n.id, n);
    if (roomId === this.current) this.renderChat();
  }

  /**
   * The open chat is on screen (the tab visible, the log scrolled to its end): the agent has seen it up to its last
   * message. Only the room's own agent's reads count, so a chat not (or no longer) theirs is not reported.
   */
  private markRead(): void {
    const roomId = this.current;
    if (!roomId || document.visibilityState !== 'visible') return;
    const room = this.rooms.get(roomId);
    if (!room || room.status !== 'agent') return;
    const last = Math.max(0, ...room.messages.keys());
    if (last <= room.agentRead) return;
    room.agentRead = last;
    this.reads.seen(roomId, last);
    this.renderRooms();
  }

  /** The visitor panel and the department's canned responses of the chat just opened. */
  private async loadTools(roomId: string, department: string | null): Promise<void> {
    await this.loadProfile(roomId);
    if (!department || this.canned.has(department)) {
      this.picker?.use(department ? (this.canned.get(department) ?? []) : []);
      return;
    }
    try {
      const list = await this.call<{ responses: CannedResponse[] }>('GET', `/api/v1/agent/canned-responses?department=${encodeURIComponent(department)}`);
      this.canned.set(department, list.responses);
    } catch (e) {
      this.status(`Canned responses: ${(e as Error).message}`);
    }
    if (roomId === this.current) this.picker?.use(this.canned.get(department) ?? []);
  }

  private async loadProfile(roomId: string): Promise<void> {
    try {
      const profile = await this.call<VisitorProfile>('GET', `/api/v1/agent/rooms/${encodeURIComponent(roomId)}/visitor`);
      if (roomId !== this.current) return;
      this.profile = profile;
    } catch (e) {
      this.status(`Visitor: ${(e as Error).message}`);
    }
    renderVisitorPanel($('visitor-panel'), this.profile);
  }

  /** The box's text as an internal note: the room's agents see it, the visitor never does. */
  private async addNote(): Promise<void> {
    const input = $<HTMLInputElement>('text');
    const text = input.value.trim();
    if (!this.current || !text) return;
    const clientNoteId = `n-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    try {
      const note = await this.call<Note>('POST', `/api/v1/agent/rooms/${encodeURIComponent(this.current)}/notes`, { clientNoteId, text });
      input.value = '';
      this.addNotes(note.roomId, [note]);
    } catch (e) {
      this.status(`Note not saved: ${(e as Error).message}`);
    }
  }

  private setStatus(roomId: string, status: RoomStatus): void {
    this.room(roomId).status = status;
    this.renderRooms();
    if (roomId === this.current) this.renderChat();
  }

  private typingTimer: ReturnType<typeof setTimeout> | null = null;
  private lastTyped = 0;

  /** "Visitor is typing…" under the chat for a few seconds after the visitor's last keystrokes were heard. */
  private showVisitorTyping(): void {
    $('typing').textContent = 'Visitor is typing…';
    if (this.typingTimer !== null) clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => ($('typing').textContent = ''), 6000);
  }

  /** Tells the visitor the agent is typing, at most every few seconds (the server drops closer calls anyway). */
  private typed(): void {
    const now = Date.now();
    if (!this.current || now - this.lastTyped < 3000 || !$<HTMLInputElement>('text').value.trim()) return;
    this.lastTyped = now;
    void this.call('POST', `/api/v1/agent/rooms/${encodeURIComponent(this.current)}/typing`).catch(() => undefined);
  }

  private async send(): Promise<void> {
    const input = $<HTMLInputElement>('text');
    const text = input.value.trim();
    if (!this.current || !text) return;
    const clientMessageId = `a-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    try {
      const posted = await this.call<{ message: Message }>('POST', `/api/v1/agent/rooms/${encodeURIComponent(this.current)}/messages`, {
        clientMessageId,
        text,
      });
      input.value = '';
      this.addMessages(posted.message.roomId, [posted.message]);
    } catch (e) {
      this.status(`Not sent: ${(e as Error).message}`);
    }
  }

  /** Asks for an upload link, uploads the chosen file straight to storage, then sends the message naming it. */
  private async sendFile(): Promise<void> {
    const picker = $<HTMLInputElement>('file');
    const file = picker.files?.[0];
    const roomId = this.current;
    if (!roomId || !file) return;
    const clientMessageId = `a-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    try {
      this.status(`Uploading ${file.name}…`);
      const upload = await this.call<AttachmentUpload>('POST', `/api/v1/agent/rooms/${encodeURIComponent(roomId)}/attachments`, {
        name: file.name,
        contentType: file.type || 'application/octet-stream',
        size: file.size,
      });
      await putFile(upload, file);
      const posted = await this.call<{ message: Message }>('POST', `/api/v1/agent/rooms/${encodeURIComponent(roomId)}/messages`, {
        clientMessageId,
        attachmentId: upload.attachmentId,
      });
      picker.value = '';
      this.status(`Sent ${file.name}`);
      this.addMessages(posted.message.roomId, [posted.message]);
    } catch (e) {
      this.status(`File not sent: ${(e as Error).message}`);
    }
  }

  private async closeRoom(): Promise<void> {
    if (!this.current) return;
    try {
      await this.call('POST', `/api/v1/agent/rooms/${encodeURIComponent(this.current)}/close`);
      this.setStatus(this.current, 'ended');
    } catch (e) {
      this.status(`Could not close: ${(e as Error).message}`);
    }
  }

  private async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(this.api + path, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : null;
    if (response.status === 401 && this.claims) {
      void this.signedOutByServer();
      throw new Error(SIGNED_OUT);
    }
    if (!response.ok) {
      const problem = (parsed ?? {}) as Problem;
      throw new Error(problem.detail ?? problem.title ?? `HTTP ${response.status}`);
    }
    return parsed as T;
  }

  private status(text: string): void {
    if (this.refused) return;
    $('status').textContent = text;
  }

  private renderQueues(): void {
    const host = $('queues');
    host.replaceChildren();
    for (const department of this.claims?.departments ?? []) {
      const section = document.createElement('section');
      const title = document.createElement('h3');
      const rooms = [...this.queue(department).values()].sort((a, b) => a.enqueuedAt.localeCompare(b.enqueuedAt));
      title.textContent = `${department} (${rooms.length})`;
      const list = document.createElement('ul');
      for (const room of rooms) {
        const item = document.createElement('li');
        item.dataset.roomId = room.roomId;
        const label = document.createElement('span');
        const who = visitorLabel(room);
        label.textContent = who ? `${who} · ${room.roomId.slice(0, 10)}` : room.roomId.slice(0, 10);
        const claim = document.createElement('button');
        claim.type = 'button';
        claim.textContent = 'Claim';
        claim.addEventListener('click', () => void this.claim(room.roomId));
        item.append(label, claim);
        list.append(item);
      }
      if (rooms.length === 0) {
        const empty = document.createElement('li');
        empty.className = 'empty';
        empty.textContent = 'Nobody waiting.';
        list.append(empty);
      }
      section.append(title, list);
      host.append(section);
    }
  }

  private renderRooms(): void {
    const list = $('rooms');
    list.replaceChildren();
    for (const [roomId, room] of this.rooms) {
      const item = document.createElement('li');
      const open = document.createElement('button');
      open.type = 'button';
      const unread = roomId === this.current && document.visibilityState === 'visible' ? 0 : unreadCount(room.messages.values(), room.agentRead);
      open.textContent = `${roomId.slice(0, 10)} · ${room.status}`;
      const badge = document.createElement('span');
      badge.className = 'unread';
      badge.dataset.testid = 'unread';
      badge.hidden = unread === 0;
      badge.textContent = String(unread);
      open.append(badge);
      open.setAttribute('aria-current', String(roomId === this.current));
      open.addEventListener('click', () => void this.open(roomId));
      item.append(open);
      list.append(item);
    }
  }

  private renderChat(): void {
    const log = $('log');
    log.replaceChildren();
    const room = this.current ? this.rooms.get(this.current) : undefined;
    const who = room?.visitor ? visitorLabel(room.visitor) : '';
    $('chat-title').textContent = this.current ? `Chat ${this.current.slice(0, 10)} · ${room?.status ?? ''}${who ? ` · ${who}` : ''}` : 'No chat open';
    const messages = [...(room?.messages.values() ?? [])].sort((a, b) => a.seq - b.seq);
    const notes = [...(room?.notes.values() ?? [])].sort((a, b) => a.afterSeq - b.afterSeq || a.sentAt.localeCompare(b.sentAt));
    const seen = room ? seenMessageSeq(messages, room.visitorRead) : 0;
    let n = 0;
    const notesUpTo = (seq: number) => {
      for (; n < notes.length && notes[n].afterSeq <= seq; n++) log.append(noteLine(notes[n]));
    };
    notesUpTo(0);
    for (const m of messages) {
      const line = document.createElement('div');
      line.className = 'msg';
      line.dataset.sender = m.sender;
      line.dataset.seq = String(m.seq);
      const who = document.createElement('b');
      who.textContent = m.sender;
      const text = document.createElement('span');
      text.textContent = m.text;
      line.append(who, text);
      if (m.seq === seen) {
        const mark = document.createElement('small');
        mark.className = 'seen';
        mark.dataset.testid = 'seen';
        mark.textContent = 'Seen';
        line.append(mark);
      }
      if (m.attachment) text.append(renderAttachment(m.attachment));
      log.append(line);
      notesUpTo(m.seq);
    }
    notesUpTo(Number.MAX_SAFE_INTEGER);
    log.scrollTop = log.scrollHeight;
    const writable = !!room && room.status === 'agent';
    $<HTMLInputElement>('text').disabled = !writable;
    $<HTMLButtonElement>('send').disabled = !writable;
    $<HTMLButtonElement>('add-note').disabled = !room;
    $<HTMLInputElement>('file').disabled = !writable;
    $<HTMLButtonElement>('close-room').disabled = !room || room.status === 'ended' || room.status === 'open';
  }
}

/** A note in the agent's transcript: styled apart, and named as internal for screen readers too. */
function noteLine(note: Note): HTMLElement {
  const line = document.createElement('div');
  line.className = 'msg note';
  line.dataset.sender = 'note';
  line.dataset.noteId = note.id;
  const who = document.createElement('b');
  who.textContent = 'note';
  const text = document.createElement('span');
  text.textContent = `${note.agentName}: ${note.text}`;
  line.append(who, text);
  return line;
}

if (typeof document !== 'undefined' && document.getElementById('agent-console')) new AgentConsole().init();
