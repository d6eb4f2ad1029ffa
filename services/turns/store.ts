import type { Queryable } from '../db';
import type { PersonRow } from '../people/store';

/** What a turn needs to know about the person acting and the conversation, read in one statement. */
export interface SeenRow extends Partial<PersonRow> {
  conversation_known: boolean;
  conversation_regioteam: string | null;
}

const SEEN_COLUMNS = `p.name, p.upn, p.regioteam, c.id IS NOT NULL AS conversation_known, c.regioteam AS conversation_regioteam`;

/**
 * Claims an activity id (Teams retries; every id is handled once) and, in the same statement, reads
 * the person and the active conversation: most turns then need one round trip before their handler.
 */
export async function claimActivityAndReadSeen(
  q: Queryable,
  activityKey: string,
  aadObjectId: string | null,
  conversationId: string,
): Promise<(SeenRow & { first: boolean }) | undefined> {
  const [row] = await q.query<SeenRow & { first: boolean }>(
    `WITH claimed AS (INSERT INTO processed_activities (activity_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING 1)
     SELECT EXISTS (SELECT 1 FROM claimed) AS first, ${SEEN_COLUMNS}
     FROM (VALUES (1)) AS one
     LEFT JOIN people p ON p.aad_object_id = $2
     LEFT JOIN conversations c ON c.id = $3 AND c.active`,
    [activityKey, aadObjectId, conversationId],
  );
  return row;
}

export async function readSeen(q: Queryable, aadObjectId: string, conversationId: string): Promise<SeenRow | undefined> {
  const [row] = await q.query<SeenRow>(
    `SELECT ${SEEN_COLUMNS} FROM people p LEFT JOIN conversations c ON c.id = $1 AND c.active WHERE p.aad_object_id = $2`,
    [conversationId, aadObjectId],
  );
  return row;
}

/** A turn that failed on the way (database or network away) is handled again when Teams retries it. */
export async function forgetActivity(q: Queryable, activityKey: string): Promise<void> {
  await q.query(`DELETE FROM processed_activities WHERE activity_id = $1`, [activityKey]);
}
