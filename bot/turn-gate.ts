/**
 * How many incoming activities are handled at once. A turn is a few milliseconds of CPU spread
 * over several database round trips; when 64 requests arrive together, starting them all at once
 * makes one pass of the event loop run 64 turns' first segments back to back, and everything else
 * on the loop (health checks, the delivery sender's timers, the database thread's answers) waits
 * that long. With a limit, one pass runs at most `limit` turns' segments; the rest wait in arrival
 * order, which costs them nothing on a saturated server (they would have shared the CPU anyway).
 *
 * Libraries that do this (p-limit, p-queue) are ESM-only in their maintained versions, and they
 * start the next task in the same microtask run as the one that ended, which is what this avoids:
 * a waiting turn starts in a later pass of the loop (`setImmediate`), after pending I/O.
 */
export interface TurnGate {
  /** Resolves with a release function once the turn may run; `undefined` when too many are waiting. */
  enter(): Promise<(() => void) | undefined>;
  /** Turns running and waiting now (for /metrics). */
  readonly running: number;
  readonly waiting: number;
}

export interface TurnGateOptions {
  /** Turns handled at once. */
  limit: number;
  /** Beyond this many waiting, a request is refused at once (the caller answers 503 + Retry-After). */
  maxWaiting: number;
}

export function createTurnGate({ limit, maxWaiting }: TurnGateOptions): TurnGate {
  if (!(limit >= 1)) throw new Error(`turn gate limit must be at least 1, got ${limit}`);
  const queue: Array<() => void> = [];
  let running = 0;

  const release = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = queue.shift();
      if (next) setImmediate(next);
      else running--;
    };
  };

  return {
    enter() {
      if (running < limit) {
        running++;
        return Promise.resolve(release());
      }
      if (queue.length >= maxWaiting) return Promise.resolve(undefined);
      // The slot passes straight to the next waiter, so `running` stays as it is.
      return new Promise((resolve) => queue.push(() => resolve(release())));
    },
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
  };
}
