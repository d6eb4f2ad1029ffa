import {
  announcementCard,
  consultationCard,
  decisionCard,
  expiryCard,
  type AnnouncementCardData,
} from '../../cards/status';
import type { Office } from '../../config/office';
import { ringPresets } from '../../config/rings';
import { audit } from '../audit';
import { authorize, type Actor } from '../authz';
import { linkedChannels } from '../conversations';
import { addWorkingDays, isoDay, localDay, parseIsoDay } from '../dates';
import type { Database, Queryable } from '../db';
import { enqueueDelivery } from '../deliveries/enqueue';
import { conflict, forbidden, notFound, validationError } from '../errors';
import { loadInForce } from './current';
import { applyPreset, expiryAction, findPreset, validateTaskStatuses, type ReasonCategory, type TaskStatuses } from './model';
import {
  CHANGE_COLUMNS,
  announcementsDueForReminder,
  countResponses,
  getAnnouncement,
  getChange,
  nextCardVersion,
  nonReadersOf,
  readersOf,
  responsesOf,
  type AnnouncementRow,
  type ChangeRow,
} from './store';
import { announcementView, consultationView, decisionView, expiryView } from './views';

/**
 * The statusaanpassing flow: voorstel → consultatie → besluit → aankondiging → afloop. Every step
 * checks authorisation, changes state with a conditional UPDATE (so concurrent clicks give one
 * outcome), audits, and queues its posts in the same transaction.
 */

export interface FlowContext {
  db: Database;
  office: Office;
  actor: Actor;
  now: Date;
  zone: string;
  fourEyes: boolean;
  /** MT members as configured (Entra object ids or UPNs). */
  mtIds: string[];
  correlationId?: string;
}

export const PER_TASK = 'per-taak';

const todayOf = (ctx: Pick<FlowContext, 'now' | 'zone'>) => isoDay(localDay(ctx.now, ctx.zone));

function checkDate(iso: string, label: string, zone: string): string {
  try {
    return isoDay(parseIsoDay(iso, zone));
  } catch {
    throw validationError(`${label}: kies een bestaande datum.`);
  }
}

const SELECT_CHANGE = `SELECT ${CHANGE_COLUMNS} FROM status_changes`;

async function lockedChange(q: Queryable, id: number): Promise<ChangeRow> {
  const change = await getChange(q, id);
  if (!change) throw notFound('Deze statusaanpassing bestaat niet (meer). Typ "status geschiedenis" voor het overzicht.');
  return change;
}

async function updateReturning(q: Queryable, sql: string, params: unknown[]): Promise<ChangeRow | undefined> {
  const rows = await q.query<ChangeRow>(`${sql} RETURNING ${CHANGE_COLUMNS}`, params);
  return rows[0] ? { ...rows[0], id: Number(rows[0].id) } : undefined;
}

async function auditStep(q: Queryable, ctx: FlowContext, action: string, changeId: number, details: Record<string, unknown> = {}) {
  await audit(q, { actor: ctx.actor.aadObjectId, action, subject: `status:${changeId}`, details, correlationId: ctx.correlationId });
}

// ---------------------------------------------------------------------------------------------
// 1. Voorstel
// ---------------------------------------------------------------------------------------------

export interface ProposalInput {
  preset: string;
  /** Per-task statuses from the card (`task_<id>` inputs), used with the per-task choice. */
  taskValues: Record<string, string>;
  reasonCategory: ReasonCategory;
  reason: string;
  startDate: string;
  endDate: string;
  practiceImpact: string;
  partnerText?: string;
}

export function proposedTasks(office: Office, input: Pick<ProposalInput, 'preset' | 'taskValues'>): { tasks: TaskStatuses; title: string } {
  if (input.preset === PER_TASK) {
    return { tasks: validateTaskStatuses(office.rings, input.taskValues), title: 'Aanpassing per taak' };
  }
  const preset = findPreset(input.preset, ringPresets);
  if (!preset) throw validationError('Kies een voorinstelling of "Per taak kiezen".');
  return { tasks: validateTaskStatuses(office.rings, applyPreset(office.rings, preset)), title: preset.name };
}

export async function createDraft(ctx: FlowContext, input: ProposalInput): Promise<ChangeRow> {
  authorize(ctx.actor, 'status.propose');
  const today = todayOf(ctx);
  const startDate = checkDate(input.startDate, 'Ingangsdatum', ctx.zone);
  const endDate = checkDate(input.endDate, 'Verwachte einddatum', ctx.zone);
  if (startDate < today) throw validationError('Ingangsdatum: kies vandaag of een latere datum.');
  if (endDate <= startDate) throw validationError('Verwachte einddatum: kies een datum na de ingangsdatum.');
  const { tasks, title } = proposedTasks(ctx.office, input);
  return ctx.db.transaction(async (tx) => {
    const before = await loadInForce(tx, ctx.office, ctx.now, ctx.zone);
    const rows = await tx.query<{ id: number }>(
      `INSERT INTO status_changes (title, preset, tasks, previous_tasks, reason_category, reason, practice_impact, partner_text,
         start_date, end_date, proposed_by, proposed_by_name, proposed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [title, input.preset, JSON.stringify(tasks), JSON.stringify(before.tasks), input.reasonCategory, input.reason, input.practiceImpact,
        input.partnerText ?? null, startDate, endDate, ctx.actor.aadObjectId, ctx.actor.name, ctx.now.toISOString()],
    );
    const id = Number(rows[0]!.id);
    await auditStep(tx, ctx, 'status.propose', id, { preset: input.preset, tasks, startDate, endDate, reasonCategory: input.reasonCategory });
    return lockedChange(tx, id);
  });
}

export async function withdraw(ctx: FlowContext, changeId: number): Promise<ChangeRow> {
  authorize(ctx.actor, 'status.propose');
  return ctx.db.transaction(async (tx) => {
    const change = await updateReturning(
      tx,
      `UPDATE status_changes SET state = 'withdrawn' WHERE id = $1 AND state IN ('draft', 'proposed', 'awaiting_confirmation')`,
      [changeId],
    );
    if (!change) throw conflict('Dit voorstel is al besloten of ingetrokken.');
    await auditStep(tx, ctx, 'status.withdraw', changeId);
    await refreshConsultationPosts(tx, ctx.office, change);
    return change;
  });
}

// ---------------------------------------------------------------------------------------------
// 2. Consultatie
// ---------------------------------------------------------------------------------------------

const consultKey = (changeId: number, regioteam: string) => `status:${changeId}:consult:${regioteam}`;

export async function startConsultation(ctx: FlowContext, changeId: number, deadline: string, regioteams: string[]): Promise<ChangeRow> {
  authorize(ctx.actor, 'status.propose');
  const day = checkDate(deadline, 'Reageren kan tot en met', ctx.zone);
  if (day < todayOf(ctx)) throw validationError('Reageren kan tot en met: kies vandaag of een latere datum.');
  return ctx.db.transaction(async (tx) => {
    const channels = (await linkedChannels(tx)).filter((c) => regioteams.includes(c.regioteam ?? ''));
    if (channels.length === 0) {
      throw validationError('Er is geen gekoppeld kanaal gekozen. Een teamleider koppelt een kanaal met "@Wendbaar koppel <regioteam>".');
    }
    const teams = channels.map((c) => c.regioteam!);
    const change = await updateReturning(
      tx,
      `UPDATE status_changes SET state = 'proposed', consultation_deadline = $2, consultation_channels = $3 WHERE id = $1 AND state = 'draft'`,
      [changeId, day, JSON.stringify(teams)],
    );
    if (!change) throw conflict('Dit voorstel is al gedeeld, besloten of ingetrokken.');
    const card = consultationCard(consultationView(ctx.office.rings, change, countResponses([])));
    for (const channel of channels) {
      await enqueueDelivery(tx, {
        kind: 'post',
        idempotencyKey: consultKey(changeId, channel.regioteam!),
        conversationId: channel.id,
        payload: { card, summary: `Consultatie: ${change.title}` },
      });
    }
    await auditStep(tx, ctx, 'status.consult', changeId, { deadline: day, regioteams: teams });
    return change;
  });
}

export async function skipConsultation(ctx: FlowContext, changeId: number, reason: string): Promise<ChangeRow> {
  authorize(ctx.actor, 'status.propose');
  return ctx.db.transaction(async (tx) => {
    const change = await updateReturning(
      tx,
      `UPDATE status_changes SET state = 'proposed', consultation_skipped = $2 WHERE id = $1 AND state = 'draft'`,
      [changeId, reason],
    );
    if (!change) throw conflict('Dit voorstel is al gedeeld, besloten of ingetrokken.');
    await auditStep(tx, ctx, 'status.consultation.skip', changeId, { reason });
    return change;
  });
}

/** Replaces the consultation card in every channel it was posted to (counts, open/closed). */
async function refreshConsultationPosts(tx: Queryable, office: Office, change: ChangeRow): Promise<void> {
  if (change.consultationChannels.length === 0) return;
  const counts = countResponses(await responsesOf(tx, change.id));
  const version = await nextCardVersion(tx, 'status_changes', change.id);
  const card = consultationCard(consultationView(office.rings, { ...change }, counts));
  for (const team of change.consultationChannels) {
    await enqueueDelivery(tx, {
      kind: 'update',
      idempotencyKey: `${consultKey(change.id, team)}:update:${version}`,
      targetKey: consultKey(change.id, team),
      payload: { card },
    });
  }
}

export async function respond(
  ctx: FlowContext,
  changeId: number,
  answer: 'akkoord' | 'zorgen' | 'opmerking',
  comment: string | undefined,
) {
  authorize(ctx.actor, 'status.consult');
  return ctx.db.transaction(async (tx) => {
    const change = (await tx.query<ChangeRow>(`${SELECT_CHANGE} WHERE id = $1 FOR UPDATE`, [changeId])).map((c) => ({ ...c, id: Number(c.id) }))[0];
    if (!change) throw notFound('Dit voorstel bestaat niet (meer).');
    if (change.state !== 'proposed' || change.consultationSkipped) throw conflict('De consultatie over dit voorstel is gesloten.');
    if (change.consultationDeadline && todayOf(ctx) > change.consultationDeadline) {
      throw conflict('De reactietermijn van deze consultatie is verlopen. Neem zo nodig contact op met het MT.');
    }
    await tx.query(
      `INSERT INTO status_responses (change_id, aad_object_id, name, answer, comment, answered_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (change_id, aad_object_id) DO UPDATE SET answer = EXCLUDED.answer, comment = EXCLUDED.comment, answered_at = EXCLUDED.answered_at`,
      [changeId, ctx.actor.aadObjectId, ctx.actor.name, answer, comment ?? null, ctx.now.toISOString()],
    );
    await auditStep(tx, ctx, 'status.respond', changeId, { answer, comment: comment ?? null });
    await refreshConsultationPosts(tx, ctx.office, change);
    const counts = countResponses(await responsesOf(tx, changeId));
    return consultationCard(
      consultationView(ctx.office.rings, change, counts, `Je reactie (${answer}) is ontvangen. Opnieuw reageren vervangt je eerdere reactie.`),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// 3. Besluit
// ---------------------------------------------------------------------------------------------

/** The people rows of configured MT members (by object id or UPN) the bot has met. */
async function mtMembers(q: Queryable, mtIds: string[]): Promise<Array<{ aad: string; name: string }>> {
  const ids = mtIds.map((m) => m.toLowerCase());
  const rows = await q.query<{ aad: string; name: string }>(
    `SELECT aad_object_id AS aad, name FROM people
     WHERE lower(aad_object_id) IN (SELECT jsonb_array_elements_text($1::jsonb)) OR lower(upn) IN (SELECT jsonb_array_elements_text($1::jsonb))
     ORDER BY name`,
    [JSON.stringify(ids)],
  );
  return rows;
}

export type PublishOutcome = { outcome: 'published'; change: ChangeRow } | { outcome: 'awaiting_confirmation'; change: ChangeRow };

export async function publish(ctx: FlowContext, changeId: number): Promise<PublishOutcome> {
  authorize(ctx.actor, 'status.decide');
  return ctx.db.transaction(async (tx) => {
    if (ctx.fourEyes) {
      const change = await updateReturning(
        tx,
        `UPDATE status_changes SET state = 'awaiting_confirmation', first_decider = $2, first_decider_name = $3 WHERE id = $1 AND state = 'proposed'`,
        [changeId, ctx.actor.aadObjectId, ctx.actor.name],
      );
      if (!change) throw await alreadyDecided(tx, changeId);
      await auditStep(tx, ctx, 'status.decide.first', changeId);
      for (const member of await mtMembers(tx, ctx.mtIds)) {
        if (member.aad === ctx.actor.aadObjectId) continue;
        const card = decisionCard(decisionView(ctx.office.rings, change, countResponses(await responsesOf(tx, changeId)), member.aad, true));
        await enqueueDelivery(tx, {
          kind: 'personal',
          idempotencyKey: `status:${changeId}:confirm:${member.aad}`,
          recipientAad: member.aad,
          payload: { card, summary: `Bevestig de statusaanpassing "${change.title}"` },
        });
      }
      await refreshConsultationPosts(tx, ctx.office, change);
      return { outcome: 'awaiting_confirmation' as const, change };
    }
    const deciders = JSON.stringify([{ aad: ctx.actor.aadObjectId, name: ctx.actor.name }]);
    const change = await updateReturning(
      tx,
      `UPDATE status_changes SET state = 'published', decided_by = $2, decided_at = $3 WHERE id = $1 AND state = 'proposed'`,
      [changeId, deciders, ctx.now.toISOString()],
    );
    if (!change) throw await alreadyDecided(tx, changeId);
    await afterDecision(tx, ctx, change);
    return { outcome: 'published' as const, change };
  });
}

async function alreadyDecided(q: Queryable, changeId: number) {
  const current = await getChange(q, changeId);
  if (!current) return notFound('Deze statusaanpassing bestaat niet (meer).');
  if (current.state === 'draft') return conflict('Start eerst de consultatie, of sla die met een reden over.');
  if (current.state === 'awaiting_confirmation') {
    return conflict(`${current.firstDeciderName ?? 'Een MT-lid'} heeft dit besluit al gepubliceerd; het wacht op bevestiging door een tweede MT-lid.`);
  }
  if (current.state === 'withdrawn') return conflict('Dit voorstel is ingetrokken.');
  return conflict('Over dit voorstel is al besloten. Typ "status" voor de huidige stand.');
}

export async function confirm(ctx: FlowContext, changeId: number): Promise<ChangeRow> {
  authorize(ctx.actor, 'status.decide');
  return ctx.db.transaction(async (tx) => {
    const change = await updateReturning(
      tx,
      `UPDATE status_changes SET state = 'published', decided_at = $3,
         decided_by = jsonb_build_array(jsonb_build_object('aad', first_decider, 'name', first_decider_name), $2::jsonb)
       WHERE id = $1 AND state = 'awaiting_confirmation' AND first_decider <> $4`,
      [changeId, JSON.stringify({ aad: ctx.actor.aadObjectId, name: ctx.actor.name }), ctx.now.toISOString(), ctx.actor.aadObjectId],
    );
    if (!change) {
      const current = await getChange(tx, changeId);
      if (current?.state === 'awaiting_confirmation' && current.firstDecider === ctx.actor.aadObjectId) {
        throw forbidden('Vier ogen: een tweede, ander MT-lid moet dit besluit bevestigen. Je eigen bevestiging telt niet.');
      }
      throw await alreadyDecided(tx, changeId);
    }
    await afterDecision(tx, ctx, change);
    return change;
  });
}

async function afterDecision(tx: Queryable, ctx: FlowContext, change: ChangeRow): Promise<void> {
  await auditStep(tx, ctx, 'status.decide', change.id, { decidedBy: change.decidedBy.map((d) => d.aad), tasks: change.tasks, startDate: change.startDate, endDate: change.endDate });
  await refreshConsultationPosts(tx, ctx.office, change);
  await announce(tx, ctx, change, 'publish');
}

// ---------------------------------------------------------------------------------------------
// 4. Aankondiging
// ---------------------------------------------------------------------------------------------

const announcementPostKey = (announcementId: number, regioteam: string) => `status:ann:${announcementId}:${regioteam}`;

async function audienceSize(q: Queryable, regioteams: string[]): Promise<number> {
  const rows = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM people WHERE regioteam IN (SELECT jsonb_array_elements_text($1::jsonb))`, [JSON.stringify(regioteams)]);
  return Number(rows[0]?.n ?? 0);
}

export async function announcementData(q: Queryable, office: Office, a: AnnouncementRow, intro = ''): Promise<AnnouncementCardData> {
  const change = await lockedChange(q, a.changeId);
  const read = (await readersOf(q, a.id)).length;
  return announcementView(office.rings, change, a, { read, audience: await audienceSize(q, a.regioteams) }, intro);
}

async function announce(tx: Queryable, ctx: Pick<FlowContext, 'office' | 'now' | 'zone' | 'actor' | 'correlationId'>, change: ChangeRow, kind: AnnouncementRow['kind']) {
  const channels = await linkedChannels(tx);
  const teams = channels.map((c) => c.regioteam!);
  const remindOn = isoDay(addWorkingDays(localDay(ctx.now, ctx.zone), 2, ctx.office));
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO status_announcements (change_id, kind, regioteams, post_keys, created_at, remind_on) VALUES ($1, $2, $3, '[]'::jsonb, $4, $5) RETURNING id`,
    [change.id, kind, JSON.stringify(teams), ctx.now.toISOString(), remindOn],
  );
  const id = Number(rows[0]!.id);
  const keys = teams.map((t) => announcementPostKey(id, t));
  await tx.query(`UPDATE status_announcements SET post_keys = $2 WHERE id = $1`, [id, JSON.stringify(keys)]);
  const announcement = (await getAnnouncement(tx, id))!;
  const card = announcementCard(await announcementData(tx, ctx.office, announcement));
  for (const channel of channels) {
    await enqueueDelivery(tx, {
      kind: 'post',
      idempotencyKey: announcementPostKey(id, channel.regioteam!),
      conversationId: channel.id,
      payload: { card, summary: `Statusaanpassing: ${change.title}` },
    });
  }
  await audit(tx, { actor: ctx.actor.aadObjectId, action: 'status.announce', subject: `status:${change.id}`, details: { announcementId: id, kind, regioteams: teams }, correlationId: ctx.correlationId });
  return id;
}

export async function markRead(ctx: FlowContext, announcementId: number): Promise<AnnouncementCardData> {
  return ctx.db.transaction(async (tx) => {
    const announcement = await getAnnouncement(tx, announcementId);
    if (!announcement) throw notFound('Deze aankondiging bestaat niet (meer).');
    const inserted = await tx.query(
      `INSERT INTO status_reads (announcement_id, aad_object_id, name, read_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING announcement_id`,
      [announcementId, ctx.actor.aadObjectId, ctx.actor.name, ctx.now.toISOString()],
    );
    if (inserted.length > 0) {
      await audit(tx, { actor: ctx.actor.aadObjectId, action: 'status.read', subject: `status:${announcement.changeId}`, details: { announcementId }, correlationId: ctx.correlationId });
      const version = await nextCardVersion(tx, 'status_announcements', announcementId);
      const card = announcementCard(await announcementData(tx, ctx.office, announcement));
      for (const key of announcement.postKeys) {
        await enqueueDelivery(tx, { kind: 'update', idempotencyKey: `${key}:update:${version}`, targetKey: key, payload: { card } });
      }
    }
    return announcementData(tx, ctx.office, announcement, 'Gelezen, dank je wel.');
  });
}

// ---------------------------------------------------------------------------------------------
// 5. Afloop
// ---------------------------------------------------------------------------------------------

async function publishedChange(tx: Queryable, changeId: number): Promise<ChangeRow> {
  const change = (await tx.query<ChangeRow>(`${SELECT_CHANGE} WHERE id = $1 FOR UPDATE`, [changeId])).map((c) => ({ ...c, id: Number(c.id) }))[0];
  if (!change) throw notFound('Deze statusaanpassing bestaat niet (meer).');
  if (change.state !== 'published' || change.kind !== 'change') throw conflict('Deze statusaanpassing is niet (meer) van kracht; er valt niets te kiezen.');
  return change;
}

export async function extend(ctx: FlowContext, changeId: number, newEndDate: string): Promise<ChangeRow> {
  authorize(ctx.actor, 'status.decide');
  const day = checkDate(newEndDate, 'Nieuwe verwachte einddatum', ctx.zone);
  return ctx.db.transaction(async (tx) => {
    const before = await publishedChange(tx, changeId);
    if (day <= todayOf(ctx) || day <= (before.endDate ?? before.startDate)) {
      throw validationError('Nieuwe verwachte einddatum: kies een datum na vandaag en na de huidige einddatum.');
    }
    const change = (await updateReturning(tx, `UPDATE status_changes SET end_date = $2, expiry_choice = NULL WHERE id = $1 AND state = 'published'`, [changeId, day]))!;
    await auditStep(tx, ctx, 'status.extend', changeId, { from: before.endDate, to: day });
    await announce(tx, ctx, change, 'extend');
    return change;
  });
}

export async function endNow(ctx: FlowContext, changeId: number): Promise<ChangeRow> {
  authorize(ctx.actor, 'status.decide');
  return ctx.db.transaction(async (tx) => {
    await publishedChange(tx, changeId);
    const original = await updateReturning(tx, `UPDATE status_changes SET state = 'ended', ended_at = $2 WHERE id = $1 AND state = 'published'`, [changeId, ctx.now.toISOString()]);
    if (!original) throw conflict('Deze statusaanpassing is al beëindigd.');
    const today = todayOf(ctx);
    const rows = await tx.query<{ id: number }>(
      `INSERT INTO status_changes (kind, ends_change_id, state, title, preset, tasks, previous_tasks, reason_category, reason, practice_impact,
         start_date, proposed_by, proposed_by_name, proposed_at, decided_by, decided_at)
       VALUES ('end', $1, 'published', $2, NULL, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [changeId, `Einde: ${original.title}`, JSON.stringify(original.previousTasks), JSON.stringify(original.tasks), original.reasonCategory,
        'Het MT heeft de statusaanpassing beëindigd.', 'De taken worden weer uitgevoerd zoals vóór de statusaanpassing.', today,
        ctx.actor.aadObjectId, ctx.actor.name, ctx.now.toISOString(), JSON.stringify([{ aad: ctx.actor.aadObjectId, name: ctx.actor.name }]), ctx.now.toISOString()],
    );
    const ending = await lockedChange(tx, Number(rows[0]!.id));
    await auditStep(tx, ctx, 'status.end', changeId, { endedBy: ending.id });
    await announce(tx, ctx, ending, 'end');
    return ending;
  });
}

export async function lapse(ctx: FlowContext, changeId: number): Promise<ChangeRow> {
  authorize(ctx.actor, 'status.decide');
  return ctx.db.transaction(async (tx) => {
    await publishedChange(tx, changeId);
    const change = await updateReturning(tx, `UPDATE status_changes SET expiry_choice = 'lapse' WHERE id = $1 AND state = 'published' AND expiry_choice IS NULL`, [changeId]);
    if (!change) throw conflict('Er is al gekozen om deze statusaanpassing te laten aflopen.');
    await auditStep(tx, ctx, 'status.lapse', changeId, { endDate: change.endDate });
    await announce(tx, ctx, change, 'lapse');
    return change;
  });
}

/** The daily job: reminders to non-readers (once), expiry notices and overdue reminders to the deciders. */
export async function runDailyStatusJob(db: Database, office: Office, fireTime: Date, zone: string): Promise<{ reminders: number; expiryCards: number }> {
  const today = isoDay(localDay(fireTime, zone));
  let reminders = 0;
  let expiryCards = 0;
  for (const due of await announcementsDueForReminder(db, today)) {
    await db.transaction(async (tx) => {
      const claimed = await tx.query(`UPDATE status_announcements SET reminded_at = $2 WHERE id = $1 AND reminded_at IS NULL RETURNING id`, [due.id, fireTime.toISOString()]);
      if (claimed.length === 0) return;
      const nonReaders = await nonReadersOf(tx, due);
      const card = announcementCard(await announcementData(tx, office, due, 'Herinnering: je hebt deze aankondiging nog niet als gelezen gemarkeerd.'));
      for (const person of nonReaders) {
        await enqueueDelivery(tx, {
          kind: 'personal',
          idempotencyKey: `status:ann:${due.id}:remind:${person.aadObjectId}`,
          recipientAad: person.aadObjectId,
          payload: { card, summary: 'Herinnering: lees de statusaanpassing' },
        });
      }
      reminders += nonReaders.length;
      await audit(tx, { actor: 'wendbaar', action: 'status.remind', subject: `status:${due.changeId}`, details: { announcementId: due.id, recipients: nonReaders.length } });
    });
  }
  const published = await db.query<ChangeRow>(`${SELECT_CHANGE} WHERE state = 'published' AND kind = 'change' AND end_date IS NOT NULL ORDER BY id`);
  for (const row of published) {
    const change = { ...row, id: Number(row.id) };
    const action = expiryAction({ endDate: change.endDate, expiryChoice: change.expiryChoice, noticeSentFor: change.expiryNoticeFor }, today);
    if (action === 'none') continue;
    await db.transaction(async (tx) => {
      if (action === 'notice') {
        const claimed = await tx.query(`UPDATE status_changes SET expiry_notice_for = end_date WHERE id = $1 AND expiry_notice_for IS DISTINCT FROM end_date RETURNING id`, [change.id]);
        if (claimed.length === 0) return;
      }
      const suggested = isoDay(parseIsoDay(change.endDate!, zone).plus({ months: 1 }));
      const card = expiryCard(expiryView(change, action === 'overdue', suggested));
      for (const decider of change.decidedBy) {
        const key = action === 'notice' ? `status:${change.id}:expiry:${change.endDate}:${decider.aad}` : `status:${change.id}:overdue:${today}:${decider.aad}`;
        const queued = await enqueueDelivery(tx, {
          kind: 'personal',
          idempotencyKey: key,
          recipientAad: decider.aad,
          payload: { card, summary: action === 'notice' ? `"${change.title}" loopt over een week af` : `"${change.title}": kies verlengen, beëindigen of laten aflopen` },
        });
        if (queued !== null) expiryCards += 1;
      }
      await audit(tx, { actor: 'wendbaar', action: action === 'notice' ? 'status.expiry.notice' : 'status.expiry.overdue', subject: `status:${change.id}`, details: { endDate: change.endDate, today } });
    });
  }
  return { reminders, expiryCards };
}
