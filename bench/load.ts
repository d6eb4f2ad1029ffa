import http from 'node:http';

/** Closed-loop HTTP load: `concurrency` conversations, each sending its next activity when the last one was answered. */
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  /** Answers `accepted` said no to (a refusal or error card instead of the scenario's work). */
  refused: number;
  /** The first refused answer, to show what came back. */
  refusal?: string;
}

export type ActivityFactory = (conversation: number, seq: number) => Record<string, unknown>;

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** POSTs one activity to /api/messages (keep-alive) and resolves with the HTTP status and, when asked, the answer's body. */
export function post(url: string, activity: unknown, readBody = false): Promise<{ status: number; body: string }> {
  const body = JSON.stringify(activity);
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/api/messages`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      if (readBody) res.on('data', (chunk: Buffer) => chunks.push(chunk));
      else res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A refused answer in short: the Dutch validation message when there is one, else its start. */
export const describeRefusal = (status: number, body: string) => `HTTP ${status}: ${/Controleer je invoer[^"]*/.exec(body)?.[0] ?? body.slice(0, 300)}`;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Runs for `durationMs` (after `warmupMs` not counted) or until `maxRequests` are done. */
export async function runLoad(options: {
  url: string;
  concurrency: number;
  make: ActivityFactory;
  durationMs?: number;
  warmupMs?: number;
  maxRequests?: number;
  /** Whether an answer did the scenario's work; every answer is checked when given. */
  accepted?: (body: string) => boolean;
}): Promise<LoadResult> {
  const { url, concurrency, make, durationMs = 2000, warmupMs = 300, maxRequests = Infinity, accepted } = options;
  const latencies: number[] = [];
  let errors = 0;
  let refused = 0;
  let refusal: string | undefined;
  let started = 0;
  const t0 = performance.now();
  const measureFrom = t0 + warmupMs;
  const end = measureFrom + durationMs;
  let measuredStart = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, conversation) => {
      let seq = 0;
      while (performance.now() < end && started < maxRequests) {
        started += 1;
        const begin = performance.now();
        const { status, body } = await post(url, make(conversation, (seq += 1)), accepted !== undefined).catch(() => ({ status: 0, body: '' }));
        const done = performance.now();
        if (accepted && status !== 0 && !accepted(body)) {
          refused += 1;
          refusal ??= describeRefusal(status, body);
        }
        if (begin >= measureFrom || maxRequests !== Infinity) {
          if (!measuredStart) measuredStart = begin;
          latencies.push(done - begin);
          if (status !== 200 && status !== 201) errors += 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - (measuredStart || measureFrom)) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    throughput: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    refused,
    refusal,
  };
}
