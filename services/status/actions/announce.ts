import { authorize, can } from '../../authz';
import type { ActingContext } from '../../context';
import type { Queryable } from '../../db';
import { notFound } from '../../errors';
import { announcementOf, refreshAnnouncement } from '../notify';
import { auditStep, existingChange, personOf } from '../shared';
import { audienceState } from '../audience';
import { getAnnouncement, recordRead } from '../store';
import { inAudience, readerState } from '../store/audience';
import type { Announcement, AnnouncementRow, ChangeRow } from '../types';

/** Step 4, aankondiging: everyone marks an announcement read; the MT sees who has not yet. */

async function existingAnnouncement(q: Queryable, id: number): Promise<AnnouncementRow> {
  const announcement = await getAnnouncement(q, id);
  if (!announcement) throw notFound('Deze aankondiging bestaat niet (meer).');
  return announcement;
}

/** Marks the announcement read by the actor; the channel cards show the new count. */
export async function markRead(ctx: ActingContext, announcementId: number): Promise<Announcement> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const announcement = await existingAnnouncement(tx, announcementId);
    const counted = await inAudience(tx, announcementId, ctx.actor.aadObjectId);
    if (await recordRead(tx, announcementId, personOf(ctx), now)) {
      await auditStep(tx, ctx, 'status.read', announcement.changeId, { announcementId, counted });
      // Only the fixed audience is counted: another reader changes nothing on the channel cards.
      if (counted) await refreshAnnouncement(tx, ctx, announcement);
    }
    return announcementOf(tx, ctx, announcement, { read: true, mt: can(ctx.actor, 'status.viewResponses'), outside: !counted });
  });
}

/** The announcement as the acting person sees it (Universal Actions refresh, or "Terug naar aankondiging"). */
export async function announcement(ctx: ActingContext, announcementId: number): Promise<Announcement> {
  const found = await existingAnnouncement(ctx.db, announcementId);
  // Teams asks for this view for every listed reader each time the card is shown: one statement.
  const { read, inAudience: counted } = await readerState(ctx.db, found.id, ctx.actor.aadObjectId);
  return announcementOf(ctx.db, ctx, found, { read, mt: can(ctx.actor, 'status.viewResponses'), outside: !counted });
}

/** Who of the announced regioteams has not read it yet: for the MT only. */
export async function unread(
  ctx: ActingContext,
  announcementId: number,
): Promise<{ change: ChangeRow; announcement: AnnouncementRow; unread: Array<{ name: string; regioteam: string }>; read: number }> {
  authorize(ctx.actor, 'status.viewResponses');
  const found = await existingAnnouncement(ctx.db, announcementId);
  const change = await existingChange(ctx.db, found.changeId);
  const { unread, counts } = await audienceState(ctx.db, ctx, found.id);
  return { change, announcement: found, unread, read: counts.read };
}
