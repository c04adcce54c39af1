// Work that must not overlap runs as steps of one promise chain, in the order it was asked for. For the page's
// calls this is the API's promise: `setUserId(...)` then `openWidget()` opens the chat of that user, even when
// the PUT is slow, and a visitor's message typed meanwhile is posted after both.

export class CallChain {
  private tail: Promise<void> = Promise.resolve();

  /**
   * Runs `op` once every step queued before it has settled. A failure is reported in the console and does not stop
   * the steps after it, so the returned promise never rejects: a page's `await this.openWidget()` cannot throw.
   */
  enqueue(name: string, op: () => Promise<void>): Promise<void> {
    const run = this.tail.then(op).catch((err) => {
      console.error(`[Verloop] ${name} failed:`, err);
    });
    this.tail = run;
    return run;
  }

  /** Settles with the last step queued so far. */
  get settled(): Promise<void> {
    return this.tail;
  }
}
