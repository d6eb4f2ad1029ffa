import type { Queryable } from '../db';
import { TRANSITIONS, type Step } from './rules';
import type { TaskStatuses } from '../../config/rings';
import type { AnnouncementRow, Answer, ChangeRow, Decider, ResponseRow } from './types';

/** All SQL of the status tables. Dates come back as ISO strings (cast in SQL, same on PGlite and PostgreSQL). */

const CHANGE_COLUMNS = `id, kind, ends_change_id AS "endsChangeId", state, title, preset, tasks, previous_tasks AS "previousTasks",
  reason_category AS "reasonCategory", reason, practice_impact AS "practiceImpact", partner_text AS "partnerText",
  start_date::text AS "startDate", end_date::text AS "endDate", proposed_by AS "proposedBy", proposed_by_name AS "proposedByName",
  proposed_at AS "proposedAt", consultation_deadline::text AS "consultationDeadline", consultation_skipped AS "consultationSkipped",
  consultation_channels AS "consultationChannels", first_decider AS "firstDecider", first_decider_name AS "firstDeciderName",
  decided_by AS "decidedBy", decided_at AS "decidedAt", expiry_choice AS "expiryChoice", expiry_notice_for::text AS "expiryNoticeFor",
  ended_at AS "endedAt", card_version AS "cardVersion"`;

const normalise = (row: ChangeRow): ChangeRow => ({ ...row, id: Number(row.id), endsChangeId: row.endsChangeId === null ? null : Number(row.endsChangeId) });
const changes = async (q: Queryable, where: string, params: unknown[] = []) =>
  (await q.query<ChangeRow>(`SELECT ${CHANGE_COLUMNS} FROM status_changes ${where}`, params)).map(normalise);

export const getChange = async (q: Queryable, id: number): Promise<ChangeRow | undefined> => (await changes(q, 'WHERE id = $1', [id]))[0];

/** The change, locked until the transaction ends (answers and expiry choices check its state first). */
export const lockChange = async (q: Queryable, id: number): Promise<ChangeRow | undefined> => (await changes(q, 'WHERE id = $1 FOR UPDATE', [id]))[0];

/** Published (and later ended) changes, oldest first: the history. */
export const decidedChanges = (q: Queryable) => changes(q, `WHERE state IN ('published', 'ended') ORDER BY start_date, id`);

/** The changes that can be in force. */
export const publishedChanges = (q: Queryable) => changes(q, `WHERE state = 'published'`);

/** Published changes with an expected end date: the daily job's expiry candidates. */
export const changesWithEndDate = (q: Queryable) => changes(q, `WHERE state = 'published' AND kind = 'change' AND end_date IS NOT NULL ORDER BY id`);

export interface NewChange {
  kind: 'change' | 'end';
  endsChangeId?: number;
  state: 'draft' | 'published';
  title: string;
  preset: string | null;
  tasks: TaskStatuses;
  previousTasks: TaskStatuses;
  reasonCategory: string;
  reason: string;
  practiceImpact: string;
  partnerText?: string | null;
  startDate: string;
  endDate?: string | null;
  proposedBy: Decider;
  at: Date;
  /** Set for a change that is published as it is made (ending a change). */
  decidedBy?: Decider[];
}

export async function insertChange(q: Queryable, c: NewChange): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO status_changes (kind, ends_change_id, state, title, preset, tasks, previous_tasks, reason_category, reason, practice_impact,
       partner_text, start_date, end_date, proposed_by, proposed_by_name, proposed_at, decided_by, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
    [c.kind, c.endsChangeId ?? null, c.state, c.title, c.preset, JSON.stringify(c.tasks), JSON.stringify(c.previousTasks), c.reasonCategory, c.reason,
      c.practiceImpact, c.partnerText ?? null, c.startDate, c.endDate ?? null, c.proposedBy.aad, c.proposedBy.name, c.at.toISOString(),
      JSON.stringify(c.decidedBy ?? []), c.decidedBy ? c.at.toISOString() : null],
  );
  return Number(rows[0]!.id);
}

/** The columns a step may set, by their ChangeRow names. */
export interface ChangeUpdate {
  consultationDeadline?: string;
  consultationChannels?: string[];
  consultationSkipped?: string;
  firstDecider?: Decider;
  decidedBy?: Decider[];
  decidedAt?: Date;
  endDate?: string;
  expiryChoice?: 'lapse' | null;
  endedAt?: Date;
}

const assignments = (set: ChangeUpdate, first: number): { sql: string[]; params: unknown[] } => {
  const sql: string[] = [];
  const params: unknown[] = [];
  const put = (column: string, value: unknown) => {
    params.push(value);
    sql.push(`${column} = $${first + params.length - 1}`);
  };
  if (set.consultationDeadline !== undefined) put('consultation_deadline', set.consultationDeadline);
  if (set.consultationChannels !== undefined) put('consultation_channels', JSON.stringify(set.consultationChannels));
  if (set.consultationSkipped !== undefined) put('consultation_skipped', set.consultationSkipped);
  if (set.firstDecider !== undefined) {
    put('first_decider', set.firstDecider.aad);
    put('first_decider_name', set.firstDecider.name);
  }
  if (set.decidedBy !== undefined) put('decided_by', JSON.stringify(set.decidedBy));
  if (set.decidedAt !== undefined) put('decided_at', set.decidedAt.toISOString());
  if (set.endDate !== undefined) put('end_date', set.endDate);
  if (set.expiryChoice !== undefined) put('expiry_choice', set.expiryChoice);
  if (set.endedAt !== undefined) put('ended_at', set.endedAt.toISOString());
  return { sql, params };
};

/**
 * Takes one step of the state machine (rules.ts) with a conditional UPDATE: the change moves only
 * from one of the step's `from` states (and, for `onlyIfNoExpiryChoice`, while nobody chose to let
 * it lapse). Returns the changed row, or undefined when the change was not in such a state.
 */
export async function moveChange(q: Queryable, id: number, step: Step, set: ChangeUpdate = {}, onlyIfNoExpiryChoice = false): Promise<ChangeRow | undefined> {
  const { from, to } = TRANSITIONS[step];
  const { sql, params } = assignments(set, 4);
  const rows = await q.query<ChangeRow>(
    `UPDATE status_changes SET ${['state = $3', ...sql].join(', ')}
     WHERE id = $1 AND state IN (SELECT jsonb_array_elements_text($2::jsonb))${onlyIfNoExpiryChoice ? ' AND expiry_choice IS NULL' : ''}
     RETURNING ${CHANGE_COLUMNS}`,
    [id, JSON.stringify(from), to, ...params],
  );
  return rows[0] ? normalise(rows[0]) : undefined;
}

/** The four-eyes confirmation: the first decider and the confirmer decide, never one person twice. */
export async function confirmChange(q: Queryable, id: number, confirmer: Decider, at: Date): Promise<ChangeRow | undefined> {
  const { from, to } = TRANSITIONS.confirm;
  const rows = await q.query<ChangeRow>(
    `UPDATE status_changes SET state = $6, decided_at = $3,
       decided_by = jsonb_build_array(jsonb_build_object('aad', first_decider, 'name', first_decider_name), $2::jsonb)
     WHERE id = $1 AND state IN (SELECT jsonb_array_elements_text($5::jsonb)) AND first_decider <> $4
     RETURNING ${CHANGE_COLUMNS}`,
    [id, JSON.stringify(confirmer), at.toISOString(), confirmer.aad, JSON.stringify(from), to],
  );
  return rows[0] ? normalise(rows[0]) : undefined;
}

/** Claims the expiry notice for the change's current end date; false when it was sent already. */
export async function claimExpiryNotice(q: Queryable, id: number): Promise<boolean> {
  const rows = await q.query(`UPDATE status_changes SET expiry_notice_for = end_date WHERE id = $1 AND expiry_notice_for IS DISTINCT FROM end_date RETURNING id`, [id]);
  return rows.length > 0;
}

/** Bumps the version of a change's posted cards, so each in-place update gets a unique key. */
export async function nextCardVersion(q: Queryable, table: 'status_changes' | 'status_announcements', id: number): Promise<number> {
  const rows = await q.query<{ v: number }>(`UPDATE ${table} SET card_version = card_version + 1 WHERE id = $1 RETURNING card_version AS v`, [id]);
  return Number(rows[0]?.v ?? 0);
}

/** Stores a consultation answer; a second answer of the same person replaces the first. */
export async function saveResponse(q: Queryable, changeId: number, by: Decider, answer: Answer, comment: string | undefined, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO status_responses (change_id, aad_object_id, name, answer, comment, answered_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (change_id, aad_object_id) DO UPDATE SET answer = EXCLUDED.answer, comment = EXCLUDED.comment, answered_at = EXCLUDED.answered_at`,
    [changeId, by.aad, by.name, answer, comment ?? null, at.toISOString()],
  );
}

export async function responsesOf(q: Queryable, changeId: number): Promise<ResponseRow[]> {
  return q.query<ResponseRow>(
    `SELECT aad_object_id AS "aadObjectId", name, answer, comment, answered_at AS "answeredAt"
     FROM status_responses WHERE change_id = $1 ORDER BY answered_at, name`,
    [changeId],
  );
}

const ANNOUNCEMENT_COLUMNS = `id, change_id AS "changeId", kind, regioteams, post_keys AS "postKeys", created_at AS "createdAt",
  remind_on::text AS "remindOn", reminded_at AS "remindedAt"`;

const normaliseAnnouncement = (a: AnnouncementRow): AnnouncementRow => ({ ...a, id: Number(a.id), changeId: Number(a.changeId) });

/** Stores an announcement with the keys of its posts, one per regioteam (the keys name the announcement's id). */
export async function insertAnnouncement(
  q: Queryable,
  a: Pick<AnnouncementRow, 'changeId' | 'kind' | 'regioteams' | 'createdAt' | 'remindOn'>,
  postKey: (announcementId: number, regioteam: string) => string,
): Promise<AnnouncementRow> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO status_announcements (change_id, kind, regioteams, post_keys, created_at, remind_on) VALUES ($1, $2, $3, '[]'::jsonb, $4, $5) RETURNING id`,
    [a.changeId, a.kind, JSON.stringify(a.regioteams), a.createdAt.toISOString(), a.remindOn],
  );
  const id = Number(rows[0]!.id);
  await q.query(`UPDATE status_announcements SET post_keys = $2 WHERE id = $1`, [id, JSON.stringify(a.regioteams.map((t) => postKey(id, t)))]);
  return (await getAnnouncement(q, id))!;
}

export async function getAnnouncement(q: Queryable, id: number): Promise<AnnouncementRow | undefined> {
  const rows = await q.query<AnnouncementRow>(`SELECT ${ANNOUNCEMENT_COLUMNS} FROM status_announcements WHERE id = $1`, [id]);
  return rows[0] ? normaliseAnnouncement(rows[0]) : undefined;
}

export async function announcementsDueForReminder(q: Queryable, today: string): Promise<AnnouncementRow[]> {
  const rows = await q.query<AnnouncementRow>(
    `SELECT ${ANNOUNCEMENT_COLUMNS} FROM status_announcements WHERE reminded_at IS NULL AND remind_on <= $1::date ORDER BY id`,
    [today],
  );
  return rows.map(normaliseAnnouncement);
}

/** Claims an announcement's one reminder round; false when another run claimed it. */
export async function claimReminder(q: Queryable, id: number, at: Date): Promise<boolean> {
  const rows = await q.query(`UPDATE status_announcements SET reminded_at = $2 WHERE id = $1 AND reminded_at IS NULL RETURNING id`, [id, at.toISOString()]);
  return rows.length > 0;
}

/** Records that a person read an announcement; false when they had already. */
export async function recordRead(q: Queryable, announcementId: number, by: Decider, at: Date): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO status_reads (announcement_id, aad_object_id, name, read_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING announcement_id`,
    [announcementId, by.aad, by.name, at.toISOString()],
  );
  return rows.length > 0;
}

/** Open consultations of the regioteam the person has not answered yet (the `taken` list). */
export async function consultationsToAnswer(q: Queryable, regioteam: string, aad: string, today: string, limit: number) {
  return q.query<{ changeId: number; title: string; deadline: string | null; at: Date }>(
    `SELECT c.id AS "changeId", c.title, c.consultation_deadline::text AS deadline, c.proposed_at AS at FROM status_changes c
     WHERE c.state = 'proposed' AND c.consultation_skipped IS NULL AND c.consultation_channels ? $1
       AND (c.consultation_deadline IS NULL OR c.consultation_deadline >= $3::date)
       AND NOT EXISTS (SELECT 1 FROM status_responses r WHERE r.change_id = c.id AND r.aad_object_id = $2)
     ORDER BY c.proposed_at DESC, c.id DESC LIMIT $4`,
    [regioteam, aad, today, limit],
  );
}

/** Proposals the MT can decide now (consultation over or skipped), and decisions waiting for a second MT member. */
export async function changesToDecide(q: Queryable, aad: string, today: string, limit: number) {
  return q.query<{ changeId: number; title: string; state: 'proposed' | 'awaiting_confirmation'; deadline: string | null; at: Date }>(
    `SELECT id AS "changeId", title, state, consultation_deadline::text AS deadline, proposed_at AS at FROM status_changes
     WHERE (state = 'proposed' AND (consultation_skipped IS NOT NULL OR consultation_deadline < $2::date))
        OR (state = 'awaiting_confirmation' AND first_decider <> $1)
     ORDER BY proposed_at DESC, id DESC LIMIT $3`,
    [aad, today, limit],
  );
}
