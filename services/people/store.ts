import type { Queryable } from '../db';
import { peopleChanged } from '../personal-data/staff';

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
  // A new colleague's name may be written in posts from now on.
  peopleChanged();
  return rows[0]!;
}

export async function getPerson(q: Queryable, aadObjectId: string): Promise<PersonRow | undefined> {
  return (await q.query<PersonRow>(`SELECT * FROM people WHERE aad_object_id = $1`, [aadObjectId]))[0];
}

/** Teams user ids ("29:…") of known people, in the given order: who gets a per-user card view. */
export async function teamsUserIds(q: Queryable, aads: string[]): Promise<string[]> {
  if (aads.length === 0) return [];
  const rows = await q.query<{ aad: string; id: string }>(
    `SELECT aad_object_id AS aad, teams_user_id AS id FROM people WHERE aad_object_id = ANY($1::text[]) AND teams_user_id IS NOT NULL`,
    [aads],
  );
  const byAad = new Map(rows.map((r) => [r.aad, r.id]));
  return aads.flatMap((aad) => (byAad.has(aad) ? [byAad.get(aad)!] : []));
}

/** The names of everyone the bot knows (the office's staff, for the personal-data screen). */
export async function knownNames(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ name: string }>(`SELECT DISTINCT name FROM people WHERE name <> ''`);
  return rows.map((r) => r.name);
}

/** Everyone the bot knows, by name (the Overzicht tab's local sign-in list). */
export async function allPeople(q: Queryable): Promise<PersonRow[]> {
  return q.query<PersonRow>(`SELECT * FROM people ORDER BY name`);
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

/** A member of a team the bot is in, as Teams lists them (roster or a join event). */
export interface TeamMember {
  aadObjectId: string;
  /** The Teams user id ("29:…") a personal chat is opened with. */
  teamsUserId: string;
  name?: string;
  upn?: string;
}

/**
 * Remembers team members so personal notifications reach them before they ever talked to the bot.
 * One statement per batch. Keeps a known regioteam and personal chat, and a name or upn when the new
 * one is missing; a row whose values did not change is not written (re-installs touch nothing).
 * Returns the number of people added or changed.
 */
export async function upsertTeamMembers(q: Queryable, members: readonly TeamMember[]): Promise<number> {
  // The same person twice in one statement would make ON CONFLICT update a row twice (an error).
  const unique = [...new Map(members.map((m) => [m.aadObjectId, m])).values()];
  if (unique.length === 0) return 0;
  const batch = unique.map((m) => ({ aad: m.aadObjectId, teams_id: m.teamsUserId, name: m.name ?? '', upn: m.upn || null }));
  const rows = await q.query<{ changed: number }>(
    `WITH written AS (
       INSERT INTO people (aad_object_id, teams_user_id, name, upn)
       SELECT m.aad, m.teams_id, COALESCE(m.name, ''), m.upn FROM jsonb_to_recordset($1::jsonb) AS m(aad text, teams_id text, name text, upn text)
       ON CONFLICT (aad_object_id) DO UPDATE SET
         teams_user_id = EXCLUDED.teams_user_id,
         name = CASE WHEN EXCLUDED.name <> '' THEN EXCLUDED.name ELSE people.name END,
         upn = COALESCE(EXCLUDED.upn, people.upn),
         updated_at = now()
       WHERE people.teams_user_id IS DISTINCT FROM EXCLUDED.teams_user_id
          OR (EXCLUDED.name <> '' AND EXCLUDED.name <> people.name)
          OR (EXCLUDED.upn IS NOT NULL AND EXCLUDED.upn IS DISTINCT FROM people.upn)
       RETURNING 1
     )
     SELECT count(*)::int AS changed FROM written`,
    [JSON.stringify(batch)],
  );
  if ((rows[0]?.changed ?? 0) > 0) peopleChanged();
  return rows[0]?.changed ?? 0;
}

/** A person named in the role settings, matched to the people the bot has met. */
export interface ConfiguredPerson {
  aad: string;
  /** Empty when the bot has not met this person yet. */
  name: string;
  /** Whether the bot has met this person (a personal chat can be opened without a roster look-up). */
  known: boolean;
}

/**
 * The one look-up from configured ids (Entra object ids or UPNs, as in WENDBAAR_MT, _BELEID and
 * _TEAMLEIDERS) to people, case-insensitive on both. An object id the bot has not met is kept
 * (known: false), so callers decide whether an unmet person counts; an unmet UPN cannot be
 * resolved and is left out. Order and duplicates follow the configured list.
 */
export async function configuredPeople(q: Queryable, ids: readonly string[]): Promise<ConfiguredPerson[]> {
  if (ids.length === 0) return [];
  const lower = ids.map((id) => id.toLowerCase());
  const rows = await q.query<{ aad_object_id: string; name: string; upn: string | null }>(
    `SELECT aad_object_id, name, upn FROM people WHERE lower(aad_object_id) = ANY($1::text[]) OR lower(upn) = ANY($1::text[])`,
    [lower],
  );
  const byId = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    byId.set(row.aad_object_id.toLowerCase(), row);
    if (row.upn) byId.set(row.upn.toLowerCase(), row);
  }
  const seen = new Set<string>();
  const people: ConfiguredPerson[] = [];
  for (const id of ids) {
    const row = byId.get(id.toLowerCase());
    const person = row ? { aad: row.aad_object_id, name: row.name, known: true } : id.includes('@') ? undefined : { aad: id, name: '', known: false };
    if (!person || seen.has(person.aad.toLowerCase())) continue;
    seen.add(person.aad.toLowerCase());
    people.push(person);
  }
  return people;
}
