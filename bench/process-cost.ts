import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface ProcessCost {
  /** How long the event loop was held up, ms: 99th percentile and worst. */
  delayP99: number;
  delayMax: number;
  /** CPU time of the whole process (every thread), ms. */
  cpuMs: number;
}

/**
 * What running `fn` cost this process. Event-loop delay is sampled by perf_hooks every 10 ms (its
 * default). The load generator shares the loop with the server under test, so the delay is what a
 * request arriving at a random moment would have waited before the server could even read it.
 * CPU time is less sensitive than throughput to other work on a shared machine: per request it
 * shows what a piece of code costs or saves.
 */
export async function measureProcess<T>(fn: () => Promise<T>): Promise<{ result: T; cost: ProcessCost }> {
  const histogram = monitorEventLoopDelay();
  const cpuBefore = process.cpuUsage();
  histogram.enable();
  try {
    const result = await fn();
    histogram.disable();
    const cpu = process.cpuUsage(cpuBefore);
    return { result, cost: { delayP99: histogram.percentile(99) / 1e6, delayMax: histogram.max / 1e6, cpuMs: (cpu.user + cpu.system) / 1000 } };
  } finally {
    histogram.disable();
  }
}
