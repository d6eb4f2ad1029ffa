import { randomUUID } from 'node:crypto';
import { claimRun, finishRun } from '../services/scheduler/election';
import type { ScheduledJob } from '../services/scheduler/types';
import type { AppDeps } from './app-deps';

export interface Scheduler {
  /**
   * Runs job `name` for the fire time `at` unless another replica (or an earlier call) already
   * did; resolves true when this call ran it. Tests use it as a controllable clock tick.
   */
  fire(name: string, at: Date): Promise<boolean>;
  jobs: ScheduledJob[];
  start(): void;
  stop(): Promise<void>;
}

const RUN_TTL_MS = 10 * 60_000;

export function createScheduler(deps: AppDeps, jobs: ScheduledJob[], owner = `scheduler-${randomUUID().slice(0, 8)}`): Scheduler {
  const byName = new Map(jobs.map((job) => [job.name, job]));
  if (byName.size !== jobs.length) throw new Error('Two scheduled jobs share a name');

  async function fire(name: string, at: Date): Promise<boolean> {
    const job = byName.get(name);
    if (!job) throw new Error(`Unknown scheduled job ${name}`);
    const key = `${name}:${at.toISOString()}`;
    if (!(await claimRun(deps.db, key, owner, RUN_TTL_MS))) return false;
    const log = deps.log.child({ job: name, fireTime: at.toISOString() });
    await job.run({ config: deps.config, db: deps.db, clock: deps.clock, log, fireTime: at });
    await finishRun(deps.db, key, owner);
    deps.kickDeliveries();
    return true;
  }

  return {
    fire,
    jobs,
    // node-cron wiring with the database run coordinator arrives with the delivery issue.
    start() {},
    async stop() {},
  };
}
