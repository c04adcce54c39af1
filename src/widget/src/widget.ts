// The composition root: builds the widget's parts (one concept each, listed in README.md) over the HTTP client,
// the realtime factory, the UI and the event bus, and wires them to each other and to the UI's buttons.

import type { ApiClient } from './api';
import { CallChain } from './callChain';
import { createChatEnding } from './chatEnding';
import { createAttachmentSender } from './attachments';
import { createChatWindow } from './chatWindow';
import { copyForPage, type EventBus } from './events';
import { randomId } from './ids';
import { followOtherTabs } from './otherTabs';
import { createOutbox } from './outbox';
import { createPageApi, type VerloopApi } from './pageApi';
import type { RealtimeFactory } from './realtime';
import { createRealtimeLink } from './realtimeLink';
import type { QueuePosition } from './types';
import { createRoomTracker, type RoomTracker } from './roomTracker';
import { createSessionResume, type SessionResume } from './sessionResume';
import type { TabChannel } from './tabs';
import type { ChatUI } from './ui';
import { createVisitorReports } from './visitorReports';
import { createOfflineForm } from './offlineForm';
import { createCsatPrompt } from './csat';
import { xhrUploader, type Uploader } from './upload';

/** How often the visitor's typing is told to the agent at most. */
const TYPING_EVERY_MS = 3000;

export interface WidgetOptions {
  api: ApiClient;
  ui: ChatUI;
  events: EventBus;
  realtime: RealtimeFactory;
  /** Resolves once the page can take the UI (document.body exists). */
  domReady?: () => Promise<void>;
  newId?: () => string;
  /** Waits between retries of a message POST (same clientMessageId). */
  sendRetryDelays?: number[];
  /** Tells the other tabs of this browser about a chat this tab opened, and hears theirs. */
  tabs?: TabChannel;
  /**
   * Calls back when the page wakes: its tab is shown again or the browser is back online. A frozen or sleeping tab
   * can keep a socket that looks open while the events sent meanwhile are lost, so waking reads the transcript.
   */
  wake?: (listener: () => void) => void;
  /** Puts an attachment's bytes to its upload link (XMLHttpRequest in the browser). */
  upload?: Uploader;
}

export class Widget {
  readonly api: VerloopApi;
  private readonly ui: ChatUI;
  private readonly events: EventBus;
  private readonly domReady: () => Promise<void>;
  private readonly newId: () => string;
  private readonly calls = new CallChain();
  private readonly rooms: RoomTracker;
  private readonly resume: SessionResume;
  /** onWidgetLoaded has fired: a handler registered later is called at once. */
  private loaded = false;

  constructor(options: WidgetOptions) {
    const { api: http, ui, events } = options;
    const calls = this.calls;
    const tabs = options.tabs ?? null;
    this.ui = ui;
    this.events = events;
    this.domReady = options.domReady ?? (() => Promise.resolve());
    this.newId = options.newId ?? randomId;

    // The parts call each other both ways (a room entered connects realtime, whose events end rooms): the
    // arrows reach parts built further down, and only run once all are built.
    const tellQueuePosition = (info: QueuePosition) => events.emit('onQueuePositionChanged', copyForPage(info));
    const rooms = createRoomTracker({
      http,
      ui,
      events,
      windowOpen: () => chatWindow.isOpen,
      entered: (roomId) => {
        tabs?.announce(roomId);
        realtime.connect();
        reports.entered();
      },
      delivered: (clientMessageId) => outbox.delivered(clientMessageId),
      offered: (roomId) => offlineForm.offered(roomId),
      queuePosition: tellQueuePosition,
    });
    const reports = createVisitorReports({ http, rooms: { ongoing: () => rooms.ongoing() }, ui, windowOpen: () => chatWindow.isOpen });
    const chatWindow = createChatWindow(ui, events, () => rooms.ongoing() !== null);
    const outbox = createOutbox({
      http,
      rooms,
      ui,
      calls,
      // Read at each send, not captured here: a test pins the ids by replacing the widget's newId.
      newId: () => this.newId(),
      retryDelays: options.sendRetryDelays,
    });
    const attachments = createAttachmentSender({
      http,
      rooms,
      ui,
      calls,
      newId: () => this.newId(),
      upload: options.upload ?? xhrUploader,
    });
    const ending = createChatEnding({
      http,
      rooms,
      chatWindow,
      outbox,
      realtime: { stop: () => realtime.stop() },
      ui,
      events,
      calls,
    });
    const offlineForm = createOfflineForm(http, ui);
    const csat = createCsatPrompt(http, ui);
    const feedback = { offered: (roomId: string) => offlineForm.offered(roomId), chatEnded: (roomId: string) => csat.chatEnded(roomId) };
    const realtime = createRealtimeLink({
      realtime: options.realtime,
      rooms,
      ui,
      ending,
      queuePosition: tellQueuePosition,
      feedback,
    });
    const resume = createSessionResume({ http, rooms, realtime, chatWindow, ui, tabs });
    if (tabs) followOtherTabs({ tabs, calls, http, rooms, realtime });
    options.wake?.(() => {
      if (rooms.ongoing()) void rooms.sync();
    });
    this.rooms = rooms;
    this.resume = resume;

    const api = createPageApi({ calls, http, events, loaded: () => this.loaded, chatWindow, rooms, ending, resume });
    this.api = api;
    events.setThis(api);
    http.onSessionRenewed = () => resume.renewed();
    const minimize = () => void calls.enqueue('minimize', async () => chatWindow.minimize());
    let lastTyped = 0;
    ui.bind({
      bubbleClicked: () => {
        if (chatWindow.isOpen) minimize();
        else void api.openWidget();
      },
      closeClicked: () => void api.closeWidget(),
      minimizeClicked: minimize,
      send: (text) => outbox.sendText(text),
      quickReply: (message, button) => {
        events.emit('onButtonClicked', { button: copyForPage(button), message: copyForPage(message) });
        outbox.sendButton(button);
      },
      retry: (clientMessageId) => outbox.retry(clientMessageId),
      attach: (file) => attachments.send(file),
      typed: () => {
        // Only an agent hears it, and at most every few seconds: a room the bot holds is not told.
        const room = rooms.ongoing();
        const now = Date.now();
        if (!room || room.status !== 'agent' || now - lastTyped < TYPING_EVERY_MS) return;
        lastTyped = now;
        http.typing(room.id).catch(() => undefined);
      },
    });
  }

  /** Mounts the UI, fires onWidgetLoaded and resumes a stored session. Runs first in the chain. */
  start(): Promise<void> {
    return this.calls.enqueue('load', async () => {
      await this.domReady();
      this.ui.mount();
      this.loaded = true;
      this.events.emit('onWidgetLoaded');
      await this.resume.atLoad();
    });
  }

  /** Resolves when every queued call and transcript read has settled (for tests). */
  async idle(): Promise<void> {
    for (;;) {
      const calls = this.calls.settled;
      const reads = this.rooms.reads.settled;
      await calls;
      await reads;
      if (calls === this.calls.settled && reads === this.rooms.reads.settled) return;
    }
  }
}
