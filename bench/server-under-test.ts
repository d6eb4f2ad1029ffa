import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { ProcessCost } from './process-cost';

export interface ServerSpec {
  kind: 'wendbaar' | 'baseline';
  /** Embedded database folder (Wendbaar only; in memory when both are left out). */
  dataDir?: string;
  databaseUrl?: string;
  teamleiders?: string;
}

export type ServerRequest = { cmd: 'start'; spec: ServerSpec } | { cmd: 'measure-start' } | { cmd: 'measure-stop' } | { cmd: 'close' };
export interface ServerReply {
  url?: string;
  verbs?: string[];
  cost?: ProcessCost;
}

/** A server under test in a child process (bench/server-process.ts), driven over IPC. */
export class ServerUnderTest {
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (reply: ServerReply) => void; reject: (error: Error) => void }>();
  url = '';
  verbs: string[] = [];

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: { id: number; reply?: ServerReply; error?: string }) => {
      const waiter = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.error) waiter?.reject(new Error(`server under test: ${message.error}`));
      else waiter?.resolve(message.reply ?? {});
    });
    child.on('exit', (code) => {
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`server under test exited with ${code}`));
      this.waiting.clear();
    });
  }

  static async start(spec: ServerSpec): Promise<ServerUnderTest> {
    // WENDBAAR_BENCH_PROFILE=<folder> writes a CPU profile of each server under test there.
    const profile = process.env.WENDBAAR_BENCH_PROFILE;
    const execArgv = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
    const child = fork(path.join(__dirname, 'server-process.js'), [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    pinToServerCore(child.pid!);
    const server = new ServerUnderTest(child);
    const reply = await server.request({ cmd: 'start', spec });
    server.url = reply.url ?? '';
    server.verbs = reply.verbs ?? [];
    return server;
  }

  /** Runs `fn` (the load) while the server measures its own event-loop delay and CPU time. */
  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; cost: ProcessCost }> {
    await this.request({ cmd: 'measure-start' });
    const result = await fn();
    const { cost } = await this.request({ cmd: 'measure-stop' });
    return { result, cost: cost! };
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.request({ cmd: 'close' }).catch(() => undefined);
    this.child.disconnect();
    await exited;
  }

  private request(request: ServerRequest): Promise<ServerReply> {
    const id = (this.nextId += 1);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.send({ id, request });
    });
  }
}

/**
 * On a machine with two or more cores the load generator keeps core 0 and every server under test
 * gets core 1 to itself (all its threads, the embedded database's included), so the echo baseline
 * and Wendbaar are compared on the same single core and neither loses time to the load generator.
 * Without `taskset` the operating system schedules freely (the figures say so).
 */
export function pinToServerCore(pid: number): void {
  if (!pinning) return;
  execFileSync('taskset', ['-a', '-p', '-c', '1', String(pid)], { stdio: 'ignore' });
}

function canPin(): boolean {
  if (os.cpus().length < 2 || process.env.WENDBAAR_BENCH_PIN === 'false') return false;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether processes are pinned (the load generator to core 0 as a side effect of checking). */
export const pinning = canPin();
