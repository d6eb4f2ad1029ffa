/**
 * Whether the actor acts for an absent owner right now, decided in one place: the owner as an
 * authorisation resource (services/authz.ts says what a stand-in may do with it) and the "namens"
 * details every audit entry of such an action carries. The same routing as the delivery sender,
 * so whoever receives the owner's posts (their stand-in, or the teamleider) can act on them, and
 * nobody else, and nobody once the absence is over.
 */
import { dutchDate } from '../../lib/dates';
import type { ActingContext } from '../context';
import type { Queryable } from '../db';
import { getPerson } from '../people/store';
import { actingFor, routingOf } from './route';
import type { OnBehalfOf } from './types';

export interface OwnerResource {
  ownerAad: string;
  /** The actor, when they receive the owner's personal posts now because the owner is away. */
  standInAad?: string;
}

/** Whether a day (YYYY-MM-DD) falls within the absence: on or before its last day; open-ended, always. */
export const withinAbsence = (behalf: Pick<OnBehalfOf, 'until'>, day: string) => behalf.until === null || day <= behalf.until;

export interface OwnedThing {
  /** The day the thing happens (an MDO's meeting day): after the owner's last day away it waits for the owner. */
  day: string;
  /** Dutch, for the refusal: "Dit MDO". */
  label: string;
}

/**
 * The owner as an authorisation resource for the actor. For a thing on a day after the owner's
 * absence the actor does not stand in (it waits for the owner), and `waitsForOwner` says so in Dutch.
 */
export async function ownerResource(
  ctx: Pick<ActingContext, 'actor' | 'clock' | 'roles' | 'config'>,
  q: Queryable,
  ownerAad: string,
  thing?: OwnedThing,
): Promise<{ resource: OwnerResource; behalf?: OnBehalfOf; waitsForOwner?: string }> {
  const behalf = await actingFor(q, routingOf(ctx), ctx.actor.aadObjectId, ownerAad, ctx.clock.now());
  if (behalf && thing && !withinAbsence(behalf, thing.day)) {
    const zone = ctx.config.env.WENDBAAR_TIME_ZONE;
    const name = (await getPerson(q, ownerAad))?.name || 'de collega';
    const waitsForOwner = `${thing.label} is op ${dutchDate(thing.day, zone)}, na de afwezigheid van ${name} (tot en met ${dutchDate(behalf.until!, zone)}): dat laat je aan ${name} zelf.`;
    return { resource: { ownerAad }, waitsForOwner };
  }
  return { resource: { ownerAad, ...(behalf ? { standInAad: ctx.actor.aadObjectId } : {}) }, behalf };
}

/** "namens": the audit details of an action taken for an absent owner (the return card reads them). */
export const namens = (behalf?: OnBehalfOf) => (behalf ? { onBehalfOf: behalf.ownerAad, absenceId: behalf.absenceId } : {});
