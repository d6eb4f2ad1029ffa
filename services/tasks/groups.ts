import { isoDay, localDay } from '../../lib/dates';
import { withinAbsence } from '../absence/acting';
import { ownersStoodInFor, routingOf } from '../absence/route';
import { can } from '../authz';
import { escalatedRequests, offersToAccept, ownActiveRequests, ownOffers, teamRequestsNeedingHelp } from '../caseload/store/tasks';
import { officeZone, type ActingContext } from '../context';
import { upcomingMdos, type MdoDecisionRow } from '../mdo/store';
import { itemsWaitingFor } from '../monitoring/store/tasks';
import { changesToDecide, consultationsToAnswer } from '../status/store';
import { unreadAnnouncements } from '../status/store/audience';
import { upcomingChangesFor } from '../status/upcoming';
import type { ForOwner, TaskGroupKey, TaskRow } from './types';

/** Rows read per query: enough for "en nog N" to be exact for any realistic list. */
export const FETCH_LIMIT = 200;
/** Announcements older than this are history, no longer a task. */
const ANNOUNCEMENT_DAYS = 60;

const iso = (at: Date | string) => new Date(at).toISOString();

type WaitingItem = Awaited<ReturnType<typeof itemsWaitingFor>>[number];

const monitoringRow = (today: string, forOwner?: ForOwner) => (i: WaitingItem): TaskRow =>
  ({ kind: 'monitoring.item', at: i.dueOn ?? today, ...i, ...(forOwner ? { forOwner } : {}) });

const mdoRow = (forOwner?: ForOwner) => (m: MdoDecisionRow): TaskRow => ({
  kind: 'mdo.upcoming', at: iso(m.meeting_at), decisionId: m.id, mdoType: m.mdo_type, detail: m.detail, meetingAt: iso(m.meeting_at),
  decided: m.status === 'decided', outcome: m.final_outcome ?? m.advised_outcome, ...(forOwner ? { forOwner } : {}),
});

export interface GroupSource {
  key: TaskGroupKey;
  /** The actor's rows of this group, only what they may see and act on, in the group's order. */
  load(ctx: ActingContext, today: string): Promise<TaskRow[]>;
  /** Rows come in their own order (monitoring: earliest deadline first); otherwise newest first. */
  keepOrder?: boolean;
  /** Information only: rows without actions of their own. */
  info?: boolean;
}

/**
 * Every group of the `taken` list, in the order the card shows them. A new group is one entry here
 * (and its row kinds in cards/tasks/views.ts); each reads from the owning feature's store.
 */
export const TASK_GROUPS: GroupSource[] = [
  {
    key: 'status',
    async load(ctx, today) {
      const { aadObjectId: aad, regioteam } = ctx.actor;
      const since = new Date(ctx.clock.now().getTime() - ANNOUNCEMENT_DAYS * 86_400_000);
      const rows: TaskRow[] = [];
      if (regioteam) {
        for (const c of await consultationsToAnswer(ctx.db, regioteam, aad, today, FETCH_LIMIT)) {
          rows.push({ kind: 'status.consultation', at: iso(c.at), changeId: Number(c.changeId), title: c.title, deadline: c.deadline });
        }
      }
      // Announcements go to their audience as fixed when published, whatever team the person is in now.
      for (const a of await unreadAnnouncements(ctx.db, aad, since, FETCH_LIMIT)) {
        rows.push({ kind: 'status.announcement', at: iso(a.at), announcementId: Number(a.announcementId), title: a.title, announcement: a.kind });
      }
      if (can(ctx.actor, 'status.decide')) {
        for (const c of await changesToDecide(ctx.db, aad, today, FETCH_LIMIT)) {
          rows.push({ kind: 'status.decision', at: iso(c.at), changeId: Number(c.changeId), title: c.title, state: c.state, deadline: c.deadline });
        }
      }
      return rows;
    },
  },
  {
    key: 'caseload',
    async load(ctx) {
      const { aadObjectId: aad, regioteam, teamleiderOf } = ctx.actor;
      const [offers, own, team, helping, escalated] = await Promise.all([
        offersToAccept(ctx.db, aad, FETCH_LIMIT),
        ownActiveRequests(ctx.db, aad, FETCH_LIMIT),
        regioteam ? teamRequestsNeedingHelp(ctx.db, regioteam, aad, FETCH_LIMIT) : [],
        ownOffers(ctx.db, aad, FETCH_LIMIT),
        escalatedRequests(ctx.db, teamleiderOf, FETCH_LIMIT),
      ]);
      return [
        ...offers.map(({ helperAad: _h, ...o }): TaskRow => ({ kind: 'caseload.offerToAccept', ...o })),
        // A request with offers to accept is already there through its offers.
        ...own.filter((r) => !offers.some((o) => o.requestId === r.requestId)).map((r): TaskRow => ({ kind: 'caseload.ownRequest', ...r })),
        // The teamleider sees an escalated request once, as escalated.
        ...team.filter((r) => !escalated.some((e) => e.requestId === r.requestId)).map((r): TaskRow => ({ kind: 'caseload.teamRequest', ...r })),
        ...helping.map((o): TaskRow => ({ kind: 'caseload.ownOffer', ...o })),
        ...escalated.map((r): TaskRow => ({ kind: 'caseload.escalated', ...r })),
      ];
    },
  },
  {
    key: 'monitoring',
    keepOrder: true,
    load: async (ctx, today) => (await itemsWaitingFor(ctx.db, ctx.actor.aadObjectId, today, FETCH_LIMIT)).map(monitoringRow(today)),
  },
  {
    key: 'mdo',
    keepOrder: true,
    load: async (ctx) => (await upcomingMdos(ctx.db, ctx.actor.aadObjectId, ctx.clock.now(), FETCH_LIMIT)).map(mdoRow()),
  },
  {
    /**
     * Items of colleagues who are away now and whose personal posts reach the actor (as stand-in,
     * or as teamleider when nobody stands in): the same routing as the delivery sender, so this
     * group and the "namens" notices agree. Consultations are not here: an answer stays personal.
     */
    key: 'namens',
    keepOrder: true,
    async load(ctx, today) {
      const rows: TaskRow[] = [];
      for (const owner of await ownersStoodInFor(ctx.db, routingOf(ctx), ctx.actor.aadObjectId, ctx.clock.now())) {
        const forOwner: ForOwner = { ownerName: owner.ownerName, via: owner.via, until: owner.until };
        const [items, offers, mdos] = await Promise.all([
          itemsWaitingFor(ctx.db, owner.ownerAad, today, FETCH_LIMIT),
          offersToAccept(ctx.db, owner.ownerAad, FETCH_LIMIT),
          upcomingMdos(ctx.db, owner.ownerAad, ctx.clock.now(), FETCH_LIMIT),
        ]);
        // An MDO after the owner's return waits for the owner (the same rule as acting on it).
        const duringAbsence = mdos.filter((m) => withinAbsence(owner, isoDay(localDay(new Date(m.meeting_at), officeZone(ctx)))));
        rows.push(
          ...items.map(monitoringRow(today, forOwner)),
          // Their own offer is not theirs to accept (request.accept): the teamleider does that.
          ...offers.filter((o) => o.helperAad !== ctx.actor.aadObjectId).map(({ helperAad: _h, ...o }): TaskRow => ({ kind: 'caseload.offerToAccept', ...o, forOwner })),
          ...duringAbsence.map(mdoRow(forOwner)),
        );
      }
      return rows;
    },
  },
  {
    key: 'upcoming',
    keepOrder: true,
    info: true,
    async load(ctx) {
      const upcoming = await upcomingChangesFor(ctx.db, ctx.config.office, ctx.clock.now(), ctx.actor.aadObjectId, officeZone(ctx));
      return upcoming.map((u): TaskRow => ({
        kind: 'upcoming.change', at: u.startDate, changeId: u.id, announcementId: u.announcementId, title: u.title, startDate: u.startDate, endDate: u.endDate ?? null, changes: u.changes,
      }));
    },
  },
];
