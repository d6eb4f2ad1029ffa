import { errorCard } from '../cards/notice';
import { audit } from '../services/audit/store';
import { ErrorCode, UserFacingError, isTransientInfrastructureError } from '../services/errors';
import type { Logger } from '../services/logger';
import type { AppDeps } from './app-deps';
import type { Reply } from './feature';

export interface HandledError {
  reply: Reply;
  /** Dutch text for an invoke response of type message (keeps the card and its inputs as they are). */
  text: string;
}

const INTERNAL_ERROR = 'Er ging iets mis aan onze kant. Probeer het later opnieuw; noem dit kenmerk als je hulp vraagt.';

/** What a user is told when a turn failed on our side; the correlation id matches the error log line. */
export const internalErrorText = (correlationId: string) => `${INTERNAL_ERROR} Kenmerk: ${correlationId}`;

/**
 * The one place a failed turn is turned into an answer: user-fixable errors in Dutch, passing
 * infrastructure trouble as "try again shortly", anything else as an internal error whose
 * correlation id the user can quote. Refusals are audited.
 */
export async function handleTurnError(
  deps: AppDeps,
  error: unknown,
  ctx: { log: Logger; correlationId: string; actorAad?: string; verb?: string; attempted?: Record<string, string | number> },
): Promise<HandledError> {
  if (error instanceof UserFacingError) {
    deps.metrics.errors.inc({ code: error.code });
    ctx.log.info({ code: error.code }, 'turn refused');
    if (error.code === ErrorCode.Forbidden && ctx.actorAad) {
      // What the refused click pointed at, as the card claimed it (ids only, never free text).
      const details = ctx.attempted && Object.keys(ctx.attempted).length > 0 ? { attempted: ctx.attempted } : undefined;
      // The user is refused either way; a lost audit record is the operator's to know about.
      await audit(deps.db, { actor: ctx.actorAad, action: ctx.verb ?? 'command', outcome: 'refused', details, correlationId: ctx.correlationId }).catch((auditError: unknown) =>
        ctx.log.error({ err: auditError }, 'refusal could not be audited'),
      );
    }
    return { reply: { card: errorCard(error.message) }, text: error.message };
  }
  if (isTransientInfrastructureError(error)) {
    deps.metrics.errors.inc({ code: ErrorCode.Unavailable });
    ctx.log.warn({ err: error, code: ErrorCode.Unavailable }, 'database or network unavailable during turn');
    const text = 'Wendbaar kan je verzoek nu even niet verwerken. Er is niets opgeslagen; probeer het zo opnieuw.';
    return { reply: { card: errorCard(text, ctx.correlationId) }, text: `${text} (kenmerk ${ctx.correlationId})` };
  }
  deps.metrics.errors.inc({ code: ErrorCode.Internal });
  ctx.log.error({ err: error, code: ErrorCode.Internal }, 'unexpected error during turn');
  return { reply: { card: errorCard(INTERNAL_ERROR, ctx.correlationId) }, text: internalErrorText(ctx.correlationId) };
}
