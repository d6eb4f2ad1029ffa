/**
 * Whether the actor acts for an absent owner right now, decided in one place: the owner as an
 * authorisation resource (services/authz.ts says what a stand-in may do with it) and the "namens"
 * details every audit entry of such an action carries. The same routing as the delivery sender,
 * so whoever receives the owner's posts (their stand-in, or the teamleider) can act on them, and
 * nobody else, and nobody once the absence is over.
 */
import { dutchDate, isoDay, localDay } from '../../lib/dates';
import { officeZone, type ActingContext } from '../context';
import type { Queryable } from '../db';
import { configuredPeople, getPerson } from '../people/store';
import { recipientFor, routingOf } from './route';
import { absencesAhead } from './store';
import type { OnBehalfOf } from './types';

export interface OwnerResource {
  ownerAad: string;
  /** The actor, when they receive the owner's personal posts now because the owner is away. */
  standInAad?: string;
  /** Whoever receives the owner's personal posts now because the owner is away, the actor or not. */
  standInNow?: string;
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
): Promise<{ resource: OwnerResource; behalf?: OnBehalfOf; away?: OnBehalfOf; waitsForOwner?: string }> {
  const route = await recipientFor(q, routingOf(ctx), ownerAad, ctx.clock.now());
  // The owner is away and somebody else receives their posts (not when everybody is away: then the owner does).
  const away = route.onBehalfOf && route.recipientAad !== ownerAad ? route.onBehalfOf : undefined;
  const actor = ctx.actor.aadObjectId;
  const behalf = away && actor !== ownerAad && route.recipientAad === actor ? away : undefined;
  if (behalf && thing && !withinAbsence(behalf, thing.day)) {
    const zone = officeZone(ctx);
    const name = (await getPerson(q, ownerAad))?.name || 'de collega';
    const waitsForOwner = `${thing.label} is op ${dutchDate(thing.day, zone)}, na de afwezigheid van ${name} (tot en met ${dutchDate(behalf.until!, zone)}): dat laat je aan ${name} zelf.`;
    return { resource: { ownerAad }, waitsForOwner };
  }
  const standIn = away ? { standInNow: route.recipientAad, ...(behalf ? { standInAad: actor } : {}) } : {};
  return { resource: { ownerAad, ...standIn }, behalf, away };
}

/**
 * Who may come to act for the owner on a shared card (a help request in the channel): while the
 * owner has an absence now or ahead, whoever receives their posts now, each chosen stand-in and
 * the teamleiders of the owner's regioteam (they accept an offer of the stand-in's own). Teams
 * gives these people a view of their own; what each may do is decided when they click.
 */
export async function mayActFor(ctx: Pick<ActingContext, 'clock' | 'roles' | 'config'>, q: Queryable, ownerAad: string): Promise<string[]> {
  const now = ctx.clock.now();
  const absences = await absencesAhead(q, [ownerAad], isoDay(localDay(now, officeZone(ctx))), now);
  if (absences.length === 0) return [];
  const route = await recipientFor(q, routingOf(ctx), ownerAad, now);
  const team = (await getPerson(q, ownerAad))?.regioteam;
  const leaders = team ? (await configuredPeople(q, ctx.roles.teamleiders[team] ?? [])).map((p) => p.aad) : [];
  const people = [route.recipientAad, ...absences.map((a) => a.standInAad), ...leaders];
  return [...new Set(people.filter((aad): aad is string => !!aad && aad !== ownerAad))];
}

/** "namens": the audit details of an action taken for an absent owner (the return card reads them). */
export const namens = (behalf?: OnBehalfOf) => (behalf ? { onBehalfOf: behalf.ownerAad, absenceId: behalf.absenceId } : {});
