import type { Config } from '../config';
import type { RoleSettings } from '../services/authz';
import type { Clock } from '../services/clock';
import type { Database } from '../services/db';
import type { Logger } from '../services/logger';
import type { Metrics } from '../services/metrics';

/** What every handler may use; built once in bot/server.ts and passed down. */
export interface AppDeps {
  config: Config;
  db: Database;
  clock: Clock;
  log: Logger;
  metrics: Metrics;
  roles: RoleSettings;
  /** Wakes the delivery sender after a turn queued posts, so they go out without waiting for a poll. */
  kickDeliveries: () => void;
}
