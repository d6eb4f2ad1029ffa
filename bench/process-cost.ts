import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export interface ProcessCost {
  /** How long the event loop was held up, ms: 99th percentile and worst. */
  delayP99: number;
  delayMax: number;
  /** CPU time of the whole process (every thread), ms. */
  cpuMs: number;
  /** CPU time of the event-loop thread alone, ms (Linux; undefined elsewhere). The rest is the database thread and V8's helpers (GC, compiler). */
  loopCpuMs?: number;
}

/** This thread's CPU time in ms from /proc (user + system, in clock ticks of 10 ms); undefined off Linux. */
function threadCpuMs(): number | undefined {
  try {
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th of the line.
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** perf_hooks samples every 10 ms (its default); each sample is the time between two ticks. */
const SAMPLE_MS = 10;

/**
 * Measures this process between `start()` and `stop()`: event-loop delay and CPU time. It runs
 * inside the server under test (bench/server-process.ts), so the load generator's own work does
 * not count as the server's delay. perf_hooks records the whole time between two 10 ms ticks, so
 * an idle loop reads 10 ms; the sampling interval is taken off to give the delay a request would
 * have waited (Node's docs call this the implicit floor of `resolution`).
 */
export class ProcessMeter {
  private histogram?: IntervalHistogram;
  private cpuBefore?: NodeJS.CpuUsage;
  private loopCpuBefore?: number;

  start(): void {
    this.histogram?.disable();
    this.histogram = monitorEventLoopDelay({ resolution: SAMPLE_MS });
    this.cpuBefore = process.cpuUsage();
    this.loopCpuBefore = threadCpuMs();
    this.histogram.enable();
  }

  stop(): ProcessCost {
    if (!this.histogram || !this.cpuBefore) throw new Error('ProcessMeter.stop() before start()');
    this.histogram.disable();
    const cpu = process.cpuUsage(this.cpuBefore);
    const loopCpu = threadCpuMs();
    const delay = (ns: number) => Math.max(0, ns / 1e6 - SAMPLE_MS);
    const cost = {
      delayP99: delay(this.histogram.percentile(99)),
      delayMax: delay(this.histogram.max),
      cpuMs: (cpu.user + cpu.system) / 1000,
      loopCpuMs: loopCpu !== undefined && this.loopCpuBefore !== undefined ? loopCpu - this.loopCpuBefore : undefined,
    };
    this.histogram = undefined;
    return cost;
  }
}
