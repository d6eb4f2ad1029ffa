import { DateTime } from 'luxon';
import type { Env } from '../../config/env';
import type { Office } from '../../config/office';
import { addWorkingDays } from '../../lib/dates';
import { timeZone } from '../../lib/time-zone';
import type { HelpRequest, RequestStatus, WorkloadLine, WorkloadRow } from './types';

/** Requests that can still change: offers, acceptance, closing. */
export const ACTIVE_STATUSES: RequestStatus[] = ['open', 'aangeboden', 'toegewezen'];
/** Requests that still wait for help someone accepted. */
export const UNANSWERED_STATUSES: RequestStatus[] = ['open', 'aangeboden'];

export const isActive = (status: RequestStatus) => ACTIVE_STATUSES.includes(status);
export const isUnanswered = (status: RequestStatus) => UNANSWERED_STATUSES.includes(status);

/** How long a request may wait for accepted help before its teamleider is asked to step in. */
export interface EscalationPolicy {
  workingDays: number;
  /** For urgency "vandaag". */
  urgentHours: number;
}

export const DEFAULT_ESCALATION: EscalationPolicy = { workingDays: 1, urgentHours: 2 };

/** The policy from the (zod-validated) environment; defaults: one working day, two hours. */
export function escalationPolicy(env: Pick<Env, 'WENDBAAR_CASELOAD_ESCALATION_WORKING_DAYS' | 'WENDBAAR_CASELOAD_ESCALATION_URGENT_HOURS'>): EscalationPolicy {
  return { workingDays: env.WENDBAAR_CASELOAD_ESCALATION_WORKING_DAYS, urgentHours: env.WENDBAAR_CASELOAD_ESCALATION_URGENT_HOURS };
}

export function escalationDueAt(
  request: Pick<HelpRequest, 'createdAt' | 'urgency'>,
  office: Pick<Office, 'publicHolidays'>,
  zone: string,
  policy: EscalationPolicy = DEFAULT_ESCALATION,
): Date {
  if (request.urgency === 'vandaag') return new Date(request.createdAt.getTime() + policy.urgentHours * 3_600_000);
  return addWorkingDays(DateTime.fromJSDate(request.createdAt, { zone: timeZone(zone) }), policy.workingDays, office).toJSDate();
}

/** Share of the norm below which someone is shown as having room to help. */
export const ROOM_BELOW_SHARE = 0.85;
/** Someone absent this many days of the coming two weeks is not shown as having room. */
export const ABSENT_DAYS_NO_ROOM = 3;

export const isAboveNorm = (r: Pick<WorkloadRow, 'openCases' | 'norm'>) => r.openCases > r.norm;
export const hasRoom = (r: Pick<WorkloadRow, 'openCases' | 'norm' | 'absentDays' | 'absentToday'>) =>
  !r.absentToday && r.openCases < r.norm * ROOM_BELOW_SHARE && r.absentDays < ABSENT_DAYS_NO_ROOM;

/** What the team sees per person: figures against the norm, and whether they have room (never when above it). */
export function workloadLine(r: WorkloadRow): WorkloadLine {
  const aboveNorm = isAboveNorm(r);
  return {
    name: r.name, openCases: r.openCases, complexCases: r.complexCases, absentDays: r.absentDays, norm: r.norm, isBuffer: r.isBuffer,
    ...(r.absentToday ? { absentToday: true } : {}),
    aboveNorm, hasRoom: !aboveNorm && hasRoom(r),
  };
}

/** Start of the ISO week (Monday 00:00, office time zone) that contains `at`. */
export const weekStart = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone: timeZone(zone) }).startOf('week');

export const isoWeekKey = (at: Date, zone: string) => {
  const d = DateTime.fromJSDate(at, { zone: timeZone(zone) });
  return `${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`;
};

/**
 * The answer to accepting an offer that was accepted already, in the reader's words: who accepted
 * it (the reader, the requester, or a stand-in namens the requester) and when.
 */
export function alreadyAcceptedText(
  readerAad: string,
  request: Pick<HelpRequest, 'requesterAad' | 'requesterName'>,
  by: { actorAad: string; actorName: string; onBehalfOf: string | null } | undefined,
  acceptedAt: Date | null,
  zone: string,
): string {
  const when = acceptedAt ? ` op ${DateTime.fromJSDate(acceptedAt, { zone: timeZone(zone) }).setLocale('nl').toFormat("ccc d LLL 'om' HH:mm")}` : '';
  if (!by) return `Dit aanbod is al geaccepteerd${when}.`;
  if (by.actorAad === readerAad && !by.onBehalfOf) return `Je hebt dit aanbod al geaccepteerd${when}.`;
  const requester = request.requesterName || 'de aanvrager';
  const who = by.actorAad === readerAad ? 'jou' : by.actorName || 'een collega';
  const forWhom = by.onBehalfOf ? ` namens ${by.onBehalfOf === readerAad ? 'jou' : requester}` : '';
  return `Dit aanbod is al geaccepteerd door ${who}${forWhom}${when ? `,${when}` : ''}.`;
}

const dutchList = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} en ${names.at(-1)}`);

/**
 * Who accepts a stand-in's own offer on the absentee's request: the teamleiders of the team other
 * than the stand-in, else the MT. `short` for the card ("Ruben Visser (teamleider)"), `ask` for
 * the refusal ("je teamleider Ruben Visser").
 */
export function ownOfferDeciders(teamleiders: string[]): { short: string; ask: string } {
  if (teamleiders.length === 0) return { short: 'het MT', ask: 'het MT' };
  const several = teamleiders.length > 1;
  return { short: `${dutchList(teamleiders)} (teamleider${several ? 's' : ''})`, ask: `je teamleider${several ? 's' : ''} ${dutchList(teamleiders)}` };
}

/** The refusal for a stand-in who accepts their own offer on the absentee's request. */
export const ownOfferRefusal = (ownerName: string, askWho: string, asTeamleider: boolean) =>
  `Je vervangt ${ownerName}${asTeamleider ? ' als teamleider' : ''}, maar dit aanbod is van jezelf: als vervanger accepteer je je eigen aanbod niet. Vraag ${askWho} om het namens ${ownerName} te accepteren, of laat het aan ${ownerName} zelf als die terug is.`;
