import type { Logger } from '../logger';
import type { Section } from './types';

/** Marks a shared promise as handled; every reader still sees its rejection. */
export function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** A feature's summary failing (e.g. its table is still being built) must not take the tab down. */
export function logUnavailable(log: Logger, section: string, error: unknown): void {
  log.warn({ err: error, section }, 'overview section unavailable');
}

export async function guarded<T>(log: Logger, section: string, run: () => Promise<Section<T>>): Promise<Section<T>> {
  try {
    return await run();
  } catch (error) {
    logUnavailable(log, section, error);
    return { state: 'unavailable' };
  }
}
