import { RateLimiter, TEAMS_LIMITS } from '../../services/deliveries/rate-limit';
import { classify, retryAfterMs } from '../../services/deliveries/policy';

/** Simulates a sender that always asks again exactly when told, and returns the send times. */
function simulate(limiter: RateLimiter, clock: { t: number }, keys: string[], until: number): number[] {
  const times: number[] = [];
  let i = 0;
  while (clock.t < until) {
    const wait = limiter.tryTake(keys[i % keys.length]);
    if (wait === 0) {
      times.push(clock.t);
      i += 1;
    } else clock.t += wait;
  }
  return times;
}

const maxInWindow = (times: number[], windowMs: number) => {
  let best = 0;
  for (let a = 0, b = 0; b < times.length; b++) {
    while (times[b]! - times[a]! >= windowMs) a++;
    best = Math.max(best, b - a + 1);
  }
  return best;
};

describe('delivery rate limiter (Teams limits)', () => {
  it('keeps one conversation within 7/1 s, 8/2 s, 60/30 s and 1800/hour', () => {
    const clock = { t: 0 };
    const times = simulate(new RateLimiter(TEAMS_LIMITS, () => clock.t), clock, ['chan'], 3_600_000);
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(7);
    expect(maxInWindow(times, 2000)).toBeLessThanOrEqual(8);
    expect(maxInWindow(times, 30_000)).toBeLessThanOrEqual(60);
    expect(times.length).toBeLessThanOrEqual(1800);
    expect(times.length).toBeGreaterThan(1700);
  });

  it('keeps the app within 50 per second across many conversations and uses at least 90% of it', () => {
    const clock = { t: 0 };
    const keys = Array.from({ length: 500 }, (_, i) => `chan-${i}`);
    const times = simulate(new RateLimiter(TEAMS_LIMITS, () => clock.t), clock, keys, 20_000);
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(50);
    expect(times.length / 20).toBeGreaterThanOrEqual(45);
  });

  it('says how long to wait and takes nothing while waiting', () => {
    const clock = { t: 0 };
    const limiter = new RateLimiter({ perConversation: [{ capacity: 1, perSecond: 2 }], perApp: [{ capacity: 10, perSecond: 10 }] }, () => clock.t);
    expect(limiter.tryTake('a')).toBe(0);
    expect(limiter.tryTake('a')).toBe(500);
    expect(limiter.tryTake('b')).toBe(0);
    clock.t = 500;
    expect(limiter.tryTake('a')).toBe(0);
  });
});

describe('delivery failure classification', () => {
  it('reads Retry-After in seconds or as an HTTP date from the SDK error', () => {
    expect(retryAfterMs({ response: { headers: { get: (n: string) => (n === 'retry-after' ? '2' : undefined) } } })).toBe(2000);
    expect(retryAfterMs({ response: { headers: { 'retry-after': new Date(61_000).toUTCString() } } }, 1_000)).toBe(60_000);
    expect(retryAfterMs({ response: { headers: {} } })).toBeUndefined();
  });

  it('retries 429, 5xx, 412 and network errors; stops on 403/404 and other 4xx', () => {
    expect(classify({ statusCode: 429 })).toBe('rate-limited');
    expect(classify({ statusCode: 503 })).toBe('transient');
    expect(classify({ statusCode: 412 })).toBe('transient');
    expect(classify(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe('transient');
    expect(classify({ statusCode: 404 })).toBe('gone');
    expect(classify({ statusCode: 403 })).toBe('gone');
    expect(classify({ statusCode: 400 })).toBe('permanent');
  });
});
