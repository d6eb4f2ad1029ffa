/**
 * The one place that decides who receives a person's personal posts today: the delivery sender
 * asks it for every personal post when it sends, so every feature's reminders and notices reach
 * the stand-in while their recipient is away, without each feature knowing about absence.
 */
import { isoDay, localDay, parseIsoDay } from '../../lib/dates';
import type { RoleSettings } from '../authz';
import type { Context } from '../context';
import type { Queryable } from '../db';
import { configuredPeople, getPerson } from '../people/store';
import { effectiveRecipient } from './rules';
import { absencesOn, onBehalfOfPost, recordOnBehalf } from './store';
import type { AbsencePeriod, OnBehalfLine, OnBehalfOf, Route } from './types';

export interface RoutingSettings {
  roles: Pick<RoleSettings, 'teamleiders'>;
  /** The office time zone: absences are in office days. */
  zone: string;
}

/** The routing settings of a turn's or job's context. */
export const routingOf = (ctx: Pick<Context, 'roles' | 'config'>): RoutingSettings => ({ roles: ctx.roles, zone: ctx.config.env.WENDBAAR_TIME_ZONE });

interface Day {
  absences: AbsencePeriod[];
  day: string;
  now: Date;
}

async function today(q: Queryable, settings: RoutingSettings, now: Date): Promise<Day> {
  const day = isoDay(localDay(now, settings.zone));
  return { absences: await absencesOn(q, day, now), day, now };
}

/** The teamleiders (known to the bot) of the regioteam of every person who is away today. */
async function teamleidersOfAbsentees(q: Queryable, settings: RoutingSettings, absences: readonly AbsencePeriod[]): Promise<Map<string, string[]>> {
  const leaders = new Map<string, string[]>();
  const perTeam = new Map<string, string[]>();
  for (const aad of new Set(absences.map((a) => a.personAad))) {
    const team = (await getPerson(q, aad))?.regioteam;
    if (!team) continue;
    if (!perTeam.has(team)) perTeam.set(team, (await configuredPeople(q, settings.roles.teamleiders[team] ?? [])).filter((p) => p.known).map((p) => p.aad));
    leaders.set(aad, perTeam.get(team)!);
  }
  return leaders;
}

async function resolve(q: Queryable, settings: RoutingSettings, ownerAad: string, { absences, day, now }: Day): Promise<Route> {
  // Nearly always nobody is away: no further reads.
  if (!absences.some((a) => a.personAad === ownerAad)) return { recipientAad: ownerAad };
  const leaders = await teamleidersOfAbsentees(q, settings, absences);
  return effectiveRecipient(ownerAad, { absences, teamleidersOf: (aad) => leaders.get(aad) ?? [], day, now });
}

/** Who receives `ownerAad`'s personal posts at `now`, and on whose behalf. */
export async function recipientFor(q: Queryable, settings: RoutingSettings, ownerAad: string, now: Date): Promise<Route> {
  return resolve(q, settings, ownerAad, await today(q, settings, now));
}

const withName = async (q: Queryable, behalf: OnBehalfOf): Promise<OnBehalfLine> =>
  ({ ...behalf, ownerName: (await getPerson(q, behalf.ownerAad))?.name || 'een collega' });

/**
 * For the delivery sender: where a personal post goes now. A post for someone away is remembered
 * as sent on their behalf (its in-place updates keep the "namens" line) and carries the line to draw.
 */
export async function routePersonalDelivery(
  q: Queryable,
  settings: RoutingSettings,
  delivery: { id: number; recipient_aad: string | null; attempts: number },
  now: Date,
): Promise<{ recipientAad: string; onBehalfOf?: OnBehalfLine }> {
  const route = await recipientFor(q, settings, delivery.recipient_aad ?? '', now);
  // A retry may have been redirected before the owner came back: then the mark is cleared.
  if (route.onBehalfOf || delivery.attempts > 1) await recordOnBehalf(q, delivery.id, route.onBehalfOf ?? null);
  return { recipientAad: route.recipientAad, onBehalfOf: route.onBehalfOf && (await withName(q, route.onBehalfOf)) };
}

/** For the delivery sender: the "namens" line of the post an update replaces, if it had one. */
export async function onBehalfLineOfPost(q: Queryable, targetKey: string): Promise<OnBehalfLine | undefined> {
  const behalf = await onBehalfOfPost(q, targetKey);
  return behalf ? withName(q, behalf) : undefined;
}

/**
 * The people whose personal posts reach `personAad` at `now`, with why: for a task list that shows a
 * stand-in their own items and, in a separate group, the items they look after for colleagues.
 */
export async function ownersStoodInFor(q: Queryable, settings: RoutingSettings, personAad: string, now: Date): Promise<OnBehalfLine[]> {
  const day = await today(q, settings, now);
  const owners = [...new Set(day.absences.map((a) => a.personAad))].filter((aad) => aad !== personAad);
  const found: OnBehalfLine[] = [];
  for (const owner of owners) {
    const route = await resolve(q, settings, owner, day);
    if (route.recipientAad === personAad && route.onBehalfOf) found.push(await withName(q, route.onBehalfOf));
  }
  return found;
}

/**
 * For a day's overview (the team digest): the name of whoever receives each absent owner's posts
 * that day. "terug" ends an absence at the moment it is typed, never later, so judging at the
 * day's end gives the answer for any moment of the day.
 */
export async function standInNamesOn(q: Queryable, settings: RoutingSettings, owners: readonly string[], day: string): Promise<Map<string, string>> {
  const now = parseIsoDay(day, settings.zone).endOf('day').toJSDate();
  const state = { absences: await absencesOn(q, day, now), day, now };
  const names = new Map<string, string>();
  for (const owner of new Set(owners)) {
    const route = await resolve(q, settings, owner, state);
    if (route.onBehalfOf && route.recipientAad !== owner) names.set(owner, (await getPerson(q, route.recipientAad))?.name || 'een collega');
  }
  return names;
}
