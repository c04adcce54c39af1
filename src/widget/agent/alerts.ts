// Sound and desktop notifications while the console's tab is in the background: a new waiting chat or a new visitor
// message. Off until the agent turns them on (a click, so the browser lets the page ask for notifications and play
// sound); the choice is kept in localStorage. The sound is two short tones from WebAudio: no audio file to serve.

const KEY = 'livechat-agent-alerts';

export class Alerts {
  private audio: AudioContext | null = null;

  constructor(private readonly toggle: HTMLInputElement, private readonly storage: Storage = localStorage) {
    toggle.checked = storage.getItem(KEY) === 'on';
    toggle.addEventListener('change', () => void this.changed());
  }

  get enabled(): boolean {
    return this.toggle.checked;
  }

  /** Alerts the agent when the tab is hidden (a visible console shows the chat itself). */
  notify(title: string, body: string): void {
    if (!this.enabled || document.visibilityState === 'visible') return;
    this.beep();
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      const shown = new Notification(title, { body, tag: 'livechat-agent' });
      shown.onclick = () => {
        window.focus();
        shown.close();
      };
    }
  }

  private async changed(): Promise<void> {
    this.storage.setItem(KEY, this.toggle.checked ? 'on' : 'off');
    if (!this.toggle.checked) return;
    // Both need this user gesture: the permission prompt and an AudioContext that may play.
    this.audio ??= typeof AudioContext !== 'undefined' ? new AudioContext() : null;
    void this.audio?.resume();
    if (typeof Notification !== 'undefined' && Notification.permission === 'default') await Notification.requestPermission();
  }

  private beep(): void {
    this.audio ??= typeof AudioContext !== 'undefined' ? new AudioContext() : null;
    const ctx = this.audio;
    if (!ctx) return;
    const gain = ctx.createGain();
    gain.connect(ctx.destination);
    gain.gain.setValueAtTime(0.0001, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.2, ctx.currentTime + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.35);
    for (const [freq, at] of [[880, 0], [1320, 0.12]] as const) {
      const tone = ctx.createOscillator();
      tone.frequency.value = freq;
      tone.connect(gain);
      tone.start(ctx.currentTime + at);
      tone.stop(ctx.currentTime + at + 0.2);
    }
  }
}
