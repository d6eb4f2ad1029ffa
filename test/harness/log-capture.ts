import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../services/logger';

/** A real logger whose JSON lines are kept, for tests that check what is (not) logged. */
export function captureLogs(level = 'info'): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger(level, sink), lines };
}
