import { isoDay, localDay } from '../../../lib/dates';
import { audit } from '../../audit/store';
import { authorize, type Actor } from '../../authz';
import { redrawRequestsOf } from '../../caseload/actions/request-card';
import { workloadSummary } from '../../caseload/store/workload';
import { officeZone, type ActingContext } from '../../context';
import type { Queryable } from '../../db';
import { cardSpec } from '../../deliveries/card-spec';
import { enqueueDelivery } from '../../deliveries/enqueue';
import { validationError } from '../../errors';
import { allPeople, getPerson, type PersonRow } from '../../people/store';
import type { AbsencePost } from '../posts';
import { covers, defaultStandIn } from '../rules';
import { absencesAhead, absencesOn, insertAbsence } from '../store';
import type { AbsenceKind, AbsenceOverview, Colleague } from '../types';

export const todayOf = (ctx: ActingContext) => isoDay(localDay(ctx.clock.now(), officeZone(ctx)));

const colleague = (p: PersonRow): Colleague => ({ aad: p.aad_object_id, name: p.name });

/** The people an actor may record an absence for: themself; a teamleider their team; the MT everyone in a team. */
async function recordablePeople(q: Queryable, actor: Actor): Promise<PersonRow[]> {
  const inTeams = (await allPeople(q)).filter((p) => p.regioteam && p.name);
  if (actor.isMt) return inTeams;
  return inTeams.filter((p) => p.aad_object_id === actor.aadObjectId || actor.teamleiderOf.includes(p.regioteam!));
}

/** The default stand-in for someone of `regioteam`: the buffer colleague with the most room, present on `day`. */
async function defaultFor(ctx: ActingContext, regioteam: string | undefined, absentAad: string, day: string): Promise<Colleague | undefined> {
  if (!regioteam) return undefined;
  const away = await absencesOn(ctx.db, day, ctx.clock.now());
  const rows = await workloadSummary(ctx.db, ctx.config.office, { regioteam });
  const pick = defaultStandIn(
    rows.map((r) => ({ aad: r.aadObjectId, name: r.name, isBuffer: r.isBuffer, openCases: r.openCases, norm: r.norm, away: away.some((a) => a.personAad === r.aadObjectId && covers(a, day, ctx.clock.now())) })),
    absentAad,
  );
  return pick && { aad: pick.aad, name: pick.name };
}

/** The `afwezig` card: whom the actor may record for, the stand-ins to choose from, current and planned absences. */
export async function absenceOverview(ctx: ActingContext): Promise<AbsenceOverview> {
  const today = todayOf(ctx);
  const people = await recordablePeople(ctx.db, ctx.actor);
  const me = people.find((p) => p.aad_object_id === ctx.actor.aadObjectId);
  const ordered = [...(me ? [me] : []), ...people.filter((p) => p !== me)];
  const teams = new Set([...ctx.actor.teamleiderOf, ...(ctx.actor.regioteam ? [ctx.actor.regioteam] : [])]);
  const everyone = (await allPeople(ctx.db)).filter((p) => p.regioteam && p.name);
  const standIns = everyone.filter((p) => (ctx.actor.isMt || teams.has(p.regioteam!)) && p.aad_object_id !== ctx.actor.aadObjectId);
  const names = new Map(everyone.map((p) => [p.aad_object_id, p.name]));
  const now = ctx.clock.now();
  const absences = (await absencesAhead(ctx.db, ordered.map((p) => p.aad_object_id), today, now)).map((a) => ({
    id: a.id,
    personName: names.get(a.personAad) ?? '',
    kind: a.kind,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    standInName: a.standInAad ? (names.get(a.standInAad) ?? null) : null,
    current: covers(a, today, now),
  }));
  return {
    today,
    people: ordered.map(colleague),
    standIns: standIns.map(colleague),
    defaultStandIn: await defaultFor(ctx, me?.regioteam ?? ctx.actor.regioteam, ctx.actor.aadObjectId, today),
    absences,
  };
}

export interface AbsenceInput {
  person: string;
  kind: AbsenceKind;
  startsOn: string;
  endsOn?: string;
  /** A colleague's id, or "none": nobody, the teamleider gets everything. */
  standIn: string;
}

/**
 * Records an absence: a consulent for themself, the teamleider for their team, the MT for anyone.
 * The stand-in is told personally; everything personal for the absentee reaches them from the
 * first day (services/absence/route.ts). Returns the stored absence's id.
 */
export async function recordAbsence(ctx: ActingContext, input: AbsenceInput): Promise<{ id: number; personName: string; standInName: string | null }> {
  const today = todayOf(ctx);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const person = await getPerson(tx, input.person);
    if (!person) throw validationError('Deze collega is (nog) niet bij Wendbaar bekend.');
    authorize(ctx.actor, 'absence.manage', { ownerAad: person.aad_object_id, regioteam: person.regioteam ?? undefined });
    if (input.startsOn < today) throw validationError('De eerste dag van de afwezigheid kan niet in het verleden liggen.');
    if (input.endsOn && input.endsOn < input.startsOn) throw validationError('De laatste dag ligt vóór de eerste dag.');
    let standIn: PersonRow | undefined;
    if (input.standIn !== 'none') {
      standIn = await getPerson(tx, input.standIn);
      if (!standIn || standIn.aad_object_id === person.aad_object_id) throw validationError('Kies een collega als vervanger, niet de afwezige zelf.');
      if (!person.regioteam || standIn.regioteam !== person.regioteam) throw validationError(`Kies een vervanger uit het regioteam van ${person.name}.`);
    }
    const id = await insertAbsence(tx, {
      personAad: person.aad_object_id, kind: input.kind, startsOn: input.startsOn, endsOn: input.endsOn ?? null,
      standInAad: standIn?.aad_object_id ?? null, recordedBy: ctx.actor.aadObjectId, recordedAt: now,
    });
    await audit(tx, {
      actor: ctx.actor.aadObjectId, action: 'absence.record', subject: `absence:${id}`, correlationId: ctx.correlationId,
      details: { person: person.aad_object_id, standIn: standIn?.aad_object_id ?? null, startsOn: input.startsOn, endsOn: input.endsOn ?? null },
    });
    if (standIn && standIn.aad_object_id !== ctx.actor.aadObjectId) {
      const view = cardSpec<AbsencePost>('absence.standIn', { ownerName: person.name, recordedByName: ctx.actor.name, startsOn: input.startsOn, endsOn: input.endsOn ?? null });
      await enqueueDelivery(tx, { kind: 'personal', idempotencyKey: `absence:${id}:standin`, recipientAad: standIn.aad_object_id, payload: { view, summary: `Je vervangt ${person.name}` } });
    }
    // Their help requests in the channel: the stand-in and the teamleiders get a view of their own.
    await redrawRequestsOf(tx, ctx, person.aad_object_id, `absence-${id}`);
    return { id, personName: person.name, standInName: standIn?.name ?? null };
  });
}
