/**
 * Pure rules of absence: whether a period covers a moment, who receives a person's personal posts
 * while they are away, and which colleague stands in by default. No I/O.
 */
import type { AbsencePeriod, OnBehalfOf, Route } from './types';

/**
 * Whether the absence covers `day` (YYYY-MM-DD, office time) at `now`: from its first day through
 * its last day (inclusive, or open-ended), unless "terug" ended it before `now`.
 */
export function covers(a: Pick<AbsencePeriod, 'startsOn' | 'endsOn' | 'endedAt'>, day: string, now: Date): boolean {
  if (a.startsOn > day) return false;
  if (a.endsOn !== null && a.endsOn < day) return false;
  return a.endedAt === null || new Date(a.endedAt) > now;
}

/** The absence that applies to a person now: of overlapping ones the one recorded last decides. */
export function currentAbsence<A extends AbsencePeriod>(absences: readonly A[], personAad: string, day: string, now: Date): A | undefined {
  return absences.filter((a) => a.personAad === personAad && covers(a, day, now)).sort((x, y) => y.id - x.id)[0];
}

/** What the routing rule needs to know about the office on one day. */
export interface RoutingWorld {
  /** The absences that cover the day (others are ignored anyway). */
  absences: readonly AbsencePeriod[];
  /** The teamleiders of a person's regioteam, in configured order. */
  teamleidersOf: (personAad: string) => readonly string[];
  day: string;
  now: Date;
}

/**
 * Who receives a person's personal posts on a day. Present: the person. Away: their chosen
 * stand-in, or, when nobody was chosen or the stand-in is away too, the team's teamleider. When
 * every one of those is away as well, their own stand-ins and teamleiders are tried in turn; a
 * person is tried once, so a chain of stand-ins never loops. When nobody at all is present the
 * post goes to the person after all (marked, so it is visible why).
 */
export function effectiveRecipient(ownerAad: string, world: RoutingWorld): Route {
  const away = (aad: string) => currentAbsence(world.absences, aad, world.day, world.now);
  const ownAbsence = away(ownerAad);
  if (!ownAbsence) return { recipientAad: ownerAad };
  const behalf = (via: OnBehalfOf['via']): OnBehalfOf => ({ ownerAad, absenceId: ownAbsence.id, via, until: ownAbsence.endsOn });
  const visited = new Set([ownerAad]);
  const candidatesOf = (aad: string) => [
    ...(away(aad)?.standInAad ? [{ aad: away(aad)!.standInAad!, via: 'standIn' as const }] : []),
    ...world.teamleidersOf(aad).map((leader) => ({ aad: leader, via: 'teamleider' as const })),
  ];
  // Breadth first: the owner's stand-in and teamleider before anyone's stand-in of a stand-in.
  let frontier = candidatesOf(ownerAad);
  while (frontier.length > 0) {
    const fresh = frontier.filter((c, i) => !visited.has(c.aad) && frontier.findIndex((o) => o.aad === c.aad) === i);
    for (const c of fresh) visited.add(c.aad);
    const present = fresh.find((c) => !away(c.aad));
    if (present) return { recipientAad: present.aad, onBehalfOf: behalf(present.via) };
    frontier = fresh.flatMap((c) => candidatesOf(c.aad));
  }
  return { recipientAad: ownerAad, onBehalfOf: behalf('nobody') };
}

/** A colleague as the default stand-in sees them: whether they are a buffer colleague and their room. */
export interface StandInCandidate {
  aad: string;
  name: string;
  isBuffer: boolean;
  openCases: number;
  norm: number;
  /** Away on the absence's first day. */
  away: boolean;
}

/** The default stand-in: the team's buffer colleague with the most room (fewest cases against the norm). */
export function defaultStandIn(candidates: readonly StandInCandidate[], absentAad: string): StandInCandidate | undefined {
  return candidates
    .filter((c) => c.isBuffer && !c.away && c.aad !== absentAad)
    .sort((a, b) => b.norm - b.openCases - (a.norm - a.openCases) || a.name.localeCompare(b.name, 'nl'))[0];
}

/** Working days of an absence within [from, to] (inclusive days): what the workload figures count. */
export function absentDaysWithin(
  absences: readonly Pick<AbsencePeriod, 'startsOn' | 'endsOn' | 'endedAt'>[],
  days: readonly string[],
  now: Date,
): number {
  return days.filter((day) => absences.some((a) => covers(a, day, now))).length;
}
