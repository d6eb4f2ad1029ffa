/**
 * Delivery throughput against a fake Bot Connector that enforces Teams' published limits with 429s
 * (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/rate-limit): per conversation
 * 7/1 s, 8/2 s, 60/30 s, 1800/h; per app 50/s. Prints posts per second as a ratio of the allowed
 * rate (goal >= 0.9), the 429s the limits caused, and losses (goal 0).
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { createAdapter } from '../bot/adapter';
import type { AppDeps } from '../bot/app-deps';
import { createDeliverySender } from '../bot/delivery-sender';
import { loadConfig } from '../config';
import { roleSettingsFromEnv } from '../services/authz';
import { systemClock } from '../services/clock';
import { upsertConversation } from '../services/conversations/store';
import { openDatabase } from '../services/db';
import { enqueueDelivery } from '../services/deliveries/enqueue';
import { createLogger } from '../services/logger';
import { createMetrics } from '../services/metrics';

const CHANNELS = 200;
const POSTS_PER_CHANNEL = 5;
const APP_LIMIT_PER_SECOND = 50;
const THREAD_WINDOWS: Array<[number, number]> = [[1000, 7], [2000, 8], [30_000, 60], [3_600_000, 1800]];

/** Sliding-window limits as Teams documents them; answers 429 with Retry-After when exceeded. */
class LimitedConnector {
  private app: number[] = [];
  private threads = new Map<string, number[]>();
  received = new Map<string, number>();
  throttled = 0;
  private server = http.createServer((req, res) => this.handle(req, res));
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections?.();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private allowed(conversationId: string, now: number): boolean {
    this.app = this.app.filter((t) => now - t < 1000);
    if (this.app.length >= APP_LIMIT_PER_SECOND) return false;
    const thread = (this.threads.get(conversationId) ?? []).filter((t) => now - t < 3_600_000);
    this.threads.set(conversationId, thread);
    return THREAD_WINDOWS.every(([windowMs, limit]) => thread.filter((t) => now - t < windowMs).length < limit);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const parts = (req.url ?? '').split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
      const conversationId = parts[2] ?? '';
      const now = Date.now();
      if (!this.allowed(conversationId, now)) {
        this.throttled += 1;
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
        res.end(JSON.stringify({ error: { code: 'TooManyRequests' } }));
        return;
      }
      this.app.push(now);
      this.threads.get(conversationId)!.push(now);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { text?: string };
      if (body.text) this.received.set(body.text, (this.received.get(body.text) ?? 0) + 1);
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: randomUUID() }));
    });
  }
}

export async function run(): Promise<void> {
  const connector = new LimitedConnector();
  await connector.start();
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent' });
  const log = createLogger('silent');
  const db = await openDatabase({});
  const deps: AppDeps = { config, db, clock: systemClock, log, metrics: createMetrics(), roles: roleSettingsFromEnv(config.env), kickDeliveries: () => undefined };
  const adapter = createAdapter(config, log);
  const sender = createDeliverySender(deps, adapter);

  const total = CHANNELS * POSTS_PER_CHANNEL;
  await db.transaction(async (tx) => {
    for (let c = 0; c < CHANNELS; c++) {
      const id = `19:bench-${c}@thread.tacv2`;
      await upsertConversation(tx, {
        id,
        kind: 'channel',
        reference: { channelId: 'msteams', serviceUrl: connector.url, bot: { id: '28:bench', name: 'Wendbaar' }, user: { id: '29:x' }, conversation: { id, conversationType: 'channel', tenantId: 't' } as { id: string } },
      });
    }
    // Channel by channel, as a burst of announcements would be queued.
    for (let c = 0; c < CHANNELS; c++) {
      for (let p = 0; p < POSTS_PER_CHANNEL; p++) {
        const key = `bench:${c}:${p}`;
        await enqueueDelivery(tx, { kind: 'post', idempotencyKey: key, conversationId: `19:bench-${c}@thread.tacv2`, payload: { text: key } });
      }
    }
  });

  const started = Date.now();
  const open = await sender.settle(120_000);
  const seconds = (Date.now() - started) / 1000;
  const sentRows = await db.query<{ n: number | string }>(`SELECT count(*) AS n FROM deliveries WHERE status = 'sent'`);
  const sent = Number(sentRows[0]?.n ?? 0);
  const received = connector.received.size;
  const duplicates = [...connector.received.values()].reduce((sum, n) => sum + n - 1, 0);
  const allowed = Math.min(APP_LIMIT_PER_SECOND, CHANNELS * 2); // 60 per 30 s per thread = 2/s sustained
  const rate = received / seconds;
  console.log(`channels ${CHANNELS}, posts ${total}, time ${seconds.toFixed(1)} s`);
  console.log(`posts/second ${rate.toFixed(1)} of allowed ${allowed}/s: ratio ${(rate / allowed).toFixed(2)} (goal >= 0.90)`);
  console.log(`429 answers ${connector.throttled}, losses ${total - received} (goal 0), duplicates ${duplicates}, rows sent ${sent}, still open ${open}`);

  await sender.stop();
  await connector.stop();
  await db.close();
  if (received !== total) throw new Error(`${total - received} posts were lost`);
}

if (require.main === module) void run();
