import type { Config } from '../../config';
import type { JobContext } from '../context';

export interface ScheduledJob {
  /** Unique, e.g. "monitoring.daily"; part of the election key `<name>:<fire time ISO>`. */
  name: string;
  /** Cron expression, evaluated in the office time zone (WENDBAAR_TIME_ZONE). */
  cron: (config: Config) => string;
  run(ctx: JobContext): Promise<void>;
}

export type { JobContext };
