import type { Queryable } from '../db';
import type { AbsenceKind, AbsencePeriod, OnBehalfOf } from './types';

/** All SQL of the absence feature: absences, and what reached a stand-in on someone's behalf. */

const COLUMNS = `id, person_aad, kind, starts_on::text AS starts_on, ends_on::text AS ends_on, stand_in_aad, ended_at`;

interface AbsenceRow {
  id: number;
  person_aad: string;
  kind: AbsenceKind;
  starts_on: string;
  ends_on: string | null;
  stand_in_aad: string | null;
  ended_at: Date | null;
}

const period = (r: AbsenceRow): AbsencePeriod => ({
  id: Number(r.id),
  personAad: r.person_aad,
  kind: r.kind,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  standInAad: r.stand_in_aad,
  endedAt: r.ended_at ? new Date(r.ended_at).toISOString() : null,
});

export interface NewAbsence {
  personAad: string;
  kind: AbsenceKind;
  startsOn: string;
  endsOn: string | null;
  standInAad: string | null;
  recordedBy: string;
  recordedAt: Date;
}

export async function insertAbsence(q: Queryable, a: NewAbsence): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO absences (person_aad, kind, starts_on, ends_on, stand_in_aad, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [a.personAad, a.kind, a.startsOn, a.endsOn, a.standInAad, a.recordedBy, a.recordedAt.toISOString()],
  );
  return Number(rows[0]!.id);
}

/** Absences that may cover `day` at `now` (the rules decide exactly). */
export async function absencesOn(q: Queryable, day: string, now: Date): Promise<AbsencePeriod[]> {
  const rows = await q.query<AbsenceRow>(
    `SELECT ${COLUMNS} FROM absences
     WHERE starts_on <= $1::date AND (ends_on IS NULL OR ends_on >= $1::date) AND (ended_at IS NULL OR ended_at > $2)`,
    [day, now.toISOString()],
  );
  return rows.map(period);
}

/** Absences of the given people that are not over by `day`: current and planned. */
export async function absencesAhead(q: Queryable, people: readonly string[], day: string, now: Date): Promise<AbsencePeriod[]> {
  if (people.length === 0) return [];
  const rows = await q.query<AbsenceRow>(
    `SELECT ${COLUMNS} FROM absences
     WHERE person_aad = ANY($1::text[]) AND (ends_on IS NULL OR ends_on >= $2::date) AND (ended_at IS NULL OR ended_at > $3)
     ORDER BY starts_on, id`,
    [people, day, now.toISOString()],
  );
  return rows.map(period);
}

/** "terug": ends the person's absences that cover `day`; returns the ids ended. */
export async function endAbsencesOn(q: Queryable, personAad: string, day: string, now: Date, by: string): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `UPDATE absences SET ended_at = $3, ended_by = $4
     WHERE person_aad = $1 AND starts_on <= $2::date AND (ends_on IS NULL OR ends_on >= $2::date) AND (ended_at IS NULL OR ended_at > $3)
     RETURNING id`,
    [personAad, day, now.toISOString(), by],
  );
  return rows.map((r) => Number(r.id));
}

/** Absences over by `day` at `now` whose return card was not queued yet, oldest first; locked. */
export async function returnsDue(q: Queryable, day: string, now: Date): Promise<AbsencePeriod[]> {
  const rows = await q.query<AbsenceRow>(
    `SELECT ${COLUMNS} FROM absences
     WHERE NOT returned AND (ends_on < $1::date OR ended_at <= $2) ORDER BY person_aad, starts_on, id FOR UPDATE SKIP LOCKED`,
    [day, now.toISOString()],
  );
  return rows.map(period);
}

export async function markReturned(q: Queryable, ids: readonly number[]): Promise<void> {
  await q.query(`UPDATE absences SET returned = true WHERE id = ANY($1::bigint[])`, [ids.map(String)]);
}

/** Remembers on whose behalf a personal post went to someone else (kept for its in-place updates). */
export async function recordOnBehalf(q: Queryable, deliveryId: number, onBehalfOf: OnBehalfOf | null): Promise<void> {
  await q.query(`UPDATE deliveries SET on_behalf_of = $2 WHERE id = $1`, [deliveryId, onBehalfOf ? JSON.stringify(onBehalfOf) : null]);
}

/** On whose behalf the post an update replaces was delivered, if it went to a stand-in. */
export async function onBehalfOfPost(q: Queryable, idempotencyKey: string): Promise<OnBehalfOf | undefined> {
  const rows = await q.query<{ on_behalf_of: OnBehalfOf | null }>(`SELECT on_behalf_of FROM deliveries WHERE idempotency_key = $1`, [idempotencyKey]);
  return rows[0]?.on_behalf_of ?? undefined;
}

/** Audit entries of colleagues acting on the person's behalf during the given absences, in order. */
export async function actedOnBehalf(q: Queryable, absenceIds: readonly number[]) {
  return q.query<{ actor_name: string | null; action: string; subject: string; case_reference: string | null }>(
    `SELECT p.name AS actor_name, a.action, a.subject, m.case_reference FROM audit_log a LEFT JOIN people p ON p.aad_object_id = a.actor
     LEFT JOIN monitoring_items m ON a.subject = 'monitoring:' || m.id
     WHERE a.outcome = 'ok' AND a.details->>'absenceId' = ANY($1::text[]) ORDER BY a.id`,
    [absenceIds.map(String)],
  );
}

/** How many personal posts reached someone else during the given absences. */
export async function redirectedCount(q: Queryable, absenceIds: readonly number[]): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM deliveries WHERE on_behalf_of->>'absenceId' = ANY($1::text[])`,
    [absenceIds.map(String)],
  );
  return rows[0]?.n ?? 0;
}

export async function absenceById(q: Queryable, id: number, forUpdate = false): Promise<AbsencePeriod | undefined> {
  const rows = await q.query<AbsenceRow>(`SELECT ${COLUMNS} FROM absences WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ? period(rows[0]) : undefined;
}

/** Ends one absence now unless it is already over by `day`; false when there was nothing to end. */
export async function endAbsence(q: Queryable, id: number, day: string, now: Date, by: string): Promise<boolean> {
  const rows = await q.query(
    `UPDATE absences SET ended_at = $3, ended_by = $4
     WHERE id = $1 AND (ends_on IS NULL OR ends_on >= $2::date) AND (ended_at IS NULL OR ended_at > $3) RETURNING id`,
    [id, day, now.toISOString(), by],
  );
  return rows.length > 0;
}
