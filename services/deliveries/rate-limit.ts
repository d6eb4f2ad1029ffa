/**
 * Token buckets that keep proactive traffic at or just under the limits Microsoft documents for
 * Teams bots, so a burst (an announcement to every channel) is smoothed instead of answered with 429.
 *
 * Limits from "Optimize your bot with rate limiting and best practices in Teams":
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/rate-limit
 *   - per bot per thread (one channel, chat or 1:1 conversation), "send to conversation":
 *     7 per 1 s, 8 per 2 s, 60 per 30 s, 1800 per 3600 s;
 *   - global: 50 requests per second per app per tenant.
 *
 * A token bucket with capacity `b` refilling at `r` per second lets through at most `b + r·T`
 * operations in any window of `T` seconds, so each bucket below is sized to satisfy
 * `b + r·T <= limit` for its window (the documented limits are sliding windows).
 */

export interface BucketSpec {
  /** Tokens available in a burst. */
  capacity: number;
  /** Tokens added per second. */
  perSecond: number;
}

export interface RateLimits {
  /** All buckets must have a token before one call to a conversation may go out. */
  perConversation: BucketSpec[];
  /** Shared by every call of this process. */
  perApp: BucketSpec[];
}

export const TEAMS_LIMITS: RateLimits = {
  perConversation: [
    // 1 s: 4 + 1.8 = 5.8 <= 7; 2 s: 4 + 3.6 = 7.6 <= 8; 30 s: 4 + 54 = 58 <= 60.
    { capacity: 4, perSecond: 1.8 },
    // 3600 s: 180 + 0.45·3600 = 1800 <= 1800.
    { capacity: 180, perSecond: 0.45 },
  ],
  // 1 s: 2 + 48 = 50 <= 50.
  perApp: [{ capacity: 2, perSecond: 48 }],
};

class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(private readonly spec: BucketSpec, now: number) {
    this.tokens = spec.capacity;
    this.last = now;
  }

  private refill(now: number): void {
    if (now > this.last) {
      this.tokens = Math.min(this.spec.capacity, this.tokens + ((now - this.last) / 1000) * this.spec.perSecond);
      this.last = now;
    }
  }

  /** Milliseconds until one token is available (0 = now). */
  waitMs(now: number): number {
    this.refill(now);
    if (this.tokens >= 1) return 0;
    return Math.ceil(((1 - this.tokens) / this.spec.perSecond) * 1000);
  }

  take(now: number): void {
    this.refill(now);
    this.tokens -= 1;
  }

  /** True when the bucket is full again (safe to forget). */
  idle(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.spec.capacity;
  }
}

/**
 * Per-conversation and per-app token buckets. Pure: time comes from `now()`, nothing sleeps here.
 * `tryTake(key)` takes a token from every applicable bucket and returns 0, or takes nothing and
 * returns how many milliseconds to wait before asking again.
 */
export class RateLimiter {
  private readonly app: TokenBucket[];
  private readonly conversations = new Map<string, TokenBucket[]>();

  constructor(
    private readonly limits: RateLimits = TEAMS_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.app = limits.perApp.map((spec) => new TokenBucket(spec, now()));
  }

  private bucketsFor(key: string): TokenBucket[] {
    let buckets = this.conversations.get(key);
    if (!buckets) {
      buckets = this.limits.perConversation.map((spec) => new TokenBucket(spec, this.now()));
      this.conversations.set(key, buckets);
      if (this.conversations.size > 10_000) this.forgetIdle();
    }
    return buckets;
  }

  /** 0 when a call to conversation `key` may go out now (tokens taken); otherwise the wait in ms. */
  tryTake(key: string | undefined): number {
    const now = this.now();
    const buckets = key === undefined ? this.app : [...this.app, ...this.bucketsFor(key)];
    const wait = Math.max(0, ...buckets.map((b) => b.waitMs(now)));
    if (wait > 0) return wait;
    for (const bucket of buckets) bucket.take(now);
    return 0;
  }

  /** Waits (with the given sleep) until a token is available and takes it. */
  async acquire(key: string | undefined, sleep: (ms: number) => Promise<void>): Promise<void> {
    for (;;) {
      const wait = this.tryTake(key);
      if (wait === 0) return;
      await sleep(wait);
    }
  }

  private forgetIdle(): void {
    const now = this.now();
    for (const [key, buckets] of this.conversations) if (buckets.every((b) => b.idle(now))) this.conversations.delete(key);
  }
}
