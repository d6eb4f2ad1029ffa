import type { Queryable } from '../db';
import type { TaskStatuses } from './model';

/** Reading the status tables. Dates come back as ISO strings (cast in SQL, same on PGlite and PostgreSQL). */

export type ChangeState = 'draft' | 'proposed' | 'awaiting_confirmation' | 'published' | 'ended' | 'withdrawn';

export interface Decider {
  aad: string;
  name: string;
}

export interface ChangeRow {
  id: number;
  kind: 'change' | 'end';
  endsChangeId: number | null;
  state: ChangeState;
  title: string;
  preset: string | null;
  tasks: TaskStatuses;
  previousTasks: TaskStatuses;
  reasonCategory: string;
  reason: string | null;
  practiceImpact: string | null;
  partnerText: string | null;
  startDate: string;
  endDate: string | null;
  proposedBy: string;
  proposedByName: string;
  proposedAt: Date;
  consultationDeadline: string | null;
  consultationSkipped: string | null;
  consultationChannels: string[];
  firstDecider: string | null;
  firstDeciderName: string | null;
  decidedBy: Decider[];
  decidedAt: Date | null;
  expiryChoice: string | null;
  expiryNoticeFor: string | null;
  endedAt: Date | null;
  cardVersion: number;
}

export const CHANGE_COLUMNS = `id, kind, ends_change_id AS "endsChangeId", state, title, preset, tasks, previous_tasks AS "previousTasks",
  reason_category AS "reasonCategory", reason, practice_impact AS "practiceImpact", partner_text AS "partnerText",
  start_date::text AS "startDate", end_date::text AS "endDate", proposed_by AS "proposedBy", proposed_by_name AS "proposedByName",
  proposed_at AS "proposedAt", consultation_deadline::text AS "consultationDeadline", consultation_skipped AS "consultationSkipped",
  consultation_channels AS "consultationChannels", first_decider AS "firstDecider", first_decider_name AS "firstDeciderName",
  decided_by AS "decidedBy", decided_at AS "decidedAt", expiry_choice AS "expiryChoice", expiry_notice_for::text AS "expiryNoticeFor",
  ended_at AS "endedAt", card_version AS "cardVersion"`;

const normalise = (row: ChangeRow): ChangeRow => ({ ...row, id: Number(row.id), endsChangeId: row.endsChangeId === null ? null : Number(row.endsChangeId) });

export async function getChange(q: Queryable, id: number): Promise<ChangeRow | undefined> {
  const rows = await q.query<ChangeRow>(`SELECT ${CHANGE_COLUMNS} FROM status_changes WHERE id = $1`, [id]);
  return rows[0] ? normalise(rows[0]) : undefined;
}

/** Published (and later ended) changes, oldest first: the history. */
export async function decidedChanges(q: Queryable): Promise<ChangeRow[]> {
  const rows = await q.query<ChangeRow>(`SELECT ${CHANGE_COLUMNS} FROM status_changes WHERE state IN ('published', 'ended') ORDER BY start_date, id`);
  return rows.map(normalise);
}

/** Bumps the version of a change's posted cards, so each in-place update gets a unique key. */
export async function nextCardVersion(q: Queryable, table: 'status_changes' | 'status_announcements', id: number): Promise<number> {
  const rows = await q.query<{ v: number }>(`UPDATE ${table} SET card_version = card_version + 1 WHERE id = $1 RETURNING card_version AS v`, [id]);
  return Number(rows[0]?.v ?? 0);
}

export interface ResponseRow {
  aadObjectId: string;
  name: string;
  answer: 'akkoord' | 'zorgen' | 'opmerking';
  comment: string | null;
  answeredAt: Date;
}

export async function responsesOf(q: Queryable, changeId: number): Promise<ResponseRow[]> {
  return q.query<ResponseRow>(
    `SELECT aad_object_id AS "aadObjectId", name, answer, comment, answered_at AS "answeredAt"
     FROM status_responses WHERE change_id = $1 ORDER BY answered_at, name`,
    [changeId],
  );
}

export type ResponseCounts = Record<ResponseRow['answer'], number>;

export function countResponses(rows: Array<Pick<ResponseRow, 'answer'>>): ResponseCounts {
  const counts: ResponseCounts = { akkoord: 0, zorgen: 0, opmerking: 0 };
  for (const r of rows) counts[r.answer] += 1;
  return counts;
}

export interface AnnouncementRow {
  id: number;
  changeId: number;
  kind: 'publish' | 'extend' | 'end' | 'lapse';
  regioteams: string[];
  postKeys: string[];
  createdAt: Date;
  remindOn: string;
  remindedAt: Date | null;
}

const ANNOUNCEMENT_COLUMNS = `id, change_id AS "changeId", kind, regioteams, post_keys AS "postKeys", created_at AS "createdAt",
  remind_on::text AS "remindOn", reminded_at AS "remindedAt"`;

const normaliseAnnouncement = (a: AnnouncementRow): AnnouncementRow => ({ ...a, id: Number(a.id), changeId: Number(a.changeId) });

export async function getAnnouncement(q: Queryable, id: number): Promise<AnnouncementRow | undefined> {
  const rows = await q.query<AnnouncementRow>(`SELECT ${ANNOUNCEMENT_COLUMNS} FROM status_announcements WHERE id = $1`, [id]);
  return rows[0] ? normaliseAnnouncement(rows[0]) : undefined;
}

export async function readersOf(q: Queryable, announcementId: number): Promise<Array<{ aadObjectId: string; name: string }>> {
  return q.query(`SELECT aad_object_id AS "aadObjectId", name FROM status_reads WHERE announcement_id = $1 ORDER BY name`, [announcementId]);
}

/** People of the announced regioteams who have not clicked `Gelezen`. */
export async function nonReadersOf(q: Queryable, announcement: AnnouncementRow): Promise<Array<{ aadObjectId: string; name: string; regioteam: string }>> {
  return q.query(
    `SELECT p.aad_object_id AS "aadObjectId", p.name, p.regioteam FROM people p
     WHERE p.regioteam IN (SELECT jsonb_array_elements_text($2::jsonb))
       AND NOT EXISTS (SELECT 1 FROM status_reads r WHERE r.announcement_id = $1 AND r.aad_object_id = p.aad_object_id)
     ORDER BY p.regioteam, p.name`,
    [announcement.id, JSON.stringify(announcement.regioteams)],
  );
}

export async function announcementsDueForReminder(q: Queryable, today: string): Promise<AnnouncementRow[]> {
  const rows = await q.query<AnnouncementRow>(
    `SELECT ${ANNOUNCEMENT_COLUMNS} FROM status_announcements WHERE reminded_at IS NULL AND remind_on <= $1::date ORDER BY id`,
    [today],
  );
  return rows.map(normaliseAnnouncement);
}
