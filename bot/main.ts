import type { DestinationStream } from 'pino';
import { loadConfig, ConfigError } from '../config';
import { createLogger } from '../services/logger';
import { startServer } from './server';

export interface MainOptions {
  /** Where log lines go: JSON on stdout unless given (`npm start` passes a terminal printer). */
  logDestination?: DestinationStream;
}

/** `npm run serve`: the bot alone, as a container or service runs it. */
export async function main(env: NodeJS.ProcessEnv = process.env, options: MainOptions = {}) {
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.env.LOG_LEVEL, options.logDestination);
  log.info(
    { mode: config.localMode ? 'local' : 'authenticated', database: config.env.DATABASE_URL ? 'postgres' : 'embedded' },
    config.localMode
      ? 'Local mode: no Microsoft app credentials, token checks off, listening on loopback only'
      : 'Authenticated mode: every request to /api/messages must carry a valid Bot Framework token',
  );
  const app = await startServer({ config, log });
  log.info({ url: app.url }, `Wendbaar listening on ${app.url}/api/messages`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close().catch((error) => log.error({ err: error }, 'error during shutdown'));
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  return app;
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`Wendbaar failed to start: ${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
}
