import type { Env } from '../config/env';
import { forbidden } from './errors';

/**
 * Who may do what, in one place. Roles come from configuration (by Entra object id or UPN);
 * everybody else is a medewerker (consulent, doorstroomcoach, staff).
 */
export interface Actor {
  aadObjectId: string;
  name: string;
  upn?: string;
  isMt: boolean;
  isBeleid: boolean;
  /** Regioteam ids this person leads. */
  teamleiderOf: string[];
  /** The regioteam this person works in, when known. */
  regioteam?: string;
}

export interface RoleSettings {
  mt: string[];
  beleid: string[];
  teamleiders: Record<string, string[]>;
}

export function roleSettingsFromEnv(env: Pick<Env, 'WENDBAAR_MT' | 'WENDBAAR_BELEID' | 'WENDBAAR_TEAMLEIDERS'>): RoleSettings {
  return { mt: env.WENDBAAR_MT, beleid: env.WENDBAAR_BELEID, teamleiders: env.WENDBAAR_TEAMLEIDERS };
}

export function resolveActor(
  person: { aadObjectId: string; name: string; upn?: string | null; regioteam?: string | null },
  roles: RoleSettings,
): Actor {
  const ids = [person.aadObjectId, person.upn ?? ''].filter(Boolean).map((id) => id.toLowerCase());
  const listed = (list: string[]) => list.some((entry) => ids.includes(entry.toLowerCase()));
  const teamleiderOf = Object.entries(roles.teamleiders)
    .filter(([, people]) => listed(people))
    .map(([team]) => team);
  return {
    aadObjectId: person.aadObjectId,
    name: person.name,
    upn: person.upn ?? undefined,
    isMt: listed(roles.mt),
    isBeleid: listed(roles.beleid),
    teamleiderOf,
    regioteam: person.regioteam ?? teamleiderOf[0] ?? undefined,
  };
}

interface Resource {
  regioteam?: string;
  ownerAad?: string;
  /**
   * The actor, when they receive the owner's personal posts now because the owner is away: set only
   * by `ownerResource` in services/absence/acting.ts, the one place that decides it.
   */
  standInAad?: string;
  /** Whoever stands in for the absent owner now, the actor or not (also set by `ownerResource`). */
  standInNow?: string;
  /** The colleague who made the offer an accept is about. */
  offerBy?: string;
}

interface Rule {
  allowed: (actor: Actor, resource: Resource) => boolean;
  /** Dutch: who can, so a refusal tells the user whom to ask. */
  whoCan: string;
}

const isMt = (a: Actor) => a.isMt;
const leadsTeam = (a: Actor, r: Resource) => !!r.regioteam && a.teamleiderOf.includes(r.regioteam);
const isTeamleider = (a: Actor) => a.teamleiderOf.length > 0;
const standsIn = (a: Actor, r: Resource) => !!r.standInAad && a.aadObjectId === r.standInAad;
/** Nobody approves their own offer: a stand-in's offer on the absentee's request is the teamleider's (or the MT's) to accept. */
const ownOffer = (a: Actor, r: Resource) => !!r.offerBy && a.aadObjectId === r.offerBy;
const offerOfStandIn = (r: Resource) => !!r.offerBy && r.offerBy === r.standInNow;

export const PERMISSIONS = {
  'channel.link': { allowed: (a, r) => isMt(a) || leadsTeam(a, r), whoCan: 'het MT of de teamleider van dit regioteam' },
  'status.propose': { allowed: isMt, whoCan: 'leden van het MT' },
  'status.decide': { allowed: isMt, whoCan: 'leden van het MT' },
  'status.viewResponses': { allowed: isMt, whoCan: 'leden van het MT' },
  'status.consult': { allowed: () => true, whoCan: 'iedere medewerker' },
  'caseload.teamView': { allowed: (a, r) => isMt(a) || (r.regioteam ? leadsTeam(a, r) : isTeamleider(a)), whoCan: 'de teamleider van dit regioteam of het MT' },
  'caseload.otherTeamFigures': { allowed: (a, r) => isMt(a) || leadsTeam(a, r), whoCan: 'de teamleider van dat regioteam of het MT' },
  'caseload.help': {
    allowed: (a, r) => isMt(a) || leadsTeam(a, r) || (!!r.regioteam && a.regioteam === r.regioteam),
    whoCan: 'collega\'s van dat regioteam, de teamleider of het MT',
  },
  'request.owner': { allowed: (a, r) => a.aadObjectId === r.ownerAad, whoCan: 'de aanvrager' },
  // Offers on an absent requester's request wait for whoever stands in; withdrawing or closing it stays the requester's.
  'request.accept': {
    allowed: (a, r) => a.aadObjectId === r.ownerAad || (standsIn(a, r) && !ownOffer(a, r)) || (offerOfStandIn(r) && !ownOffer(a, r) && (leadsTeam(a, r) || isMt(a))),
    whoCan: 'de aanvrager of, zolang die afwezig is, wie de aanvrager vervangt (een aanbod van die vervanger zelf: de teamleider of het MT)',
  },
  'monitoring.startForOthers': { allowed: (a, r) => isMt(a) || leadsTeam(a, r), whoCan: 'de teamleider van dat regioteam of het MT' },
  'monitoring.owner': {
    allowed: (a, r) => a.aadObjectId === r.ownerAad || standsIn(a, r) || isMt(a) || leadsTeam(a, r),
    whoCan: 'de eigenaar van het item, de teamleider of het MT',
  },
  'mdo.owner': {
    allowed: (a, r) => a.aadObjectId === r.ownerAad || standsIn(a, r),
    whoCan: 'de consulent die dit besluit maakt of, zolang die afwezig is, wie deze consulent vervangt',
  },
  'mdo.overview': { allowed: (a) => isMt(a) || isTeamleider(a), whoCan: 'teamleiders en het MT' },
  'evaluation.view': { allowed: (a) => isMt(a) || a.isBeleid || isTeamleider(a), whoCan: 'het MT, beleidsmedewerkers en teamleiders' },
  'absence.manage': {
    allowed: (a, r) => a.aadObjectId === r.ownerAad || isMt(a) || leadsTeam(a, r),
    whoCan: 'de consulent zelf (voor de eigen afwezigheid), de teamleider van het regioteam of het MT',
  },
  'deliveries.admin': { allowed: isMt, whoCan: 'leden van het MT' },
} satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor, permission: Permission, resource: Resource = {}): boolean {
  return (PERMISSIONS[permission] as Rule).allowed(actor, resource);
}

/**
 * Whether the actor holds the permission for some regioteam (or without one): what the menu offers.
 * Using the command still checks the permission for the team it is about.
 */
export function canSomewhere(actor: Actor, permission: Permission): boolean {
  const teams = [...actor.teamleiderOf, ...(actor.regioteam ? [actor.regioteam] : [])];
  return can(actor, permission) || teams.some((regioteam) => can(actor, permission, { regioteam }));
}

/** Throws a Dutch refusal naming who can; callers audit the refusal through the turn handler. */
export function authorize(actor: Actor, permission: Permission, resource: Resource = {}): void {
  if (!can(actor, permission, resource)) {
    throw forbidden(`Dit mag alleen ${PERMISSIONS[permission].whoCan}. Vraag het hen, of typ "menu" voor wat jij kunt doen.`);
  }
}
