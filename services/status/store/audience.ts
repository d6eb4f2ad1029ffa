import type { Queryable } from '../../db';

/** The SQL of an announcement's audience (status_audience) and the Teams ids of per-user card views. */

export interface AudienceMember {
  aadObjectId: string;
  name: string;
  regioteam: string | null;
  /** MT and beleid: counted apart from the regioteams' colleagues. */
  apart: boolean;
}

export interface AudienceRow extends AudienceMember {
  read: boolean;
  teamsUserId: string | null;
}

export async function insertAudience(q: Queryable, announcementId: number, members: AudienceMember[]): Promise<void> {
  if (members.length === 0) return;
  await q.query(
    `INSERT INTO status_audience (announcement_id, aad_object_id, name, regioteam, apart)
     SELECT $1, m.aad, m.name, m.regioteam, m.apart FROM jsonb_to_recordset($2::jsonb) AS m(aad text, name text, regioteam text, apart boolean)
     ON CONFLICT DO NOTHING`,
    [announcementId, JSON.stringify(members.map((m) => ({ aad: m.aadObjectId, name: m.name, regioteam: m.regioteam, apart: m.apart })))],
  );
}

/** The audience with whether each has read it, regioteam by regioteam. */
export async function audienceOf(q: Queryable, announcementId: number): Promise<AudienceRow[]> {
  return q.query<AudienceRow>(
    `SELECT a.aad_object_id AS "aadObjectId", COALESCE(NULLIF(p.name, ''), a.name) AS name, a.regioteam, a.apart,
       EXISTS (SELECT 1 FROM status_reads r WHERE r.announcement_id = a.announcement_id AND r.aad_object_id = a.aad_object_id) AS read,
       p.teams_user_id AS "teamsUserId"
     FROM status_audience a LEFT JOIN people p ON p.aad_object_id = a.aad_object_id
     WHERE a.announcement_id = $1 ORDER BY a.apart, a.regioteam, name`,
    [announcementId],
  );
}

/** People of the given regioteams as the bot knows them (the roster and who acted in a linked channel). */
export async function peopleOfTeams(q: Queryable, regioteams: string[]): Promise<Array<{ aadObjectId: string; name: string; upn: string | null; regioteam: string }>> {
  return q.query(
    `SELECT aad_object_id AS "aadObjectId", name, upn, regioteam FROM people WHERE regioteam IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY name`,
    [JSON.stringify(regioteams)],
  );
}

/** Whether the person is in the announcement's fixed audience (only then does their reading count). */
export async function inAudience(q: Queryable, announcementId: number, aad: string): Promise<boolean> {
  const rows = await q.query(`SELECT 1 FROM status_audience WHERE announcement_id = $1 AND aad_object_id = $2`, [announcementId, aad]);
  return rows.length > 0;
}

/** Whether the person has read the announcement, and whether they are in its fixed audience: one person's view of its card. */
export async function readerState(q: Queryable, announcementId: number, aad: string): Promise<{ read: boolean; inAudience: boolean }> {
  const [row] = await q.query<{ read: boolean; in_audience: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM status_reads WHERE announcement_id = $1 AND aad_object_id = $2) AS read,
            EXISTS (SELECT 1 FROM status_audience WHERE announcement_id = $1 AND aad_object_id = $2) AS in_audience`,
    [announcementId, aad],
  );
  return { read: !!row?.read, inAudience: !!row?.in_audience };
}

/** Announcements since `since` whose fixed audience includes the person and that they have not marked read (the `taken` list). */
export async function unreadAnnouncements(q: Queryable, aad: string, since: Date, limit: number) {
  return q.query<{ announcementId: number; title: string; kind: 'publish' | 'extend' | 'end' | 'lapse'; at: Date }>(
    `SELECT a.id AS "announcementId", c.title, a.kind, a.created_at AS at
     FROM status_audience s JOIN status_announcements a ON a.id = s.announcement_id JOIN status_changes c ON c.id = a.change_id
     WHERE s.aad_object_id = $1 AND a.created_at >= $2
       AND NOT EXISTS (SELECT 1 FROM status_reads r WHERE r.announcement_id = a.id AND r.aad_object_id = $1)
     ORDER BY a.created_at DESC, a.id DESC LIMIT $3`,
    [aad, since.toISOString(), limit],
  );
}

/** Per change, the newest of its announcements whose fixed audience includes the person: whom a decided change concerns. */
export async function announcedTo(q: Queryable, aad: string, changeIds: number[]): Promise<Map<number, number>> {
  if (changeIds.length === 0) return new Map();
  const rows = await q.query<{ changeId: number; announcementId: number }>(
    `SELECT DISTINCT ON (a.change_id) a.change_id AS "changeId", a.id AS "announcementId"
     FROM status_audience s JOIN status_announcements a ON a.id = s.announcement_id
     WHERE s.aad_object_id = $1 AND a.change_id = ANY($2::bigint[])
     ORDER BY a.change_id, a.id DESC`,
    [aad, changeIds],
  );
  return new Map(rows.map((r) => [Number(r.changeId), Number(r.announcementId)]));
}
