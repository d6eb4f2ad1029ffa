import { randomUUID } from 'node:crypto';
import cron, { type RunCoordinator, type ScheduledTask } from 'node-cron';
import { claimRun, finishRun, lastRunOf } from '../services/scheduler/store';
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

export interface SchedulerOptions {
  owner?: string;
  /**
   * On start, a job's most recent fire time within this window that no replica ran (all were down,
   * or the one that claimed it died) is run late, once. Only for jobs that ran before on this
   * database, so a first deployment does not post yesterday's digest. 0 disables catch-up.
   */
  catchUpMs?: number;
  /**
   * A fire that failed (e.g. the database went away half-way) is tried again after each of these
   * delays, by the replica that claimed it; jobs are idempotent per fire, so a retry only does
   * what the failed run did not finish. After the last one the catch-up on start takes over.
   */
  retryDelaysMs?: number[];
}

/** How long a claimed fire stays with its replica; a fire not finished by then may be taken over. */
const RUN_TTL_MS = 10 * 60_000;
const DEFAULT_CATCH_UP_MS = 6 * 60 * 60_000;
const DEFAULT_RETRY_DELAYS_MS = [30_000, 60_000, 2 * 60_000, 5 * 60_000, 10 * 60_000];

/** node-cron 4 forms the key as `<task name>:<fire time ISO>`: the same key `fire()` uses. */
export const runKey = (name: string, at: Date) => `${name}:${at.toISOString()}`;

export function createScheduler(deps: AppDeps, jobs: ScheduledJob[], ownerOrOptions: string | SchedulerOptions = {}): Scheduler {
  const options = typeof ownerOrOptions === 'string' ? { owner: ownerOrOptions } : ownerOrOptions;
  const owner = options.owner ?? `scheduler-${randomUUID().slice(0, 8)}`;
  const catchUpMs = options.catchUpMs ?? DEFAULT_CATCH_UP_MS;
  const retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const retryTimers = new Set<NodeJS.Timeout>();
  let stopped = false;
  const byName = new Map(jobs.map((job) => [job.name, job]));
  if (byName.size !== jobs.length) throw new Error('Two scheduled jobs share a name');
  const zone = deps.config.env.WENDBAAR_TIME_ZONE;
  let tasks: ScheduledTask[] = [];
  const inFlight = new Set<Promise<unknown>>();

  /** Runs an elected fire; marks it finished only on success, so a failed run can be caught up. */
  async function runElected(job: ScheduledJob, at: Date): Promise<void> {
    const correlationId = randomUUID().slice(0, 8);
    const log = deps.log.child({ correlationId, job: job.name, fireTime: at.toISOString() });
    await job.run({ config: deps.config, db: deps.db, clock: deps.clock, roles: deps.roles, log, correlationId, fireTime: at });
    await finishRun(deps.db, runKey(job.name, at), owner);
    deps.kickDeliveries();
  }

  async function fire(name: string, at: Date): Promise<boolean> {
    const job = byName.get(name);
    if (!job) throw new Error(`Unknown scheduled job ${name}`);
    if (!(await claimRun(deps.db, runKey(name, at), owner, RUN_TTL_MS))) return false;
    await runElected(job, at);
    return true;
  }

  /** Tries a failed fire again later (see retryDelaysMs); `fire` re-claims this replica's own unfinished run. */
  function retryLater(job: ScheduledJob, at: Date, attempt: number, error: unknown): void {
    const delay = retryDelaysMs[attempt];
    deps.log.error({ err: error, job: job.name, fireTime: at.toISOString(), retryInMs: delay ?? null }, 'scheduled job failed');
    if (delay === undefined || stopped) return;
    const timer = setTimeout(() => {
      retryTimers.delete(timer);
      if (stopped) return;
      void track(fire(job.name, at)).catch((next) => retryLater(job, at, attempt + 1, next));
    }, delay);
    timer.unref();
    retryTimers.add(timer);
  }

  // The database decides which replica runs a fire: the first to insert its cron_runs row.
  const coordinator: RunCoordinator = {
    shouldRun: (key, ttlMs) => claimRun(deps.db, key, owner, Math.max(ttlMs, RUN_TTL_MS)),
  };

  function track<T>(promise: Promise<T>): Promise<T> {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => undefined);
    return promise;
  }

  /** The latest fire time of `job` in (now - window, now], stepping minute by minute in the office zone. */
  function lastSlot(task: ScheduledTask, now: Date): Date | undefined {
    const step = 60_000;
    const start = Math.floor(now.getTime() / step) * step;
    for (let t = start; t > now.getTime() - catchUpMs; t -= step) {
      if (task.match(new Date(t))) return new Date(t);
    }
    return undefined;
  }

  async function catchUp(job: ScheduledJob, task: ScheduledTask): Promise<void> {
    const slot = lastSlot(task, new Date());
    if (!slot) return;
    const previous = await lastRunOf(deps.db, job.name, slot);
    if (!previous) return; // never ran on this database before: nothing was missed
    if (await fire(job.name, slot)) deps.log.info({ job: job.name, fireTime: slot.toISOString() }, 'caught up a missed scheduled run');
  }

  return {
    fire,
    jobs,
    start() {
      if (tasks.length > 0) return;
      stopped = false;
      for (const job of jobs) {
        const task = cron.createTask(
          job.cron(deps.config),
          async (ctx) => {
            const job_ = byName.get(job.name)!;
            await track(runElected(job_, ctx.date)).catch((error) => retryLater(job_, ctx.date, 0, error));
          },
          { name: job.name, timezone: zone, distributed: true, runCoordinator: coordinator, distributedLease: RUN_TTL_MS, noOverlap: true },
        );
        void task.start();
        tasks.push(task);
        if (catchUpMs > 0) void track(catchUp(job, task)).catch((error) => deps.log.error({ err: error, job: job.name }, 'catch-up failed'));
      }
    },
    async stop() {
      const stopping = tasks;
      tasks = [];
      stopped = true;
      for (const timer of retryTimers) clearTimeout(timer);
      retryTimers.clear();
      await Promise.all(stopping.map(async (task) => task.destroy()));
      await Promise.allSettled([...inFlight]);
    },
  };
}
