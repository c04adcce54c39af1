// The global Verloop() function. Before the script loads, the page's snippet stub pushes
// functions onto Verloop.q; on load we replace the stub with a function that runs
// fn.call(api) at once, after first running the queued functions in order.

export type VerloopCallback = (this: unknown) => void;

export interface VerloopGlobal {
  (fn: VerloopCallback): void;
  /** Kept so a stale reference to the snippet's stub still works: pushing runs the function. */
  q: { push(...fns: VerloopCallback[]): number };
  /** Marks the real implementation, so loading the script twice does not reinstall it. */
  readonly loaded: true;
}

interface HasVerloop {
  Verloop?: unknown;
}

export function isInstalled(win: HasVerloop): boolean {
  const v = win.Verloop;
  return typeof v === 'function' && (v as { loaded?: unknown }).loaded === true;
}

export function installQueue(win: HasVerloop, api: object): VerloopGlobal {
  const previous = win.Verloop as { q?: unknown } | undefined;
  const queued: unknown[] =
    previous && Array.isArray(previous.q) ? (previous.q as unknown[]).slice() : [];

  const run = (fn: unknown): void => {
    if (typeof fn !== 'function') {
      console.error('[Verloop] Verloop() expects a function, got', typeof fn);
      return;
    }
    try {
      fn.call(api);
    } catch (err) {
      console.error('[Verloop] a Verloop() callback threw:', err);
    }
  };

  // While the queue drains, calls made from inside queued callbacks wait their turn.
  let draining = true;
  const call = (fn: VerloopCallback): void => {
    if (draining) queued.push(fn);
    else run(fn);
  };
  const verloop = Object.assign(call, {
    q: {
      push(...fns: VerloopCallback[]): number {
        fns.forEach(call);
        return 0;
      },
    },
    loaded: true as const,
  });
  win.Verloop = verloop;

  while (queued.length) run(queued.shift());
  draining = false;
  return verloop;
}
