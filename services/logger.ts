import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Structured JSON logs. Message text, card input and names never go in at info level; the redact
 * list is a safety net for fields that might carry them by accident.
 */
export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'wendbaar' },
      redact: {
        paths: ['text', 'name', '*.text', '*.name', 'card', 'data', '*.data', 'description', 'reason', 'headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
