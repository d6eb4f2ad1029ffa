import type { Queryable } from '../db';

/** A Bot Framework conversation reference, stored as opaque JSON so services stay SDK-free. */
export type StoredReference = Record<string, unknown> & { serviceUrl?: string; conversation?: { id: string } };

export interface ConversationRow {
  id: string;
  kind: 'channel' | 'personal' | 'groupChat';
  team_id: string | null;
  name: string | null;
  reference: StoredReference;
  regioteam: string | null;
  active: boolean;
}

/**
 * Records an installation; resolves true when the bot is new in the team (or back after removal).
 * Teams announces one install with both installationUpdate and conversationUpdate, and repeats
 * them on upgrades: only a real (re)install should greet the team.
 */
export async function recordTeamInstall(
  q: Queryable,
  team: { teamId: string; name?: string; tenantId?: string; serviceUrl: string; groupId?: string },
): Promise<boolean> {
  const before = await q.query<{ active: boolean }>(`SELECT active FROM team_installs WHERE team_id = $1 FOR UPDATE`, [team.teamId]);
  await q.query(
    `INSERT INTO team_installs (team_id, name, tenant_id, service_url, aad_group_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (team_id) DO UPDATE SET name = COALESCE(EXCLUDED.name, team_installs.name), tenant_id = EXCLUDED.tenant_id,
       service_url = EXCLUDED.service_url, aad_group_id = COALESCE(EXCLUDED.aad_group_id, team_installs.aad_group_id),
       active = true, removed_at = NULL, inactive_reason = NULL`,
    [team.teamId, team.name ?? null, team.tenantId ?? null, team.serviceUrl, team.groupId ?? null],
  );
  return !before[0]?.active;
}

export async function recordTeamRemoved(q: Queryable, teamId: string, reason: string): Promise<void> {
  await q.query(
    `UPDATE team_installs SET active = false, removed_at = now(), inactive_reason = $2 WHERE team_id = $1`,
    [teamId, reason],
  );
  await q.query(`UPDATE conversations SET active = false, updated_at = now() WHERE team_id = $1`, [teamId]);
}

export async function upsertConversation(
  q: Queryable,
  conv: { id: string; kind: ConversationRow['kind']; teamId?: string; name?: string; reference: StoredReference },
): Promise<void> {
  await q.query(
    `INSERT INTO conversations (id, kind, team_id, name, reference) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET reference = EXCLUDED.reference, name = COALESCE(EXCLUDED.name, conversations.name),
       team_id = COALESCE(EXCLUDED.team_id, conversations.team_id), active = true, updated_at = now()`,
    [conv.id, conv.kind, conv.teamId ?? null, conv.name ?? null, JSON.stringify(conv.reference)],
  );
}

export async function getConversation(q: Queryable, id: string): Promise<ConversationRow | undefined> {
  const rows = await q.query<ConversationRow>(`SELECT * FROM conversations WHERE id = $1`, [id]);
  return rows[0];
}

/** The reference of the conversation the bot was reached in most recently (its service url opens new chats). */
export async function latestActiveReference(q: Queryable): Promise<StoredReference | undefined> {
  const rows = await q.query<{ reference: StoredReference }>(`SELECT reference FROM conversations WHERE active ORDER BY updated_at DESC LIMIT 1`);
  return rows[0]?.reference;
}

/** Links a channel to a regioteam; a regioteam has one channel, so an older link is moved. */
export async function linkChannel(q: Queryable, conversationId: string, regioteam: string): Promise<{ previous: string | null }> {
  const before = await q.query<{ regioteam: string | null }>(`SELECT regioteam FROM conversations WHERE id = $1`, [conversationId]);
  await q.query(`UPDATE conversations SET regioteam = NULL, updated_at = now() WHERE regioteam = $1 AND id <> $2`, [regioteam, conversationId]);
  await q.query(`UPDATE conversations SET regioteam = $2, updated_at = now() WHERE id = $1`, [conversationId, regioteam]);
  return { previous: before[0]?.regioteam ?? null };
}

export async function unlinkChannel(q: Queryable, conversationId: string): Promise<string | null> {
  const rows = await q.query<{ regioteam: string | null }>(
    `UPDATE conversations c SET regioteam = NULL, updated_at = now() FROM conversations old
     WHERE c.id = $1 AND old.id = c.id RETURNING old.regioteam`,
    [conversationId],
  );
  return rows[0]?.regioteam ?? null;
}

/** The active linked channel of each regioteam (all of them when `regioteam` is omitted). */
export async function linkedChannels(q: Queryable, regioteam?: string): Promise<ConversationRow[]> {
  return q.query<ConversationRow>(
    `SELECT * FROM conversations WHERE regioteam IS NOT NULL AND active AND kind = 'channel'
     AND ($1::text IS NULL OR regioteam = $1) ORDER BY regioteam`,
    [regioteam ?? null],
  );
}

/** The conversation is gone (channel deleted); resolves the team it belonged to, if any. */
export async function deactivateConversation(q: Queryable, conversationId: string): Promise<string | undefined> {
  const rows = await q.query<{ team_id: string | null }>(
    `UPDATE conversations SET active = false, updated_at = now() WHERE id = $1 RETURNING team_id`,
    [conversationId],
  );
  return rows[0]?.team_id ?? undefined;
}

export async function markConversationInactive(q: Queryable, conversationId: string, reason: string): Promise<void> {
  const teamId = await deactivateConversation(q, conversationId);
  if (teamId) {
    await q.query(`UPDATE team_installs SET inactive_reason = $2 WHERE team_id = $1 AND active`, [teamId, reason]);
  }
}

/**
 * Where a sent channel post lives, for a deep link: its channel, activity id, tenant and the team's
 * group (known for channels whose team the bot recorded); undefined until it is sent.
 */
export async function sentPostLocation(q: Queryable, idempotencyKey: string) {
  const rows = await q.query<{ channel_id: string; message_id: string; tenant_id: string | null; group_id: string | null }>(
    `SELECT d.conversation_id AS channel_id, d.sent_activity_id AS message_id,
       COALESCE(t.tenant_id, c.reference->'conversation'->>'tenantId') AS tenant_id, t.aad_group_id AS group_id
     FROM deliveries d JOIN conversations c ON c.id = d.conversation_id AND c.kind = 'channel'
     LEFT JOIN team_installs t ON t.team_id = c.team_id
     WHERE d.idempotency_key = $1 AND d.status = 'sent' AND d.sent_activity_id IS NOT NULL`,
    [idempotencyKey],
  );
  return rows[0];
}
