import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { Database } from '../db';
import type { Logger } from '../logger';

/** What a scheduled job gets: plain services, no botbuilder. Posts go through the delivery queue. */
export interface JobContext {
  config: Config;
  db: Database;
  clock: Clock;
  log: Logger;
  /** The scheduled fire time (not "now"): catch-up and idempotency keys derive from it. */
  fireTime: Date;
}

export interface ScheduledJob {
  /** Unique, e.g. "monitoring.daily"; part of the election key `<name>:<fire time ISO>`. */
  name: string;
  /** Cron expression, evaluated in the office time zone (WENDBAAR_TIME_ZONE). */
  cron: (config: Config) => string;
  run(ctx: JobContext): Promise<void>;
}
