/**
 * Whether the actor acts for an absent owner right now, decided in one place: the owner as an
 * authorisation resource (services/authz.ts says what a stand-in may do with it) and the "namens"
 * details every audit entry of such an action carries. The same routing as the delivery sender,
 * so whoever receives the owner's posts (their stand-in, or the teamleider) can act on them, and
 * nobody else, and nobody once the absence is over.
 */
import type { ActingContext } from '../context';
import type { Queryable } from '../db';
import { actingFor, routingOf } from './route';
import type { OnBehalfOf } from './types';

export interface OwnerResource {
  ownerAad: string;
  /** The actor, when they receive the owner's personal posts now because the owner is away. */
  standInAad?: string;
}

export async function ownerResource(
  ctx: Pick<ActingContext, 'actor' | 'clock' | 'roles' | 'config'>,
  q: Queryable,
  ownerAad: string,
): Promise<{ resource: OwnerResource; behalf?: OnBehalfOf }> {
  const behalf = await actingFor(q, routingOf(ctx), ctx.actor.aadObjectId, ownerAad, ctx.clock.now());
  return { resource: { ownerAad, ...(behalf ? { standInAad: ctx.actor.aadObjectId } : {}) }, behalf };
}

/** "namens": the audit details of an action taken for an absent owner (the return card reads them). */
export const namens = (behalf?: OnBehalfOf) => (behalf ? { onBehalfOf: behalf.ownerAad, absenceId: behalf.absenceId } : {});
