import { isoDay, localDay, parseIsoDay } from '../../lib/dates';
import { audit } from '../audit/store';
import { officeZone, type JobContext } from '../context';
import { cardSpec } from '../deliveries/card-spec';
import { enqueueDelivery } from '../deliveries/enqueue';
import { remindNonReaders } from './notify';
import type { StatusPost } from './posts';
import { changeFacts, expiryAction } from './rules';
import { audienceState } from './audience';
import { announcementsDueForReminder, changesWithEndDate, claimExpiryNotice, claimReminder } from './store';

/**
 * The daily job: reminders to non-readers (once per announcement, two working days after it),
 * expiry notices a week before a change's expected end and daily reminders to the deciders after it.
 * Each item is claimed in its own transaction, so a second replica or a rerun sends nothing twice.
 */
export async function runDailyStatusJob(ctx: JobContext): Promise<{ reminders: number; expiryCards: number }> {
  const { db, fireTime } = ctx;
  const today = isoDay(localDay(fireTime, officeZone(ctx)));
  let reminders = 0;
  let expiryCards = 0;
  for (const due of await announcementsDueForReminder(db, today)) {
    await db.transaction(async (tx) => {
      if (!(await claimReminder(tx, due.id, fireTime))) return;
      const nonReaders = (await audienceState(tx, ctx, due.id)).unread;
      await remindNonReaders(tx, ctx, due, nonReaders);
      reminders += nonReaders.length;
      await audit(tx, { actor: 'wendbaar', action: 'status.remind', subject: `status:${due.changeId}`, details: { announcementId: due.id, recipients: nonReaders.length } });
    });
  }
  for (const change of await changesWithEndDate(db)) {
    const action = expiryAction({ endDate: change.endDate, expiryChoice: change.expiryChoice, noticeSentFor: change.expiryNoticeFor }, today);
    if (action === 'none') continue;
    await db.transaction(async (tx) => {
      if (action === 'notice' && !(await claimExpiryNotice(tx, change.id))) return;
      const suggestedEnd = isoDay(parseIsoDay(change.endDate!, officeZone(ctx)).plus({ months: 1 }));
      const view = cardSpec<StatusPost>('status.expiry', { change: changeFacts(ctx.config.office.rings, change), overdue: action === 'overdue', suggestedEnd });
      for (const decider of change.decidedBy) {
        const key = action === 'notice' ? `status:${change.id}:expiry:${change.endDate}:${decider.aad}` : `status:${change.id}:overdue:${today}:${decider.aad}`;
        const queued = await enqueueDelivery(tx, {
          kind: 'personal',
          idempotencyKey: key,
          recipientAad: decider.aad,
          payload: { view, summary: action === 'notice' ? `"${change.title}" loopt over een week af` : `"${change.title}": kies verlengen, beëindigen of laten aflopen` },
        });
        if (queued !== null) expiryCards += 1;
      }
      await audit(tx, { actor: 'wendbaar', action: action === 'notice' ? 'status.expiry.notice' : 'status.expiry.overdue', subject: `status:${change.id}`, details: { endDate: change.endDate, today } });
    });
  }
  return { reminders, expiryCards };
}
