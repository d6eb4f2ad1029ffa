import { resolveActor } from '../authz';
import type { Context } from '../context';
import type { Queryable } from '../db';
import { configuredPeople } from '../people/store';
import { teamsUserIds } from '../people/store';
import { audienceOf, insertAudience, peopleOfTeams, type AudienceMember } from './store/audience';

/**
 * Who should read an announcement, fixed when it is published: the colleagues of each announced
 * regioteam (people placed in it, from the roster and the channels, and the teamleider from the
 * office configuration) and, counted apart, the MT and beleid (even if they clicked in a team's channel).
 */

type RolesContext = Pick<Context, 'roles'>;

/** Teams shows per-user views to at most 60 listed users. */
const MAX_REFRESH_USERS = 60;

export async function fixAudience(tx: Queryable, ctx: RolesContext, announcementId: number, regioteams: string[]): Promise<void> {
  const members = new Map<string, AudienceMember>();
  const apart = await configuredPeople(tx, [...ctx.roles.mt, ...ctx.roles.beleid]);
  const apartIds = new Set(apart.map((p) => p.aad.toLowerCase()));
  for (const person of await peopleOfTeams(tx, regioteams)) {
    const actor = resolveActor({ aadObjectId: person.aadObjectId, name: person.name, upn: person.upn }, ctx.roles);
    if (actor.isMt || actor.isBeleid || apartIds.has(person.aadObjectId.toLowerCase())) continue;
    members.set(person.aadObjectId, { aadObjectId: person.aadObjectId, name: person.name, regioteam: person.regioteam, apart: false });
  }
  for (const team of regioteams) {
    for (const leader of await configuredPeople(tx, ctx.roles.teamleiders[team] ?? [])) {
      if (!leader.known || apartIds.has(leader.aad.toLowerCase())) continue;
      members.set(leader.aad, { aadObjectId: leader.aad, name: leader.name, regioteam: team, apart: false });
    }
  }
  for (const person of apart) {
    if (person.known) members.set(person.aad, { aadObjectId: person.aad, name: person.name, regioteam: null, apart: true });
  }
  await insertAudience(tx, announcementId, [...members.values()]);
}

export interface AudienceCounts {
  read: number;
  audience: number;
  apartRead: number;
  apartAudience: number;
}

/** The read counts, the colleagues who have not read it, and who gets a per-user view (MT first). */
export async function audienceState(q: Queryable, ctx: RolesContext, announcementId: number) {
  const rows = await audienceOf(q, announcementId);
  const team = rows.filter((r) => !r.apart);
  const apart = rows.filter((r) => r.apart);
  const counts: AudienceCounts = {
    read: team.filter((r) => r.read).length,
    audience: team.length,
    apartRead: apart.filter((r) => r.read).length,
    apartAudience: apart.length,
  };
  const mt = await configuredPeople(q, ctx.roles.mt);
  const viewers = [...new Set([...mt.filter((p) => p.known).map((p) => p.aad), ...rows.map((r) => r.aadObjectId)])];
  return {
    counts,
    unread: team.filter((r) => !r.read).map((r) => ({ aadObjectId: r.aadObjectId, name: r.name, regioteam: r.regioteam ?? '' })),
    viewers: (await teamsUserIds(q, viewers)).slice(0, MAX_REFRESH_USERS),
  };
}

/** The MT members' Teams ids: who sees the MT's own view of a consultation card. */
export async function mtViewers(q: Queryable, ctx: RolesContext): Promise<string[]> {
  const mt = await configuredPeople(q, ctx.roles.mt);
  return (await teamsUserIds(q, mt.filter((p) => p.known).map((p) => p.aad))).slice(0, MAX_REFRESH_USERS);
}
