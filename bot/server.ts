import restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { Config } from '../config';
import { roleSettingsFromEnv } from '../services/authz';
import { systemClock, type Clock } from '../services/clock';
import { openDatabase, migrationsPending, type Database } from '../services/db';
import { createLogger, type Logger } from '../services/logger';
import { createMetrics, type Metrics } from '../services/metrics';
import { createAdapter } from './adapter';
import type { AppDeps } from './app-deps';
import { createBotLogic } from './bot';
import { createDeliverySender, type DeliverySender } from './delivery-sender';
import { features } from './features';
import { createRouter, type Router } from './router';
import { createScheduler, type Scheduler } from './scheduler';
import { createTurnGate } from './turn-gate';
import { registerTabRoutes } from '../tab/routes';

export interface ServerOptions {
  config: Config;
  /** Tests pass an open database; otherwise DATABASE_URL or the embedded data folder is used. */
  db?: Database;
  clock?: Clock;
  log?: Logger;
  authOverrides?: Record<string, string>;
  /** Extra HTTP routes (the tab, admin API) registered by their own modules. */
  extraRoutes?: Array<(server: restify.Server, deps: AppDeps) => void>;
}

export interface RunningServer {
  server: restify.Server;
  deps: AppDeps;
  adapter: CloudAdapter;
  router: Router;
  sender: DeliverySender;
  scheduler: Scheduler;
  url: string;
  port: number;
  /** Registers a hook that runs whenever a turn queued deliveries (the sender's wake-up). */
  onDeliveriesQueued(kick: () => void): void;
  close(): Promise<void>;
}

/** Local mode has no token checks, so it must not be reachable from other machines. */
export function listenHost(config: Config): string {
  if (config.env.HOST) return config.env.HOST;
  return config.localMode ? '127.0.0.1' : '0.0.0.0';
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config } = options;
  const log = options.log ?? createLogger(config.env.LOG_LEVEL);
  const db = options.db ?? (await openDatabase({ databaseUrl: config.env.DATABASE_URL, dataDir: config.env.WENDBAAR_DATA_DIR }));
  const metrics: Metrics = createMetrics();
  const kickers = new Set<() => void>();
  const deps: AppDeps = {
    config,
    db,
    clock: options.clock ?? systemClock,
    log,
    metrics,
    roles: roleSettingsFromEnv(config.env),
    kickDeliveries: () => kickers.forEach((kick) => kick()),
  };
  const adapter = createAdapter(config, log, options.authOverrides);
  const router = createRouter(features);
  const onTurn = createBotLogic(deps, router);

  const server = restify.createServer({ name: 'wendbaar', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
  server.use(restify.plugins.queryParser({ mapParams: false }));

  const gate = createTurnGate({ limit: config.env.WENDBAAR_CONCURRENT_TURNS, maxWaiting: config.env.WENDBAAR_WAITING_TURNS });
  server.post('/api/messages', async (req, res) => {
    const entering = gate.enter();
    metrics.turnsWaiting.set(gate.waiting);
    const release = await entering;
    metrics.turnsWaiting.set(gate.waiting);
    if (!release) {
      // The Bot Connector retries a 503 after Retry-After; the activity-id claim makes that safe.
      metrics.activities.inc({ type: String((req.body as { type?: unknown })?.type ?? 'unknown'), outcome: 'busy' });
      res.header('Retry-After', '1');
      res.send(503, { error: 'busy: too many activities waiting', waiting: gate.waiting });
      return;
    }
    try {
      await adapter.process(req, res, onTurn);
    } finally {
      release();
    }
  });
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req, res) => {
    try {
      const pending = await migrationsPending(db);
      res.send(pending === 0 ? 200 : 503, { status: pending === 0 ? 'ready' : 'migrating', pendingMigrations: pending });
    } catch (error) {
      log.warn({ err: error }, 'readiness check failed');
      res.send(503, { status: 'database unavailable' });
    }
  });
  server.get('/metrics', async (_req, res) => {
    const body = await metrics.registry.metrics();
    res.setHeader('content-type', metrics.registry.contentType);
    res.sendRaw(200, body);
  });
  registerTabRoutes(server, deps, { jwksUrl: options.authOverrides?.TabJwksUrl });
  for (const register of options.extraRoutes ?? []) register(server, deps);

  const sender = createDeliverySender(deps, adapter);
  const scheduler = createScheduler(deps, features.flatMap((f) => f.jobs ?? []));
  kickers.add(() => sender.kick());

  const host = listenHost(config);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.env.PORT, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.env.PORT;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  sender.start();
  if (!config.env.WENDBAAR_DISABLE_SCHEDULER) scheduler.start();

  return {
    server,
    deps,
    adapter,
    router,
    sender,
    scheduler,
    url,
    port,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await scheduler.stop();
      await sender.stop();
      if (!options.db) await db.close();
    },
    onDeliveriesQueued: (kick) => {
      kickers.add(kick);
    },
  };
}
