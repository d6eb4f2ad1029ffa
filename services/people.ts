import type { Queryable } from './db';

export interface PersonRow {
  aad_object_id: string;
  teams_user_id: string | null;
  name: string;
  upn: string | null;
  regioteam: string | null;
  personal_conversation_id: string | null;
}

/** Remembers who we met and how to reach them; keeps the regioteam unless a new one is given. */
export async function upsertPerson(
  q: Queryable,
  p: { aadObjectId: string; teamsUserId?: string; name?: string; upn?: string; regioteam?: string },
): Promise<PersonRow> {
  const rows = await q.query<PersonRow>(
    `INSERT INTO people (aad_object_id, teams_user_id, name, upn, regioteam) VALUES ($1, $2, COALESCE($3, ''), $4, $5)
     ON CONFLICT (aad_object_id) DO UPDATE SET
       teams_user_id = COALESCE(EXCLUDED.teams_user_id, people.teams_user_id),
       name = CASE WHEN $3::text IS NULL OR $3 = '' THEN people.name ELSE $3 END,
       upn = COALESCE(EXCLUDED.upn, people.upn),
       regioteam = COALESCE(EXCLUDED.regioteam, people.regioteam),
       updated_at = now()
     RETURNING *`,
    [p.aadObjectId, p.teamsUserId ?? null, p.name ?? null, p.upn ?? null, p.regioteam ?? null],
  );
  return rows[0]!;
}

export async function getPerson(q: Queryable, aadObjectId: string): Promise<PersonRow | undefined> {
  return (await q.query<PersonRow>(`SELECT * FROM people WHERE aad_object_id = $1`, [aadObjectId]))[0];
}

export async function peopleInTeam(q: Queryable, regioteam: string): Promise<PersonRow[]> {
  return q.query<PersonRow>(`SELECT * FROM people WHERE regioteam = $1 ORDER BY name`, [regioteam]);
}

export async function setRegioteam(q: Queryable, aadObjectId: string, regioteam: string): Promise<void> {
  await q.query(`UPDATE people SET regioteam = $2, updated_at = now() WHERE aad_object_id = $1`, [aadObjectId, regioteam]);
}

export async function setPersonalConversation(q: Queryable, aadObjectId: string, conversationId: string): Promise<void> {
  await q.query(`UPDATE people SET personal_conversation_id = $2, updated_at = now() WHERE aad_object_id = $1`, [aadObjectId, conversationId]);
}
