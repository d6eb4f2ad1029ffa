import http from 'node:http';

/** Closed-loop HTTP load: `concurrency` conversations, each sending its next activity when the last one was answered. */
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
}

export type ActivityFactory = (conversation: number, seq: number) => Record<string, unknown>;

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** POSTs one activity to /api/messages (keep-alive) and resolves with the HTTP status. */
export function post(url: string, activity: unknown): Promise<number> {
  const body = JSON.stringify(activity);
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/api/messages`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Runs for `durationMs` (after `warmupMs` not counted) or until `maxRequests` are done. */
export async function runLoad(options: {
  url: string;
  concurrency: number;
  make: ActivityFactory;
  durationMs?: number;
  warmupMs?: number;
  maxRequests?: number;
}): Promise<LoadResult> {
  const { url, concurrency, make, durationMs = 2000, warmupMs = 300, maxRequests = Infinity } = options;
  const latencies: number[] = [];
  let errors = 0;
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
        const status = await post(url, make(conversation, (seq += 1))).catch(() => 0);
        const done = performance.now();
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
  };
}
