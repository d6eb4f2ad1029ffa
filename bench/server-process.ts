import { loadConfig } from '../config';
import { startServer } from '../bot/server';
import { openDatabase } from '../services/db';
import { createLogger } from '../services/logger';
import { startBaseline } from './baseline-echo';
import { ProcessMeter } from './process-cost';
import type { ServerRequest, ServerReply, ServerSpec } from './server-under-test';

/**
 * The server under test, in its own process (forked by bench/server-under-test.ts): Wendbaar on
 * its database, or the plain echo baseline. Its event loop and CPU are measured here, apart from
 * the load generator, as a production server would be.
 */
const meter = new ProcessMeter();
let close: (() => Promise<void>) | undefined;

async function start(spec: ServerSpec): Promise<ServerReply> {
  if (spec.kind === 'baseline') {
    const baseline = await startBaseline();
    close = () => baseline.close();
    return { url: baseline.url, verbs: [] };
  }
  const db = await openDatabase({ dataDir: spec.dataDir, databaseUrl: spec.databaseUrl });
  // WENDBAAR_CONCURRENT_TURNS passes through, to compare limits; everything else is the bench's own.
  const turns = process.env.WENDBAAR_CONCURRENT_TURNS ? { WENDBAAR_CONCURRENT_TURNS: process.env.WENDBAAR_CONCURRENT_TURNS } : {};
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', WENDBAAR_DISABLE_SCHEDULER: 'true', WENDBAAR_TEAMLEIDERS: spec.teamleiders ?? '', ...turns });
  const app = await startServer({ config, db, log: createLogger('silent') });
  close = async () => {
    await app.close();
    await db.close();
  };
  return { url: app.url, verbs: Object.keys(app.router.actions) };
}

async function handle(request: ServerRequest): Promise<ServerReply> {
  switch (request.cmd) {
    case 'start':
      return start(request.spec);
    case 'measure-start':
      meter.start();
      return {};
    case 'measure-stop':
      return { cost: meter.stop() };
    case 'close':
      await close?.();
      return {};
  }
}

process.on('message', (message: { id: number; request: ServerRequest }) => {
  handle(message.request).then(
    (reply) => process.send!({ id: message.id, reply }),
    (error: unknown) => process.send!({ id: message.id, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
