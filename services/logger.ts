import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

const CENSOR = '[redacted]';

/**
 * Keys that hold personal data wherever they turn up (top level or one level down): names, message
 * and card text, free text of requests and notes, e-mail addresses and sign-in names, case
 * references, tokens.
 */
const PERSONAL_KEYS = ['text', 'name', 'description', 'note', 'card', 'data', 'upn', 'email', 'caseRef', 'caseRefs', 'token'];

/**
 * A database error quotes the values it failed on: PostgreSQL's `detail` ("Failing row contains
 * (…)", "Key (…)=(…)") and a driver's copy of the query `params`.
 */
const ERROR_VALUES = ['err.detail', 'err.params'];

/** `*.name` is for people; an error's name is its class or SQL error kind, which operators need. */
function censor(value: unknown, path: string[]): unknown {
  return path.length === 2 && path[0] === 'err' && path[1] === 'name' ? value : CENSOR;
}

/**
 * Structured JSON logs. Message text, card input and names never go in at info level; the redact
 * list is a safety net for fields that might carry them by accident. Diagnostics stay readable:
 * error type, name, message and code, reason codes (e.g. why a tab token was refused), statuses.
 */
export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'wendbaar' },
      redact: {
        paths: [...PERSONAL_KEYS, ...PERSONAL_KEYS.map((key) => `*.${key}`), ...ERROR_VALUES, 'headers.authorization'],
        censor,
      },
    },
    destination,
  );
}
