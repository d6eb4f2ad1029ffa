/**
 * What the delivery queue does after a failed attempt: retry (when, and how long to wait), fail
 * with a readable reason, or dead-letter. Pure: no database, no SDK, time and randomness passed in.
 */
import { isTransientInfrastructureError } from '../errors';

export type FailureKind = 'rate-limited' | 'transient' | 'gone' | 'permanent';

export interface RetryPolicy {
  /** Attempts before a delivery is dead-lettered. */
  maxAttempts: number;
  /** Exponential backoff: base·2^(attempt-1), capped, with jitter (half fixed, half random). */
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, backoffBaseMs: 2_000, backoffMaxMs: 5 * 60_000 };

/** Not worth retrying: the delivery can never succeed as it is (unknown or inactive target). */
export class PermanentFailure extends Error {
  override name = 'PermanentFailure';
}

/** Not tried now, and no attempt used: target post not sent yet, or no time left in the lease. */
export class Postpone extends Error {
  override name = 'Postpone';
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
  }
}

/** Teams did not answer in time; the call may still have arrived. */
export class ConnectorTimeout extends Error {
  override name = 'ConnectorTimeout';
}

export function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: number; status?: number; response?: { status?: number } } | undefined;
  return e?.statusCode ?? e?.response?.status ?? e?.status;
}

/** Retry-After from a RestError (@azure/core-rest-pipeline HttpHeaders, or a plain header object), in ms. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const headers = (error as { response?: { headers?: unknown } })?.response?.headers as
    | { get?: (name: string) => string | undefined; [key: string]: unknown }
    | undefined;
  if (!headers) return undefined;
  const raw = typeof headers.get === 'function' ? headers.get('retry-after') : (headers['retry-after'] as string | undefined);
  if (raw === undefined || raw === null || raw === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(String(raw));
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/**
 * Network error codes the Bot Connector client adds to those of services/errors: a failed DNS
 * lookup, undici socket trouble, and @azure/core-rest-pipeline's wrapper for a request that never got an answer.
 */
const CONNECTOR_NETWORK_CODES = new Set(['ENOTFOUND', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'REQUEST_SEND_ERROR']);
/** An aborted call (our abort signal fired) or an AbortSignal.timeout: a timeout. */
const TIMEOUT_NAMES = new Set(['AbortError', 'TimeoutError', 'ConnectorTimeout']);

function isNetworkOrTimeout(error: unknown): boolean {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  return (typeof code === 'string' && CONNECTOR_NETWORK_CODES.has(code)) || (typeof name === 'string' && TIMEOUT_NAMES.has(name)) || isTransientInfrastructureError(error);
}

/**
 * What a failed call means. Without an HTTP status only network errors, timeouts and a database
 * that is away pass; anything else (a programming error, a broken stored reference) fails at once,
 * since eight more tries would end the same way.
 */
export function classify(error: unknown): FailureKind {
  if (error instanceof PermanentFailure) return 'permanent';
  const status = statusOf(error);
  if (status === undefined) return isNetworkOrTimeout(error) ? 'transient' : 'permanent';
  if (status === 429) return 'rate-limited';
  if (status === 403 || status === 404) return 'gone';
  // 408 timeout, 412 precondition (Teams asks to retry it), 401 (token trouble), every 5xx.
  if (status === 408 || status === 412 || status === 401 || status >= 500) return 'transient';
  return 'permanent';
}

/** The reason operators read in `last_error`. */
export function readableReason(error: unknown, kind: FailureKind): string {
  const status = statusOf(error);
  const message = ((error as Error)?.message ?? String(error)).replace(/\s+/g, ' ').slice(0, 300);
  if (kind === 'gone' && status === 403) return `Teams answered 403 (forbidden): the bot was removed from the team or may no longer post here. ${message}`;
  if (kind === 'gone') return `Teams answered 404 (not found): the channel or chat was deleted, or the bot was removed. ${message}`;
  if (kind === 'rate-limited') return `Teams answered 429 (too many requests). ${message}`;
  if (status) return `Teams answered ${status}. ${message}`.trim();
  if (error instanceof PermanentFailure || error instanceof ConnectorTimeout) return message;
  const name = (error as Error)?.name;
  return kind === 'permanent' && name ? `${name}: ${message}` : message;
}

/** Backoff before retry number `attempts` (1 = after the first failed attempt). */
export function backoffMs(attempts: number, policy: RetryPolicy, random: () => number): number {
  const cap = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
  return cap / 2 + random() * (cap / 2);
}

export type Decision =
  /** Back to the queue without having been tried: no attempt used. */
  | { action: 'release'; delayMs: number }
  | ({ failure: FailureKind; status?: number; reason: string } & (
      /** Back to the queue after `delayMs`; the attempt counts. */
      | { action: 'retry'; delayMs: number }
      /** Done without success; for `gone` the target itself is gone (403/404). */
      | { action: 'fail' }
      | { action: 'dead' }
    ));

const REASON_MAX = 500;

/** The decision after attempt number `attempts` of a delivery failed with `error`. */
export function decide(error: unknown, attempts: number, policy: RetryPolicy, random: () => number, now = Date.now()): Decision {
  if (error instanceof Postpone) return { action: 'release', delayMs: error.delayMs };
  const failure = classify(error);
  const status = statusOf(error);
  const reason = readableReason(error, failure).slice(0, REASON_MAX);
  if (failure === 'permanent' || failure === 'gone') return { action: 'fail', failure, status, reason };
  if (attempts >= policy.maxAttempts) {
    return { action: 'dead', failure, status, reason: `dead-lettered after ${attempts} attempts; last: ${reason}`.slice(0, REASON_MAX) };
  }
  const hinted = failure === 'rate-limited' ? retryAfterMs(error, now) : undefined;
  // A little jitter on Retry-After too, so posts told the same second do not return as one burst.
  const delayMs = hinted !== undefined ? hinted + random() * 250 : backoffMs(attempts, policy, random);
  return { action: 'retry', failure, status, reason, delayMs };
}
