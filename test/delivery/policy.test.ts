import { backoffMs, classify, decide, DEFAULT_RETRY_POLICY, PermanentFailure, Postpone } from '../../services/deliveries/policy';

const teamsError = (statusCode: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`injected ${statusCode}`), { statusCode, response: { status: statusCode, headers } });

describe('delivery failure policy', () => {
  it('fails a programming or data error at once instead of retrying it as transient', () => {
    expect(classify(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe('permanent');
    expect(classify(Object.assign(new TypeError('Invalid URL'), { code: 'ERR_INVALID_URL' }))).toBe('permanent');
    expect(classify(new Error('creating the personal chat returned no conversation'))).toBe('permanent');
  });

  it('retries network errors, timeouts and a database that is away', () => {
    for (const code of ['ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'REQUEST_SEND_ERROR', 'UND_ERR_SOCKET', '57P01', '08006']) {
      expect(classify(Object.assign(new Error('trouble'), { code }))).toBe('transient');
    }
    expect(classify(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }))).toBe('transient');
    expect(classify(Object.assign(new Error('The operation timed out.'), { name: 'TimeoutError' }))).toBe('transient');
    expect(classify(new Error('Connection terminated unexpectedly'))).toBe('transient');
  });

  it('names the error in the reason of a failure without an HTTP status', () => {
    expect(decide(new TypeError('x is not a function'), 1, DEFAULT_RETRY_POLICY, () => 0)).toEqual({
      action: 'fail',
      failure: 'permanent',
      status: undefined,
      reason: 'TypeError: x is not a function',
    });
    expect(decide(new PermanentFailure('recipient unknown to the bot'), 1, DEFAULT_RETRY_POLICY, () => 0)).toMatchObject({ action: 'fail', reason: 'recipient unknown to the bot' });
  });

  it('backs off exponentially with jitter, half fixed and half random, up to the cap', () => {
    const policy = { maxAttempts: 8, backoffBaseMs: 2_000, backoffMaxMs: 10_000 };
    expect([1, 2, 3, 4].map((n) => backoffMs(n, policy, () => 0))).toEqual([1_000, 2_000, 4_000, 5_000]);
    expect([1, 2, 3, 4].map((n) => backoffMs(n, policy, () => 1))).toEqual([2_000, 4_000, 8_000, 10_000]);
  });

  it('waits the Retry-After of a 429, backs off after a 5xx, and dead-letters after the last attempt', () => {
    expect(decide(teamsError(429, { 'retry-after': '3' }), 1, DEFAULT_RETRY_POLICY, () => 0)).toMatchObject({ action: 'retry', failure: 'rate-limited', delayMs: 3_000 });
    expect(decide(teamsError(503), 2, DEFAULT_RETRY_POLICY, () => 0)).toMatchObject({ action: 'retry', failure: 'transient', delayMs: 2_000 });
    const dead = decide(teamsError(503), DEFAULT_RETRY_POLICY.maxAttempts, DEFAULT_RETRY_POLICY, () => 0);
    expect(dead).toMatchObject({ action: 'dead', status: 503 });
    expect(dead.action === 'dead' && dead.reason).toMatch(/^dead-lettered after 8 attempts; last: Teams answered 503/);
  });

  it('fails a 403 or 404 as gone, whatever the attempt, and releases a postponed delivery without using an attempt', () => {
    expect(decide(teamsError(404), 8, DEFAULT_RETRY_POLICY, () => 0)).toMatchObject({ action: 'fail', failure: 'gone', status: 404 });
    expect(decide(teamsError(403), 1, DEFAULT_RETRY_POLICY, () => 0)).toMatchObject({ action: 'fail', failure: 'gone', status: 403 });
    expect(decide(new Postpone('target post not sent yet', 1_000), 3, DEFAULT_RETRY_POLICY, () => 0)).toEqual({ action: 'release', delayMs: 1_000 });
  });
});
