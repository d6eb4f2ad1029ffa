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

/** Database or network trouble that passes: the user is asked to try again shortly. */
export function isTransientInfrastructureError(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code ?? '';
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001', '08003'].includes(code) ||
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(String((error as Error)?.message));
}
