import { addWorkingDays, isoDay, localDay } from '../../lib/dates';
import { audit } from '../audit/store';
import { officeZone, type ActingContext, type Context } from '../context';
import { linkedChannels, type ConversationRow } from '../conversations/store';
import type { Queryable } from '../db';
import { cardSpec } from '../deliveries/card-spec';
import { enqueueDelivery, rememberAnsweredCard } from '../deliveries/enqueue';
import { findSentPost } from '../deliveries/store';
import { configuredPeople } from '../people/store';
import type { StatusPost } from './posts';
import { changeFacts, countResponses } from './rules';
import { existingChange } from './shared';
import { audienceState, fixAudience, mtViewers } from './audience';
import { insertAnnouncement, nextCardVersion, recordRead, responsesOf } from './store';
import type { Announcement, AnnouncementRow, ChangeRow, Decider } from './types';

/**
 * The posts the flow queues, always inside the transaction of the step that causes them: the
 * consultation in the channels, the four-eyes request, announcements and their read counts.
 * Each post is a card spec (posts.ts) holding the facts as they were when it was queued.
 */

type OfficeContext = Pick<Context, 'config' | 'roles'>;
const spec = cardSpec<StatusPost>;

const consultKey = (changeId: number, regioteam: string) => `status:${changeId}:consult:${regioteam}`;
const announcementPostKey = (announcementId: number, regioteam: string) => `status:ann:${announcementId}:${regioteam}`;

async function consultationSpec(tx: Queryable, ctx: OfficeContext, change: ChangeRow): Promise<StatusPost> {
  const counts = countResponses(await responsesOf(tx, change.id));
  return spec('status.consultation', { change: changeFacts(ctx.config.office.rings, change), counts, viewers: await mtViewers(tx, ctx) });
}

/** Posts the consultation card in each chosen channel. */
export async function postConsultation(tx: Queryable, ctx: OfficeContext, change: ChangeRow, channels: ConversationRow[]): Promise<void> {
  const view = await consultationSpec(tx, ctx, change);
  for (const channel of channels) {
    await enqueueDelivery(tx, {
      kind: 'post',
      idempotencyKey: consultKey(change.id, channel.regioteam!),
      conversationId: channel.id,
      payload: { view, summary: `Consultatie: ${change.title}` },
    });
  }
}

/** Replaces the consultation card in every channel it was posted to (counts, open/closed). */
export async function refreshConsultation(tx: Queryable, ctx: OfficeContext, change: ChangeRow): Promise<void> {
  if (change.consultationChannels.length === 0) return;
  const view = await consultationSpec(tx, ctx, change);
  const version = await nextCardVersion(tx, 'status_changes', change.id);
  for (const team of change.consultationChannels) {
    await enqueueDelivery(tx, {
      kind: 'update',
      idempotencyKey: `${consultKey(change.id, team)}:update:${version}`,
      targetKey: consultKey(change.id, team),
      payload: { view },
    });
  }
}

const mtCardKey = (changeId: number) => `status:${changeId}:mt-card`;

/** The MT member who starts the consultation keeps their decision card; answers update it in place. */
export async function rememberMtCard(tx: Queryable, ctx: ActingContext, change: ChangeRow): Promise<void> {
  await rememberAnsweredCard(tx, mtCardKey(change.id), { conversationId: ctx.conversation?.id, replyToId: ctx.replyToId });
}

/** Replaces the MT's decision card with the new counts, while the consultation is open. */
export async function refreshMtCard(tx: Queryable, ctx: OfficeContext, change: ChangeRow): Promise<void> {
  if (change.state !== 'proposed' || !(await findSentPost(tx, mtCardKey(change.id)))) return;
  const counts = countResponses(await responsesOf(tx, change.id));
  const view = spec('status.decision', { change: changeFacts(ctx.config.office.rings, change), counts, viewerAad: change.proposedBy, fourEyes: ctx.config.env.WENDBAAR_FOUR_EYES });
  const version = await nextCardVersion(tx, 'status_changes', change.id);
  await enqueueDelivery(tx, { kind: 'update', idempotencyKey: `${mtCardKey(change.id)}:update:${version}`, targetKey: mtCardKey(change.id), payload: { view } });
}

/** Four-eyes: asks every other known MT member, personally, to confirm the decision. */
export async function askToConfirm(tx: Queryable, ctx: ActingContext, change: ChangeRow): Promise<void> {
  const counts = countResponses(await responsesOf(tx, change.id));
  for (const member of await configuredPeople(tx, ctx.roles.mt)) {
    if (!member.known || member.aad === ctx.actor.aadObjectId) continue;
    const view = spec('status.decision', { change: changeFacts(ctx.config.office.rings, change), counts, viewerAad: member.aad, fourEyes: true });
    await enqueueDelivery(tx, {
      kind: 'personal',
      idempotencyKey: `status:${change.id}:confirm:${member.aad}`,
      recipientAad: member.aad,
      payload: { view, summary: `Bevestig de statusaanpassing "${change.title}"` },
    });
  }
}

/**
 * An announcement with its change and read counts, as its card shows it: the shared channel view,
 * or (with `viewer`) one person's own view.
 */
export async function announcementOf(q: Queryable, ctx: OfficeContext, a: AnnouncementRow, viewer?: Announcement['viewer']): Promise<Announcement> {
  const change = await existingChange(q, a.changeId);
  const { counts, viewers } = await audienceState(q, ctx, a.id);
  return {
    change: changeFacts(ctx.config.office.rings, change),
    announcement: { id: a.id, kind: a.kind },
    reads: counts,
    viewers,
    ...(viewer ? { viewer } : {}),
  };
}

function authorsOf(ctx: ActingContext, change: ChangeRow, kind: AnnouncementRow['kind']): Decider[] {
  const actor = ctx.actor.isMt ? [{ aad: ctx.actor.aadObjectId, name: ctx.actor.name }] : [];
  const deciders = kind === 'publish' ? change.decidedBy : [];
  return [...actor, ...deciders.filter((d) => d.aad !== ctx.actor.aadObjectId)];
}

/** Announces a decided change (publication, extension, end, lapse) in every linked channel. */
export async function announce(tx: Queryable, ctx: ActingContext, change: ChangeRow, kind: AnnouncementRow['kind'], now: Date): Promise<number> {
  const channels = await linkedChannels(tx);
  const teams = channels.map((c) => c.regioteam!);
  const remindOn = isoDay(addWorkingDays(localDay(now, officeZone(ctx)), 2, ctx.config.office));
  const announcement = await insertAnnouncement(tx, { changeId: change.id, kind, regioteams: teams, createdAt: now, remindOn }, announcementPostKey);
  await fixAudience(tx, ctx, announcement.id, teams);
  // Who decided it wrote it: it is read for them, not a task in their own list. With four eyes that
  // is the MT member who published and the one who confirmed.
  for (const author of authorsOf(ctx, change, kind)) await recordRead(tx, announcement.id, author, now);
  const view = spec('status.announcement', { ...(await announcementOf(tx, ctx, announcement)), reminder: false });
  for (const channel of channels) {
    await enqueueDelivery(tx, {
      kind: 'post',
      idempotencyKey: announcementPostKey(announcement.id, channel.regioteam!),
      conversationId: channel.id,
      payload: { view, summary: `Statusaanpassing: ${change.title}` },
    });
  }
  await audit(tx, {
    actor: ctx.actor.aadObjectId,
    action: 'status.announce',
    subject: `status:${change.id}`,
    details: { announcementId: announcement.id, kind, regioteams: teams },
    correlationId: ctx.correlationId,
  });
  return announcement.id;
}

/** Replaces an announcement's card in every channel (the read count changed). */
export async function refreshAnnouncement(tx: Queryable, ctx: OfficeContext, announcement: AnnouncementRow): Promise<void> {
  const version = await nextCardVersion(tx, 'status_announcements', announcement.id);
  const view = spec('status.announcement', { ...(await announcementOf(tx, ctx, announcement)), reminder: false });
  for (const key of announcement.postKeys) {
    await enqueueDelivery(tx, { kind: 'update', idempotencyKey: `${key}:update:${version}`, targetKey: key, payload: { view } });
  }
}

/** Reminds each non-reader of an announcement, personally, once. */
export async function remindNonReaders(tx: Queryable, ctx: OfficeContext, announcement: AnnouncementRow, nonReaders: Array<{ aadObjectId: string }>): Promise<void> {
  // A reminder is personal: no per-user views, and it is unread by whom it reaches.
  const view = spec('status.announcement', { ...(await announcementOf(tx, ctx, announcement, { read: false, mt: false })), viewers: [], reminder: true });
  for (const person of nonReaders) {
    await enqueueDelivery(tx, {
      kind: 'personal',
      idempotencyKey: `status:ann:${announcement.id}:remind:${person.aadObjectId}`,
      recipientAad: person.aadObjectId,
      payload: { view, summary: 'Herinnering: lees de statusaanpassing' },
    });
  }
}
