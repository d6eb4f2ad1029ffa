/**
 * A bot process that only works the delivery queue, for the SIGKILL test (test/delivery/sigkill.test.ts).
 * Run with `node --import tsx test/delivery/sender-worker.ts` (one process, so `kill -9` hits the
 * sender itself and no child survives it). Settings come from the environment:
 *   WORKER_DATABASE_URL  PostgreSQL database to open, or
 *   WORKER_DATA_DIR      PGlite data folder (the parent has closed it: one process at a time)
 *   WORKER_OPTIONS       JSON DeliverySenderOptions (lease, concurrency, limits, ...)
 * It prints "ready" once the sender runs; the parent kills it while posts are in flight.
 */
import { loadConfig } from '../../config';
import { createAdapter } from '../../bot/adapter';
import type { AppDeps } from '../../bot/app-deps';
import { createDeliverySender, type DeliverySenderOptions } from '../../bot/delivery-sender';
import { roleSettingsFromEnv } from '../../services/authz';
import { systemClock } from '../../services/clock';
import { openDatabase } from '../../services/db';
import { createLogger } from '../../services/logger';
import { createMetrics } from '../../services/metrics';

async function main(): Promise<void> {
  const config = loadConfig({ LOG_LEVEL: 'silent', WENDBAAR_SENDER_INTERVAL_MS: '20', WENDBAAR_DISABLE_SCHEDULER: 'true' });
  const db = await openDatabase({ databaseUrl: process.env.WORKER_DATABASE_URL, dataDir: process.env.WORKER_DATA_DIR });
  const log = createLogger('silent');
  const deps: AppDeps = {
    config,
    db,
    clock: systemClock,
    log,
    metrics: createMetrics(),
    roles: roleSettingsFromEnv(config.env),
    kickDeliveries: () => undefined,
  };
  const options = JSON.parse(process.env.WORKER_OPTIONS ?? '{}') as DeliverySenderOptions;
  const sender = createDeliverySender(deps, createAdapter(config, log), { owner: 'doomed-worker', ...options });
  sender.start();
  process.stdout.write('ready\n');
  void sender.drain();
}

main().catch((error) => {
  process.stderr.write(`worker failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
