/** Known failures, each with a code operators can grep for and a Dutch text for the user. */
export enum ErrorCode {
  Validation = 'validation',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  PersonalData = 'personal_data',
  UnknownAction = 'unknown_action',
  MissingIdentity = 'missing_identity',
  Unavailable = 'unavailable',
  Internal = 'internal',
}

/** A failure the user can understand or fix; `message` is Dutch and shown as is. */
export class UserFacingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

export const validationError = (message: string, details: Record<string, unknown> = {}) =>
  new UserFacingError(ErrorCode.Validation, message, details);
export const forbidden = (message: string) => new UserFacingError(ErrorCode.Forbidden, message);
export const notFound = (message: string) => new UserFacingError(ErrorCode.NotFound, message);
export const conflict = (message: string) => new UserFacingError(ErrorCode.Conflict, message);

/**
 * Error codes of trouble that passes: network errors, and PostgreSQL SQLSTATEs for a server that is
 * shutting down or restarting (57P01-57P03), a lost or refused connection (class 08), a database
 * that is (temporarily) gone or full (3D000, 53300), a fail-over replica (25006 read only).
 */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '3D000', '53300', '25006',
]);

/** Database or network trouble that passes: the user is asked to try again shortly. */
export function isTransientInfrastructureError(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code ?? '';
  return TRANSIENT_CODES.has(code) ||
    // "not currently accepting connections" is SQLSTATE 55000, a code shared with unrelated errors.
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|is not currently accepting connections|not queryable/i.test(String((error as Error)?.message));
}
